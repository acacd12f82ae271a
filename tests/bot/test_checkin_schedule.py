"""The next weekly check-in, at the client's local time on both sides of daylight saving."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from bot.checkin_schedule import next_due

MONDAY = 0


@pytest.mark.parametrize(
    ("zone", "after", "expected_utc"),
    [
        # New York: EDT (UTC-4) until 1 Nov 2026, EST (UTC-5) after; EDT again from 14 Mar 2027.
        (
            "America/New_York",
            datetime(2026, 10, 27, tzinfo=UTC),
            datetime(2026, 11, 2, 23, 0, tzinfo=UTC),
        ),
        (
            "America/New_York",
            datetime(2026, 10, 20, tzinfo=UTC),
            datetime(2026, 10, 26, 22, 0, tzinfo=UTC),
        ),
        (
            "America/New_York",
            datetime(2027, 3, 9, tzinfo=UTC),
            datetime(2027, 3, 15, 22, 0, tzinfo=UTC),
        ),
        (
            "America/New_York",
            datetime(2027, 3, 2, tzinfo=UTC),
            datetime(2027, 3, 8, 23, 0, tzinfo=UTC),
        ),
        # London: BST (UTC+1) until 25 Oct 2026, GMT after; BST again from 28 Mar 2027.
        (
            "Europe/London",
            datetime(2026, 10, 20, tzinfo=UTC),
            datetime(2026, 10, 26, 18, 0, tzinfo=UTC),
        ),
        (
            "Europe/London",
            datetime(2026, 10, 13, tzinfo=UTC),
            datetime(2026, 10, 19, 17, 0, tzinfo=UTC),
        ),
        (
            "Europe/London",
            datetime(2027, 3, 23, tzinfo=UTC),
            datetime(2027, 3, 29, 17, 0, tzinfo=UTC),
        ),
        (
            "Europe/London",
            datetime(2027, 3, 16, tzinfo=UTC),
            datetime(2027, 3, 22, 18, 0, tzinfo=UTC),
        ),
    ],
)
def test_monday_18_local_across_daylight_saving(
    zone: str, after: datetime, expected_utc: datetime
) -> None:
    due = next_due(MONDAY, time(18, 0), zone, after)
    assert due == expected_utc
    assert (due.hour, due.minute, due.weekday()) == (18, 0, MONDAY)


def test_due_is_strictly_after_the_given_instant() -> None:
    monday_six_pm = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
    assert next_due(MONDAY, time(18, 0), "UTC", monday_six_pm) == datetime(
        2026, 11, 30, 18, 0, tzinfo=UTC
    )
