"""The summary card of one goal, used for the draft before saving and for saved goals."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

from dialogs.formatting import amount, day
from dialogs.wording import Html, joined, say


class GoalParts(Protocol):
    """What a card shows; both a draft and a saved goal have these."""

    @property
    def theme(self) -> str | None: ...
    @property
    def theme_other(self) -> str | None: ...
    @property
    def kind(self) -> str | None: ...
    @property
    def horizon(self) -> str | None: ...
    @property
    def statement(self) -> str | None: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def per(self) -> str | None: ...
    @property
    def baseline(self) -> float | None: ...
    @property
    def target(self) -> float | None: ...
    @property
    def deadline(self) -> date | None: ...
    @property
    def review_date(self) -> date | None: ...
    @property
    def why(self) -> str | None: ...
    @property
    def confidence(self) -> int | None: ...
    @property
    def steps(self) -> Sequence[str]: ...


def focus(goal: GoalParts) -> Html:
    theme = goal.theme or "other"
    label = goal.theme_other if theme == "other" and goal.theme_other else say(f"themes.{theme}")
    kind = say(f"kinds.{goal.kind}") if goal.kind else ""
    horizon = say(f"horizons.{goal.horizon}") if goal.horizon else ""
    return say("card.focus", theme=label, kind=kind, horizon=horizon)


def measure(goal: GoalParts) -> Html:
    if goal.baseline is None or goal.target is None:
        return say("card.not_set")
    return say(
        "card.measure_values",
        baseline=amount(goal.baseline, goal.unit, goal.per),
        target=amount(goal.target, goal.unit, goal.per),
    )


def deadline(goal: GoalParts) -> Html:
    if goal.deadline is None:
        return say("card.not_set")
    if goal.review_date is None:
        return Html(day(goal.deadline))
    return say("card.deadline_with_review", date=day(goal.deadline), review=day(goal.review_date))


def goal_card(goal: GoalParts) -> Html:
    steps = [say("card.step", step=step) for step in goal.steps] or [say("card.not_set")]
    return say(
        "card.layout",
        statement=goal.statement or say("card.not_set"),
        focus=focus(goal),
        measure=measure(goal),
        deadline=deadline(goal),
        why=goal.why or say("card.not_set"),
        confidence=say("card.not_set") if goal.confidence is None else goal.confidence,
        steps=joined(steps),
    )
