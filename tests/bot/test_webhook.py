"""Webhook mode: Telegram's secret header is checked, health is reported, draining is graceful."""

from __future__ import annotations

import httpx
import pytest

from bot.turns import TurnHandler
from tests.bot.replicas import SECRET, deliver, replica
from tests.fakes.bot_api import FakeBotApi

CHAT = 424242


@pytest.mark.asyncio
async def test_updates_without_the_secret_are_refused(
    fake_bot_api: FakeBotApi, turns: TurnHandler
) -> None:
    async with replica(fake_bot_api, turns) as bot:
        update = fake_bot_api.send_text(CHAT, "/start")
        assert await fake_bot_api.deliver_to_webhook(bot.url, update, "wrong") == 403
        assert await fake_bot_api.deliver_to_webhook(bot.url, update, None) == 403
        assert await deliver(fake_bot_api, bot, update) == 200
        await fake_bot_api.wait_until_idle()
    assert "Waypoint" in (fake_bot_api.last_message(CHAT).plain_text or "")
    [hook] = fake_bot_api.calls_to("setWebhook")
    assert hook.params["secret_token"] == SECRET


@pytest.mark.asyncio
async def test_health_is_ok_while_serving_and_refuses_updates_while_draining(
    fake_bot_api: FakeBotApi, turns: TurnHandler
) -> None:
    async with replica(fake_bot_api, turns) as bot:
        health = bot.url.replace("/telegram", "/healthz")
        async with httpx.AsyncClient() as client:
            assert (await client.get(health)).json() == {"status": "ok"}
            bot.server.state["draining"] = True
            assert (await client.get(health)).status_code == 503
            update = fake_bot_api.send_text(CHAT, "/help")
            assert await deliver(fake_bot_api, bot, update) == 503
            bot.server.state["draining"] = False
