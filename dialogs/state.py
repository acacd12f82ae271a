"""What a conversation remembers between turns; stored as JSON with the client (decision 1)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field


class GoalDraft(BaseModel):
    """A goal being written, before it is saved."""

    theme: str | None = None
    theme_other: str | None = None
    kind: str | None = None
    horizon: str | None = None
    statement: str | None = None
    unit: str | None = None
    per: str | None = None
    baseline: float | None = None
    target: float | None = None
    deadline: date | None = None
    review_date: date | None = None
    why: str | None = None
    confidence: int | None = None
    steps: list[str] = Field(default_factory=list)


class ScheduleDraft(BaseModel):
    weekday: int | None = None
    local_time: str | None = None


class CheckinAnswer(BaseModel):
    """One goal's answers during a check-in."""

    goal_id: int
    value: float | None = None
    steps_done: str | None = None


class ReturnPoint(BaseModel):
    """Where the client stood in another flow when a check-in began, to go back there after."""

    flow: str
    step: str
    history: list[str] = Field(default_factory=list)
    editing: str | None = None


class CheckinDraft(BaseModel):
    """A check-in being answered: goal by goal, then the client's own notes on the week."""

    answers: list[CheckinAnswer] = Field(default_factory=list)
    position: int = 0
    helped: str | None = None
    hindered: str | None = None
    review: list[int] = Field(default_factory=list)
    new_steps: list[str] = Field(default_factory=list)
    return_to: ReturnPoint | None = None


class ConversationState(BaseModel):
    """Where the client stands in a flow, and what the flow has gathered so far."""

    flow: str | None = None
    step: str | None = None
    history: list[str] = Field(default_factory=list)
    editing: str | None = None
    motives: list[str] = Field(default_factory=list)
    draft: GoalDraft = Field(default_factory=GoalDraft)
    schedule: ScheduleDraft = Field(default_factory=ScheduleDraft)
    checkin: CheckinDraft = Field(default_factory=CheckinDraft)
    just_referred: bool = False

    def clear(self) -> None:
        """Leave the current flow; saved records are not touched."""
        fresh = ConversationState()
        for name in type(self).model_fields:
            setattr(self, name, getattr(fresh, name))
