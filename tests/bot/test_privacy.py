"""Privacy: client words encrypted at rest, logs without content, export and erase everything."""

from __future__ import annotations

import json
import logging
import stat
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet
from sqlmodel import SQLModel, select

from bot.checkin_dispatcher import CheckinDispatcher
from bot.logging_setup import configure_logging
from bot.storage.clients import ClientKey
from bot.storage.database import Database, cipher_from_settings
from bot.storage.encryption import EncryptionKeyError, FieldCipher
from bot.storage.models import Goal
from bot.storage.rotation import reencrypt_all
from dialogs.clock import FixedClock
from dialogs.replies import Reply
from tests.conversation import GOAL_SCRIPT, ScriptedClient
from tests.dialogs.test_goal_setting import play

CLIENT_WORDS = [
    "my sister came along",
    "the rain put me off",
    "panicking every time",
    "bus trips on my own",
    "Take the bus to work",
    "without dreading it",
    "one stop with my sister",
]


def raw_bytes(database_file: Path) -> bytes:
    """The database as it lies on disk, write-ahead log included."""
    parts = [database_file, Path(f"{database_file}-wal")]
    return b"".join(part.read_bytes() for part in parts if part.exists())


async def goal_and_check_in(client: ScriptedClient, clock: FixedClock) -> None:
    """The whole goal conversation, then a check-in with both notes written."""
    await play(client, GOAL_SCRIPT)
    clock.set(datetime(2026, 11, 23, 18, 0, tzinfo=UTC))
    await client.command("/checkin")
    await client.say("one")
    await client.tap("Yes")
    await client.say("my sister came along")
    await client.say("the rain put me off")


@pytest.mark.asyncio
async def test_the_database_file_holds_none_of_the_clients_words(
    client: ScriptedClient, database: Database, tmp_path: Path, clock: FixedClock
) -> None:
    await goal_and_check_in(client, clock)
    await client.command("/newgoal")  # leaves a draft in the conversation state too
    await client.tap("Sleep")
    await database.dispose()

    stored = raw_bytes(tmp_path / "waypoint.db")
    assert stored
    for words in CLIENT_WORDS:
        assert words.encode() not in stored


@pytest.mark.asyncio
async def test_logs_carry_no_client_text(
    client: ScriptedClient, caplog: pytest.LogCaptureFixture
) -> None:
    configure_logging("DEBUG")
    with caplog.at_level(logging.DEBUG):
        await play(client, GOAL_SCRIPT)
        await client.say("I just want to die")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "turn client=" in logged and "crisis_language" in logged
    for words in [*CLIENT_WORDS, "want to die"]:
        assert words not in logged


@pytest.mark.asyncio
async def test_export_holds_every_stored_field(client: ScriptedClient, clock: FixedClock) -> None:
    await goal_and_check_in(client, clock)
    await client.command("/export")

    [reply] = client.replies
    data_file, page = reply.attachments
    data: dict[str, list[dict[str, Any]]] = json.loads(data_file.content)
    stored_tables = {table.name: table for table in SQLModel.metadata.sorted_tables}
    for name, rows in data.items():
        for row in rows:
            assert set(row) == set(stored_tables[name].columns.keys())
    [goal] = data["goal"]
    assert goal["statement"].startswith("Take the bus") and goal["deadline"] == "2027-01-02"
    assert data["checkinschedule"][0]["timezone"] == "Europe/London"
    assert data["actionstep"][0]["text"] == "Monday: take the bus one stop with my sister"
    assert data["checkin"][0]["helped"] == "my sister came along"
    assert data["checkinentry"][0]["value"] == 1
    assert {name for name, rows in data.items() if rows} >= {"client", "goal", "checkin"}
    assert b"Take the bus to work" in page.content and page.mime_type == "text/html"


@pytest.mark.asyncio
async def test_delete_erases_every_row_about_the_client(
    client: ScriptedClient, database: Database
) -> None:
    other = ScriptedClient(client.turns, key=type(client.key)("test", "someone-else"))
    await play(other, GOAL_SCRIPT)
    await play(client, GOAL_SCRIPT)
    await client.command("/delete")
    await client.tap("Yes, delete everything")
    assert "erased" in client.text

    exported = await export_of(database, client)
    assert exported == {}
    async with database.transaction() as session:
        goals = (await session.exec(select(Goal))).all()
    assert len(goals) == 1  # only the other client's goal is left
    await client.command("/start")
    assert "Let's begin" in [option.label for option in client.options]


@pytest.mark.asyncio
async def test_saying_no_to_delete_keeps_everything(
    client: ScriptedClient, database: Database
) -> None:
    await play(client, GOAL_SCRIPT)
    await client.command("/delete")
    await client.tap("No, keep my data")
    assert "Nothing was deleted" in client.text
    async with database.transaction() as session:
        assert len((await session.exec(select(Goal))).all()) == 1


async def export_of(database: Database, client: ScriptedClient) -> dict[str, Any]:
    from bot.storage import clients
    from bot.storage.client_data import export_client

    async with database.transaction() as session:
        found = await clients.find(session, client.key)
        if found is None or found.id is None:
            return {}
        return await export_client(session, found.id)


@pytest.mark.asyncio
async def test_a_wrong_key_stops_the_bot_and_rotation_moves_to_the_new_key(
    client: ScriptedClient, database: Database, tmp_path: Path, test_cipher: FieldCipher
) -> None:
    await play(client, GOAL_SCRIPT)
    await database.dispose()
    url = f"sqlite+aiosqlite:///{tmp_path / 'waypoint.db'}"

    stranger = Database(url, FieldCipher([Fernet.generate_key()]))
    with pytest.raises(EncryptionKeyError):
        await stranger.create_schema()
    await stranger.dispose()

    newest = Fernet.generate_key()
    both = Database(url, FieldCipher([newest, *test_cipher.keys]))
    await both.create_schema()
    assert await reencrypt_all(both) > 0
    await both.dispose()

    only_new = Database(url, FieldCipher([newest]))
    await only_new.create_schema()
    async with only_new.transaction() as session:
        [goal] = (await session.exec(select(Goal))).all()
    assert goal.why == "so I can get to work without dreading it"
    await only_new.dispose()


def test_the_embedded_default_makes_a_private_key_file(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'data' / 'waypoint.db'}"
    first = cipher_from_settings(url, None)
    key_file = tmp_path / "data" / "waypoint.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert first.decrypt(cipher_from_settings(url, None).encrypt("same key")) == "same key"


def test_a_server_database_without_a_key_is_refused() -> None:
    with pytest.raises(EncryptionKeyError, match="DATA_ENCRYPTION_KEY must be set"):
        cipher_from_settings("postgresql+asyncpg://db/waypoint", None)
    with pytest.raises(EncryptionKeyError, match="not a valid Fernet key"):
        cipher_from_settings("postgresql+asyncpg://db/waypoint", "not-a-key")


@pytest.mark.asyncio
async def test_no_check_in_is_sent_after_delete(
    client: ScriptedClient, database: Database, clock: FixedClock
) -> None:
    await play(client, GOAL_SCRIPT)
    await client.command("/delete")
    await client.tap("Yes, delete everything")
    sent: list[ClientKey] = []

    async def record(key: ClientKey, replies: Sequence[Reply]) -> None:
        sent.append(key)

    dispatcher = CheckinDispatcher(database, client.turns, record, clock)
    for weeks in range(3):
        clock.set(datetime(2026, 11, 23, 18, 0, tzinfo=UTC) + timedelta(weeks=weeks, minutes=1))
        await dispatcher.run()
    assert sent == []
