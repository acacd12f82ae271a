"""One client's saved data, read and written inside the turn's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time
from typing import TypeVar
from zoneinfo import ZoneInfo

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.checkin_schedule import next_due
from bot.storage.models import ActionStep, CheckinSchedule, Goal, Motive
from dialogs.clock import Clock
from dialogs.records import CheckinSchedule as ScheduleView
from dialogs.records import SavedGoal
from dialogs.state import GoalDraft

T = TypeVar("T")


class IncompleteGoal(ValueError):
    """A draft reached saving with a part missing; the flow should never allow it."""


class SqlClientRecords:
    """`dialogs.records.ClientRecords` on SQLModel; every query is scoped to one client."""

    def __init__(self, session: AsyncSession, client_id: int, clock: Clock) -> None:
        self.session = session
        self.client_id = client_id
        self.clock = clock

    async def add_motives(self, texts: Sequence[str]) -> None:
        now = self.clock.now()
        self.session.add_all(
            Motive(client_id=self.client_id, text=t, created_at=now) for t in texts
        )

    async def save_goal(self, draft: GoalDraft) -> SavedGoal:
        goal = new_goal(self.client_id, draft, self.clock.now())
        self.session.add(goal)
        await self.session.flush()
        assert goal.id is not None
        steps = [ActionStep(goal_id=goal.id, position=i, text=t) for i, t in enumerate(draft.steps)]
        self.session.add_all(steps)
        return view(goal, steps)

    async def goals(self) -> list[SavedGoal]:
        query = select(Goal).where(Goal.client_id == self.client_id).order_by(col(Goal.id))
        goals = (await self.session.exec(query)).all()
        return [view(goal, await self.steps_of(goal)) for goal in goals]

    async def goal(self, goal_id: int) -> SavedGoal | None:
        query = select(Goal).where(Goal.id == goal_id, Goal.client_id == self.client_id)
        goal = (await self.session.exec(query)).first()
        return None if goal is None else view(goal, await self.steps_of(goal))

    async def steps_of(self, goal: Goal) -> list[ActionStep]:
        query = select(ActionStep).where(ActionStep.goal_id == goal.id)
        return list((await self.session.exec(query.order_by(col(ActionStep.position)))).all())

    async def schedule(self) -> ScheduleView | None:
        row = await self.session.get(CheckinSchedule, self.client_id)
        return None if row is None else schedule_view(row)

    async def save_schedule(self, weekday: int, local_time: time, timezone: str) -> ScheduleView:
        now = self.clock.now()
        row = await self.session.get(CheckinSchedule, self.client_id)
        if row is None:
            row = CheckinSchedule(
                client_id=self.client_id,
                weekday=weekday,
                local_time="",
                timezone=timezone,
                next_due_at=now,
                updated_at=now,
            )
        row.weekday, row.local_time, row.timezone = weekday, f"{local_time:%H:%M}", timezone
        row.next_due_at = next_due(weekday, local_time, timezone, after=now)
        row.paused, row.updated_at = False, now
        self.session.add(row)
        return schedule_view(row)


def new_goal(client_id: int, draft: GoalDraft, now: datetime) -> Goal:
    """A goal row from a finished draft; a draft with a gap is refused, never half-saved."""
    return Goal(
        client_id=client_id,
        theme=required(draft.theme, "theme"),
        theme_other=draft.theme_other,
        kind=required(draft.kind, "kind"),
        horizon=required(draft.horizon, "horizon"),
        statement=required(draft.statement, "statement"),
        unit=required(draft.unit, "unit"),
        frequency=required(draft.per, "per"),
        baseline=required(draft.baseline, "baseline"),
        target=required(draft.target, "target"),
        deadline=required(draft.deadline, "deadline"),
        review_date=draft.review_date,
        why=required(draft.why, "why"),
        confidence=required(draft.confidence, "confidence"),
        created_at=now,
        updated_at=now,
    )


def required(value: T | None, name: str) -> T:
    if value is None:
        raise IncompleteGoal(f"goal draft is missing {name}")
    return value


def view(goal: Goal, steps: Sequence[ActionStep]) -> SavedGoal:
    assert goal.id is not None
    return SavedGoal(
        id=goal.id,
        theme=goal.theme,
        theme_other=goal.theme_other,
        kind=goal.kind,
        horizon=goal.horizon,
        statement=goal.statement,
        unit=goal.unit,
        per=goal.frequency,
        baseline=goal.baseline,
        target=goal.target,
        deadline=goal.deadline,
        review_date=goal.review_date,
        why=goal.why,
        confidence=goal.confidence,
        status=goal.status,
        steps=tuple(step.text for step in steps),
        created_at=goal.created_at,
    )


def schedule_view(row: CheckinSchedule) -> ScheduleView:
    hour, minute = (int(part) for part in row.local_time.split(":"))
    return ScheduleView(
        weekday=row.weekday,
        local_time=time(hour, minute),
        timezone=row.timezone,
        next_due=local(row.next_due_at, row.timezone),
        paused=row.paused,
    )


def local(instant: datetime, timezone: str) -> datetime:
    return instant.astimezone(ZoneInfo(timezone))
