"""The async engine and sessions; SQLite by default, PostgreSQL when DATABASE_URL says so."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel import SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.storage.encryption import (
    EncryptionKeyError,
    FieldCipher,
    attach_cipher,
    embedded_key,
    parse_keys,
)
from bot.storage.models import KeyCheck

KEY_CHECK_VALUE = "waypoint"
EMBEDDED_KEY_FILE = "waypoint.key"

SQLITE_BUSY_TIMEOUT_SECONDS = 30


class Database:
    """One engine per process; a session per turn."""

    def __init__(self, url: str, cipher: FieldCipher, schema: str | None = None) -> None:
        self.url = make_url(url)
        self.schema = schema
        self.engine: AsyncEngine = create_async_engine(url, **engine_options(url, schema))
        attach_cipher(self.engine.dialect, cipher)
        if self.is_sqlite:
            event.listen(self.engine.sync_engine, "connect", sqlite_pragmas)
            event.listen(self.engine.sync_engine, "begin", begin_immediately)
        self._sqlite_queue = asyncio.Lock()
        self.sessions = async_sessionmaker(self.engine, class_=AsyncSession, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    async def create_schema(self) -> None:
        """Tables as the models describe them, and a check that the key fits the data."""
        if self.is_sqlite and self.url.database not in (None, "", ":memory:"):
            Path(self.url.database).parent.mkdir(parents=True, exist_ok=True)
        async with self.engine.begin() as connection:
            await connection.run_sync(SQLModel.metadata.create_all)
        await self.check_key()

    async def check_key(self) -> None:
        async with self.transaction() as session:
            check = await session.get(KeyCheck, 1)
            if check is None:
                session.add(KeyCheck(id=1, token=KEY_CHECK_VALUE))
            elif check.token != KEY_CHECK_VALUE:
                raise EncryptionKeyError("the key check decrypted to the wrong value")

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A session whose work commits together at the end, or not at all."""
        async with self.writer_turn(), self.sessions() as session, session.begin():
            yield session

    def writer_turn(self) -> contextlib.AbstractAsyncContextManager[object]:
        """On SQLite, transactions in this process queue first come, first served.

        SQLite's own busy handler retries waiting writers at random, which starves some of
        them for seconds under load; BEGIN IMMEDIATE still guards against other processes.
        """
        return self._sqlite_queue if self.is_sqlite else contextlib.nullcontext()

    async def dispose(self) -> None:
        await self.engine.dispose()


def cipher_from_settings(database_url: str, key_setting: str | None) -> FieldCipher:
    """The configured keys; the embedded SQLite default makes and keeps its own key."""
    if key_setting:
        return FieldCipher(parse_keys(key_setting))
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        raise EncryptionKeyError(
            "DATA_ENCRYPTION_KEY must be set when DATABASE_URL is not a local SQLite file"
        )
    return FieldCipher([embedded_key(Path(url.database).parent / EMBEDDED_KEY_FILE)])


def engine_options(url: str, schema: str | None) -> dict[str, Any]:
    """Driver settings; `schema` puts a PostgreSQL deployment (or test) in its own schema."""
    if make_url(url).get_backend_name() == "sqlite":
        return {
            "connect_args": {"timeout": SQLITE_BUSY_TIMEOUT_SECONDS},
            # Sessions and connections end their transactions themselves (commit, or rollback
            # on close); the pool's extra rollback on return is one more trip to aiosqlite's
            # thread on every turn, for nothing.
            "pool_reset_on_return": None,
        }
    options: dict[str, Any] = {"pool_pre_ping": True}
    if schema is not None:
        options["connect_args"] = {"server_settings": {"search_path": schema}}
    return options


def sqlite_pragmas(connection: Any, _record: Any) -> None:
    """Foreign keys on (so deletes cascade); WAL, so readers never wait for a writer."""
    # The driver would begin transactions itself, lazily at the first write; `begin_immediately`
    # does it instead.
    connection.isolation_level = None
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # In WAL mode this still survives a crash of the process; only a power cut can undo the
    # last commits. Waiting for the disk on every commit instead capped the check-in
    # dispatcher at about 13 a second on this project's test machines.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def begin_immediately(connection: Any) -> None:
    """Take SQLite's write lock when a transaction starts, not at its first write.

    Otherwise two replicas can both read a client's state before either writes, and both act
    on it: this is SQLite's stand-in for PostgreSQL's row lock on the conversation.
    """
    connection.exec_driver_sql("BEGIN IMMEDIATE")
