"""One turn of a conversation: load the client's state, let the dialogs answer, save, reply.

Both transports call `TurnHandler.handle`. The state and whatever the turn saved commit in
one transaction; a failed turn rolls back, so the client's saved data is never half-written.
"""

from __future__ import annotations

import asyncio
import logging
import traceback
import weakref

from bot.storage import clients
from bot.storage.client_records import SqlClientRecords
from bot.storage.clients import ClientKey
from bot.storage.database import Database
from dialogs.clock import Clock
from dialogs.flow import Turn
from dialogs.records import ClientProfile
from dialogs.replies import Inbound, Reply
from dialogs.router import Response, respond
from dialogs.state import ConversationState
from dialogs.wording import say

log = logging.getLogger(__name__)


class UnknownClient(LookupError):
    """A system turn for a client who no longer exists."""


class TurnHandler:
    def __init__(
        self, database: Database, clock: Clock, region: str, default_timezone: str
    ) -> None:
        self.database = database
        self.clock = clock
        self.region = region
        self.default_timezone = default_timezone
        self._locks: weakref.WeakValueDictionary[ClientKey, asyncio.Lock] = (
            weakref.WeakValueDictionary()
        )

    def lock_for(self, key: ClientKey) -> asyncio.Lock:
        """One turn at a time per client in this process; other clients go on concurrently."""
        lock = self._locks.get(key)
        if lock is None:
            lock = self._locks[key] = asyncio.Lock()
        return lock

    async def handle(
        self, key: ClientKey, inbound: Inbound, update_id: int | None = None
    ) -> list[Reply]:
        """Answer one inbound; on any failure, say so kindly and keep what was saved.

        `update_id` is the transport's id for the inbound: one seen before (a redelivery)
        is answered with nothing and changes nothing.
        """
        async with self.lock_for(key):
            try:
                client_id, response = await self.run_turn(key, inbound, update_id=update_id)
            except Exception as error:  # noqa: BLE001  (a client must never see silence)
                log.error(
                    "turn_failed channel=%s error=%s\n%s",
                    key.channel,
                    type(error).__name__,
                    "".join(traceback.format_tb(error.__traceback__)),
                )
                return [Reply(say("common.something_went_wrong"))]
        log.info("turn client=%s kind=%s event=%s", client_id, inbound.kind, response.event)
        return response.replies

    async def handle_system(self, key: ClientKey, inbound: Inbound) -> list[Reply]:
        """A turn the bot starts itself (a check-in came due), under the same lock and transaction.

        Failures propagate, so the caller retries later instead of sending an apology unasked;
        a client who is gone (erased) gets nothing and is not created again.
        """
        async with self.lock_for(key):
            try:
                client_id, response = await self.run_turn(key, inbound, create=False)
            except UnknownClient:
                return []
        log.info("turn client=%s kind=%s event=%s", client_id, inbound.kind, response.event)
        return response.replies

    async def run_turn(
        self, key: ClientKey, inbound: Inbound, create: bool = True, update_id: int | None = None
    ) -> tuple[int, Response]:
        now = self.clock.now()
        async with self.database.transaction() as session:
            opened = await clients.open_turn(session, key, now, create)
            if opened is None:
                raise UnknownClient(key.channel)
            client, row = opened
            assert client.id is not None
            if update_id is not None:
                if clients.already_handled(row, update_id):
                    return client.id, Response([], "duplicate_update")
                clients.remember_update(row, update_id)
            state = clients.read_state(row)
            if state is None:
                log.warning("state_unreadable client=%s", client.id)
                state = ConversationState()
            profile = ClientProfile(
                client.timezone, self.default_timezone, client.region or self.region
            )
            records = SqlClientRecords(session, client.id, self.clock)
            response = await respond(Turn(state, records, profile, self.clock), inbound)
            if not records.erased:
                clients.write_state(row, state, now)
            return client.id, response
