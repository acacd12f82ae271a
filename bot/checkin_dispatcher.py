"""The one scheduler job of decision 2: claim due check-ins in batches, advance, and send.

Each run turns due schedules into outbox rows (`bot.storage.deliveries`), then claims pending
rows in batches under a lease and sends them through a transport-neutral `send`. Starting the
check-in is a system turn (`TurnHandler.handle_system`), so the conversation state it sets
commits in the client's own transaction. A crash between claim and send leaves the row pending:
it is sent once the lease runs out. Memory is one batch, whatever the number of clients.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.storage import deliveries
from bot.storage.clients import ClientKey
from bot.storage.database import Database
from bot.storage.deliveries import Claimed
from bot.turns import TurnHandler
from dialogs.clock import Clock
from dialogs.replies import Inbound, Reply

log = logging.getLogger(__name__)

SQLITE_CONCURRENCY = 4
POSTGRES_CONCURRENCY = 16

Send = Callable[[ClientKey, Sequence[Reply]], Awaitable[None]]

EVENTS = {
    deliveries.CHECKIN: "checkin_due",
    deliveries.PAUSE_OFFER: "checkin_pause_offer",
    deliveries.REMINDER: "checkin_reminder",
}


class Blocked(Exception):
    """The client blocked the bot: pause their schedule, never retry."""


class Rejected(Exception):
    """The transport refused this message for good (e.g. a chat that no longer exists)."""


class RetryLater(Exception):
    """The transport asked to wait (Telegram's RetryAfter)."""

    def __init__(self, after: timedelta) -> None:
        super().__init__(f"retry after {after}")
        self.after = after


@dataclass(frozen=True)
class DispatchSettings:
    interval: timedelta = timedelta(seconds=5)
    batch_size: int = 200
    # Sends in flight at once; None: four on SQLite, where the database work queues in order
    # while earlier sends are on the wire (1,000 due: 0.77 of the rate limit at one, 1.00 at
    # four), more on PostgreSQL, where each client's turn locks only its own row.
    concurrency: int | None = None
    # Longer than a batch takes to send through the rate limiter, retries included.
    lease: timedelta = timedelta(minutes=10)
    reminder_after: timedelta = timedelta(days=1)
    first_backoff: timedelta = timedelta(seconds=30)
    max_backoff: timedelta = timedelta(hours=1)
    max_attempts: int = 12


class CheckinDispatcher:
    def __init__(
        self,
        database: Database,
        turns: TurnHandler,
        send: Send,
        clock: Clock,
        settings: DispatchSettings | None = None,
    ) -> None:
        self.database = database
        self.turns = turns
        self.send = send
        self.clock = clock
        self.settings = settings or DispatchSettings()

    async def run(self) -> int:
        """One dispatcher run: everything due now is advanced and sent; returns how many went."""
        while await self.advance() == self.settings.batch_size:
            pass
        sent = 0
        while claimed := await self.claim():
            sent += await self.deliver_all(claimed)
        return sent

    async def advance(self) -> int:
        async with self.database.transaction() as session:
            return await deliveries.advance_due(session, self.clock.now(), self.settings.batch_size)

    async def claim(self) -> list[Claimed]:
        async with self.database.transaction() as session:
            return await deliveries.claim(
                session, self.clock.now(), self.settings.lease, self.settings.batch_size
            )

    async def deliver_all(self, claimed: Sequence[Claimed]) -> int:
        """Send one claimed batch side by side; the rate limiter sets the pace."""
        gate = asyncio.Semaphore(self.concurrency)

        async def one(item: Claimed) -> bool:
            async with gate:
                return await self.deliver(item)

        return sum(await asyncio.gather(*(one(item) for item in claimed)))

    @property
    def concurrency(self) -> int:
        if self.settings.concurrency is not None:
            return self.settings.concurrency
        return SQLITE_CONCURRENCY if self.database.is_sqlite else POSTGRES_CONCURRENCY

    async def deliver(self, claimed: Claimed) -> bool:
        """Start the check-in in the client's conversation and send it; True when sent."""
        try:
            replies = await self.prepare(claimed)
            if replies:
                await self.send(claimed.key, replies)
        except Blocked:
            await self.blocked(claimed)
            return False
        except RetryLater as wait:
            await self.retry(claimed, wait.after, "retry_after")
            return False
        except Rejected:
            await self.finish(claimed, "failed")
            return False
        except Exception as error:  # noqa: BLE001  (network trouble or a failed turn: retry)
            await self.failed(claimed, error)
            return False
        if not replies:
            await self.finish(claimed, "skipped")
            return False
        await self.finish(claimed, "sent")
        return True

    async def prepare(self, claimed: Claimed) -> list[Reply]:
        """The messages to send; none when there is nothing to ask (e.g. no active goal)."""
        return await self.turns.handle_system(claimed.key, Inbound.system(EVENTS[claimed.kind]))

    async def finish(self, claimed: Claimed, status: str) -> None:
        now = self.clock.now()
        remind = status == "sent" and claimed.kind == deliveries.CHECKIN
        async with self.database.transaction() as session:
            kept = await deliveries.settle(
                session,
                claimed,
                status,
                now,
                remind_at=now + self.settings.reminder_after if remind else None,
            )
        log.info(
            "checkin_delivery client=%s kind=%s status=%s lease_kept=%s",
            claimed.client_id,
            claimed.kind,
            status,
            kept,
        )

    async def blocked(self, claimed: Claimed) -> None:
        async with self.database.transaction() as session:
            await deliveries.pause_schedule(session, claimed.client_id, self.clock.now())
        await self.finish(claimed, "blocked")

    async def retry(self, claimed: Claimed, after: timedelta, reason: str) -> None:
        async with self.database.transaction() as session:
            await deliveries.retry_at(session, claimed, self.clock.now() + after)
        log.warning(
            "checkin_delivery_retry client=%s reason=%s after=%ss",
            claimed.client_id,
            reason,
            after.total_seconds(),
        )

    async def failed(self, claimed: Claimed, error: Exception) -> None:
        """Back off exponentially; give up after the last attempt rather than retry for ever."""
        if claimed.attempts >= self.settings.max_attempts:
            log.error(
                "checkin_delivery_gave_up client=%s error=%s",
                claimed.client_id,
                type(error).__name__,
            )
            await self.finish(claimed, "failed")
            return
        backoff = min(
            self.settings.first_backoff * 2 ** (claimed.attempts - 1), self.settings.max_backoff
        )
        await self.retry(claimed, backoff, type(error).__name__)


def start_dispatcher(dispatcher: CheckinDispatcher) -> AsyncIOScheduler:
    """The one APScheduler job; a run still going when the next is due is not doubled up."""
    scheduler = AsyncIOScheduler()
    scheduler.add_job(
        dispatcher.run,
        IntervalTrigger(seconds=dispatcher.settings.interval.total_seconds()),
        id="checkin_dispatcher",
        max_instances=1,
        coalesce=True,
    )
    scheduler.start()
    return scheduler
