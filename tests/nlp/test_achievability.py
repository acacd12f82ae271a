from __future__ import annotations

import pytest

from tests.nlp.conftest import report


def kinds(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in report(text).achievability_warnings]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("never skip the gym", "never"),
        ("always be on time", "always"),
        ("completely stop snacking", "completely"),
        ("walk every single day", "every single"),
        ("be 100% sober", "100%"),
        ("have a perfect routine", "perfect"),
    ],
)
def test_all_or_nothing(text: str, word: str) -> None:
    assert ("all_or_nothing", word) in kinds(text)
    assert not report(text).achievable


def test_big_jump() -> None:
    assert kinds("go from 10 cigarettes a day to 0 in a week") == [
        ("big_jump", "10 cigarettes a day to 0")
    ]


def test_gentle_change_is_fine() -> None:
    assert kinds("cut down from 10 cigarettes a day to 8 within 6 weeks") == []


def test_hours_a_day_that_are_hard_to_find() -> None:
    assert kinds("study 6 hours a day") == [("big_jump", "6 hours a day")]
    assert kinds("sleep 8 hours a night") == []


def test_several_goals() -> None:
    assert kinds("I want to sleep better and stop worrying") == [
        ("several_goals", "sleep better and stop worrying")
    ]
    assert kinds("walk 20 min and meditate 10 min daily")[0][0] == "several_goals"


@pytest.mark.parametrize(
    "text",
    [
        "go to the gym and lift weights 3x a week",
        "walk to work and back twice a week",
        "I will walk 20 minutes every morning until March 1",
        "make dinner and then wash up every night",
    ],
)
def test_one_goal_is_achievable(text: str) -> None:
    assert report(text).achievable


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("go from 3 panic attacks a week to none in 2 weeks", "3 panic attacks a week to none"),
        ("go from zero exercise to running 5 days a week in 2 weeks", None),
        ("cut my screen time from 8 hours a day to 1 hour a day by next week", None),
    ],
)
def test_jumps_to_nothing_and_from_a_heavy_start(text: str, span: str | None) -> None:
    jumps = [found for kind, found in kinds(text) if kind == "big_jump"]
    assert len(jumps) == 1
    if span is not None:
        assert jumps == [span]
