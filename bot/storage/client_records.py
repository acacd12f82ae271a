"""One client's saved data, read and written inside the turn's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from sqlmodel import col, delete, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.checkin_schedule import next_due
from bot.storage.client_data import erase_client, export_client
from bot.storage.models import (
    ActionStep,
    Checkin,
    CheckinDelivery,
    CheckinEntry,
    CheckinSchedule,
    Client,
    Goal,
    Motive,
    ProgressSummary,
)
from dialogs.clock import Clock
from dialogs.records import CheckinRecord, GoalAnswer, SavedGoal
from dialogs.records import CheckinSchedule as ScheduleView
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
        self.erased = False

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
        saved = [(goal, goal.id) for goal in goals if goal.id is not None]
        steps = await self.steps_of([goal_id for _, goal_id in saved])
        return [view(goal, steps.get(goal_id, [])) for goal, goal_id in saved]

    async def goal(self, goal_id: int) -> SavedGoal | None:
        query = select(Goal).where(Goal.id == goal_id, Goal.client_id == self.client_id)
        goal = (await self.session.exec(query)).first()
        return None if goal is None else await self.view_of(goal)

    async def view_of(self, goal: Goal) -> SavedGoal:
        assert goal.id is not None
        return view(goal, (await self.steps_of([goal.id])).get(goal.id, []))

    async def steps_of(self, goal_ids: Sequence[int]) -> dict[int, list[ActionStep]]:
        """The first steps of several goals in one query, in order, by goal."""
        if not goal_ids:
            return {}
        query = select(ActionStep).where(col(ActionStep.goal_id).in_(goal_ids))
        found: dict[int, list[ActionStep]] = {}
        for step in (await self.session.exec(query.order_by(col(ActionStep.position)))).all():
            found.setdefault(step.goal_id, []).append(step)
        return found

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

    async def set_region(self, region: str) -> None:
        client = await self.session.get(Client, self.client_id)
        assert client is not None
        client.region = region

    async def export_everything(self) -> dict[str, list[dict[str, Any]]]:
        await self.session.flush()
        return await export_client(self.session, self.client_id)

    async def erase_everything(self) -> None:
        await self.session.flush()
        self.session.expunge_all()
        await erase_client(self.session, self.client_id)
        self.erased = True

    async def set_checkins_paused(self, paused: bool) -> ScheduleView | None:
        row = await self.session.get(CheckinSchedule, self.client_id)
        if row is None:
            return None
        now = self.clock.now()
        if row.paused and not paused:
            # Counting on from now: resuming must not fire a check-in that fell due while paused.
            local_time = schedule_view(row).local_time
            row.next_due_at = next_due(row.weekday, local_time, row.timezone, after=now)
        row.paused, row.updated_at = paused, now
        self.session.add(row)
        return schedule_view(row)

    async def checkin_answered(self) -> None:
        latest = (
            select(CheckinDelivery.id)
            .where(
                CheckinDelivery.client_id == self.client_id,
                col(CheckinDelivery.kind).in_(("checkin", "pause_offer")),
                CheckinDelivery.status == "sent",
            )
            .order_by(col(CheckinDelivery.due_at).desc())
            .limit(1)
            .scalar_subquery()
        )
        await self.session.exec(
            update(CheckinDelivery)
            .where(col(CheckinDelivery.id) == latest, col(CheckinDelivery.answered_at).is_(None))
            .values(answered_at=self.clock.now())
        )

    async def save_checkin(
        self,
        week_of: date,
        answers: Sequence[GoalAnswer],
        helped: str | None,
        hindered: str | None,
    ) -> None:
        now = self.clock.now()
        query = select(Checkin).where(
            Checkin.client_id == self.client_id, Checkin.week_of == week_of
        )
        checkin = (await self.session.exec(query)).first()
        if checkin is None:
            checkin = Checkin(
                client_id=self.client_id, week_of=week_of, created_at=now, updated_at=now
            )
        checkin.helped, checkin.hindered, checkin.updated_at = helped, hindered, now
        self.session.add(checkin)
        await self.session.flush()
        assert checkin.id is not None
        await self.session.exec(
            delete(CheckinEntry).where(col(CheckinEntry.checkin_id) == checkin.id)
        )
        owned = {goal.id for goal in await self.goals()}
        self.session.add_all(
            CheckinEntry(
                checkin_id=checkin.id,
                goal_id=answer.goal_id,
                value=answer.value,
                level=answer.level,
                steps_done=answer.steps_done,
            )
            for answer in answers
            if answer.goal_id in owned
        )
        await self.checkin_answered()

    async def checkins(self, since: datetime | None = None) -> list[CheckinRecord]:
        query = select(Checkin).where(Checkin.client_id == self.client_id)
        if since is not None:
            query = query.where(Checkin.updated_at > since)
        saved = (await self.session.exec(query.order_by(col(Checkin.week_of)))).all()
        ids = [checkin.id for checkin in saved]
        entries = (
            await self.session.exec(
                select(CheckinEntry)
                .where(col(CheckinEntry.checkin_id).in_(ids))
                .order_by(col(CheckinEntry.goal_id))
            )
        ).all()
        return [
            CheckinRecord(
                week_of=checkin.week_of,
                helped=checkin.helped,
                hindered=checkin.hindered,
                created_at=checkin.created_at,
                answers=tuple(
                    GoalAnswer(entry.goal_id, entry.value, entry.level, entry.steps_done)
                    for entry in entries
                    if entry.checkin_id == checkin.id
                ),
            )
            for checkin in saved
        ]

    async def update_goal(
        self,
        goal_id: int,
        *,
        target: float | None = None,
        deadline: date | None = None,
        status: str | None = None,
        steps: Sequence[str] | None = None,
    ) -> SavedGoal | None:
        query = select(Goal).where(Goal.id == goal_id, Goal.client_id == self.client_id)
        goal = (await self.session.exec(query)).first()
        if goal is None:
            return None
        goal.target = goal.target if target is None else target
        goal.deadline = goal.deadline if deadline is None else deadline
        goal.status = goal.status if status is None else status
        goal.updated_at = self.clock.now()
        self.session.add(goal)
        if steps is not None:
            await self.session.exec(delete(ActionStep).where(col(ActionStep.goal_id) == goal_id))
            self.session.add_all(
                ActionStep(goal_id=goal_id, position=i, text=t) for i, t in enumerate(steps)
            )
        await self.session.flush()
        return await self.view_of(goal)

    async def last_summary(self, before: datetime) -> datetime | None:
        query = (
            select(ProgressSummary.created_at)
            .where(ProgressSummary.client_id == self.client_id, ProgressSummary.created_at < before)
            .order_by(col(ProgressSummary.created_at).desc())
        )
        return (await self.session.exec(query)).first()

    async def add_summary(self) -> None:
        self.session.add(ProgressSummary(client_id=self.client_id, created_at=self.clock.now()))


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
