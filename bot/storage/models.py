"""The database tables. Code that reads and writes them lives beside, not here."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from bot.storage.encryption import PrivateText
from bot.storage.types import UTCDateTime


class KeyCheck(SQLModel, table=True):
    """A known value encrypted with the database's key, so a wrong key is caught at start."""

    id: int = Field(default=1, primary_key=True)
    token: str = Field(sa_type=PrivateText)


class Client(SQLModel, table=True):
    """A person using the bot, on one channel (Telegram chat or the console)."""

    __table_args__ = (UniqueConstraint("channel", "external_id"),)

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=16)
    external_id: str = Field(max_length=64)
    timezone: str | None = Field(default=None, max_length=64)
    region: str | None = Field(default=None, max_length=8)
    created_at: datetime = Field(sa_type=UTCDateTime)
    last_seen_at: datetime = Field(sa_type=UTCDateTime, index=True)
    # Set when the client was told their unused data will be erased (DATA_RETENTION_DAYS).
    retention_warned_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Conversation(SQLModel, table=True):
    """Where the client stands in a flow, as JSON; one row per client, also its lock row."""

    client_id: int = Field(primary_key=True, foreign_key="client.id", ondelete="CASCADE")
    state: str = Field(default="{}", sa_type=PrivateText)
    # The last few Telegram update ids handled, so a redelivered update is not acted on twice.
    recent_updates: str = Field(default="", max_length=400)
    updated_at: datetime = Field(sa_type=UTCDateTime)


class Motive(SQLModel, table=True):
    """A broad hope the client named before choosing a focus."""

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(foreign_key="client.id", index=True, ondelete="CASCADE")
    text: str = Field(sa_type=PrivateText)
    created_at: datetime = Field(sa_type=UTCDateTime)


class Goal(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(foreign_key="client.id", index=True, ondelete="CASCADE")
    theme: str = Field(max_length=32)
    theme_other: str | None = Field(default=None, sa_type=PrivateText)
    kind: str = Field(max_length=16)
    horizon: str = Field(max_length=8)
    statement: str = Field(sa_type=PrivateText)
    unit: str = Field(sa_type=PrivateText)
    frequency: str = Field(max_length=8)
    baseline: float
    target: float
    deadline: date
    review_date: date | None = None
    why: str = Field(sa_type=PrivateText)
    confidence: int
    status: str = Field(default="active", max_length=16)
    created_at: datetime = Field(sa_type=UTCDateTime)
    updated_at: datetime = Field(sa_type=UTCDateTime)


class ActionStep(SQLModel, table=True):
    """One of the first concrete things the client will do towards a goal."""

    id: int | None = Field(default=None, primary_key=True)
    goal_id: int = Field(foreign_key="goal.id", index=True, ondelete="CASCADE")
    position: int
    text: str = Field(sa_type=PrivateText)


class CheckinSchedule(SQLModel, table=True):
    """The client's weekly check-in rule and its next due instant in UTC (decision 2)."""

    client_id: int = Field(primary_key=True, foreign_key="client.id", ondelete="CASCADE")
    weekday: int
    local_time: str = Field(max_length=5)
    timezone: str = Field(max_length=64)
    next_due_at: datetime = Field(sa_type=UTCDateTime, index=True)
    paused: bool = False
    updated_at: datetime = Field(sa_type=UTCDateTime)


class Checkin(SQLModel, table=True):
    """One weekly check-in: the local week it covers and the client's own notes on that week."""

    __table_args__ = (UniqueConstraint("client_id", "week_of"),)

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(foreign_key="client.id", index=True, ondelete="CASCADE")
    week_of: date  # the Monday of the client's local week
    helped: str | None = Field(default=None, sa_type=PrivateText)
    hindered: str | None = Field(default=None, sa_type=PrivateText)
    created_at: datetime = Field(sa_type=UTCDateTime)
    updated_at: datetime = Field(sa_type=UTCDateTime)


class CheckinEntry(SQLModel, table=True):
    """One goal's measure at one check-in, with its attainment level (-2 to +2)."""

    __table_args__ = (UniqueConstraint("checkin_id", "goal_id"),)

    id: int | None = Field(default=None, primary_key=True)
    checkin_id: int = Field(foreign_key="checkin.id", index=True, ondelete="CASCADE")
    goal_id: int = Field(foreign_key="goal.id", index=True, ondelete="CASCADE")
    value: float
    level: int
    steps_done: str | None = Field(default=None, max_length=8)


class CheckinDelivery(SQLModel, table=True):
    """The check-in outbox (decision 2): written with the schedule's advance, sent once.

    `kind` is checkin, pause_offer or reminder; `status` is pending, sent, skipped, blocked or
    failed. A pending row is claimed by pushing `next_attempt_at` out by a lease and counting
    the attempt, so a dispatcher that dies mid-send leaves it to be sent after the lease.
    """

    __table_args__ = (
        UniqueConstraint("client_id", "due_at", "kind"),
        Index("ix_checkindelivery_status_next", "status", "next_attempt_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(foreign_key="client.id", index=True, ondelete="CASCADE")
    due_at: datetime = Field(sa_type=UTCDateTime)
    kind: str = Field(default="checkin", max_length=16)
    status: str = Field(default="pending", max_length=16)
    attempts: int = 0
    next_attempt_at: datetime = Field(sa_type=UTCDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    answered_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class ProgressSummary(SQLModel, table=True):
    """When the client made a summary for their therapist; the next covers the weeks since."""

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(foreign_key="client.id", index=True, ondelete="CASCADE")
    created_at: datetime = Field(sa_type=UTCDateTime)
