from __future__ import annotations

import pytest

from nlp import parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3", 3.0),
        ("three", 3.0),
        ("Twice", 2.0),
        ("once", 1.0),
        ("a couple", 2.0),
        ("half", 0.5),
        ("zero", 0.0),
        ("none", 0.0),
        ("no", 0.0),
        ("never", 0.0),
        ("none this week", 0.0),
        ("1.5", 1.5),
        ("twenty-five", 25.0),
        ("fifty five", 55.0),
        ("10,000", 10000.0),
        ("2-3", 2.0),  # a range counts as its low end
        ("two or three", 2.0),
        ("2 and a half", 2.5),
        ("10min", 10.0),
        ("about 4 hours", 4.0),
    ],
)
def test_reads_numbers_as_typed(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "no idea", "not sure", "lots", "🙂", "someone"])
def test_no_number(text: str) -> None:
    assert parse_number(text) is None
