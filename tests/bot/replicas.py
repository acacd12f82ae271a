"""Bot replicas for tests: an Application plus its webhook server, as deployed behind a proxy."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from bot.config import Settings
from bot.telegram_transport import build_application
from bot.turns import TurnHandler
from bot.webhook import WebhookServer
from tests.fakes.bot_api import FakeBotApi

SECRET = "test-webhook-secret"


@dataclass
class Replica:
    url: str
    server: WebhookServer


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@asynccontextmanager
async def replica(api: FakeBotApi, turns: TurnHandler) -> AsyncIterator[Replica]:
    """One replica in webhook mode, talking to the fake Bot API server."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    settings = Settings(telegram_bot_token=api.token, telegram_api_base_url=api.url, _env_file=None)  # type: ignore[call-arg]
    application = build_application(settings, turns)
    api.auto_deliver = False  # the test is the load balancer
    async with application:
        await application.start()
        webhook = WebhookServer(application, url, SECRET)
        await webhook.start("127.0.0.1", port)
        api.attach(application)
        try:
            yield Replica(url, webhook)
        finally:
            await webhook.drain()
            await application.stop()


async def deliver(api: FakeBotApi, target: Replica, update: dict[str, Any]) -> int:
    return await api.deliver_to_webhook(target.url, update, SECRET)
