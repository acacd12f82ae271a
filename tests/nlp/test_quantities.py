from __future__ import annotations

import pytest

from nlp import Quantity, parse_quantity
from nlp.quantities import find_quantities


@pytest.mark.parametrize(
    ("text", "value", "unit", "per"),
    [
        ("3x a week", 3, "times", "week"),
        ("2x/wk", 2, "times", "week"),
        ("x3 weekly", 3, "times", "week"),
        ("twice", 2, "times", None),
        ("10min", 10, "minutes", None),
        ("about 4 hours a night", 4, "hours", "day"),
        ("3 panic attacks a week", 3, "panic attacks", "week"),
        ("half an hour a day", 30, "minutes", "day"),
        ("an hour and a half", 90, "minutes", None),
        ("10k steps", 10000, "steps", None),
        ("run 5k", 5, "km", None),
        ("every other day", 0.5, "times", "day"),
        ("every morning", 1, "times", "day"),
        ("each weekend", 1, "times", "week"),
        ("everyday", 1, "times", "day"),
        ("no more than 2 coffees a day", 2, "coffees", "day"),
        ("save £50 a month", 50, "£", "month"),
        ("in bed by 11pm", 23, "o'clock", None),
    ],
)
def test_parse_quantity(text: str, value: float, unit: str | None, per: str | None) -> None:
    found = parse_quantity(text)
    assert found is not None
    assert (found.value, found.unit, found.per) == (value, unit, per)
    assert text[found.start : found.end] == found.text


def test_none_is_zero() -> None:
    assert parse_quantity("none") == Quantity(0.0, None, None, "none", 0, 4)


@pytest.mark.parametrize("text", ["", "not sure", "one day I will", "loads"])
def test_no_quantity(text: str) -> None:
    assert parse_quantity(text) is None


def test_change_gives_start_and_target() -> None:
    start, target = find_quantities("from 10 cigarettes a day to 2")
    assert (start.value, start.unit, start.per) == (10, "cigarettes", "day")
    assert (target.value, target.unit) == (2, "cigarettes")


def test_blocked_ranges_are_skipped() -> None:
    text = "walk until March 1"
    assert find_quantities(text, blocked=[(11, 18)]) == ()


@pytest.mark.parametrize(
    ("text", "value", "unit", "per"),
    [
        ("mon wed fri", 3, "times", "week"),
        ("tuesdays and thursdays", 2, "times", "week"),
        ("sunday to thursday", 5, "times", "week"),
        ("mon-fri", 5, "times", "week"),
        ("on sunday mornings", 1, "times", "week"),
        ("before midnight", 0, "o'clock", None),
        ("a week before the deadline", 1, "weeks", None),
        ("3 time in week", 3, "times", "week"),
    ],
)
def test_day_sets_named_times_and_lead_times(
    text: str, value: float, unit: str, per: str | None
) -> None:
    found = find_quantities(text)
    assert [(q.value, q.unit, q.per) for q in found] == [(value, unit, per)]


@pytest.mark.parametrize(
    ("text", "value", "per"),
    [
        ("practise with them two times in the week", 2, "week"),
        ("3 times in the month", 3, "month"),
        ("call mum once a week", 1, "week"),
        ("call mum once this week", 1, None),
    ],
)
def test_frequencies_with_in_the(text: str, value: float, per: str | None) -> None:
    (found,) = find_quantities(text)
    assert (found.value, found.unit, found.per) == (value, "times", per)


@pytest.mark.parametrize(
    "text",
    [
        "quit vaping by my 18th birthday",
        "a party for my 40th",
        "feel calmer once my husband is home from hospital",
        "once I'm settled in, join a club",
        "once the kids are in bed",
        "try once more",
        "go out once in a while",
        "quit once and for all",
        "be more patient with each other",
        "we talk to each other and not at each other",
    ],
)
def test_ordinals_conjunctions_and_idioms_count_nothing(text: str) -> None:
    assert find_quantities(text) == ()
