"""What dialogs need from storage, as a protocol the shell implements (imports point down)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Protocol

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
