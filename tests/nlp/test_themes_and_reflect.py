from __future__ import annotations

import pytest

from nlp import THEMES, reflect, suggest_theme


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("I panic on buses and worry all the time", "anxiety"),
        ("I feel so down and empty, nothing is fun", "low_mood"),
        ("my boyfriend and I argue constantly", "relationships"),
        ("I hate myself and have no confidence", "self_esteem"),
        ("work is overwhelming, I'm so stressed", "stress"),
        ("I can't sleep, up till 3am", "sleep"),
        ("I want to quit smoking", "habits"),
        ("I keep failing exams at uni", "work_school"),
        ("my mum passed away last year", "grief"),
    ],
)
def test_suggest_theme(text: str, theme: str) -> None:
    assert suggest_theme(text) == theme


def test_no_theme_when_nothing_points_anywhere() -> None:
    assert suggest_theme("hello there") is None
    assert suggest_theme("") is None


def test_never_suggests_other() -> None:
    assert "other" in THEMES
    assert suggest_theme("I want things to be different") != "other"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I want to sleep better and stop worrying",
            "you want to sleep better and stop worrying",
        ),
        ("I'm tired of my job.", "you're tired of your job"),
        ("I’m scared of losing myself!!", "you're scared of losing yourself"),
        ("Nobody listens to me", "Nobody listens to you"),
        ("I am done, I was trying", "you are done, you were trying"),
        ("im always late", "you're always late"),
    ],
)
def test_reflect(text: str, expected: str) -> None:
    assert reflect(text) == expected
