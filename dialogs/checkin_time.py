"""Choosing the weekly check-in: weekday, local time and time zone."""

from __future__ import annotations

from dialogs import answers, timezones
from dialogs.flow import Advance, Outcome, Step, Turn, text_reply
from dialogs.formatting import moment
from dialogs.records import CheckinSchedule
from dialogs.replies import Reply
from dialogs.wording import Html, say

QUICK_TIMES = ("08:00", "12:30", "18:00", "20:30")


def describe(schedule: CheckinSchedule) -> Html:
    """ "Mondays at 18:00 (Europe/London)"."""
    return say(
        "schedule.rule",
        weekday=answers.weekday_name(schedule.weekday),
        time=f"{schedule.local_time:%H:%M}",
        zone=schedule.timezone,
    )


def zone_choices(turn: Turn) -> list[str]:
    """Common zones as buttons, with the client's own zone first when it is known."""
    zones = timezones.common_zones()
    known = turn.profile.timezone
    if known:
        zones = [known, *(zone for zone in zones if zone != known)]
    return zones


class ScheduleKeep(Step):
    name, section = "schedule_keep", "schedule"

    async def ask(self, turn: Turn) -> list[Reply]:
        current = await turn.records.schedule()
        if current is None:
            return await ScheduleDay().ask(turn)
        options = (
            self.option(say("schedule.keep"), "keep"),
            self.option(say("schedule.change"), "change"),
        )
        return [Reply(say("schedule.keep_ask", when=describe(current)), options)]

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        if value == "keep":
            return Advance(None, (text_reply("schedule.kept"),))
        if value == "change":
            return Advance("schedule_day")
        return self.waiting()


class ScheduleDay(Step):
    name, section = "schedule_day", "schedule"

    async def ask(self, turn: Turn) -> list[Reply]:
        options = [self.option(answers.weekday_name(d), str(d)) for d in range(7)]
        return [Reply(say("schedule.day_ask"), tuple(options), columns=4)]

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        weekday = answers.parse_weekday(text)
        return self.choose(turn, weekday) if weekday is not None else self.waiting()

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        if value.isdigit() and int(value) < 7:
            return self.choose(turn, int(value))
        return self.waiting()

    def choose(self, turn: Turn, weekday: int) -> Outcome:
        turn.state.schedule.weekday = weekday
        return Advance("schedule_time")


class ScheduleTime(Step):
    name, section = "schedule_time", "schedule"

    async def ask(self, turn: Turn) -> list[Reply]:
        options = [self.option(quick, quick.replace(":", "")) for quick in QUICK_TIMES]
        return [Reply(say("schedule.time_ask"), tuple(options), columns=4)]

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        chosen = answers.parse_time_of_day(text)
        return self.choose(turn, f"{chosen:%H:%M}") if chosen else self.waiting()

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        for quick in QUICK_TIMES:
            if quick.replace(":", "") == value:
                return self.choose(turn, quick)
        return self.waiting()

    def choose(self, turn: Turn, local_time: str) -> Outcome:
        turn.state.schedule.local_time = local_time
        return Advance("schedule_zone")


class ScheduleZone(Step):
    name, section = "schedule_zone", "schedule"

    async def ask(self, turn: Turn) -> list[Reply]:
        options = [
            self.option(timezones.zone_label(zone), str(index))
            for index, zone in enumerate(zone_choices(turn))
        ]
        return [Reply(say("schedule.zone_ask"), tuple(options), columns=2)]

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        zone = timezones.resolve_timezone(text)
        return await self.choose(turn, zone) if zone else self.waiting()

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        zones = zone_choices(turn)
        if not value.isdigit() or int(value) >= len(zones):
            return self.waiting()
        return await self.choose(turn, zones[int(value)])

    async def choose(self, turn: Turn, zone: str) -> Outcome:
        chosen = turn.state.schedule
        local_time = answers.parse_time_of_day(chosen.local_time or "")
        if chosen.weekday is None or local_time is None:
            return Advance("schedule_day")
        saved = await turn.records.save_schedule(chosen.weekday, local_time, zone)
        done = text_reply("schedule.saved", when=describe(saved), first=moment(saved.next_due))
        return Advance(None, (done,))


STEPS: tuple[Step, ...] = (ScheduleKeep(), ScheduleDay(), ScheduleTime(), ScheduleZone())
