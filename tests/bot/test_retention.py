"""Optional retention: a quiet client is warned a week ahead, then erased."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import pytest
from sqlmodel import select

from bot.retention import RetentionSweep
from bot.storage.clients import ClientKey
from bot.storage.database import Database
from bot.storage.models import CheckinSchedule, Client, Goal
from dialogs.clock import FixedClock
from dialogs.replies import Reply
from tests.conversation import GOAL_SCRIPT, SATURDAY, ScriptedClient
from tests.dialogs.test_goal_setting import play

DAYS = 30


class Inbox:
    def __init__(self) -> None:
        self.received: list[tuple[ClientKey, str]] = []

    async def send(self, key: ClientKey, replies: Sequence[Reply]) -> None:
        self.received.extend((key, reply.text) for reply in replies)


async def count(database: Database, table: type) -> int:
    async with database.transaction() as session:
        return len((await session.exec(select(table))).all())


@pytest.mark.asyncio
async def test_a_quiet_client_is_warned_then_erased(
    client: ScriptedClient, database: Database, clock: FixedClock
) -> None:
    await play(client, GOAL_SCRIPT)
    inbox = Inbox()
    sweep = RetentionSweep(database, inbox.send, clock, DAYS)

    clock.set(SATURDAY + timedelta(days=DAYS - 8))
    assert await sweep.run() == (0, 0)
    clock.set(SATURDAY + timedelta(days=DAYS - 6))
    assert await sweep.run() == (1, 0)
    assert await sweep.run() == (0, 0), "warned once only"
    assert [key for key, _ in inbox.received] == [client.key]
    assert "erased in 7 days" in inbox.received[0][1]

    clock.set(SATURDAY + timedelta(days=DAYS + 2))
    assert await sweep.run() == (0, 1)
    for table in (Client, Goal, CheckinSchedule):
        assert await count(database, table) == 0


@pytest.mark.asyncio
async def test_writing_after_the_warning_keeps_everything(
    client: ScriptedClient, database: Database, clock: FixedClock
) -> None:
    await play(client, GOAL_SCRIPT)
    sweep = RetentionSweep(database, Inbox().send, clock, DAYS)
    clock.set(SATURDAY + timedelta(days=DAYS - 6))
    assert await sweep.run() == (1, 0)
    await client.command("/goals")

    clock.set(SATURDAY + timedelta(days=DAYS + 2))
    assert await sweep.run() == (0, 0)
    assert await count(database, Goal) == 1
