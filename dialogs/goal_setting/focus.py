"""Before the goal: what the client hopes for, the area to work on, the kind of goal."""

from __future__ import annotations

from typing import ClassVar

import nlp
from dialogs.flow import Advance, Outcome, Stay, Step, Turn, text_reply, too_long
from dialogs.goal_setting.limits import (
    HORIZONS,
    KINDS,
    MAX_MOTIVES,
    MAX_UNIT_TEXT,
)
from dialogs.replies import Reply
from dialogs.wording import joined, say


def theme_label(theme: str) -> str:
    return say(f"themes.{theme}")


def reflect_back(text: str) -> Reply:
    """The client's words turned to "you", in a sentence that fits how they began."""
    heard = nlp.reflect(text)
    opening = heard.split(" ", 1)[0].lower()
    if opening in ("you", "you're", "you've", "you'd", "you'll", "your"):
        return text_reply("goal.motives_reflect", heard=heard)
    if opening == "to":
        return text_reply("goal.motives_reflect_wish", heard=heard)
    return text_reply("goal.motives_reflect_words", heard=heard)


class Motives(Step):
    name, section = "motives", "motives"

    async def ask(self, turn: Turn) -> list[Reply]:
        if turn.state.motives:
            return [
                text_reply("goal.motives_more", [self.option(say("goal.motives_done"), "done")])
            ]
        return [text_reply("goal.motives_ask")]

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        if rejected := too_long(text, 500):
            return rejected
        turn.state.motives.append(text.strip())
        reflection = reflect_back(text)
        if len(turn.state.motives) >= MAX_MOTIVES:
            return Advance("theme", (reflection,))
        return Stay((reflection,))

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        if value == "done" and turn.state.motives:
            return Advance("theme")
        return self.waiting()


class Theme(Step):
    name, section = "theme", "theme"

    async def ask(self, turn: Turn) -> list[Reply]:
        suggested = nlp.suggest_theme(" ".join(turn.state.motives))
        ordered = sorted(nlp.THEMES, key=lambda theme: theme != suggested)
        options = [self.option(theme_label(theme), theme) for theme in ordered]
        if suggested:
            intro = say("goal.theme_suggest", theme=theme_label(suggested))
        else:
            intro = say("goal.theme_ask")
        return [Reply(intro, tuple(options), columns=2)]

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        if value not in nlp.THEMES:
            return self.waiting()
        turn.state.draft.theme = value
        if value == "other":
            return Advance("theme_other")
        turn.state.draft.theme_other = None
        return Advance("kind")


class ThemeOther(Step):
    name, section = "theme_other", "theme"

    async def ask(self, turn: Turn) -> list[Reply]:
        return [text_reply("goal.theme_other_ask")]

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        if rejected := too_long(text, MAX_UNIT_TEXT):
            return rejected
        turn.state.draft.theme_other = text.strip()
        return Advance("kind")


class ExampleChoice(Step):
    """Pick one of `choices`, each explained with an example from the client's theme."""

    choices: ClassVar[tuple[str, ...]]
    wording: ClassVar[str]  # the catalog section naming the choices: "kinds", "horizons"
    draft_field: ClassVar[str]  # the GoalDraft field the choice fills
    next_step: ClassVar[str]

    async def ask(self, turn: Turn) -> list[Reply]:
        theme = turn.state.draft.theme or "other"
        lines = [
            say(f"{self.wording}.{choice}_line", example=say(f"examples.{theme}.{choice}"))
            for choice in self.choices
        ]
        options = [self.option(say(f"{self.wording}.{c}"), c) for c in self.choices]
        return [Reply(say(f"goal.{self.name}_ask", lines=joined(lines)), tuple(options))]

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        if value not in self.choices:
            return self.waiting()
        setattr(turn.state.draft, self.draft_field, value)
        return Advance(self.next_step)


class Kind(ExampleChoice):
    name, section = "kind", "theme"
    choices, wording, draft_field, next_step = KINDS, "kinds", "kind", "horizon"


class Horizon(ExampleChoice):
    name, section = "horizon", "theme"
    choices, wording, draft_field, next_step = HORIZONS, "horizons", "horizon", "draft"
