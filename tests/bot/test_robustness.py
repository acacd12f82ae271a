"""No input breaks the bot: random updates through the real Telegram transport.

Whatever a client sends (text, commands, stale and foreign buttons, double taps, stickers,
edits), every update is answered, nothing escapes as an unhandled error, and the goals the
client had already saved are exactly as they were.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from bot.config import Settings
from bot.storage import clients
from bot.storage.client_records import SqlClientRecords
from bot.storage.clients import ClientKey
from bot.storage.database import Database
from bot.storage.encryption import FieldCipher
from bot.storage.models import ActionStep, Goal
from bot.telegram_transport import build_application
from bot.turns import TurnHandler
from dialogs.clock import FixedClock
from dialogs.state import GoalDraft
from tests.conversation import SATURDAY
from tests.fakes.bot_api import FakeBotApi, polling

CHAT = 777001
OTHER_CHAT = 777002

SAVED = GoalDraft(
    theme="sleep",
    kind="behavioural",
    horizon="short",
    statement="Be in bed by 11pm on 5 nights a week for 4 weeks",
    unit="nights in bed by 11pm",
    per="week",
    baseline=1,
    target=5,
    deadline=date(2026, 12, 19),
    why="to feel rested",
    confidence=7,
    steps=["Tonight: phone charging in the kitchen"],
)

ANSWERS = [
    "I want to sleep better",
    "3",
    "twice a week",
    "none",
    "in 6 weeks",
    "by March 1",
    "London",
    "18:00",
    "Monday",
    "walk 20 minutes every morning until March 1",
    "feel better",
    "8",
    "no",
    "yes",
    "I don't know",
    "😢",
    "",
    "   ",
    "a" * 2500,
    "<b>bold</b> & <i>",
    "\x00\u200b",
    "12",
]
COMMANDS = [
    "/start",
    "/newgoal",
    "/goals",
    "/cancel",
    "/back",
    "/help",
    "/privacy",
    "/crisis",
    "/export",
    "/country",
    "/whatever",
    "/start@waypoint_test_bot",
]
DELIBERATE_CHANGES = ("goalstatus:",)
OTHER_KINDS = ["sticker", "photo", "voice", "video", "document", "location", "contact", "poll"]


@dataclass
class World:
    server: FakeBotApi
    database: Database
    own_goal_id: int
    foreign_goal_id: int
    seen_buttons: list[tuple[int, str]] = field(default_factory=list)
    user_messages: list[int] = field(default_factory=list)


action = st.one_of(
    st.tuples(st.just("text"), st.sampled_from(ANSWERS) | st.text(max_size=40)),
    st.tuples(st.just("command"), st.sampled_from(COMMANDS)),
    st.tuples(st.just("tap"), st.integers(0, 12)),
    st.tuples(st.just("double_tap"), st.integers(0, 12)),
    st.tuples(st.just("stale_tap"), st.integers(0, 50)),
    st.tuples(st.just("foreign"), st.sampled_from(["own", "other", "missing", "junk", "region"])),
    st.tuples(st.just("other"), st.sampled_from(OTHER_KINDS)),
    st.tuples(st.just("edit"), st.sampled_from(ANSWERS[:6] + ["I want to die"])),
)


async def save_goal(database: Database, clock: FixedClock, chat: int) -> int:
    async with database.transaction() as session:
        client = await clients.find_or_create(
            session, ClientKey("telegram", str(chat)), clock.now()
        )
        assert client.id is not None
        saved = await SqlClientRecords(session, client.id, clock).save_goal(SAVED)
    return saved.id


async def goal_rows(database: Database) -> list[tuple[Any, ...]]:
    async with database.transaction() as session:
        goals = (await session.exec(select(Goal))).all()
        steps = (await session.exec(select(ActionStep))).all()
    return sorted(tuple(g.model_dump().items()) for g in goals) + sorted(
        tuple(s.model_dump().items()) for s in steps
    )


def keyboard_buttons(world: World) -> list[tuple[int, str]]:
    """Buttons on screen, except those that change a saved goal on purpose (tested elsewhere)."""
    try:
        message = world.server.last_keyboard_message(CHAT)
    except LookupError:
        return []
    return [
        (message.message_id, data)
        for row in message.buttons
        for _, data in row
        if not data.startswith(DELIBERATE_CHANGES)
    ]


async def perform(world: World, kind: str, value: Any) -> None:
    server = world.server
    if kind == "text":
        update = server.send_text(CHAT, value)
        world.user_messages.append(update["message"]["message_id"])
    elif kind == "command":
        server.send_text(CHAT, value)
    elif kind in ("tap", "double_tap"):
        tap_current(world, value, times=2 if kind == "double_tap" else 1)
    elif kind == "stale_tap" and world.seen_buttons:
        message_id, data = world.seen_buttons[value % len(world.seen_buttons)]
        server.press_button(CHAT, message_id, data)
    elif kind == "foreign":
        tap_forged(world, value)
    elif kind == "other":
        server.send_other(CHAT, value)
    elif kind == "edit" and world.user_messages:
        server.edit_text(CHAT, world.user_messages[-1], value)
    else:
        server.send_text(CHAT, "/help")


def tap_current(world: World, value: int, times: int) -> None:
    """A button of the latest keyboard, once or twice in a row; /start when there is none."""
    buttons = keyboard_buttons(world)
    if not buttons:
        world.server.send_text(CHAT, "/start")
        return
    message_id, data = buttons[value % len(buttons)]
    world.seen_buttons.append((message_id, data))
    for _ in range(times):
        world.server.press_button(CHAT, message_id, data)


def tap_forged(world: World, value: str) -> None:
    """Callback data a client could forge: their own goal, another's, a missing one, junk."""
    target = {"own": world.own_goal_id, "other": world.foreign_goal_id, "missing": 99999}
    data = (
        f"goal:{target[value]}"
        if value in target
        else ("region:ZZ" if value == "region" else "x" * 64)
    )
    messages = world.server.messages(CHAT)
    if not messages:
        world.server.send_text(CHAT, "/start")
    else:
        world.server.press_button(CHAT, messages[-1].message_id, data)


async def scenario(
    actions: list[tuple[str, Any]], tmp: Path, caplog: pytest.LogCaptureFixture
) -> None:
    clock = FixedClock(SATURDAY)
    database = Database(
        f"sqlite+aiosqlite:///{tmp / 'robust.db'}", FieldCipher([Fernet.generate_key()])
    )
    await database.create_schema()
    own = await save_goal(database, clock, CHAT)
    foreign = await save_goal(database, clock, OTHER_CHAT)
    before = await goal_rows(database)
    turns = TurnHandler(database, clock, region="US", default_timezone="UTC")
    async with FakeBotApi() as server:
        world = World(server, database, own, foreign)
        config = Settings(
            telegram_bot_token=server.token, telegram_api_base_url=server.url, _env_file=None
        )  # type: ignore[call-arg]
        async with polling(build_application(config, turns), server):
            for kind, value in actions:
                sent_before = len(server.messages(CHAT))
                await perform(world, kind, value)
                await server.wait_until_idle(timeout=10)
                assert len(server.messages(CHAT)) > sent_before, f"no answer to {kind}"
            assert server.unanswered_callback_queries() == []
            bad = [c for c in server.failed_calls() if c.method != "editMessageReplyMarkup"]
            assert bad == []
    assert await goal_rows(database) == before
    await database.dispose()
    failures = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert failures == []


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(actions=st.lists(action, min_size=1, max_size=12))
def test_random_updates_are_always_answered_and_saved_goals_stay(
    actions: list[tuple[str, Any]],
    tmp_path_factory: pytest.TempPathFactory,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    caplog.clear()
    asyncio.run(scenario(actions, tmp_path_factory.mktemp("robust"), caplog))
