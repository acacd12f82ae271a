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


class ConversationState(BaseModel):
    """Where the client stands in a flow, and what the flow has gathered so far."""

    flow: str | None = None
    step: str | None = None
    history: list[str] = Field(default_factory=list)
    editing: str | None = None
    motives: list[str] = Field(default_factory=list)
    draft: GoalDraft = Field(default_factory=GoalDraft)
    schedule: ScheduleDraft = Field(default_factory=ScheduleDraft)

    @property
    def in_flow(self) -> bool:
        return self.step is not None

    def clear(self) -> None:
        """Leave the current flow; saved records are not touched."""
        fresh = ConversationState()
        for name in type(self).model_fields:
            setattr(self, name, getattr(fresh, name))
