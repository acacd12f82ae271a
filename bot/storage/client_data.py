"""Everything stored about one client: gathered for /export, erased for /delete.

Both walk every table by its link to the client (a `client_id` column, or a `goal_id` column
pointing at the client's goals), so a table added later is exported and erased without
anyone having to remember it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, delete, select
from sqlmodel import SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.storage.models import Client, Goal

Row = dict[str, Any]


def client_tables() -> list[Table]:
    """Tables that hold a client's data, parents before children."""
    return [
        table
        for table in SQLModel.metadata.sorted_tables
        if "client_id" in table.columns or "goal_id" in table.columns
    ]


def belongs_to(table: Table, client_id: int) -> Any:
    if "client_id" in table.columns:
        return table.c.client_id == client_id
    goals = select(Goal.id).where(Goal.client_id == client_id)  # type: ignore[call-overload]
    return table.c.goal_id.in_(goals.scalar_subquery())


def plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


async def export_client(session: AsyncSession, client_id: int) -> dict[str, list[Row]]:
    """Every row about the client, table by table, with values readable as JSON."""
    client_table = Client.__table__  # type: ignore[attr-defined]
    connection = await session.connection()
    exported: dict[str, list[Row]] = {}
    for table in [client_table, *client_tables()]:
        condition = (
            client_table.c.id == client_id
            if table is client_table
            else belongs_to(table, client_id)
        )
        result = await connection.execute(select(table).where(condition))
        exported[table.name] = [
            {key: plain(value) for key, value in row._mapping.items()} for row in result
        ]
    return exported


async def erase_client(session: AsyncSession, client_id: int) -> None:
    """Delete every row about the client, children first, then the client itself."""
    connection = await session.connection()
    for table in reversed(client_tables()):
        await connection.execute(delete(table).where(belongs_to(table, client_id)))
    await connection.execute(delete(Client).where(Client.id == client_id))  # type: ignore[arg-type]
