"""Shared pytest fixtures: a fake Bot API server, a SQLite database, a clock, a client."""

import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from cryptography.fernet import Fernet
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from bot.storage.database import Database
from bot.storage.encryption import FieldCipher
from bot.turns import TurnHandler
from dialogs.clock import FixedClock
from tests.conversation import SATURDAY, ScriptedClient
from tests.fakes.bot_api import FakeBotApi

POSTGRES_URL_ENV = "WAYPOINT_TEST_POSTGRES_URL"


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


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """The PostgreSQL server CI starts; locally these tests skip when it is not set."""
    url = os.environ.get(POSTGRES_URL_ENV, "")
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"{POSTGRES_URL_ENV} must be set in CI: PostgreSQL tests may not skip")
        pytest.skip(f"set {POSTGRES_URL_ENV} to run the PostgreSQL tests")
    return url


@pytest_asyncio.fixture
async def postgres_database(postgres_url: str, test_cipher: FieldCipher) -> AsyncIterator[Database]:
    """A fresh schema on the PostgreSQL server, dropped after the test."""
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_async_engine(postgres_url)
    async with admin.begin() as connection:
        await connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    db = Database(postgres_url, test_cipher, schema=schema)
    await db.create_schema()
    try:
        yield db
    finally:
        await db.dispose()
        async with admin.begin() as connection:
            await connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        await admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_database(request: pytest.FixtureRequest) -> Database:
    """The same test on the embedded default and on PostgreSQL."""
    name = "database" if request.param == "sqlite" else "postgres_database"
    db: Database = request.getfixturevalue(name)
    return db


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(SATURDAY)


@pytest.fixture
def turns(database: Database, clock: FixedClock) -> TurnHandler:
    return TurnHandler(database, clock, region="US", default_timezone="UTC")


@pytest.fixture
def client(turns: TurnHandler) -> ScriptedClient:
    return ScriptedClient(turns)
