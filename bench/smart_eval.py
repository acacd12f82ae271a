"""Score the SMART analyzer against the labelled corpus, overall and batch by batch.

Prints precision, recall and F1 for vague-wording flags, and accuracy for measurable,
time-bound and the exact deadline date, separately for the development split and the
held-out fifth (every fifth statement by position in the corpus file, 0-based items 4, 9,
14, ...; fixed by position so it never changes, and new batches are only ever appended).
Rules are written against development misses only (``--errors``); held-out misses are
never listed, so the held-out figures stay an honest estimate for text written by others.

Batches and first-run figures
-----------------------------
Every statement carries a ``batch`` name ("original" is the first corpus; later batches
were written in voices the first one lacked). When a batch is added, its figures are taken
BEFORE any rule is changed for it (``--record-first-run``) and kept in
``bench/smart_first_run.json``; a batch already recorded is never overwritten. The report
prints, for each batch, those first-run figures beside the current ones, dev and held-out
separately, so the gain a batch saw from rule changes (dev) and what it says about unseen
text (first run, and held-out) can be told apart.

How vague flags are scored
--------------------------
Labels are phrases of the statement (see ``tests/nlp/README.md`` for the labelling guide).
Each label is placed on the text as a character span: longer labels first, each at its
first case-insensitive occurrence that no label already placed covers, so a label written
twice ("more" ... "more") takes two different occurrences. The analyzer's flags are spans
already. Then:

- exact: a flag is a true positive when its span is identical to a label's span (same
  start and end); each label can be matched once. "being so lazy" against "so lazy" counts
  as one false positive and one false negative.
- overlap: flags and labels are paired one to one when they share at least one character
  (exact pairs first, then left to right). This forgives edge disagreements ("being so
  lazy" / "so lazy"), never a missing or an extra flag.

Precision = TP / flags, recall = TP / labels, F1 their harmonic mean, all over the
statements of the split (micro-averaged). Measurable, time-bound and deadline are accuracy
over statements; the deadline must be the exact date (both None counts as right).

    python bench/smart_eval.py [--errors] [--batch NAME] [--corpus PATH] [--record-first-run]
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

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "nlp" / "smart_corpus.jsonl"
FIRST_RUN = ROOT / "bench" / "smart_first_run.json"
HELD_OUT_EVERY = 5  # items 4, 9, 14, ... (0-based) are held out
FIELDS = ("measurable", "time_bound", "deadline")
Span = tuple[int, int]


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

    def figures(self) -> dict[str, float]:
        exact = _prf(self.true_pos, self.false_pos, self.false_neg)
        overlap = _prf(self.overlap_tp, self.overlap_fp, self.overlap_fn)
        result = {"items": float(self.items), "exact_f1": exact[2], "overlap_f1": overlap[2]}
        result |= {"exact_p": exact[0], "exact_r": exact[1]}
        result |= {name: self.correct[name] / self.items if self.items else 0.0 for name in FIELDS}
        return result


def load(path: Path = CORPUS) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def is_held_out(index: int) -> bool:
    return index % HELD_OUT_EVERY == HELD_OUT_EVERY - 1


def label_spans(text: str, phrases: list[str]) -> list[Span]:
    """Place each labelled phrase on the text (longest first, no two on the same words)."""
    lowered, placed = text.lower(), []
    for phrase in sorted(phrases, key=len, reverse=True):
        wanted, start = phrase.lower(), 0
        while (start := lowered.find(wanted, start)) >= 0:
            end = start + len(wanted)
            if all(end <= s or start >= e for s, e in placed):
                placed.append((start, end))
                break
            start += 1
        else:
            placed.append((-1, -1))  # not in the text: always a miss
    return sorted(placed)


def match_spans(gold: list[Span], found: list[Span]) -> tuple[int, int]:
    """(exact pairs, overlap pairs), each a one-to-one pairing of found flags to labels."""
    exact = len(set(gold) & set(found))  # spans in one statement are distinct
    used_gold: set[int] = set()
    used_found: set[int] = set()
    for gi, span in enumerate(gold):
        if span in found:
            used_gold.add(gi)
            used_found.add(found.index(span))
    for gi, (start, end) in enumerate(gold):
        if gi in used_gold:
            continue
        for fi, (f_start, f_end) in enumerate(found):
            if fi not in used_found and f_start < end and start < f_end:
                used_gold.add(gi)
                used_found.add(fi)
                break
    return exact, len(used_gold)


def score_item(item: dict[str, Any], report: SmartReport, score: Score) -> list[str]:
    """Add one item to ``score``; return descriptions of what went wrong."""
    gold = label_spans(item["text"], item["vague"])
    found = sorted((finding.start, finding.end) for finding in report.vague_phrases)
    exact, overlap = match_spans(gold, found)
    score.true_pos += exact
    score.false_pos += len(found) - exact
    score.false_neg += len(gold) - exact
    score.overlap_tp += overlap
    score.overlap_fp += len(found) - overlap
    score.overlap_fn += len(gold) - overlap
    score.items += 1
    got = {
        "measurable": report.measurable,
        "time_bound": report.time_bound,
        "deadline": report.deadline.isoformat() if report.deadline else None,
    }
    errors = [
        f"{name}: got {got[name]} want {item[name]}" for name in FIELDS if got[name] != item[name]
    ]
    for name in FIELDS:
        score.correct[name] += got[name] == item[name]
    if exact != len(gold) or exact != len(found):
        text = item["text"]
        errors.append(f"vague: got {[text[s:e] for s, e in found]} want {item['vague']}")
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
        "  vague flags, exact  : P {:.3f}  R {:.3f}  F1 {:.3f}".format(*strict),
        "  vague flags, overlap: P {:.3f}  R {:.3f}  F1 {:.3f}".format(*overlap),
    ]
    lines += [
        f"  {field:<11} accuracy {score.correct[field] / score.items:.3f}" for field in FIELDS
    ]
    return "\n".join(lines)


def _short(figures: dict[str, float] | None) -> str:
    if not figures:
        return "-"
    return "n={:<3.0f} exact {:.3f} overlap {:.3f} | meas {:.3f} time {:.3f} date {:.3f}".format(
        figures["items"],
        figures["exact_f1"],
        figures["overlap_f1"],
        figures["measurable"],
        figures["time_bound"],
        figures["deadline"],
    )


def evaluate(
    corpus: list[dict[str, Any]], show_errors: bool, only_batch: str | None = None
) -> tuple[Score, Score, dict[str, tuple[Score, Score]]]:
    dev, held_out = Score(), Score()
    batches: dict[str, tuple[Score, Score]] = {}
    for index, item in enumerate(corpus):
        batch = item.get("batch", "original")
        if only_batch and batch != only_batch:
            continue
        report = analyze_goal(
            item["text"], today=date.fromisoformat(item["today"]), theme=item["theme"]
        )
        held = is_held_out(index)
        errors = score_item(item, report, held_out if held else dev)
        score_item(item, report, batches.setdefault(batch, (Score(), Score()))[held])
        if errors and show_errors and not held:
            print(f"[{index} {batch}] {item['text']}\n    " + "\n    ".join(errors))
    return dev, held_out, batches


def _load_first_run() -> dict[str, Any]:
    return json.loads(FIRST_RUN.read_text(encoding="utf-8")) if FIRST_RUN.exists() else {}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--errors", action="store_true", help="list development-split misses")
    parser.add_argument("--batch", help="score only this batch")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="corpus file (JSON lines)")
    parser.add_argument(
        "--record-first-run",
        action="store_true",
        help="store figures for batches not yet in bench/smart_first_run.json",
    )
    args = parser.parse_args()
    dev, held_out, batches = evaluate(load(args.corpus), args.errors, args.batch)
    print(summary("development split", dev))
    print(summary("held-out fifth", held_out))
    first_run = _load_first_run()
    if args.record_first_run:
        for name, (b_dev, b_held) in batches.items():
            if name not in first_run:
                first_run[name] = {"dev": b_dev.figures(), "held_out": b_held.figures()}
                print(f"recorded first-run figures for batch {name!r}")
        FIRST_RUN.write_text(json.dumps(first_run, indent=1, sort_keys=True) + "\n", "utf-8")
    print("\nper batch (vague-flag F1, exact and overlap; accuracies)")
    for name, (b_dev, b_held) in batches.items():
        recorded = first_run.get(name, {})
        print(f"{name}")
        for split, score in (("dev", b_dev), ("held_out", b_held)):
            print(f"  {split:<8} first run  {_short(recorded.get(split))}")
            print(f"  {split:<8} now        {_short(score.figures())}")


if __name__ == "__main__":
    main()
