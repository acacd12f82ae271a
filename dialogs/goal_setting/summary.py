"""The summary card: save the goal, or go back and change any part."""

from __future__ import annotations

from dialogs.flow import Advance, Outcome, Step, Turn, text_reply
from dialogs.goal_card import goal_card
from dialogs.replies import Reply
from dialogs.wording import say

EDITABLE_PARTS = {
    "wording": "draft",
    "theme": "theme",
    "measure": "unit",
    "deadline": "deadline",
    "why": "why",
    "confidence": "confidence",
    "steps": "steps",
}


class Summary(Step):
    name, section = "summary", "summary"

    async def ask(self, turn: Turn) -> list[Reply]:
        options = (self.option(say("goal.save"), "save"), self.option(say("goal.change"), "change"))
        card = goal_card(turn.state.draft)
        return [Reply(say("goal.summary_intro", card=card), options)]

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        if value == "change":
            return Advance("change")
        if value != "save":
            return self.waiting()
        saved = await turn.records.save_goal(turn.state.draft)
        await turn.records.add_motives(turn.state.motives)
        turn.state.motives, turn.state.draft = [], type(turn.state.draft)()
        confirmation = text_reply("goal.saved", statement=saved.statement)
        existing = await turn.records.schedule()
        return Advance("schedule_keep" if existing else "schedule_day", (confirmation,), True)


class Change(Step):
    name, section = "change", "summary"

    async def ask(self, turn: Turn) -> list[Reply]:
        options = [self.option(say(f"goal.part_{part}"), part) for part in EDITABLE_PARTS]
        return [Reply(say("goal.change_ask"), tuple(options), columns=2)]

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        if value not in EDITABLE_PARTS:
            return self.waiting()
        turn.state.editing = value
        if value == "steps":
            turn.state.draft.steps = []
        return Advance(EDITABLE_PARTS[value])
