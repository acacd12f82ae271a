"""Check-in times from any state: /schedule, /pause, /resume, and the one "shall I pause?"."""

from __future__ import annotations

from dialogs import checkin_time
from dialogs.flow import Flow, Turn, text_reply
from dialogs.formatting import moment
from dialogs.replies import Option, Reply
from dialogs.wording import say

SCHEDULE = Flow("schedule", checkin_time.STEPS)


async def change_schedule(turn: Turn, busy: bool) -> list[Reply]:
    """/schedule: the same day, time and zone steps as after saving a goal."""
    if busy:
        return [
            text_reply("reminders.finish_first", [Option(say("common.resume_button"), "resume")])
        ]
    turn.state.clear()
    first = "schedule_keep" if await turn.records.schedule() else "schedule_day"
    return await SCHEDULE.begin(turn, first)


async def pause(turn: Turn) -> list[Reply]:
    schedule = await turn.records.set_checkins_paused(True)
    if schedule is None:
        return [text_reply("reminders.none")]
    return [text_reply("reminders.paused")]


async def resume(turn: Turn) -> list[Reply]:
    schedule = await turn.records.set_checkins_paused(False)
    if schedule is None:
        return [text_reply("reminders.none")]
    return [
        text_reply(
            "reminders.resumed",
            when=checkin_time.describe(schedule),
            next=moment(schedule.next_due),
        )
    ]


async def pause_offer(turn: Turn) -> list[Reply]:
    """Asked once, after three check-ins in a row went unanswered."""
    options = [
        Option(say("reminders.offer_pause"), "checkins:pause"),
        Option(say("reminders.offer_keep"), "checkins:keep"),
        Option(say("checkin.start_button"), "checkin"),
    ]
    return [text_reply("reminders.offer", options)]


async def pause_offer_choice(turn: Turn, value: str) -> list[Reply]:
    """The client's answer to the pause offer; any answer means they are still here."""
    await turn.records.checkin_answered()
    if value.endswith(":pause"):
        return await pause(turn)
    return [text_reply("reminders.kept")]
