"""The learned crisis tier: trained on our corpora, reproducible, last in line after the rules."""

from __future__ import annotations

import json

import pytest

from nlp import detect_crisis
from nlp.components.crisis_classifier import MODEL_DIR, PIPE, THRESHOLD, crisis_score
from nlp.crisis import LEARNED_RULE, crisis_pipeline
from nlp.train_crisis import (
    CALM_CORPORA,
    CRISIS_CORPUS,
    TRAINING_RECORD,
    corpus_hashes,
    read_corpora,
    train,
)

# Wordings no rule covers (each is checked to be silent without the classifier below).
BEYOND_THE_RULES = [
    "gave my guitar to my little brother today and my cat to the neighbour. feels good to have "
    "everything sorted",
    "Which parking garages downtown let you get onto the roof? I'm not planning on walking back "
    "down.",
]


def test_shipped_weights_were_trained_on_the_current_corpora() -> None:
    record = json.loads((MODEL_DIR / TRAINING_RECORD).read_text(encoding="utf-8"))
    assert record["corpora"] == corpus_hashes(CRISIS_CORPUS, *CALM_CORPORA), (
        "a corpus changed: run `python -m nlp.train_crisis` and commit nlp/models/"
    )


def test_training_reproduces_the_shipped_weights() -> None:
    messages = read_corpora()
    retrained = train(messages)
    shipped = crisis_pipeline()
    sample = [m.text for m in messages[::40]]
    assert [round(crisis_score(retrained(t)), 5) for t in sample] == [
        round(crisis_score(shipped(t)), 5) for t in sample
    ]


@pytest.mark.parametrize("text", BEYOND_THE_RULES, ids=lambda t: t[:30])
def test_wording_beyond_the_rules_is_found_as_distress(text: str) -> None:
    with crisis_pipeline().select_pipes(disable=[PIPE]):
        doc = crisis_pipeline()(text)
        assert doc._.crisis_findings == ()
    match = detect_crisis(text)
    assert match is not None
    assert (match.kind, match.immediate_danger, match.rule) == ("distress", False, LEARNED_RULE)
    assert (match.start, match.end) == (0, len(text))


def test_the_classifier_only_speaks_when_the_rules_are_silent() -> None:
    text = "I cut myself again last night"
    assert crisis_score(crisis_pipeline()(text)) >= THRESHOLD
    match = detect_crisis(text)
    assert match is not None and match.rule != LEARNED_RULE and match.kind == "self_harm"


def test_misspellings_share_the_weights_of_the_word_they_stand_for() -> None:
    nlp = crisis_pipeline()
    assert crisis_score(nlp("i wanna kil myslef")) == crisis_score(nlp("i want kill myself"))
