"""The learned crisis tier: trained on our corpora, reproducible, last in line after the rules."""

from __future__ import annotations

import json

import pytest

from nlp import detect_crisis
from nlp.components.crisis_classifier import (
    MODEL_DIR,
    PIPE,
    THRESHOLD,
    crisis_score,
    sentence_pairs,
)
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

CALM_NOTE = [
    "Weekly check-in.",
    "Work was busy but I left on time three days out of five.",
    "Went swimming on Tuesday and Thursday like we planned.",
    "My sister came round on Saturday and we cooked a curry together.",
    "I slept about seven hours most nights.",
    "Goal for next week: walk to the shop instead of driving.",
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


def test_a_line_buried_in_a_calm_note_is_not_outweighed_by_the_rest() -> None:
    buried = BEYOND_THE_RULES[0]
    text = " ".join([*CALM_NOTE[:3], buried + ".", *CALM_NOTE[3:]])
    nlp = crisis_pipeline()
    with nlp.select_pipes(disable=[PIPE]):
        assert nlp(text)._.crisis_findings == ()
    assert crisis_score(nlp(text)) < THRESHOLD  # scored whole, the note reads as calm
    match = detect_crisis(text)
    assert match is not None and match.rule == LEARNED_RULE
    assert buried.split(".")[0] in text[match.start : match.end]
    assert detect_crisis(" ".join(CALM_NOTE)) is None


@pytest.mark.parametrize(
    ("text", "passages"),
    [
        ("One line only", []),
        ("Two lines. The whole text is the passage.", []),
        ("One. Two. Three.", ["One. Two.", "Two. Three."]),
    ],
)
def test_passages_are_pairs_of_adjacent_sentences(text: str, passages: list[str]) -> None:
    doc = crisis_pipeline()(text)
    assert [passage.text for passage in sentence_pairs(doc)] == passages
