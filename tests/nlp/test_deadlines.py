from __future__ import annotations

from datetime import date

import pytest

from nlp import parse_deadline
from nlp.deadlines import add_months, find_deadlines

SATURDAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("within 6 weeks", date(2027, 1, 2)),
        ("6 weeks", date(2027, 1, 2)),
        ("in two weeks", date(2026, 12, 5)),
        ("in 2 wks", date(2026, 12, 5)),
        ("within a fortnight", date(2026, 12, 5)),
        ("a month from now", date(2026, 12, 21)),
        ("by March 1", date(2027, 3, 1)),
        ("March 1st", date(2027, 3, 1)),
        ("1 March", date(2027, 3, 1)),
        ("the 3rd of december", date(2026, 12, 3)),
        ("2027-03-01", date(2027, 3, 1)),
        ("by Friday", date(2026, 11, 27)),
        ("next friday", date(2026, 11, 27)),
        ("by the end of the month", date(2026, 11, 30)),
        ("end of the month", date(2026, 11, 30)),
        ("by the end of the year", date(2026, 12, 31)),
        ("by the end of next week", date(2026, 11, 29)),
        ("for the next month", date(2026, 12, 21)),
        ("by Christmas", date(2026, 12, 25)),
        ("by new year", date(2027, 1, 1)),
        ("by easter", date(2027, 3, 28)),
        ("tomorrow", date(2026, 11, 22)),
        ("by march", date(2027, 3, 1)),
        ("in march", date(2027, 3, 31)),
        ("by the 15th", date(2026, 12, 15)),
        ("for 30 days", date(2026, 12, 21)),
        ("this week", date(2026, 11, 22)),
        # "this time next month": the same day one period on
        ("by this time next month", date(2026, 12, 21)),
        ("this time next year", date(2027, 11, 21)),
        ("by the same time next week", date(2026, 11, 28)),
        ("by this time tomorrow", date(2026, 11, 22)),
    ],
)
def test_short_answers(text: str, expected: date) -> None:
    assert parse_deadline(text, SATURDAY) == expected


def test_past_date_rolls_to_next_year() -> None:
    assert parse_deadline("by June 1", date(2026, 6, 2)) == date(2027, 6, 1)
    assert parse_deadline("by June 1", date(2026, 6, 1)) == date(2026, 6, 1)


@pytest.mark.parametrize(
    "text",
    [
        "by summer",
        "soon",
        "every day",
        "1/3",
        "eventually",
        "in a few weeks",
        "every friday",
        "",
        "at the same time every day",
    ],
)
def test_no_date_for_vague_periods_and_frequencies(text: str) -> None:
    assert parse_deadline(text, SATURDAY) is None


def test_vague_periods_are_reported_as_vague() -> None:
    (match,) = find_deadlines("get fit by summer", SATURDAY)
    assert match.vague and match.deadline is None
    assert "get fit by summer"[match.start : match.end] == "by summer"


def test_start_dates_are_not_deadlines() -> None:
    assert parse_deadline("starting march 1", SATURDAY) is None
    assert parse_deadline("starting march 1 until april 30", SATURDAY) == date(2027, 4, 30)


def test_frequency_is_not_a_duration() -> None:
    assert parse_deadline("for 3 days a week", SATURDAY) is None


def test_possessive_tomorrow_is_not_a_deadline() -> None:
    assert parse_deadline("plan tomorrow's tasks for a month", SATURDAY) == date(2026, 12, 21)


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("by eoy", date(2026, 12, 31)),
        ("eom", date(2026, 11, 30)),
        ("until the end of the quarter", date(2026, 12, 31)),
        ("by next quarter", date(2027, 1, 1)),
        ("for the rest of the month", date(2026, 11, 30)),
        ("by new year", date(2027, 1, 1)),
        ("in the new year", None),
        ("until end of term", None),
        ("gym mon wed fri", None),
        ("on sunday mornings", None),
        ("every tues and thurs until xmas", date(2026, 12, 25)),
        ("2 time for week", None),
        ("practise two times in the week", None),
        ("3 times in the month", None),
        ("finish it in the week", date(2026, 11, 28)),
        ("run 2 times in the next week", date(2026, 11, 28)),
        ("asleep by midnite most nites ths month", date(2026, 11, 30)),
        ("finish it nxt month", date(2026, 12, 31)),
    ],
)
def test_shorthand_periods_and_day_sets(text: str, expected: date | None) -> None:
    assert goal_date(text) == expected


def goal_date(text: str) -> date | None:
    """The deadline found in a goal statement (not a short answer)."""
    dated = [m.deadline for m in find_deadlines(text, SATURDAY) if m.deadline is not None]
    return max(dated, default=None)


@pytest.mark.parametrize("text", ["by springtime", "in the summertime", "by wintertime"])
def test_season_time_is_vague(text: str) -> None:
    (match,) = find_deadlines(text, SATURDAY)
    assert match.vague and match.deadline is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I will ask my manager this Friday for one week of holiday.", date(2026, 11, 27)),
        ("ask for 2 days off", None),
        ("go away for 2 weeks of holiday by june", date(2027, 6, 1)),
        ("for 30 days of no alcohol", date(2026, 12, 21)),
        ("for the next 2 weeks of term", date(2026, 12, 5)),
        ("go to the gym for 6 weeks", date(2027, 1, 2)),
    ],
)
def test_the_length_of_a_thing_is_not_a_deadline(text: str, expected: date | None) -> None:
    assert goal_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "call my gran every other friday",
        "go swimming every second tuesday",
        "see a friend every 2nd tuesday",
        "every third sunday",
        "each alternate monday",
    ],
)
def test_every_nth_weekday_is_a_frequency(text: str) -> None:
    assert find_deadlines(text, SATURDAY) == ()


def test_a_word_ending_in_each_is_not_every() -> None:
    assert goal_date("take the dog to the beach on sunday") == date(2026, 11, 22)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("meal prep for the week", None),
        ("plan the meals for the month", None),
        ("make lunches for the week n pick the recipes by next week", date(2026, 11, 23)),
        ("stay off sugar for the next week", date(2026, 11, 28)),
        ("walk daily for a week", date(2026, 11, 28)),
        ("for the rest of the week", date(2026, 11, 22)),
        ("finish the essay by friday night", date(2026, 11, 27)),
    ],
)
def test_for_the_week_is_what_it_is_for_not_a_deadline(text: str, expected: date | None) -> None:
    assert goal_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("every day til the 28th", date(2026, 11, 28)),
        ("til friday", date(2026, 11, 27)),
        ("til end of month", date(2026, 11, 30)),
        ("untill the 28th", date(2026, 11, 28)),
        ("untl friday", date(2026, 11, 27)),
        ("till next week", date(2026, 11, 23)),
        ("'til march", date(2027, 3, 1)),
        ("til eoy", date(2026, 12, 31)),
    ],
)
def test_until_as_typed(text: str, expected: date) -> None:
    assert parse_deadline(text, SATURDAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "over the summer holidays",
        "over the christmas holidays",
        "before the easter hols",
        "during the winter break",
        "book respite care for one weekend",
        "until the 5 of us meet",
    ],
)
def test_open_periods_and_lengths_have_no_deadline(text: str) -> None:
    assert parse_deadline(text, SATURDAY) is None


def test_open_holiday_period_is_one_vague_match() -> None:
    (found,) = find_deadlines("sort my back out over the summer holidays", SATURDAY)
    assert found.vague and found.deadline is None
    assert found.end == len("sort my back out over the summer holidays")


@pytest.mark.parametrize(
    "text",
    [
        "Twelve years of nights have wrecked my body clock.",
        "Twenty years inside leaves a mark.",
        "I look after my wife and I'm 78.",
    ],
)
def test_years_gone_by_and_ages_are_no_deadline(text: str) -> None:
    assert [match.deadline for match in find_deadlines(text, SATURDAY)] == []


def test_years_ahead_are_still_a_deadline() -> None:
    assert parse_deadline("in 2 years", SATURDAY) == add_months(SATURDAY, 24)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hire a COO by end of Q3", date(2027, 9, 30)),
        ("by the end of the third quarter", date(2027, 9, 30)),
        ("in Q4", date(2026, 12, 31)),
        ("during the 4th quarter", date(2026, 12, 31)),
        ("by Q2", date(2027, 4, 1)),
        ("by the start of Q1", date(2027, 1, 1)),
        ("by Q4", date(2026, 12, 31)),
        ("by end of Q1 2028", date(2028, 3, 31)),
    ],
)
def test_named_quarters(text: str, expected: date) -> None:
    assert parse_deadline(text, SATURDAY) == expected


def test_a_quarter_named_without_a_preposition_is_no_deadline() -> None:
    assert parse_deadline("hit my Q3 targets", SATURDAY) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("finish my essay b4 friday", date(2026, 11, 27)),
        ("b4 the 15th", date(2026, 12, 15)),
        ("bfore christmas", date(2026, 12, 25)),
        ("b4 march", date(2027, 3, 1)),
        ("b4 end of month", date(2026, 11, 30)),
    ],
)
def test_before_as_typed(text: str, expected: date) -> None:
    assert parse_deadline(text, SATURDAY) == expected


@pytest.mark.parametrize("text", ["b4 summer", "befor the holidays"])
def test_before_as_typed_with_an_open_period_is_vague(text: str) -> None:
    (found,) = find_deadlines(text, SATURDAY)
    assert found.vague and found.deadline is None


@pytest.mark.parametrize(
    "text",
    [
        "be less agitated about the application, which has gone on for a year",
        "I've had anxiety for 10 years",
        "it has lasted for a year",
        "it's been like this for months",
        "I've been off work for 3 months",
        "the row dragged on for weeks",
    ],
)
def test_how_long_something_has_gone_on_is_no_deadline(text: str) -> None:
    assert goal_date(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I've had anxiety for 10 years and want to walk daily for 6 weeks", date(2027, 1, 2)),
        ("I have decided to walk daily for 6 weeks", date(2027, 1, 2)),
        ("have no alcohol for a month", date(2026, 12, 21)),
        ("I've been lazy, so walk for the next 2 weeks", date(2026, 12, 5)),
    ],
)
def test_a_length_ahead_beside_the_past_is_still_a_deadline(text: str, expected: date) -> None:
    assert goal_date(text) == expected
