"""Why it matters, how sure the client feels, and the first steps for the coming week."""

from __future__ import annotations

import nlp
from dialogs.flow import Advance, Outcome, Stay, Step, Turn, text_reply, too_long
from dialogs.formatting import amount, number
from dialogs.goal_setting.limits import (
    CONFIDENT_ENOUGH,
    MAX_STEPS,
)
from dialogs.replies import Reply
from dialogs.wording import say


class Why(Step):
    name, section = "why", "why"

    async def ask(self, turn: Turn) -> list[Reply]:
        return [text_reply("goal.why_ask")]

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        if rejected := too_long(text):
            return rejected
        turn.state.draft.why = text.strip()
        return Advance("confidence")


class Confidence(Step):
    name, section = "confidence", "confidence"

    async def ask(self, turn: Turn) -> list[Reply]:
        options = [self.option(str(score), str(score)) for score in range(11)]
        return [Reply(say("goal.confidence_ask"), tuple(options), columns=6)]

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        score = nlp.parse_number(text)
        if score is None or not 0 <= score <= 10:
            return self.waiting()
        return self.choose(turn, round(score))

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        return (
            self.choose(turn, int(value))
            if value.isdigit() and int(value) <= 10
            else self.waiting()
        )

    def choose(self, turn: Turn, score: int) -> Outcome:
        turn.state.draft.confidence = score
        if score < CONFIDENT_ENOUGH and smaller_target(turn) is not None:
            return Advance("smaller")
        return Advance("steps")


def smaller_target(turn: Turn) -> float | None:
    """Halfway from baseline to target: a first version that is easier to reach."""
    draft = turn.state.draft
    if draft.baseline is None or draft.target is None or draft.baseline == draft.target:
        return None
    halfway = (draft.baseline + draft.target) / 2
    whole = draft.baseline.is_integer() and draft.target.is_integer()
    smaller = float(round(halfway)) if whole else round(halfway, 1)
    return None if smaller in (draft.baseline, draft.target) else smaller


class Smaller(Step):
    name, section = "smaller", "confidence"

    async def ask(self, turn: Turn) -> list[Reply]:
        draft = turn.state.draft
        smaller = smaller_target(turn)
        if smaller is None or draft.target is None:
            return [
                text_reply("goal.smaller_none", [self.option(say("goal.smaller_keep"), "keep")])
            ]
        text = say(
            "goal.smaller_suggest",
            score=draft.confidence,
            smaller=amount(smaller, draft.unit, draft.per),
            target=amount(draft.target, draft.unit, draft.per),
        )
        options = (
            self.option(say("goal.smaller_take", value=number(smaller)), "take"),
            self.option(say("goal.smaller_keep"), "keep"),
        )
        return [Reply(text, options)]

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        smaller = smaller_target(turn)
        if value == "take" and smaller is not None:
            turn.state.draft.target = smaller
            return Advance("steps", (text_reply("goal.smaller_taken"),))
        if value == "keep":
            return Advance("steps")
        return self.waiting()


class FirstSteps(Step):
    name, section = "steps", "steps"

    async def ask(self, turn: Turn) -> list[Reply]:
        steps = turn.state.draft.steps
        if not steps:
            return [text_reply("goal.steps_ask")]
        return [text_reply("goal.steps_more", [self.option(say("goal.steps_done"), "done")])]

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        if rejected := too_long(text):
            return rejected
        steps = turn.state.draft.steps
        steps.append(text.strip())
        if len(steps) >= MAX_STEPS:
            return Advance("summary", (text_reply("goal.steps_full"),))
        return Stay()

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        if value == "done" and turn.state.draft.steps:
            return Advance("summary")
        return self.waiting()
