"""How numbers, dates and measures read in replies."""

from __future__ import annotations

from datetime import date, datetime

from dialogs.wording import Html, say


def number(value: float) -> str:
    """3.0 reads as "3", 2.5 as "2.5"."""
    return f"{value:g}" if value != int(value) else str(int(value))


def day(value: date) -> str:
    """A calendar date written out, e.g. "Monday 1 March 2027"."""
    return f"{value:%A} {value.day} {value:%B %Y}"


def moment(value: datetime) -> str:
    """A local date and time, e.g. "Monday 23 November at 18:00"."""
    return f"{value:%A} {value.day} {value:%B} at {value:%H:%M}"


def per_phrase(per: str | None) -> Html:
    return say(f"per.{per}") if per else Html("")


def amount(value: float, unit: str | None, per: str | None) -> Html:
    """ "3 panic attacks a week", with the client's unit escaped."""
    return say("measure.amount", value=number(value), unit=unit or "", per=per_phrase(per))
