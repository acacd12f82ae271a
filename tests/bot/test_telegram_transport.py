"""The goal-setting conversation through a real python-telegram-bot Application and HTTP."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime
from io import BytesIO

import pytest
from PIL import Image
from telegram.ext import Application

from bot.config import Settings
from bot.logging_setup import configure_logging
from bot.storage.database import Database
from bot.storage.models import CheckinSchedule, Goal
from bot.telegram_transport import api_urls, build_application, set_menu
from bot.turns import TurnHandler
from dialogs.clock import FixedClock
from tests.conversation import GOAL_SCRIPT, rows
from tests.fakes.bot_api import FakeBotApi, polling

CHAT = 5551234


def settings_for(server: FakeBotApi) -> Settings:
    return Settings(
        telegram_bot_token=server.token, telegram_api_base_url=server.url, _env_file=None
    )  # type: ignore[call-arg]


@asynccontextmanager
async def running_bot(server: FakeBotApi, turns: TurnHandler) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    application = build_application(settings_for(server), turns)
    async with polling(application, server):
        yield application


def tap(server: FakeBotApi, label: str) -> None:
    """Tap the button whose label starts with `label` on the latest keyboard, like a thumb would."""
    message = server.last_keyboard_message(CHAT)
    for row in message.buttons:
        for text, data in row:
            if text.startswith(label):
                server.press_button(CHAT, message.message_id, data)
                return
    raise AssertionError(f"no button {label!r} on {message.labels}")


async def act(server: FakeBotApi, script: Sequence[tuple[str, str]]) -> None:
    for action, value in script:
        if action == "tap":
            tap(server, value)
        else:
            server.send_text(CHAT, value)
        await server.wait_until_idle()


def seen(server: FakeBotApi) -> str:
    return "\n".join(message.plain_text or "" for message in server.messages(CHAT))


@pytest.mark.asyncio
async def test_whole_goal_conversation_on_telegram(
    fake_bot_api: FakeBotApi, turns: TurnHandler, database: Database
) -> None:
    async with running_bot(fake_bot_api, turns):
        await act(fake_bot_api, GOAL_SCRIPT)

    assert "All set" in fake_bot_api.last_message(CHAT).plain_text
    [goal] = await rows(database, Goal)
    assert (goal.unit, goal.baseline, goal.target, goal.deadline) == (
        "bus trips on my own",
        0,
        3,
        date(2027, 1, 2),
    )
    [schedule] = await rows(database, CheckinSchedule)
    assert schedule.next_due_at == datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
    assert fake_bot_api.failed_calls() == []
    assert fake_bot_api.unanswered_callback_queries() == []


@pytest.mark.asyncio
async def test_the_command_menu_lists_crisis_and_privacy(
    fake_bot_api: FakeBotApi, turns: TurnHandler
) -> None:
    async with running_bot(fake_bot_api, turns) as application:
        await set_menu(application)
    [call] = fake_bot_api.calls_to("setMyCommands")
    names = [command["command"] for command in call.params["commands"]]
    assert {"crisis", "privacy", "newgoal", "goals", "cancel", "back", "help"} <= set(names)


@pytest.mark.asyncio
async def test_a_restart_mid_conversation_continues_where_the_client_stood(
    fake_bot_api: FakeBotApi, database: Database, clock: FixedClock
) -> None:
    half = 12
    first = TurnHandler(database, clock, region="US", default_timezone="UTC")
    async with running_bot(fake_bot_api, first):
        await act(fake_bot_api, GOAL_SCRIPT[:half])
    asked_before_restart = fake_bot_api.last_message(CHAT).plain_text

    second = TurnHandler(database, clock, region="US", default_timezone="UTC")
    async with running_bot(fake_bot_api, second):
        await act(fake_bot_api, GOAL_SCRIPT[half:])

    assert "These days, about how many" in asked_before_restart
    [goal] = await rows(database, Goal)
    assert goal.baseline == 0 and goal.target == 3


@pytest.mark.asyncio
async def test_client_text_is_escaped_in_html_and_buttons_are_retired(
    fake_bot_api: FakeBotApi, turns: TurnHandler
) -> None:
    async with running_bot(fake_bot_api, turns):
        await act(fake_bot_api, GOAL_SCRIPT[:2])
        await act(fake_bot_api, [("say", "less <fear> & <b>more</b> calm")])
        await act(fake_bot_api, [("tap", "That's it for now")])

    assert "less <fear> & <b>more</b> calm" in seen(fake_bot_api)
    assert fake_bot_api.failed_calls() == []
    begin = next(m for m in fake_bot_api.messages(CHAT) if "Let's begin" in str(m.history or m.raw))
    assert begin.reply_markup in (None, {}, {"inline_keyboard": []})


@pytest.mark.asyncio
async def test_stickers_and_group_chats_get_a_kind_answer(
    fake_bot_api: FakeBotApi, turns: TurnHandler
) -> None:
    group = -100200
    async with running_bot(fake_bot_api, turns):
        fake_bot_api.send_other(CHAT, "sticker")
        await fake_bot_api.wait_until_idle()
        fake_bot_api.send_text(group, "/start", chat_type="group")
        await fake_bot_api.wait_until_idle()

    assert "only read text" in seen(fake_bot_api)
    assert "private chats" in fake_bot_api.last_message(group).plain_text


def test_local_bot_api_server_urls() -> None:
    assert api_urls("http://127.0.0.1:8081") == (
        "http://127.0.0.1:8081/bot",
        "http://127.0.0.1:8081/file/bot",
    )
    assert api_urls("http://127.0.0.1:8081/bot/") == (
        "http://127.0.0.1:8081/bot",
        "http://127.0.0.1:8081/file/bot",
    )


CHECK_IN_AND_PROGRESS = (
    ("say", "/checkin"),
    ("say", "2"),
    ("tap", "Yes"),
    ("tap", "Skip"),
    ("tap", "Skip"),
    ("say", "/progress"),
)


@pytest.mark.asyncio
async def test_progress_comes_as_a_chart_photo_then_the_weeks_in_words(
    fake_bot_api: FakeBotApi, turns: TurnHandler
) -> None:
    async with running_bot(fake_bot_api, turns):
        await act(fake_bot_api, GOAL_SCRIPT + CHECK_IN_AND_PROGRESS)

    photo, text = fake_bot_api.messages(CHAT)[-2:]
    assert photo.method == "sendPhoto" and photo.photo is not None
    shown = json.loads(Image.open(BytesIO(photo.photo)).info["Description"])
    assert shown["values"] == [2] and (shown["baseline"], shown["target"]) == (0, 3)
    assert "2 bus trips" in (text.plain_text or "")


@pytest.mark.asyncio
async def test_a_chart_that_cannot_be_drawn_still_leaves_the_weeks_in_words(
    fake_bot_api: FakeBotApi,
    turns: TurnHandler,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(sys, "executable", "/bin/false")
    with caplog.at_level(logging.WARNING):
        async with running_bot(fake_bot_api, turns):
            await act(fake_bot_api, GOAL_SCRIPT + CHECK_IN_AND_PROGRESS)

    last = fake_bot_api.last_message(CHAT)
    assert last.method == "sendMessage" and "2 bus trips" in (last.plain_text or "")
    assert fake_bot_api.calls_to("sendPhoto") == []
    assert "chart_failed reason=exit status 1" in caplog.text


@pytest.mark.asyncio
async def test_debug_logs_of_a_whole_conversation_hold_no_client_text_and_no_token(
    fake_bot_api: FakeBotApi, turns: TurnHandler, caplog: pytest.LogCaptureFixture
) -> None:
    configure_logging("DEBUG")
    with caplog.at_level(logging.DEBUG):
        async with running_bot(fake_bot_api, turns):
            await act(fake_bot_api, GOAL_SCRIPT)
            await act(fake_bot_api, [("say", "i want to kill myself")])
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "turn client=" in logged
    token_secret = fake_bot_api.token.split(":", 1)[1]
    assert token_secret not in logged
    typed = [value for action, value in GOAL_SCRIPT if action == "say"] + ["kill myself"]
    for words in typed:
        if len(words) > 6:  # short answers such as "none" also occur in library log lines
            assert words not in logged, words
