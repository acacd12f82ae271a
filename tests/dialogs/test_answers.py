"""Reading short answers typed on a phone."""

from __future__ import annotations

from datetime import time

import pytest

from dialogs.answers import parse_period, parse_time_of_day, parse_weekday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Monday", 0),
        ("mon", 0),
        ("on tuesdays", 1),
        ("THURS", 3),
        ("sunday pls", 6),
        ("someday", None),
    ],
)
def test_weekday(text: str, expected: int | None) -> None:
    assert parse_weekday(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18:00", time(18, 0)),
        ("6pm", time(18, 0)),
        ("6.30 pm", time(18, 30)),
        ("7:15am", time(7, 15)),
        ("12am", time(0, 0)),
        ("noon", time(12, 0)),
        ("at 9", time(9, 0)),
        ("25:00", None),
        ("13pm", None),
        ("evening-ish", None),
    ],
)
def test_time_of_day(text: str, expected: time | None) -> None:
    assert parse_time_of_day(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("daily", "day"),
        ("each week", "week"),
        ("per night", "day"),
        ("weekly!", "week"),
        ("hmm", None),
    ],
)
def test_period(text: str, expected: str | None) -> None:
    assert parse_period(text) == expected
