"""Schema changes through Alembic (decision 5): `python -m bot migrate`, and starts that find the
database behind (`bot.storage.schema.prepare`)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

from bot.storage.database import Database

MIGRATIONS = Path(__file__).with_name("migrations")
# Replicas starting together take turns: one migrates, the others then find nothing to do.
MIGRATION_LOCK_ID = 727_001


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


async def upgrade(database: Database) -> None:
    """Bring the schema to the newest migration."""
    async with database.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            await connection.execute(text(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_ID})"))
        await connection.run_sync(lambda sync: command.upgrade(alembic_config(sync), "head"))


async def pending_model_changes(database: Database) -> list[object]:
    """What the models describe that the migrations do not create (empty when they match)."""
    async with database.engine.connect() as connection:
        return await connection.run_sync(
            lambda sync: compare_metadata(MigrationContext.configure(sync), SQLModel.metadata)
        )


async def new_revision(database: Database, message: str) -> None:
    """For developers: write a migration for what the models changed since the last one.

    Then name it in `bot.storage.schema.HEAD_REVISION`."""
    await upgrade(database)
    async with database.engine.begin() as connection:
        await connection.run_sync(
            lambda sync: command.revision(alembic_config(sync), message=message, autogenerate=True)
        )
