"""Evaluate nlp.detect_crisis on a labelled corpus and print recall and false-alarm figures.

    python bench/crisis_eval.py [--corpus PATH] [--split all|dev|heldout] [--quiet]

Recall is measured on messages labelled crisis (required: 100%), the false-alarm rate on the
rest (target: at most 10%). Every miss and false alarm is listed by id with its text: the
corpus is ours, and this output is for the people tuning the rules. A fifth of the corpus is
held out deterministically (by a hash of the id) so rules can be tuned on the rest.
The exit status is 1 when recall is below 100%.

Fresh batches (rows with a `batch` field) were written in voices the rules had not seen, and each
row records in `first_run` whether detection flagged it before any rule was changed for that
batch. The per-batch table prints those first-run figures next to the current ones: the first-run
column is the honest estimate of how the rules do on wording nobody tuned them for. Rows of
fresh7/fresh8 also carry `first_run_4tier`: their result once the distress tier was added, built on
other material and before any tuning on those batches (shown as "4-tier first"). From fresh9 on,
`first_run` itself is the four-tier result, and from fresh10 on the
five-tier result: rules plus the learned tier, trained before the batch existed.

Labelling rule (the product rule, DESIGN.md decision 3): a message is labelled crisis when a
careful human reading it in this bot would want crisis lines offered. That covers suicidal
thoughts of any directness, self-harm, overdose, danger from others, and first-person despair
about life as a whole: hopelessness, entrapment, feeling a burden, self-hatred, exhaustion with
life, wanting everything to stop, feeling unsafe, wishing to disappear or not wake, giving up,
goodbye tone. It is labelled not-crisis when the low mood is bounded and held: tied to a task or
an event, said with its resolution or support ("I felt low today but talked to my sister", "sad
week, our dog died, but the kids made a memorial"), or plain hyperbole about things ("this
deadline is killing me", "done with this homework lol").

`--smart` also runs the goal statements of tests/nlp/smart_corpus.jsonl (all non-crisis) and
lists every one that fires: goal talk is what the bot sees most, so this is the precision guard.
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

from spacy.language import Language
from spacy.pipeline import TextCategorizer

from nlp.components.crisis_classifier import PIPE, THRESHOLD, strongest_passage
from nlp.crisis import detect_crisis, find_crisis
from nlp.train_crisis import Labelled, read_calm_corpora, train

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / "tests" / "nlp" / "crisis_corpus.jsonl"
SMART_CORPUS = DEFAULT_CORPUS.with_name("smart_corpus.jsonl")
FALSE_ALARM_TARGET = 0.10
CALM_FOLDS = 5


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    label: bool
    category: str
    batch: str = "original"
    first_run: bool | None = None  # flagged before the rules were changed for its batch
    first_run_4tier: bool | None = None  # flagged by four tiers before tuning on its batch


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
            examples.append(
                Example(
                    row["id"],
                    row["text"],
                    bool(row["label"]),
                    row["category"],
                    row.get("batch", "original"),
                    row.get("first_run"),
                    row.get("first_run_4tier"),
                )
            )
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


def batches(outcomes: list[Outcome]) -> None:
    """Per fresh batch: recall and false alarms on its first run, and now."""
    by_batch: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_batch[outcome.example.batch].append(outcome)
    by_batch["fresh (pooled)"] = [o for o in outcomes if o.example.batch != "original"]
    print("== per batch: first run (before any fix for the batch) -> now")
    print(
        f"  {'batch':<16} {'recall first':>16} {'recall now':>16} {'alarms first':>14} {'now':>12}"
    )
    for name, items in sorted(by_batch.items()):
        crisis = [o for o in items if o.example.label]
        calm = [o for o in items if not o.example.label]
        recall_now = rate(sum(o.predicted for o in crisis), len(crisis))
        alarms_now = rate(sum(o.predicted for o in calm), len(calm))
        print(
            f"  {name:<16} {_first(crisis):>16} {recall_now:>16}"
            f" {_first(calm):>14} {alarms_now:>12}"
        )
    four = {
        n: i for n, i in by_batch.items() if all(o.example.first_run_4tier is not None for o in i)
    }
    if four:
        print("== 4-tier first run (distress tier added, before tuning on the batch)")
        for name, items in sorted(four.items()):
            crisis = [o for o in items if o.example.label]
            calm = [o for o in items if not o.example.label]
            print(f"  {name:<16} {_first(crisis, True):>16} {'':>16} {_first(calm, True):>14}")


def _first(rows: list[Outcome], four_tier: bool = False) -> str:
    def flag(o: Outcome) -> bool | None:
        return o.example.first_run_4tier if four_tier else o.example.first_run

    if not rows or any(flag(o) is None for o in rows):
        return "n/a"
    return rate(sum(bool(flag(o)) for o in rows), len(rows))


def smart_alarms(path: Path) -> None:
    """The precision guard: goal statements (all non-crisis) that detection flags."""
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    matches = [(text, detect_crisis(text)) for text in texts]
    fired = [(text, m) for text, m in matches if m is not None]
    distress = sum(m.kind == "distress" for _, m in fired)
    print(f"== goal statements ({path.name}): {rate(len(fired), len(texts))} flagged,")
    print(f"   {rate(distress, len(texts))} by the distress tier")
    for text, m in fired:
        print(f"  FLAGGED [{m.rule}]: {text!r}")


def cross_batch(examples: list[Example]) -> None:
    """The learned tier's honest figure: every fresh batch scored by a model trained without it.

    Each fresh batch (fresh1 ... freshN, sub-batches together) is left out in turn; the rules
    count as they were on the batch's first run (`first_run`), and the classifier as trained on
    everything else. One fifth of the calm corpora (goal statements, everyday chat) is left out
    with each of the first five batches and scored by rules and classifier together. Figures are
    printed for the shipped threshold and its neighbours.
    """
    calm = read_calm_corpora()
    folds = [calm[i::CALM_FOLDS] for i in range(CALM_FOLDS)]
    groups: dict[str, list[Example]] = defaultdict(list)
    for example in examples:
        if example.batch != "original":
            groups[example.batch.split("-")[0]].append(example)
    scored: list[tuple[bool, bool, float]] = []  # label, rules flagged it, classifier score
    calm_scored: list[tuple[bool, float]] = []
    for index, (name, batch) in enumerate(sorted(groups.items(), key=_batch_order)):
        held_calm = folds[index] if index < CALM_FOLDS else []
        nlp = train(_training_without(examples, name, calm, held_calm))
        scored += [(e.label, bool(e.first_run), _score(nlp, e.text)) for e in batch]
        with nlp.select_pipes(disable=[PIPE]):
            rules = [find_crisis(m.text, nlp) is not None for m in held_calm]
        calm_scored += [
            (rule, _score(nlp, m.text)) for rule, m in zip(rules, held_calm, strict=True)
        ]
    print("== cross-batch: rules on their first run, or a classifier trained without the batch")
    for threshold in sorted({THRESHOLD - 0.1, THRESHOLD, THRESHOLD + 0.1}):
        crisis = [rule or score >= threshold for label, rule, score in scored if label]
        quiet = [rule or score >= threshold for label, rule, score in scored if not label]
        chat = [rule or score >= threshold for rule, score in calm_scored]
        mark = " (shipped)" if threshold == THRESHOLD else ""
        print(
            f"  threshold {threshold:.1f}{mark}: recall {rate(sum(crisis), len(crisis))},"
            f" false alarms {rate(sum(quiet), len(quiet))},"
            f" held-out goals and chat flagged {rate(sum(chat), len(chat))}"
        )


def _score(nlp: Language, text: str) -> float:
    """The learned tier's score as `find_crisis` takes it: its strongest passage."""
    classifier = nlp.get_pipe(PIPE)
    assert isinstance(classifier, TextCategorizer)
    return strongest_passage(nlp(text), classifier)[0]


def _batch_order(item: tuple[str, list[Example]]) -> int:
    return int(item[0].removeprefix("fresh"))


def _training_without(
    examples: list[Example], batch: str, calm: list[Labelled], held_calm: list[Labelled]
) -> list[Labelled]:
    held = set(map(id, held_calm))
    kept = [Labelled(e.text, e.label) for e in examples if e.batch.split("-")[0] != batch]
    return kept + [m for m in calm if id(m) not in held]


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
    parser.add_argument("--smart", action="store_true", help="also run the goal statements")
    parser.add_argument(
        "--cross-batch", action="store_true", help="retrain without each fresh batch (slow)"
    )
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
        outcomes = evaluate(examples)
        recalls.append(report("all", outcomes))
        batches(outcomes)
    if args.smart:
        smart_alarms(SMART_CORPUS)
    if args.cross_batch:
        cross_batch(examples)
    if not args.no_timing:
        timing(examples)
    return 0 if min(recalls) == 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
