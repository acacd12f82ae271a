"""Finding the client behind an inbound, and loading and saving their conversation state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.storage.models import Client, Conversation
from dialogs.state import ConversationState

RECENT_UPDATES = 32
# How finely "last seen" is kept: enough for retention, without a write on every turn.
SEEN_RESOLUTION = timedelta(hours=1)


@dataclass(frozen=True)
class ClientKey:
    """Who is talking, as the transport knows them: ("telegram", chat id) or ("console", user)."""

    channel: str
    external_id: str


async def open_turn(
    session: AsyncSession, key: ClientKey, now: datetime, create: bool
) -> tuple[Client, Conversation] | None:
    """The client and their conversation row, locked for the turn; None for an unknown client
    when `create` is false. A client seen before costs one query, the usual case."""
    found = await _find_with_conversation(session, key)
    if found is None:
        known = await find_or_create(session, key, now) if create else await find(session, key)
        if known is None:
            return None
        assert known.id is not None
        found = known, await lock_conversation(session, known.id, now)
    client, row = found
    if create:
        _mark_seen(client, now)
    return found


async def _find_with_conversation(
    session: AsyncSession, key: ClientKey
) -> tuple[Client, Conversation] | None:
    query = (
        select(Client, Conversation)
        .join(Conversation, col(Conversation.client_id) == Client.id)
        .where(Client.channel == key.channel, Client.external_id == key.external_id)
        .with_for_update(of=Conversation)
    )
    row = (await session.exec(query)).first()
    return None if row is None else (row[0], row[1])


async def find_or_create(session: AsyncSession, key: ClientKey, now: datetime) -> Client:
    """The client row, created on first contact. Two replicas racing to create it is fine."""
    client = await find(session, key)
    if client is None:
        try:
            async with session.begin_nested():
                client = Client(
                    channel=key.channel,
                    external_id=key.external_id,
                    created_at=now,
                    last_seen_at=now,
                )
                session.add(client)
        except IntegrityError:
            client = await find(session, key)
            assert client is not None
    return client


def _mark_seen(client: Client, now: datetime) -> None:
    if now - client.last_seen_at >= SEEN_RESOLUTION or client.retention_warned_at is not None:
        client.last_seen_at = now
        client.retention_warned_at = None  # writing again keeps their data


async def find(session: AsyncSession, key: ClientKey) -> Client | None:
    query = select(Client).where(
        Client.channel == key.channel, Client.external_id == key.external_id
    )
    return (await session.exec(query)).first()


async def lock_conversation(session: AsyncSession, client_id: int, now: datetime) -> Conversation:
    """The conversation row, locked for the turn (PostgreSQL row lock; SQLite serialises writes)."""
    query = select(Conversation).where(Conversation.client_id == client_id).with_for_update()
    row = (await session.exec(query)).first()
    if row is None:
        row = Conversation(client_id=client_id, updated_at=now)
        session.add(row)
        await session.flush()
    return row


def read_state(row: Conversation) -> ConversationState | None:
    """The stored state; None when it cannot be read (e.g. written by an older version)."""
    try:
        return ConversationState.model_validate_json(row.state or "{}")
    except ValidationError:
        return None


def write_state(row: Conversation, state: ConversationState, now: datetime) -> None:
    """Store the state if the turn changed it (a side trip such as /help changes nothing)."""
    stored = state.model_dump_json(exclude_defaults=True)
    if stored != row.state:
        row.state = stored
        row.updated_at = now


def already_handled(row: Conversation, update_id: int) -> bool:
    return str(update_id) in row.recent_updates.split(",")


def remember_update(row: Conversation, update_id: int) -> None:
    kept = [part for part in row.recent_updates.split(",") if part][-(RECENT_UPDATES - 1) :]
    row.recent_updates = ",".join([*kept, str(update_id)])
