"""Train the learned crisis tier from the labelled corpora and save it to nlp/models/.

    python -m nlp.train_crisis [--out DIR]

Deterministic: the same corpora give the same weights. Run it after any change to
`tests/nlp/crisis_corpus.jsonl`, `smart_corpus.jsonl` or `calm_chat.jsonl`; a test compares
the corpora's hashes with those recorded in `training.json` beside the weights.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.pipeline import TextCategorizer
from spacy.tokens import Doc
from spacy.training import Example
from thinc.api import fix_random_seed

from nlp.components.crisis_classifier import (
    CALM,
    CRISIS,
    MODEL_DIR,
    PIPE,
    add_classifier,
    sentence_pairs,
)
from nlp.components.crisis_language import FACTORY

CORPUS_DIR = Path(__file__).resolve().parent.parent / "tests" / "nlp"
CRISIS_CORPUS = CORPUS_DIR / "crisis_corpus.jsonl"
GOAL_CORPUS = CORPUS_DIR / "smart_corpus.jsonl"
CHAT_CORPUS = CORPUS_DIR / "calm_chat.jsonl"
CALM_CORPORA = (GOAL_CORPUS, CHAT_CORPUS)
TRAINING_RECORD = "training.json"
SEED = 0
EPOCHS = 12
BATCH_SIZE = 16
DROPOUT = 0.2


@dataclass(frozen=True)
class Labelled:
    text: str
    crisis: bool


def read_corpora() -> list[Labelled]:
    """Every labelled message, then the calm ones from the other corpora."""
    labelled = [Labelled(str(row["text"]), bool(row["label"])) for row in _rows(CRISIS_CORPUS)]
    return labelled + read_calm_corpora()


def read_calm_corpora() -> list[Labelled]:
    """Goal statements and everyday chat: what the bot reads most, none of it crisis."""
    return [Labelled(str(row["text"]), False) for path in CALM_CORPORA for row in _rows(path)]


def train(messages: Iterable[Labelled]) -> Language:
    """A crisis pipeline (rules, then the classifier) trained on these messages."""
    fix_random_seed(SEED)
    shuffle = random.Random(SEED).shuffle
    nlp = spacy.blank("en")
    rules = nlp.add_pipe(FACTORY)
    add_classifier(nlp)
    examples = [example for m in messages for example in _examples(rules(nlp.make_doc(m.text)), m)]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(EPOCHS):
        shuffle(examples)
        for start in range(0, len(examples), BATCH_SIZE):
            nlp.update(examples[start : start + BATCH_SIZE], sgd=optimizer, drop=DROPOUT)
    return nlp


def corpus_hashes(*paths: Path) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in paths}


def save(nlp: Language, out: Path) -> None:
    classifier = nlp.get_pipe(PIPE)
    assert isinstance(classifier, TextCategorizer)
    classifier.to_disk(out, exclude=["vocab"])
    record = {
        "corpora": corpus_hashes(CRISIS_CORPUS, *CALM_CORPORA),
        "seed": SEED,
        "epochs": EPOCHS,
        "batch_size": BATCH_SIZE,
        "dropout": DROPOUT,
    }
    (out / TRAINING_RECORD).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


def _examples(doc: Doc, message: Labelled) -> Iterator[Example]:
    """The message, and each passage of a calm one: every passage of a calm message is calm,
    while which passage of a crisis message carries the crisis is not labelled."""
    yield Example.from_dict(doc, {"cats": _cats(message.crisis)})
    if not message.crisis:
        for passage in sentence_pairs(doc):
            yield Example.from_dict(passage.as_doc(), {"cats": _cats(False)})


def _cats(crisis: bool) -> dict[str, float]:
    return {CRISIS: float(crisis), CALM: float(not crisis)}


def _rows(path: Path) -> list[dict[str, object]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    args = parser.parse_args()
    messages = read_corpora()
    save(train(messages), args.out)
    crisis = sum(m.crisis for m in messages)
    print(f"trained on {len(messages)} messages ({crisis} crisis) -> {args.out}")


if __name__ == "__main__":
    main()
