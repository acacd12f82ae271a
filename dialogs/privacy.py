"""A client's own data: /export sends all of it, /delete erases all of it after a confirmation."""

from __future__ import annotations

import json
from typing import Any

from dialogs.checkin_time import describe as describe_schedule
from dialogs.flow import Advance, Flow, Outcome, Step, Turn, text_reply
from dialogs.formatting import day
from dialogs.goal_card import goal_card
from dialogs.replies import Attachment, Reply
from dialogs.wording import Html, joined, say

JSON_MIME = "application/json"
HTML_MIME = "text/html"


async def export(turn: Turn) -> list[Reply]:
    """Everything stored, as JSON, and a readable page a client can hand to their therapist."""
    data = await turn.records.export_everything()
    stamp = turn.today.isoformat()
    raw = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")
    page = (await readable_page(turn, data)).encode("utf-8")
    files = (
        Attachment(f"waypoint-data-{stamp}.json", raw, JSON_MIME),
        Attachment(f"waypoint-summary-{stamp}.html", page, HTML_MIME),
    )
    return [Reply(say("export.sent"), attachments=files)]


async def readable_page(turn: Turn, data: dict[str, list[dict[str, Any]]]) -> str:
    """A small standalone HTML page: the client's hopes, goals and check-in time."""
    motives = [say("card.step", step=row["text"]) for row in data.get("motive", [])]
    goals = [as_block(goal_card(goal)) for goal in await turn.records.goals()]
    schedule = await turn.records.schedule()
    sections = [
        f"<h1>{say('export.title')}</h1>",
        f"<p>{say('export.made_on', date=day(turn.today))}</p>",
        f"<h2>{say('export.motives_heading')}</h2>",
        as_block(joined(motives or [say("card.not_set")])),
        f"<h2>{say('export.goals_heading')}</h2>",
        *(goals or [as_block(say("goals.none"))]),
        f"<h2>{say('export.schedule_heading')}</h2>",
        as_block(describe_schedule(schedule) if schedule else say("card.not_set")),
    ]
    body = "\n".join(sections)
    return (
        f'<!doctype html>\n<html lang="en"><meta charset="utf-8">\n<body>\n{body}\n</body></html>\n'
    )


def as_block(text: Html) -> str:
    return "<p>" + text.replace("\n", "<br>\n") + "</p>"


class ConfirmDelete(Step):
    name, section = "confirm_delete", "delete"

    async def ask(self, turn: Turn) -> list[Reply]:
        options = (
            self.option(say("delete.yes"), "yes"),
            self.option(say("delete.no"), "no"),
        )
        return [Reply(say("delete.confirm"), options)]

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        if value == "no":
            return Advance(None, (text_reply("delete.kept"),))
        if value != "yes":
            return self.waiting()
        await turn.records.erase_everything()
        return Advance(None, (text_reply("delete.done"),))


DELETE = Flow("delete", [ConfirmDelete()])


async def start_delete(turn: Turn) -> list[Reply]:
    turn.state.clear()
    return await DELETE.begin(turn, ConfirmDelete.name)
