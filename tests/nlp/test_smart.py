"""The whole report, its bounds, and robustness against phone-chat text."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp import analyze_goal
from nlp.normalize import MAX_CHARS
from tests.nlp.conftest import SATURDAY, report


def test_issue_example_is_smart() -> None:
    found = report("I will walk 20 minutes every morning until March 1")
    assert found.vague_phrases == ()
    assert found.deadline == date(2027, 3, 1)
    assert found.specific and found.measurable and found.time_bound and found.is_smart
    assert found.action == "walk 20 minutes"


def test_vague_goal_is_not_smart() -> None:
    found = report("I want to feel better")
    assert not found.is_smart
    assert not (found.specific or found.measurable or found.time_bound)


def test_frequency_alone_is_not_a_deadline() -> None:
    found = report("walk every day")
    assert found.measurable and not found.time_bound


def test_phone_chat_style() -> None:
    found = report("gonna walk 10min 2x/wk til xmas 😅")
    assert found.measurable and found.deadline == date(2026, 12, 25)


def test_bounded_length() -> None:
    found = report("walk daily. " * 500)
    assert len(found.text) == MAX_CHARS


def test_default_today_is_used_when_none_given() -> None:
    assert analyze_goal("walk in 2 days").deadline is not None


def test_deterministic() -> None:
    text = "try to feel better and walk more, maybe 3x a week by summer"
    assert report(text) == report(text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_never_crashes_and_offsets_hold(text: str) -> None:
    found = analyze_goal(text, today=SATURDAY)
    for finding in found.vague_phrases + found.achievability_warnings:
        assert text[finding.start : finding.end] == finding.text
    for quantity in found.quantities:
        assert text[quantity.start : quantity.end] == quantity.text


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("stay completely sober for the next 90 days", 90),
        ("delete instagram for the next 30 days", 30),
        ("no alcohol for 2 weeks", 14),
        ("stay off social media for a month", 30),
        ("quit vaping for the next 3 weeks", 21),
    ],
)
def test_abstinence_over_a_counted_period_is_measurable(text: str, days: int) -> None:
    found = report(text)
    assert found.measurable and found.time_bound
    assert [(q.value, q.unit) for q in found.quantities] == [(days, "days")]
    for quantity in found.quantities:
        assert text[quantity.start : quantity.end] == quantity.text


@pytest.mark.parametrize(
    "text",
    [
        "finish my essay within the next 2 weeks",
        "go to the gym for the next 6 weeks",
        "feel calmer for the next month",
        "stop vaping, and go to the gym for the next 6 weeks",
        "quit vaping by my 18th birthday",
        "me and my husband need to argue less and be more patient with each other",
        "I hope to feel calmer in myself by springtime, once my husband is home from hospital.",
    ],
)
def test_a_period_or_date_alone_is_not_a_measure(text: str) -> None:
    assert not report(text).measurable


@pytest.mark.parametrize(
    ("text", "measurable", "deadline"),
    [
        ("i just want to feel good about myself for once", False, None),
        ("Join one club at college and try to speak up sometimes.", False, None),
        ("I will ask my manager this Friday for one week of holiday.", False, date(2026, 11, 27)),
        ("pay off the last £600 on my credit card in two weeks", False, date(2026, 12, 5)),
        ("Two things: walk the dog and call mum", False, None),
        ("call my gran every other friday", True, None),
        ("go swimming every second tuesday until christmas", True, date(2026, 12, 25)),
        ("ok goals: 1) stop working weekends 2) gym 2x a week", True, None),
        ("wanna b asleep by midnite most nites ths month", True, date(2026, 11, 30)),
        ("I hope to become more independent in the daily life in this country", False, None),
        ("Feel calmer before presentations and maybe stop overthinking every email", False, None),
        ("stop vaping and text mum every time i go out", True, None),
        ("Maybe get some more rest on weekdays", True, None),
        ("get my overtime down to 5 hours by this time next month", True, date(2026, 12, 21)),
        ("go to bed at the same time every night", True, None),
    ],
)
def test_idioms_tasks_and_lists_against_counts(
    text: str, measurable: bool, deadline: date | None
) -> None:
    found = report(text)
    assert (found.measurable, found.deadline) == (measurable, deadline)
    assert found.time_bound == (deadline is not None)


def test_a_weekly_slot_with_a_task_due_next_week() -> None:
    found = analyze_goal(
        "meal prep sun arvo for the week n maybe pick the recipes by next week",
        today=date(2026, 2, 11),
    )
    assert found.measurable and found.deadline == date(2026, 2, 16)
    assert [finding.text for finding in found.vague_phrases] == ["maybe"]


def test_chat_to_is_not_a_measure() -> None:
    found = report("want 2 feel less on edge at work maybe?? idk")
    assert not found.measurable
    assert [f.text for f in found.vague_phrases] == ["feel less on edge", "maybe"]


def test_together_is_not_a_count() -> None:
    found = report("I want us to communicate better as a couple.")
    assert not found.measurable
    assert [f.text for f in found.vague_phrases] == ["communicate better"]


def test_length_of_a_booking_is_neither_measure_nor_deadline() -> None:
    found = report("I'll book respite care for one weekend by the 10th.")
    assert not found.measurable
    assert found.deadline == date(2026, 12, 10)


def test_until_spelled_til_gives_the_deadline() -> None:
    found = report("goal: shower + get dressed by 10am every day til the 28th")
    assert found.measurable and found.deadline == date(2026, 11, 28)


def test_open_holiday_period_has_no_deadline() -> None:
    found = report("sort my back pain out over the summer holidays")
    assert found.deadline is None and not found.time_bound
    assert [f.text for f in found.vague_phrases] == [
        "sort my back pain out",
        "over the summer holidays",
    ]


@pytest.mark.parametrize(
    ("text", "measurable"),
    [
        ("When I panic I'll try to do the 4-7-8 breathing instead of running out.", False),
        ("Twelve years of nights have wrecked my body clock. I want to sleep better.", False),
        ("Twenty years inside leaves a mark. I want to be proud of who I am.", False),
        ("I look after my wife and I'm 78. I need to cope better.", False),
        ("I'm going to ace every exam this term.", False),
        ("I'm 78 and want to walk 20 minutes every morning.", True),
        ("Twelve years of nights: now I'll be in bed by 11pm.", True),
    ],
)
def test_background_numbers_are_not_measures(text: str, measurable: bool) -> None:
    assert report(text).measurable is measurable


@pytest.mark.parametrize(
    ("text", "measurable", "deadline"),
    [
        ("never raise my voice at the kids again, not once", False, None),
        ("Finish my level 2 plumbing portfolio by 14 March", False, date(2027, 3, 14)),
        ("Hire a COO by end of Q3 and sleep better", False, date(2027, 9, 30)),
        ("be less agitated about the application, which has gone on for a year", False, None),
        ("get outside n do more stuff w the kids b4 summer", False, None),
        (
            "complete the jigsaw by the end of the month, working on it for 30 minutes a day",
            True,
            date(2026, 11, 30),
        ),
    ],
)
def test_negations_levels_quarters_and_background_lengths(
    text: str, measurable: bool, deadline: date | None
) -> None:
    found = report(text)
    assert (found.measurable, found.deadline) == (measurable, deadline)
    assert found.time_bound is (deadline is not None)


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ("never raise my voice at the kids again, not once", "not once"),
        ("never once skip breakfast", "never once"),
        ("not even one time this week", "not even one time"),
    ],
)
def test_a_negated_once_is_all_or_nothing(text: str, warning: str) -> None:
    found = report(text)
    assert warning in [w.text for w in found.achievability_warnings]
    assert not found.measurable
