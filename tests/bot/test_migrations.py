"""The Alembic migrations create exactly the schema the models describe."""

from __future__ import annotations

import pytest
from alembic.script import ScriptDirectory

from bot.storage.database import Database
from bot.storage.migrate import alembic_config, pending_model_changes
from bot.storage.schema import HEAD_REVISION, current_revision, prepare


@pytest.mark.asyncio
async def test_migrations_match_the_models(any_database: Database) -> None:
    await drop_everything(any_database)
    await prepare(any_database)
    assert await pending_model_changes(any_database) == []


@pytest.mark.asyncio
async def test_migrating_twice_changes_nothing(any_database: Database) -> None:
    await drop_everything(any_database)
    await prepare(any_database)
    await prepare(any_database)
    assert await pending_model_changes(any_database) == []


def test_the_named_head_is_alembics_newest_migration() -> None:
    assert ScriptDirectory.from_config(alembic_config()).get_heads() == [HEAD_REVISION]


@pytest.mark.asyncio
async def test_a_start_migrates_only_a_database_that_is_behind(any_database: Database) -> None:
    await drop_everything(any_database)
    assert await current_revision(any_database) is None
    await prepare(any_database)
    assert await current_revision(any_database) == HEAD_REVISION
    assert await pending_model_changes(any_database) == []


async def drop_everything(database: Database) -> None:
    """Start from an empty database: the fixture made its tables without Alembic."""
    from sqlmodel import SQLModel

    async with database.engine.begin() as connection:
        await connection.run_sync(SQLModel.metadata.drop_all)
