"""The client's own wording of the goal, and the analyzer's findings on it."""

from __future__ import annotations

import nlp
from dialogs import goal_feedback
from dialogs.flow import Advance, Outcome, Stay, Step, Turn, text_reply, too_long
from dialogs.goal_setting.limits import (
    PERIODS,
)
from dialogs.replies import Reply
from dialogs.wording import say


class Draft(Step):
    """The client writes the goal; the analyzer's findings come back criterion by criterion."""

    name, section = "draft", "wording"

    async def ask(self, turn: Turn) -> list[Reply]:
        draft = turn.state.draft
        if draft.statement:
            report = self.analyse(turn, draft.statement)
            return [self.feedback(report)]
        example = say(f"examples.{draft.theme or 'other'}.smart")
        return [text_reply("goal.draft_ask", example=example)]

    def analyse(self, turn: Turn, text: str) -> nlp.SmartReport:
        return nlp.analyze_goal(text, today=turn.today, theme=turn.state.draft.theme)

    def feedback(self, report: nlp.SmartReport) -> Reply:
        if report.is_smart:
            go_on = self.option(say("goal.draft_accept"), "accept")
        else:
            go_on = self.option(say("goal.draft_keep"), "keep")
        return Reply(goal_feedback.describe(report), (go_on,))

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        if rejected := too_long(text):
            return rejected
        turn.state.draft.statement = text.strip()
        return Stay()

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        statement = turn.state.draft.statement
        if statement is None or value not in ("accept", "keep"):
            return self.waiting()
        report = self.analyse(turn, statement)
        prefill_from(turn, report)
        if report.is_smart:
            return Advance("unit")
        return Advance("unit", (Reply(goal_feedback.untracked(report)),))


def prefill_from(turn: Turn, report: nlp.SmartReport) -> None:
    """Carry what the wording already says into the measure and deadline steps as defaults."""
    draft = turn.state.draft
    counted = [q for q in report.quantities if q.unit]
    if counted and draft.unit is None:
        draft.unit = counted[0].unit
        draft.per = counted[0].per if counted[0].per in PERIODS else draft.per
    if report.deadline and draft.deadline is None and report.deadline > turn.today:
        draft.deadline = report.deadline
