"""The check-in outbox: due schedules become delivery rows, claimed and settled in transactions.

Every write is a compare-and-set, so two dispatchers on one database never both win a row: on
PostgreSQL the claims also skip rows another dispatcher holds (FOR UPDATE SKIP LOCKED); on SQLite,
where writes serialise, the loser's update simply matches nothing.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from sqlmodel import col, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.checkin_schedule import next_due
from bot.storage.clients import ClientKey
from bot.storage.models import CheckinDelivery, CheckinSchedule, Client

CHECKIN, PAUSE_OFFER, REMINDER = "checkin", "pause_offer", "reminder"
ASKED = (CHECKIN, PAUSE_OFFER)
MISSED_BEFORE_PAUSE_OFFER = 3


@dataclass(frozen=True)
class Claimed:
    """A delivery this dispatcher holds until its lease runs out."""

    id: int
    client_id: int
    key: ClientKey
    kind: str
    due_at: datetime
    attempts: int


def insert_new(session: AsyncSession, values: dict[str, Any]) -> Any:
    """INSERT that does nothing when the (client, due, kind) row already exists."""
    # The engine's own dialect module (sqlite or postgresql), already loaded by the engine: the
    # other is never imported (2 MB a replica).
    dialect = importlib.import_module(f"sqlalchemy.dialects.{session.get_bind().dialect.name}")
    return dialect.insert(CheckinDelivery).values(**values).on_conflict_do_nothing()


async def advance_due(session: AsyncSession, now: datetime, limit: int) -> int:
    """Move up to `limit` due schedules to their next week, each with one pending delivery.

    Returns how many due rows were seen, so the caller knows whether more may be waiting.
    """
    query = (
        select(CheckinSchedule)
        .where(col(CheckinSchedule.paused).is_(False), CheckinSchedule.next_due_at <= now)
        .order_by(col(CheckinSchedule.next_due_at))
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    rows = (await session.exec(query)).all()
    for row in rows:
        # Read before the update below, which refreshes the row object in the session.
        client_id, due_at = row.client_id, row.next_due_at
        hour, minute = (int(part) for part in row.local_time.split(":"))
        # After a long outage, one check-in for the latest due time, not one per missed week.
        following = next_due(row.weekday, time(hour, minute), row.timezone, max(now, due_at))
        advanced = await session.exec(
            update(CheckinSchedule)
            .where(
                col(CheckinSchedule.client_id) == client_id,
                col(CheckinSchedule.next_due_at) == due_at,
                col(CheckinSchedule.paused).is_(False),
            )
            .values(next_due_at=following, updated_at=now)
        )
        if advanced.rowcount == 1:
            await session.exec(
                insert_new(
                    session,
                    {
                        "client_id": client_id,
                        "due_at": due_at,
                        "kind": CHECKIN,
                        "status": "pending",
                        "attempts": 0,
                        "next_attempt_at": now,
                    },
                )
            )
    return len(rows)


async def claim(
    session: AsyncSession, now: datetime, lease: timedelta, limit: int
) -> list[Claimed]:
    """Take up to `limit` pending deliveries that are due, for the length of the lease."""
    query = (
        select(CheckinDelivery, Client.channel, Client.external_id)
        .join(Client, col(Client.id) == CheckinDelivery.client_id)
        .where(CheckinDelivery.status == "pending", CheckinDelivery.next_attempt_at <= now)
        .order_by(col(CheckinDelivery.next_attempt_at), col(CheckinDelivery.id))
        .limit(limit)
        .with_for_update(of=CheckinDelivery, skip_locked=True)
    )
    claimed: list[Claimed] = []
    for delivery, channel, external_id in (await session.exec(query)).all():
        assert delivery.id is not None
        # Read before the update below, which refreshes the row object in the session.
        attempt = delivery.attempts + 1
        won = await session.exec(
            update(CheckinDelivery)
            .where(
                col(CheckinDelivery.id) == delivery.id,
                col(CheckinDelivery.status) == "pending",
                col(CheckinDelivery.attempts) == attempt - 1,
            )
            .values(attempts=attempt, next_attempt_at=now + lease)
        )
        if won.rowcount != 1:
            continue
        kind = await kind_to_send(session, delivery)
        key = ClientKey(channel, external_id)
        item = Claimed(delivery.id, delivery.client_id, key, kind, delivery.due_at, attempt)
        if await still_wanted(session, item):
            claimed.append(item)
        else:
            await settle(session, item, "skipped", now)
    return claimed


async def kind_to_send(session: AsyncSession, delivery: CheckinDelivery) -> str:
    """The check-in, or once after three unanswered ones in a row, the offer to pause."""
    if delivery.kind != CHECKIN:
        return delivery.kind
    query = (
        select(CheckinDelivery)
        .where(
            CheckinDelivery.client_id == delivery.client_id,
            col(CheckinDelivery.kind).in_(ASKED),
            CheckinDelivery.status == "sent",
            CheckinDelivery.due_at < delivery.due_at,
        )
        .order_by(col(CheckinDelivery.due_at).desc())
        .limit(MISSED_BEFORE_PAUSE_OFFER + 1)
    )
    earlier = (await session.exec(query)).all()
    recent, before = earlier[:MISSED_BEFORE_PAUSE_OFFER], earlier[MISSED_BEFORE_PAUSE_OFFER:]
    missed = len(recent) == MISSED_BEFORE_PAUSE_OFFER and all(
        row.kind == CHECKIN and row.answered_at is None for row in recent
    )
    # Exactly three: the run of silence before this one must have started with an answer.
    first_of_run = not before or before[0].answered_at is not None
    if not (missed and first_of_run):
        return CHECKIN
    await session.exec(
        update(CheckinDelivery)
        .where(col(CheckinDelivery.id) == delivery.id)
        .values(kind=PAUSE_OFFER)
    )
    return PAUSE_OFFER


async def still_wanted(session: AsyncSession, claimed: Claimed) -> bool:
    """A paused schedule sends nothing; a reminder only if its check-in is still unanswered."""
    schedule = await session.get(CheckinSchedule, claimed.client_id)
    if schedule is None or schedule.paused:
        return False
    if claimed.kind != REMINDER:
        return True
    query = select(CheckinDelivery).where(
        CheckinDelivery.client_id == claimed.client_id,
        CheckinDelivery.due_at == claimed.due_at,
        CheckinDelivery.kind == CHECKIN,
    )
    asked = (await session.exec(query)).first()
    return asked is not None and asked.answered_at is None


async def settle(
    session: AsyncSession,
    claimed: Claimed,
    status: str,
    now: datetime,
    remind_at: datetime | None = None,
) -> bool:
    """Record how a claimed delivery ended; False when the lease was lost to another dispatcher."""
    values: dict[str, Any] = {"status": status}
    if status == "sent":
        values["sent_at"] = now
    done = await session.exec(
        update(CheckinDelivery)
        .where(
            col(CheckinDelivery.id) == claimed.id,
            col(CheckinDelivery.attempts) == claimed.attempts,
            col(CheckinDelivery.status) == "pending",
        )
        .values(**values)
    )
    if done.rowcount == 1 and remind_at is not None:
        reminder = {
            "client_id": claimed.client_id,
            "due_at": claimed.due_at,
            "kind": REMINDER,
            "status": "pending",
            "attempts": 0,
            "next_attempt_at": remind_at,
        }
        await session.exec(insert_new(session, reminder))
    return done.rowcount == 1


async def retry_at(session: AsyncSession, claimed: Claimed, when: datetime) -> None:
    """Try again at `when` (still pending; only if this dispatcher still holds the row)."""
    await session.exec(
        update(CheckinDelivery)
        .where(
            col(CheckinDelivery.id) == claimed.id,
            col(CheckinDelivery.attempts) == claimed.attempts,
            col(CheckinDelivery.status) == "pending",
        )
        .values(next_attempt_at=when)
    )


async def pause_schedule(session: AsyncSession, client_id: int, now: datetime) -> None:
    await session.exec(
        update(CheckinSchedule)
        .where(col(CheckinSchedule.client_id) == client_id)
        .values(paused=True, updated_at=now)
    )
