"""Every start's schema step: migrate only when the database is behind (decision 5).

A replica restarts far more often than the schema changes. Asking Alembic would import it (about
11 MB a replica keeps for its whole life) to learn there is nothing to do, so the newest
revision is named here and read back from Alembic's own version table; Alembic is imported only
when they differ. A test checks `HEAD_REVISION` against Alembic's view of the migrations.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from bot.storage.database import Database

# The newest file in bot/storage/migrations/versions/; update it with each new migration.
HEAD_REVISION = "bdad1ea88d7f"


async def current_revision(database: Database) -> str | None:
    """The revision the database is at; None before its first migration."""
    try:
        async with database.engine.connect() as connection:
            row = (
                await connection.execute(text("SELECT version_num FROM alembic_version"))
            ).first()
    except DBAPIError:  # no version table yet
        return None
    return None if row is None else str(row[0])


async def prepare(database: Database) -> None:
    """What every start does: migrate if behind, then check the encryption key against the data."""
    if await current_revision(database) != HEAD_REVISION:
        from bot.storage import migrate  # Alembic, only when there is something to do

        await migrate.upgrade(database)
    await database.check_key()
