"""When a client's next weekly check-in is due, computed in their own time zone."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

CRON_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
RESOLUTION = timedelta(seconds=1)


def next_due(weekday: int, local_time: time, timezone: str, after: datetime) -> datetime:
    """The first check-in strictly after `after`, in the client's zone; cron handles DST."""
    start = after + RESOLUTION
    trigger = CronTrigger(
        day_of_week=CRON_WEEKDAYS[weekday],
        hour=local_time.hour,
        minute=local_time.minute,
        timezone=ZoneInfo(timezone),
        start_date=start,
    )
    fire: datetime | None = trigger.get_next_fire_time(None, start)
    if fire is None:
        raise ValueError("a weekly rule always has a next time")
    return fire
