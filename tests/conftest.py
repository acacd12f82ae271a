"""Shared pytest fixtures: a fake Bot API server, a SQLite database, a clock, a client."""

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from cryptography.fernet import Fernet

from bot.storage.database import Database
from bot.storage.encryption import FieldCipher
from bot.turns import TurnHandler
from dialogs.clock import FixedClock
from tests.conversation import SATURDAY, ScriptedClient
from tests.fakes.bot_api import FakeBotApi


@pytest_asyncio.fixture
async def fake_bot_api(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeBotApi]:
    """A started fake Telegram Bot API server on loopback; stopped after the test.

    Sets PTB_TIMEDELTA=true: otherwise PTB's RetryAfter emits a PTBDeprecationWarning when it is
    built, which the warnings-as-errors setting turns into the wrong exception.
    """
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    server = FakeBotApi()
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


@pytest.fixture
def test_cipher() -> FieldCipher:
    return FieldCipher([Fernet.generate_key()])


@pytest_asyncio.fixture
async def database(tmp_path: Path, test_cipher: FieldCipher) -> AsyncIterator[Database]:
    """A fresh SQLite database file with the schema, disposed after the test."""
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'waypoint.db'}", test_cipher)
    await db.create_schema()
    try:
        yield db
    finally:
        await db.dispose()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(SATURDAY)


@pytest.fixture
def turns(database: Database, clock: FixedClock) -> TurnHandler:
    return TurnHandler(database, clock, region="US", default_timezone="UTC")


@pytest.fixture
def client(turns: TurnHandler) -> ScriptedClient:
    return ScriptedClient(turns)
