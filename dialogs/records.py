"""What dialogs need from storage, as a protocol the shell implements (imports point down)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, Protocol

from dialogs.state import GoalDraft


@dataclass(frozen=True)
class SavedGoal:
    id: int
    theme: str
    theme_other: str | None
    kind: str
    horizon: str
    statement: str
    unit: str
    per: str
    baseline: float
    target: float
    deadline: date
    review_date: date | None
    why: str
    confidence: int
    status: str
    steps: tuple[str, ...]
    created_at: datetime


@dataclass(frozen=True)
class CheckinSchedule:
    weekday: int
    local_time: time
    timezone: str
    next_due: datetime
    paused: bool


@dataclass(frozen=True)
class GoalAnswer:
    """One goal's measure at a check-in, with its attainment level (see dialogs.attainment)."""

    goal_id: int
    value: float
    level: int
    steps_done: str | None


@dataclass(frozen=True)
class CheckinRecord:
    """One saved weekly check-in."""

    week_of: date
    helped: str | None
    hindered: str | None
    created_at: datetime
    answers: tuple[GoalAnswer, ...]


@dataclass(frozen=True)
class ClientProfile:
    """Facts about the client that shape replies."""

    timezone: str | None
    default_timezone: str
    region: str

    @property
    def effective_timezone(self) -> str:
        return self.timezone or self.default_timezone


class ClientRecords(Protocol):
    """One client's saved data. Every method is scoped to that client, so ids are checked."""

    async def add_motives(self, texts: Sequence[str]) -> None: ...

    async def save_goal(self, draft: GoalDraft) -> SavedGoal: ...

    async def goals(self) -> list[SavedGoal]: ...

    async def goal(self, goal_id: int) -> SavedGoal | None: ...

    async def schedule(self) -> CheckinSchedule | None: ...

    async def save_schedule(
        self, weekday: int, local_time: time, timezone: str
    ) -> CheckinSchedule: ...

    async def set_checkins_paused(self, paused: bool) -> CheckinSchedule | None:
        """Stop or restart check-ins; restarting counts from now. None without a schedule."""
        ...

    async def checkin_answered(self) -> None:
        """The client responded to the latest check-in message (it no longer counts as missed)."""
        ...

    async def save_checkin(
        self,
        week_of: date,
        answers: Sequence[GoalAnswer],
        helped: str | None,
        hindered: str | None,
    ) -> None:
        """Record this week's check-in; a second one in the same week replaces the first."""
        ...

    async def checkins(self, since: datetime | None = None) -> list[CheckinRecord]:
        """Saved check-ins, oldest first; only those saved after `since` when given."""
        ...

    async def update_goal(
        self,
        goal_id: int,
        *,
        target: float | None = None,
        deadline: date | None = None,
        status: str | None = None,
        steps: Sequence[str] | None = None,
    ) -> SavedGoal | None:
        """Change parts of a saved goal; None when the client has no such goal."""
        ...

    async def last_summary(self, before: datetime) -> datetime | None:
        """When the client last made a therapist summary, before `before`."""
        ...

    async def add_summary(self) -> None:
        """Note that a therapist summary was made now."""
        ...

    async def set_region(self, region: str) -> None:
        """The country whose crisis lines the client sees."""
        ...

    async def export_everything(self) -> dict[str, list[dict[str, Any]]]:
        """Every stored row about the client, by table, as JSON-ready values."""
        ...

    async def erase_everything(self) -> None:
        """Delete all the client's data, schedule and conversation included."""
        ...
