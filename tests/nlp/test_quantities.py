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
        ("b asleep by midnite", 0, "o'clock", None),
        ("walk on a daily basis", 1, "times", "day"),
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


@pytest.mark.parametrize(
    "text",
    [
        "i just want to feel good about myself for once",
        "for once in my life finish something",
        "do it all at once",
        "skip the gym just this once",
    ],
)
def test_once_in_idioms_counts_nothing(text: str) -> None:
    assert find_quantities(text) == ()


@pytest.mark.parametrize(
    ("text", "per"),
    [("aim for once a week", "week"), ("at least once this week", None), ("swim once", None)],
)
def test_once_as_a_count(text: str, per: str | None) -> None:
    (found,) = find_quantities(text)
    assert (found.value, found.unit, found.per) == (1, "times", per)


@pytest.mark.parametrize(
    "text",
    [
        "Join one club at college",
        "finish one chapter by friday",
        "make one new friend this year",
        "call one of my friends",
        "pay off the last £600 on my credit card",
        "finish all 6 past papers",
        "return my 2 library books",
    ],
)
def test_a_one_off_task_in_a_goal_counts_nothing(text: str) -> None:
    """ "one club" alone is an article, and a number in a definite phrase picks out known
    things: doing something to them once is a task, not an amount (see the guide)."""
    assert find_quantities(text) == ()


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("join two clubs", 2, "clubs"),
        ("only one dessert", 1, "dessert"),
        ("at least one walk", 1, "walk"),
        ("cut down to one coffee", 1, "coffee"),
        ("meditate for one hour", 1, "hours"),
        ("lose 1 stone", 1, "stone"),
        ("save £500", 500, "£"),
        ("get my 8 hours of sleep", 8, "hours"),
        ("tell her 3 things I love about her", 3, "things"),
    ],
)
def test_counts_that_stay_counts(text: str, value: float, unit: str) -> None:
    (found,) = find_quantities(text)
    assert (found.value, found.unit) == (value, unit)


@pytest.mark.parametrize(("text", "value"), [("1 walk", 1), ("one", 1), ("all 23 of them", 23)])
def test_in_a_short_answer_every_number_counts(text: str, value: float) -> None:
    found = parse_quantity(text)
    assert found is not None and found.value == value


@pytest.mark.parametrize(
    "text",
    [
        "Two things: walk the dog and call mum",
        "3 goals: run, read, sleep",
        "my two main goals: sleep and eat",
        "my 3 goals are to walk, read and sleep",
        "1) stop working weekends 2) finish the tax return",
        "(1) call the gp (2) book the dentist",
        "goals:\n1. walk the dog\n2. call mum",
        "1. walk the dog 2. call mum",
    ],
)
def test_enumerations_are_not_measures(text: str) -> None:
    assert find_quantities(text) == ()


def test_list_markers_leave_the_items_measures() -> None:
    found = find_quantities("ok goals: 1) stop working weekends 2) gym 2x a week")
    assert [(q.value, q.unit, q.per) for q in found] == [(2, "times", "week")]


@pytest.mark.parametrize(
    "text",
    [
        "ask my manager for one week of holiday",
        "ask for 2 days off",
        "take 2 weeks off work in august",
        "book 10 days of annual leave",
    ],
)
def test_an_amount_of_leave_is_not_a_measure(text: str) -> None:
    assert find_quantities(text) == ()


@pytest.mark.parametrize(
    ("text", "value", "per"),
    [("take one day off a week", 1, "week"), ("take two days off a month", 2, "month")],
)
def test_days_off_with_a_period_are_a_frequency(text: str, value: float, per: str) -> None:
    (found,) = find_quantities(text)
    assert (found.value, found.unit, found.per) == (value, "days", per)


@pytest.mark.parametrize(
    ("text", "value", "per"),
    [
        ("call my gran every other friday", 0.5, "week"),
        ("go swimming every second tuesday", 0.5, "week"),
        ("see a friend every 2nd tuesday", 0.5, "week"),
        ("every alternate day", 0.5, "day"),
        ("every third week", 1 / 3, "week"),
        ("every fortnight", 0.5, "week"),
        ("every two weeks", 0.5, "week"),
        ("water the plants every 3 days", 1 / 3, "day"),
        ("every couple of weeks", 0.5, "week"),
        ("every 2 months", 0.5, "month"),
    ],
)
def test_every_nth_occasion_is_a_frequency(text: str, value: float, per: str) -> None:
    (found,) = find_quantities(text)
    assert (found.value, found.unit, found.per) == (pytest.approx(value), "times", per)


def test_every_few_days_leaves_the_number_open() -> None:
    assert find_quantities("call mum every few days") == ()


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("meal prep sun arvo", "week"),
        ("parkrun sat morning", "week"),
        ("call mum on sunday afternoon", "week"),
        ("date night friday night", "week"),
        ("gym sun arvos", "week"),
        ("go to the gym this saturday morning", None),
    ],
)
def test_a_part_of_a_named_day_is_a_time_slot(text: str, per: str | None) -> None:
    """ "sun arvo" says when, like a clock time: once a week, or once for "this sat"."""
    (found,) = find_quantities(text)
    assert (found.value, found.unit, found.per) == (1, "times", per)


def test_every_arvo_is_every_afternoon() -> None:
    (found,) = find_quantities("walk the dog every arvo")
    assert (found.value, found.unit, found.per) == (1, "times", "day")


@pytest.mark.parametrize(
    "text",
    [
        "finish the essay by friday night",
        "hand it in before sunday evening",
        "sit in the sun in the afternoon",
        "have a lie-in on saturday",
    ],
)
def test_a_deadline_or_a_day_alone_is_no_time_slot(text: str) -> None:
    assert find_quantities(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "want 2 feel less on edge at work",
        "need 2 sleep more",
        "going 2 call my mum",
        "got 2 get out more",
        "trying 2 be calmer",
        "I want us to communicate better as a couple",
        "go on walks as a pair",
        "spend more time together as a family",
        "work better as a team",
        "book respite care for one weekend",
        "go away for 1 weekend",
        "NEVER compare myself 2 anyone on insta again",
        "talk 2 her about it",
        "go 2 the gym more",
        "stop overthinking every email",
        "stop saying yes to every single overtime shift lol",
        "stop crying every time someone says his name",
        "never check every notification",
        "become more independent in the daily life in this country",
        "cope with daily tasks",
    ],
)
def test_chat_to_togetherness_and_lengths_count_nothing(text: str) -> None:
    assert find_quantities(text) == ()


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("walk 2 miles", "2 miles"),
        ("run 2 times a week", "2 times a week"),
        ("want 2 coffees max", "2 coffees max"),
        ("want 2 walks a week", "2 walks a week"),
        ("text 2 people a week", "2 people a week"),
        ("text mum every time i go out", "every time"),
        ("take my full break every shift", "every shift"),
        ("stop scrolling and go to every lecture", "every lecture"),
        ("have 2 days off a week", "2 days off a week"),
        ("see a couple of friends", "a couple of friends"),
        ("go away one weekend a month", "one weekend"),
    ],
)
def test_numbers_next_to_those_still_count(text: str, quantity: str) -> None:
    assert [q.text for q in find_quantities(text)] == [quantity]


@pytest.mark.parametrize(
    "text",
    [
        "do the 4-7-8 breathing when I panic",
        "try the 5-4-3-2-1 grounding trick",
        "I'm 78",
        "I look after my wife and I'm 78.",
        "im 15 and scared of exams",
        "I am nearly 70",
        "I'm 78 years old",
        "Twelve years of nights have wrecked my body clock.",
        "Twenty years inside leaves a mark.",
        "after 20 years of smoking",
        "ace every exam this term",
        "pass every test",
    ],
)
def test_background_numbers_and_outcomes_count_nothing(text: str) -> None:
    assert find_quantities(text) == ()


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("walk 3-4 times a week", "3-4 times a week"),
        ("im 15 and want to read 2 books a month", "2 books a month"),
        ("I'm 3 days sober", "3 days"),
        ("save for 2 years", "2 years"),
        ("go to every lecture", "every lecture"),
        ("revise before every exam", "every exam"),
    ],
)
def test_counts_beside_background_numbers_still_count(text: str, quantity: str) -> None:
    assert [q.text for q in find_quantities(text)] == [quantity]


@pytest.mark.parametrize(
    "text",
    [
        "never raise my voice at the kids again, not once",
        "not even once this week",
        "never once skip breakfast",
        "not one time",
        "Finish my level 2 plumbing portfolio",
        "pass my year 11 exams",
        "get to grade 5 piano",
        "finish key stage 2 maths",
        "read chapter 3 of my textbook",
        "start season 2 of the course",
    ],
)
def test_negated_once_and_named_levels_count_nothing(text: str) -> None:
    assert find_quantities(text) == ()


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("once a week, not more", "once a week"),
        ("at least once this week", "at least once"),
        ("go to a yoga class 3 times a week", "3 times a week"),
        ("play in a band 2 nights a week", "2 nights a week"),
        ("do 3 chapters", "3 chapters"),
        ("read 12 books this year", "12 books"),
        ("walk for 30 minutes in year 2", "30 minutes"),
    ],
)
def test_counts_beside_negations_and_levels_still_count(text: str, quantity: str) -> None:
    assert [q.text for q in find_quantities(text)] == [quantity]
