"""Optional retention (DATA_RETENTION_DAYS): unused clients are erased, warned a week before."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import timedelta

from sqlmodel import col, select

from bot.checkin_dispatcher import Send
from bot.storage.client_data import erase_client
from bot.storage.clients import ClientKey
from bot.storage.database import Database
from bot.storage.models import Client
from dialogs.clock import Clock
from dialogs.replies import Reply
from dialogs.wording import say

log = logging.getLogger(__name__)

WARNING_AHEAD = timedelta(days=7)
BATCH = 200


class RetentionSweep:
    """One scheduler job: warn clients nearing the limit, erase those past it who stayed away."""

    def __init__(self, database: Database, send: Send, clock: Clock, days: int) -> None:
        self.database = database
        self.send = send
        self.clock = clock
        self.keep_for = timedelta(days=days)

    async def run(self) -> tuple[int, int]:
        """Returns how many clients were warned and how many erased."""
        return await self.warn(), await self.erase()

    async def warn(self) -> int:
        now = self.clock.now()
        quiet_since = now - (self.keep_for - WARNING_AHEAD)
        query = (
            select(Client)
            .where(
                col(Client.last_seen_at) < quiet_since, col(Client.retention_warned_at).is_(None)
            )
            .limit(BATCH)
            .with_for_update(skip_locked=True)
        )
        async with self.database.transaction() as session:
            due = list((await session.exec(query)).all())
            for client in due:
                client.retention_warned_at = now
            keys = [ClientKey(client.channel, client.external_id) for client in due]
        for key in keys:
            await self.tell(key, [Reply(say("retention.warning"))])
        return len(keys)

    async def tell(self, key: ClientKey, replies: Sequence[Reply]) -> None:
        try:
            await self.send(key, replies)
        except Exception as error:  # noqa: BLE001  (a blocked chat must not stop the sweep)
            log.warning("retention_warning_failed error=%s", type(error).__name__)

    async def erase(self) -> int:
        now = self.clock.now()
        query = (
            select(Client)
            .where(
                col(Client.last_seen_at) < now - self.keep_for,
                col(Client.retention_warned_at) <= now - WARNING_AHEAD,
            )
            .limit(BATCH)
            .with_for_update(skip_locked=True)
        )
        async with self.database.transaction() as session:
            gone = [client.id for client in (await session.exec(query)).all()]
            session.expunge_all()
            for client_id in gone:
                assert client_id is not None
                await erase_client(session, client_id)
        log.info("retention_erased clients=%s", len(gone))
        return len(gone)
