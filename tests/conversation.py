"""A client talking to the bot through the transport-neutral turn handler, as tests need it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlmodel import select

from bot.storage.clients import ClientKey
from bot.storage.database import Database
from bot.turns import TurnHandler
from dialogs.replies import Inbound, Option, Reply


async def rows(database: Database, table: type) -> list[Any]:
    """Every stored row of a table, read as the test's assertions need them."""
    async with database.transaction() as session:
        return list((await session.exec(select(table))).all())


# A Saturday morning; check-ins chosen for Monday fall two days later.
SATURDAY = datetime(2026, 11, 21, 10, 0, tzinfo=UTC)


@dataclass
class ScriptedClient:
    """Sends what a person would and keeps the options last offered, like a phone screen."""

    turns: TurnHandler
    key: ClientKey = field(default_factory=lambda: ClientKey("test", "client-1"))
    replies: list[Reply] = field(default_factory=list)

    @property
    def options(self) -> list[Option]:
        return [option for reply in self.replies for option in reply.options]

    @property
    def text(self) -> str:
        return "\n".join(reply.text for reply in self.replies)

    async def send(self, inbound: Inbound) -> list[Reply]:
        self.replies = await self.turns.handle(self.key, inbound)
        assert self.replies, f"no reply to {inbound}"
        return self.replies

    async def say(self, text: str) -> list[Reply]:
        return await self.send(Inbound.text(text))

    async def command(self, name: str) -> list[Reply]:
        return await self.send(Inbound.command(name))

    async def tap(self, label: str) -> list[Reply]:
        return await self.send(Inbound.choice(self.option(label).value))

    def option(self, label: str) -> Option:
        for option in self.options:
            if option.label == label or option.label.startswith(label):
                return option
        raise AssertionError(f"no option {label!r} among {[o.label for o in self.options]}")

    def offers(self, label: str) -> bool:
        return any(o.label == label or o.label.startswith(label) for o in self.options)


# The whole goal-setting conversation as a client would type and tap it.
# ("tap", label) presses a button; ("say", text) types; ("command", "/x") sends a command.
GOAL_SCRIPT: tuple[tuple[str, str], ...] = (
    ("command", "/start"),
    ("tap", "Let's begin"),
    ("say", "I'd like to stop panicking every time I take the bus"),
    ("tap", "That's it for now"),
    ("tap", "Anxiety and panic"),
    ("tap", "What I do"),
    ("tap", "A short-term step"),
    ("say", "be less anxious"),
    ("say", "Take the bus to work on my own 3 times a week within 6 weeks"),
    ("tap", "Looks right, go on"),
    ("say", "bus trips on my own"),
    ("tap", "Each week"),
    ("say", "none"),
    ("say", "3x a week"),
    ("tap", "By "),
    ("tap", "Yes, that's right"),
    ("say", "so I can get to work without dreading it"),
    ("tap", "8"),
    ("say", "Monday: take the bus one stop with my sister"),
    ("tap", "That's enough for this week"),
    ("tap", "Save this goal"),
    ("tap", "Monday"),
    ("tap", "18:00"),
    ("say", "London"),
)
