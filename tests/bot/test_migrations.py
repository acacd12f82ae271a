"""The Alembic migrations create exactly the schema the models describe."""

from __future__ import annotations

import pytest

from bot.storage.database import Database
from bot.storage.migrate import pending_model_changes, prepare


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


async def drop_everything(database: Database) -> None:
    """Start from an empty database: the fixture made its tables without Alembic."""
    from sqlmodel import SQLModel

    async with database.engine.begin() as connection:
        await connection.run_sync(SQLModel.metadata.drop_all)
