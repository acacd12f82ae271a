"""The labelled corpus: well formed, and the development split meets the targets.

The held-out fifth is only measured by ``bench/smart_eval.py``, never asserted here, so the
rules are not tuned to it.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from nlp import THEMES, analyze_goal

CORPUS = Path(__file__).with_name("smart_corpus.jsonl")


def items() -> list[dict[str, Any]]:
    with CORPUS.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def test_corpus_is_large_and_covers_every_theme() -> None:
    corpus = items()
    assert len(corpus) >= 150
    assert {item["theme"] for item in corpus} == set(THEMES)
    assert all(item["batch"] for item in corpus)
    for item in corpus:
        assert item["time_bound"] == (item["deadline"] is not None)
        for phrase in item["vague"]:
            assert phrase.lower() in item["text"].lower()


def test_development_split_meets_targets() -> None:
    dev = [item for index, item in enumerate(items()) if index % 5 != 4]
    hits = flagged = expected = 0
    right = dict.fromkeys(("measurable", "time_bound", "deadline"), 0)
    for item in dev:
        found = analyze_goal(item["text"], date.fromisoformat(item["today"]), item["theme"])
        got = Counter(f.text.lower() for f in found.vague_phrases)
        want = Counter(phrase.lower() for phrase in item["vague"])
        hits += sum((got & want).values())
        flagged, expected = flagged + sum(got.values()), expected + sum(want.values())
        right["measurable"] += found.measurable == item["measurable"]
        right["time_bound"] += found.time_bound == item["time_bound"]
        deadline = found.deadline.isoformat() if found.deadline else None
        right["deadline"] += deadline == item["deadline"]
    f1 = 2 * hits / (flagged + expected)
    assert f1 >= 0.95
    assert all(count / len(dev) >= 0.95 for count in right.values()), right
