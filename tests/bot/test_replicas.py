"""Several replicas on one database: each conversation ends as a single process would leave it."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot.storage.database import Database
from bot.storage.models import CheckinSchedule, Goal
from bot.turns import TurnHandler
from dialogs.clock import FixedClock
from tests.bot.replicas import deliver, replica
from tests.conversation import GOAL_SCRIPT, rows
from tests.fakes.bot_api import FakeBotApi

CHATS = (9001, 9002, 9003)


def update_for(api: FakeBotApi, chat: int, action: str, value: str) -> dict[str, Any]:
    """The update a client's phone would produce for one step of the script."""
    if action != "tap":
        return api.send_text(chat, value)
    message = api.last_keyboard_message(chat)
    for row in message.buttons:
        for label, data in row:
            if label.startswith(value):
                return api.press_button(chat, message.message_id, data)
    raise AssertionError(f"no button {value!r} on {message.labels}")


@pytest.mark.asyncio
async def test_two_replicas_with_interleaved_updates_reach_the_single_process_result(
    fake_bot_api: FakeBotApi, any_database: Database, clock: FixedClock
) -> None:
    first = TurnHandler(any_database, clock, region="US", default_timezone="UTC")
    second = TurnHandler(any_database, clock, region="US", default_timezone="UTC")
    async with replica(fake_bot_api, first) as a, replica(fake_bot_api, second) as b:
        replicas = (a, b)
        for step, (action, value) in enumerate(GOAL_SCRIPT):
            # Every client's next step at once, each to whichever replica the balancer picks.
            sends = [
                deliver(
                    fake_bot_api,
                    replicas[(step + i) % 2],
                    update_for(fake_bot_api, chat, action, value),
                )
                for i, chat in enumerate(CHATS)
            ]
            assert set(await asyncio.gather(*sends)) == {200}
            await fake_bot_api.wait_until_idle(timeout=20)

    goals = await rows(any_database, Goal)
    assert len(goals) == len(CHATS)
    assert {(g.unit, g.baseline, g.target, g.confidence) for g in goals} == {
        ("bus trips on my own", 0, 3, 8)
    }
    assert len(await rows(any_database, CheckinSchedule)) == len(CHATS)
    for chat in CHATS:
        assert "All set" in (fake_bot_api.last_message(chat).plain_text or "")
    assert fake_bot_api.failed_calls() == []


@pytest.mark.asyncio
async def test_the_same_tap_delivered_to_both_replicas_saves_once(
    fake_bot_api: FakeBotApi, any_database: Database, clock: FixedClock
) -> None:
    chat = CHATS[0]
    first = TurnHandler(any_database, clock, region="US", default_timezone="UTC")
    second = TurnHandler(any_database, clock, region="US", default_timezone="UTC")
    async with replica(fake_bot_api, first) as a, replica(fake_bot_api, second) as b:
        save_at = [value for _, value in GOAL_SCRIPT].index("Save this goal")
        for action, value in GOAL_SCRIPT[:save_at]:
            await deliver(fake_bot_api, a, update_for(fake_bot_api, chat, action, value))
            await fake_bot_api.wait_until_idle(timeout=20)
        tap = update_for(fake_bot_api, chat, "tap", "Save this goal")
        retried = {**tap, "update_id": tap["update_id"] + 100_000}
        statuses = await asyncio.gather(
            deliver(fake_bot_api, a, tap), deliver(fake_bot_api, b, retried)
        )
        assert list(statuses) == [200, 200]
        await fake_bot_api.wait_until_idle(timeout=20)

    assert len(await rows(any_database, Goal)) == 1
    assert "earlier message" in "\n".join(m.plain_text or "" for m in fake_bot_api.messages(chat))


@pytest.mark.asyncio
async def test_a_redelivered_update_is_acted_on_once(
    fake_bot_api: FakeBotApi, any_database: Database, clock: FixedClock
) -> None:
    chat = CHATS[1]
    first = TurnHandler(any_database, clock, region="US", default_timezone="UTC")
    second = TurnHandler(any_database, clock, region="US", default_timezone="UTC")
    async with replica(fake_bot_api, first) as a, replica(fake_bot_api, second) as b:
        await deliver(fake_bot_api, a, update_for(fake_bot_api, chat, "command", "/start"))
        await fake_bot_api.wait_until_idle(timeout=20)
        tap = update_for(fake_bot_api, chat, "tap", "Let's begin")
        await asyncio.gather(deliver(fake_bot_api, a, tap), deliver(fake_bot_api, b, tap))
        await fake_bot_api.wait_until_idle(timeout=20)

    texts = [m.plain_text or "" for m in fake_bot_api.messages(chat)]
    assert sum("Let's set a goal together" in text for text in texts) == 1
    assert not any("earlier message" in text for text in texts)
