"""Reading short answers typed on a phone: weekdays, times of day, counting periods."""

from __future__ import annotations

import re
from datetime import time

import nlp

DISMISSAL = re.compile(
    r"^(no|nope|nah|not really|i'?m (fine|ok|okay|good|alright|safe|not suicidal)|"
    r"(you )?(misunderstood|got it wrong)|that'?s not what i meant|not like that|"
    r"i was (joking|kidding)|just kidding|jk|never ?mind|nvm|all good|it'?s (fine|ok))\b"
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_ABBREVIATIONS = {
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "weds": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
TIME_WORDS = {"noon": time(12, 0), "midday": time(12, 0), "midnight": time(0, 0)}
TIME_PATTERN = re.compile(
    r"^(?:at\s+)?(?P<hour>\d{1,2})(?:[:.h](?P<minute>\d{2}))?\s*(?P<meridiem>am|pm|a\.m\.|p\.m\.)?$"
)
PERIOD_WORDS = {
    "day": (
        "day",
        "daily",
        "a day",
        "each day",
        "every day",
        "per day",
        "everyday",
        "night",
        "a night",
        "each night",
        "per night",
        "nightly",
    ),
    "week": ("week", "weekly", "a week", "each week", "every week", "per week", "wk", "a wk"),
}


def weekday_name(weekday: int) -> str:
    return WEEKDAYS[weekday].capitalize()


def parse_weekday(text: str) -> int | None:
    """ "Monday", "mon", "on tuesdays" -> 0..6, Monday first."""
    word = re.sub(r"[^a-z ]", "", text.lower()).split()
    for token in word:
        token = token.removesuffix("s") if token.endswith("days") else token
        if token in WEEKDAYS:
            return WEEKDAYS.index(token)
        if token in WEEKDAY_ABBREVIATIONS:
            return WEEKDAY_ABBREVIATIONS[token]
    return None


def parse_time_of_day(text: str) -> time | None:
    """ "18:00", "6pm", "6.30 pm", "9", "noon" -> a time; None when it is not a clock time."""
    cleaned = text.strip().lower()
    if cleaned in TIME_WORDS:
        return TIME_WORDS[cleaned]
    match = TIME_PATTERN.match(cleaned)
    if match is None:
        return None
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    meridiem = (match["meridiem"] or "").replace(".", "")
    if meridiem and not 1 <= hour <= 12:
        return None
    if meridiem == "pm" and hour != 12:
        hour += 12
    if meridiem == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def parse_period(text: str) -> str | None:
    """ "daily", "a week", "per night" -> "day" or "week"."""
    cleaned = re.sub(r"[^a-z ]", " ", text.lower())
    cleaned = " ".join(cleaned.split())
    for period, words in PERIOD_WORDS.items():
        if cleaned in words or any(f" {word} " in f" {cleaned} " for word in words[1:]):
            return period
    return None


def read_amount(text: str) -> float | None:
    """A count or measure typed on a phone: "3", "three", "twice", "none", "10min"."""
    quantity = nlp.parse_quantity(text)
    value = quantity.value if quantity else nlp.parse_number(text)
    return None if value is None or value < 0 else value


def is_dismissal(text: str) -> bool:
    """ "no", "I'm fine", "you misunderstood": a reply waving off the crisis lines."""
    cleaned = re.sub(r"[^a-z' ]", " ", text.lower().replace("’", "'"))
    return DISMISSAL.match(" ".join(cleaned.split())) is not None
