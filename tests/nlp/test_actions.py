"""Specific (a concrete action), the action phrase, and avoidance framing."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import report


@pytest.mark.parametrize(
    "text",
    [
        "walk 20 minutes every day",
        "I will call my sister on Sundays",
        "i wanna get up at 7",
        "be in bed by 11pm",
        "quit smoking",
        "I'll declutter one drawer a day",
        "meditate daily",
    ],
)
def test_specific(text: str) -> None:
    assert report(text).specific


@pytest.mark.parametrize(
    "text",
    ["I want to feel better", "be happier", "improve my mood", "stop worrying", "sleep better"],
)
def test_not_specific(text: str) -> None:
    assert not report(text).specific


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("I will walk 20 minutes every morning until March 1", "walk 20 minutes"),
        ("go to the gym 3x a week", "go to the gym"),
        ("quit smoking by March 1", "quit smoking"),
        ("read 20 pages a day", "read 20 pages"),
    ],
)
def test_action_phrase(text: str, action: str) -> None:
    assert report(text).action == action


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("quit smoking by March 1", "quit smoking"),
        ("stop scrolling in bed", "stop scrolling"),
        ("drink less", "drink less"),
        ("no more late nights", "no more late nights"),
        ("be less anxious", "be less anxious"),
    ],
)
def test_avoidance(text: str, trigger: str) -> None:
    found = report(text, theme="sleep").avoidance
    assert found is not None and found.text == trigger
    assert found.suggestion.startswith("Name something to do in its place")


@pytest.mark.parametrize(
    "text",
    [
        "stop scrolling and read instead",
        "walk more and worry less",
        "walk 20 minutes a day",
        "replace scrolling with reading",
    ],
)
def test_no_avoidance_when_something_to_do_is_named(text: str) -> None:
    assert report(text).avoidance is None


@pytest.mark.parametrize("text", ["eat healthy", "study harder", "sleep beter"])
def test_a_vague_adverb_leaves_the_verb_unspecific(text: str) -> None:
    assert not report(text).specific
