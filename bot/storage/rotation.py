"""Re-encrypting stored text with the newest key, after DATA_ENCRYPTION_KEY gained a new one."""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import Column, Table, select, type_coerce, update
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.types import Text
from sqlmodel import SQLModel

from bot.storage.database import Database
from bot.storage.encryption import PrivateText, cipher_of

log = logging.getLogger(__name__)


def private_columns() -> list[tuple[Table, Column[str]]]:
    return [
        (table, column)
        for table in SQLModel.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, PrivateText)
    ]


async def reencrypt_all(database: Database) -> int:
    """Rotate every encrypted value to the first key; returns how many values changed."""
    cipher = cipher_of(database.engine.dialect)
    rotated = 0
    async with database.engine.begin() as connection:
        for table, column in private_columns():
            rotated += await reencrypt_column(connection, table, column, cipher.rotate)
    log.info("reencrypted values=%s", rotated)
    return rotated


async def reencrypt_column(
    connection: AsyncConnection, table: Table, column: Column[str], rotate: Callable[[str], str]
) -> int:
    keys = list(table.primary_key.columns)
    raw = type_coerce(column, Text)
    rows = (await connection.execute(select(*keys, raw).where(column.is_not(None)))).all()
    for row in rows:
        match = [key == value for key, value in zip(keys, row[:-1], strict=True)]
        new_token = type_coerce(rotate(row[-1]), Text)
        await connection.execute(update(table).where(*match).values({column.name: new_token}))
    return len(rows)
