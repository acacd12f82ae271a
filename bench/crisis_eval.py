"""Evaluate nlp.detect_crisis on a labelled corpus and print recall and false-alarm figures.

    python bench/crisis_eval.py [--corpus PATH] [--split all|dev|heldout] [--quiet]

Recall is measured on messages labelled crisis (required: 100%), the false-alarm rate on the
rest (target: at most 10%). Every miss and false alarm is listed by id with its text: the
corpus is ours, and this output is for the people tuning the rules. A fifth of the corpus is
held out deterministically (by a hash of the id) so rules can be tuned on the rest.
The exit status is 1 when recall is below 100%.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from nlp.crisis import detect_crisis

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / "tests" / "nlp" / "crisis_corpus.jsonl"
FALSE_ALARM_TARGET = 0.10


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    label: bool
    category: str


@dataclass(frozen=True)
class Outcome:
    example: Example
    predicted: bool
    rule: str


def is_held_out(example_id: str) -> bool:
    """Deterministic one-in-five split, stable when examples are added or reordered."""
    return int(hashlib.sha256(example_id.encode()).hexdigest(), 16) % 5 == 0


def load_corpus(path: Path) -> list[Example]:
    examples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            examples.append(Example(row["id"], row["text"], bool(row["label"]), row["category"]))
    return examples


def evaluate(examples: list[Example]) -> list[Outcome]:
    outcomes = []
    for example in examples:
        match = detect_crisis(example.text)
        outcomes.append(Outcome(example, match is not None, match.rule if match else ""))
    return outcomes


def rate(hits: int, total: int) -> str:
    return f"{hits}/{total} ({hits / total:.1%})" if total else "n/a"


def report(title: str, outcomes: list[Outcome]) -> float:
    """Print figures and errors for one split; return recall (1.0 if nothing was to be found)."""
    crisis = [o for o in outcomes if o.example.label]
    calm = [o for o in outcomes if not o.example.label]
    found = sum(o.predicted for o in crisis)
    alarms = sum(o.predicted for o in calm)
    print(f"== {title}: {len(outcomes)} messages")
    print(f"recall        {rate(found, len(crisis))}   (required 100%)")
    print(f"false alarms  {rate(alarms, len(calm))}   (target <= {FALSE_ALARM_TARGET:.0%})")
    by_category: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_category[outcome.example.category].append(outcome)
    for category, items in sorted(by_category.items()):
        flagged = sum(o.predicted for o in items)
        figure = "recall" if items[0].example.label else "false alarms"
        print(f"  {category:<14} {figure:<13} {rate(flagged, len(items))}")
    for o in crisis:
        if not o.predicted:
            print(f"  MISS        {o.example.id}: {o.example.text!r}")
    for o in calm:
        if o.predicted:
            print(f"  FALSE ALARM {o.example.id} [{o.rule}]: {o.example.text!r}")
    return found / len(crisis) if crisis else 1.0


def timing(examples: list[Example]) -> None:
    texts = [e.text for e in examples]
    samples = []
    for _ in range(20):
        for text in texts:
            start = time.perf_counter()
            detect_crisis(text)
            samples.append(time.perf_counter() - start)
    long_text = ("I went for a walk and made a plan for the week. " * 85) + "I want to die."
    start = time.perf_counter()
    found = detect_crisis(long_text) is not None
    long_ms = (time.perf_counter() - start) * 1000
    samples.sort()
    print(
        f"== speed: median {statistics.median(samples) * 1e6:.0f} us, "
        f"p99 {samples[int(len(samples) * 0.99)] * 1e6:.0f} us per message; "
        f"{len(long_text)}-char message {long_ms:.1f} ms (crisis at the end found: {found})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--split", choices=("all", "dev", "heldout"), default="all")
    parser.add_argument("--no-timing", action="store_true")
    args = parser.parse_args()
    examples = load_corpus(args.corpus)
    dev = [e for e in examples if not is_held_out(e.id)]
    held_out = [e for e in examples if is_held_out(e.id)]
    recalls = []
    if args.split in ("all", "dev"):
        recalls.append(report("dev", evaluate(dev)))
    if args.split in ("all", "heldout"):
        recalls.append(report("held-out", evaluate(held_out)))
    if args.split == "all":
        recalls.append(report("all", evaluate(examples)))
    if not args.no_timing:
        timing(examples)
    return 0 if min(recalls) == 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
