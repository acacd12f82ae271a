"""Shared pytest fixtures."""

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from tests.fakes.bot_api import FakeBotApi


@pytest_asyncio.fixture
async def fake_bot_api(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeBotApi]:
    """A started fake Telegram Bot API server on loopback; stopped after the test.

    Sets PTB_TIMEDELTA=true: otherwise PTB's RetryAfter emits a PTBDeprecationWarning when it is
    built, which the warnings-as-errors setting turns into the wrong exception.
    """
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    server = FakeBotApi()
    await server.start()
    try:
        yield server
    finally:
        await server.stop()
