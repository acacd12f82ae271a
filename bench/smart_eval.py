"""Score the SMART analyzer against the labelled corpus.

Prints precision, recall and F1 for vague-wording flags, and accuracy for measurable,
time-bound and the exact deadline date, separately for the development split and the
held-out fifth (every fifth statement, fixed by position so it never changes).

Flags are scored two ways: strict (the flagged text equals the labelled text, ignoring case)
and overlap (the flag and the label share at least one character), because people draw the
edges of a vague phrase differently ("so much" or "much").

    python bench/smart_eval.py [--errors]     # --errors lists development-split misses only
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nlp import SmartReport, analyze_goal  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "nlp" / "smart_corpus.jsonl"
HELD_OUT_EVERY = 5  # items 4, 9, 14, ... (0-based) are held out


@dataclass
class Score:
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    overlap_tp: int = 0
    overlap_fp: int = 0
    overlap_fn: int = 0
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    items: int = 0


FIELDS = ("measurable", "time_bound", "deadline")


def load(path: Path = CORPUS) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def is_held_out(index: int) -> bool:
    return index % HELD_OUT_EVERY == HELD_OUT_EVERY - 1


def _spans(text: str, phrases: list[str]) -> list[tuple[int, int]]:
    lowered, spans = text.lower(), []
    for phrase in phrases:
        start = lowered.find(phrase.lower())
        spans.append((start, start + len(phrase)) if start >= 0 else (-1, -1))
    return spans


def _overlap_matches(gold: list[tuple[int, int]], found: list[tuple[int, int]]) -> int:
    used: set[int] = set()
    for start, end in gold:
        for index, (f_start, f_end) in enumerate(found):
            if index not in used and f_start < end and start < f_end:
                used.add(index)
                break
    return len(used)


def score_item(item: dict[str, Any], report: SmartReport, score: Score) -> list[str]:
    """Add one item to ``score``; return descriptions of what went wrong."""
    gold = [phrase.lower() for phrase in item["vague"]]
    found = [finding.text.lower() for finding in report.vague_phrases]
    hits = len(set(gold) & set(found))
    score.true_pos += hits
    score.false_pos += len(found) - hits
    score.false_neg += len(gold) - hits
    gold_spans = _spans(item["text"], item["vague"])
    found_spans = [(finding.start, finding.end) for finding in report.vague_phrases]
    overlap = _overlap_matches(gold_spans, found_spans)
    score.overlap_tp += overlap
    score.overlap_fp += len(found_spans) - overlap
    score.overlap_fn += len(gold_spans) - overlap
    score.items += 1
    expected_deadline = item["deadline"]
    got = {
        "measurable": report.measurable,
        "time_bound": report.time_bound,
        "deadline": report.deadline.isoformat() if report.deadline else None,
    }
    expected = {
        "measurable": item["measurable"],
        "time_bound": item["time_bound"],
        "deadline": expected_deadline,
    }
    errors = [
        f"{name}: got {got[name]} want {expected[name]}"
        for name in FIELDS
        if got[name] != expected[name]
    ]
    for name in FIELDS:
        score.correct[name] += got[name] == expected[name]
    if sorted(gold) != sorted(found):
        errors.append(f"vague: got {found} want {gold}")
    return errors


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def summary(name: str, score: Score) -> str:
    strict = _prf(score.true_pos, score.false_pos, score.false_neg)
    overlap = _prf(score.overlap_tp, score.overlap_fp, score.overlap_fn)
    lines = [
        f"{name} ({score.items} statements)",
        "  vague flags, strict : P {:.3f}  R {:.3f}  F1 {:.3f}".format(*strict),
        "  vague flags, overlap: P {:.3f}  R {:.3f}  F1 {:.3f}".format(*overlap),
    ]
    lines += [
        f"  {field:<11} accuracy {score.correct[field] / score.items:.3f}" for field in FIELDS
    ]
    return "\n".join(lines)


def evaluate(show_errors: bool) -> tuple[Score, Score]:
    dev, held_out = Score(), Score()
    for index, item in enumerate(load()):
        report = analyze_goal(
            item["text"], today=date.fromisoformat(item["today"]), theme=item["theme"]
        )
        target = held_out if is_held_out(index) else dev
        errors = score_item(item, report, target)
        if errors and show_errors and target is dev:
            print(f"[{index}] {item['text']}\n    " + "\n    ".join(errors))
    return dev, held_out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--errors", action="store_true", help="list development-split misses")
    args = parser.parse_args()
    dev, held_out = evaluate(args.errors)
    print(summary("development split", dev))
    print(summary("held-out fifth", held_out))


if __name__ == "__main__":
    main()
