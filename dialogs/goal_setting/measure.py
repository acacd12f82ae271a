"""What the client will count: the unit, how often, where they are and where they aim."""

from __future__ import annotations

from abc import abstractmethod
from typing import ClassVar

from dialogs import answers
from dialogs.answers import read_amount
from dialogs.flow import Advance, Outcome, Step, Turn, text_reply, too_long
from dialogs.formatting import per_phrase
from dialogs.goal_setting.limits import (
    MAX_UNIT_TEXT,
    PERIODS,
)
from dialogs.replies import Reply
from dialogs.wording import choices, say


def unit_choices(turn: Turn) -> list[str]:
    """Example units for the theme, led by the unit the client's own wording named."""
    draft = turn.state.draft
    examples = choices(f"units.{draft.theme or 'other'}")
    if draft.unit and draft.unit not in examples:
        examples.insert(0, draft.unit)
    return examples


class Unit(Step):
    name, section = "unit", "measure"

    async def ask(self, turn: Turn) -> list[Reply]:
        examples = unit_choices(turn)
        options = [self.option(unit, f"{index}") for index, unit in enumerate(examples)]
        return [text_reply("goal.unit_ask", options)]

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        if rejected := too_long(text, MAX_UNIT_TEXT):
            return rejected
        turn.state.draft.unit = text.strip()
        return Advance("per")

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        examples = unit_choices(turn)
        if not value.isdigit() or int(value) >= len(examples):
            return self.waiting()
        turn.state.draft.unit = examples[int(value)]
        return Advance("per")


class Per(Step):
    name, section = "per", "measure"

    async def ask(self, turn: Turn) -> list[Reply]:
        options = [self.option(say(f"goal.per_{period}"), period) for period in PERIODS]
        return [text_reply("goal.per_ask", options, unit=turn.state.draft.unit or "")]

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        period = answers.parse_period(text)
        return self.choose(turn, period) if period else self.waiting()

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        return self.choose(turn, value) if value in PERIODS else self.waiting()

    def choose(self, turn: Turn, period: str) -> Outcome:
        turn.state.draft.per = period
        return Advance("baseline")


class Amount(Step):
    """Shared reading of a number answer: "3", "three", "twice", "3x a week", "10min"."""

    question: ClassVar[str]

    async def ask(self, turn: Turn) -> list[Reply]:
        draft = turn.state.draft
        text = say(self.question, unit=draft.unit or "", per=per_phrase(draft.per))
        return [Reply(text, wants_number=True)]

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        value = read_amount(text)
        return self.waiting() if value is None else self.accept(turn, value)

    @abstractmethod
    def accept(self, turn: Turn, value: float) -> Outcome:
        """Keep the number the client gave."""


class Baseline(Amount):
    name, section, question = "baseline", "measure", "goal.baseline_ask"

    def accept(self, turn: Turn, value: float) -> Outcome:
        turn.state.draft.baseline = value
        return Advance("target")


class Target(Amount):
    name, section, question = "target", "measure", "goal.target_ask"

    def accept(self, turn: Turn, value: float) -> Outcome:
        draft = turn.state.draft
        draft.target = value
        if value == draft.baseline:
            return Advance("deadline", (text_reply("goal.target_same"),))
        return Advance("deadline")
