"""Check-in dispatch at scale: rate, duplicates and losses; and memory against schedule count.

1. `--clients` clients (default 10,000) all due at once, sent by the real dispatcher through a
   real PTB Bot with AIORateLimiter to the fake Bot API server of the tests. Prints the achieved
   send rate as a fraction of the configured limit (target >= 0.95), duplicates (0) and lost (0).
   `--rate` defaults to Telegram's real overall limit, 30 messages a second (10,000 sends take
   about 5.5 minutes); a higher rate shortens the run, but on SQLite the dispatcher itself tops
   out near 45 check-ins a second (two write transactions each), so keep it below that.
2. Python heap peak (tracemalloc) of one dispatcher run with `--small` (1,000) and `--large`
   (100,000) clients scheduled, the same number of them due. Target: flat.

    .venv/bin/python bench/checkin_dispatch.py [--clients N] [--rate R] [--small N] [--large N]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import sys
import tempfile
import time
import tracemalloc
from asyncio.subprocess import PIPE
from collections import Counter
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from cryptography.fernet import Fernet
from sqlalchemy import insert
from sqlmodel import select
from telegram.ext import AIORateLimiter, ApplicationBuilder

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.checkin_dispatcher import CheckinDispatcher, DispatchSettings  # noqa: E402
from bot.storage.clients import ClientKey  # noqa: E402
from bot.storage.database import Database  # noqa: E402
from bot.storage.encryption import FieldCipher  # noqa: E402
from bot.storage.models import (  # noqa: E402
    ActionStep,
    CheckinDelivery,
    CheckinSchedule,
    Client,
    Goal,
)
from bot.telegram_transport import checkin_sender  # noqa: E402
from bot.turns import TurnHandler  # noqa: E402
from dialogs.clock import FixedClock  # noqa: E402
from dialogs.replies import Reply  # noqa: E402

NOW = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
FIRST_CHAT = 10_000_000
ROWS_PER_INSERT = 5_000
DUE_IN_MEMORY_RUN = 200


async def populate(database: Database, count: int, due: int, with_goals: bool) -> None:
    """`count` clients with Monday 18:00 UTC schedules; the first `due` are due now."""
    for start in range(0, count, ROWS_PER_INSERT):
        ids = range(start + 1, min(start + ROWS_PER_INSERT, count) + 1)
        async with database.transaction() as session:
            await session.exec(insert(Client), params=[client_row(i) for i in ids])
            schedules = [schedule_row(i, NOW if i <= due else NOW + timedelta(days=7)) for i in ids]
            await session.exec(insert(CheckinSchedule), params=schedules)
            if with_goals:
                await session.exec(insert(Goal), params=[goal_row(i) for i in ids])
                steps = [{"goal_id": i, "position": 0, "text": "one stop"} for i in ids]
                await session.exec(insert(ActionStep), params=steps)


def client_row(i: int) -> dict[str, object]:
    return {
        "id": i,
        "channel": "telegram",
        "external_id": str(FIRST_CHAT + i),
        "created_at": NOW,
        "last_seen_at": NOW,
    }


def schedule_row(i: int, due: datetime) -> dict[str, object]:
    return {
        "client_id": i,
        "weekday": 0,
        "local_time": "18:00",
        "timezone": "UTC",
        "next_due_at": due,
        "updated_at": NOW,
    }


def goal_row(i: int) -> dict[str, object]:
    return {
        "id": i,
        "client_id": i,
        "theme": "anxiety",
        "kind": "behavioural",
        "horizon": "short",
        "statement": "Take the bus on my own 3 times a week",
        "unit": "bus trips",
        "frequency": "week",
        "baseline": 0.0,
        "target": 3.0,
        "deadline": date(2027, 1, 4),
        "why": "to get to work",
        "confidence": 8,
        "created_at": NOW - timedelta(days=2),
        "updated_at": NOW,
    }


def fresh_database(folder: Path, name: str) -> Database:
    return Database(f"sqlite+aiosqlite:///{folder / name}", FieldCipher([Fernet.generate_key()]))


# The fake Bot API server runs in its own process: its record of every call grows with the run,
# and in the dispatcher's process the garbage collector walking that record slowed sending to
# 0.69 of the limit at 10,000 (with collection off, the same run held 1.0).
SERVER_PROCESS = """
import asyncio, json, sys
sys.path.insert(0, sys.argv[1])
from tests.fakes.bot_api import FakeBotApi

async def main():
    server = FakeBotApi()
    await server.start()
    print(json.dumps({"url": server.url, "token": server.token}), flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    print(json.dumps(server.sent_times), flush=True)
    await server.stop()

asyncio.run(main())
"""


@contextlib.asynccontextmanager
async def fake_server_process() -> AsyncIterator[tuple[dict[str, str], list[list[float]]]]:
    """A fake Bot API server in a child process; the list fills with its sends on exit."""
    root = str(Path(__file__).resolve().parent.parent)
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-c", SERVER_PROCESS, root, stdin=PIPE, stdout=PIPE
    )
    assert child.stdin is not None and child.stdout is not None
    address = json.loads(await child.stdout.readline())
    sends: list[list[float]] = []
    try:
        yield address, sends
    finally:
        child.stdin.write(b"stop\n")
        await child.stdin.drain()
        sends.extend(json.loads(await child.stdout.read()))  # the child's last words
        await child.wait()


async def throughput(folder: Path, clients: int, rate: float, concurrency: int | None) -> None:
    database = fresh_database(folder, "throughput.db")
    await database.create_schema()
    await populate(database, clients, due=clients, with_goals=True)
    clock = FixedClock(NOW)
    limiter = AIORateLimiter(overall_max_rate=rate, overall_time_period=1, max_retries=3)
    try:
        async with fake_server_process() as (address, sends):
            application = (
                ApplicationBuilder()
                .token(address["token"])
                .base_url(f"{address['url']}/bot")
                .base_file_url(f"{address['url']}/file/bot")
                .rate_limiter(limiter)
                .build()
            )
            async with application:
                turns = TurnHandler(database, clock, region="US", default_timezone="UTC")
                sender = checkin_sender(application.bot)
                settings = DispatchSettings(concurrency=concurrency)
                dispatcher = CheckinDispatcher(database, turns, sender, clock, settings)
                in_flight = dispatcher.concurrency
                started = time.monotonic()
                sent = await dispatcher.run()
                elapsed = time.monotonic() - started
        times = sorted(moment for moment, _ in sends)
        chats = Counter(int(chat) for _, chat in sends)
        async with database.transaction() as session:
            rows = await session.exec(select(CheckinDelivery.kind, CheckinDelivery.status))
            statuses = Counter(f"{kind} {status}" for kind, status in rows.all())
    finally:
        await database.dispose()
    achieved = (len(times) - 1) / (times[-1] - times[0]) if len(times) > 1 else 0.0
    duplicates = sum(count - 1 for count in chats.values() if count > 1)
    lost = clients - len(chats)
    print(f"clients due at once:   {clients:,}")
    print(f"configured limit:      {rate:g} messages/s (AIORateLimiter overall_max_rate)")
    print(f"dispatcher run:        {elapsed:.1f} s, {sent:,} sent, {in_flight} sends at a time")
    print(f"achieved rate:         {achieved:.1f} messages/s = {achieved / rate:.3f} of the limit")
    print(f"duplicates:            {duplicates}")
    print(f"lost:                  {lost}")
    print(f"delivery rows:         {dict(statuses)}")


async def no_send(key: ClientKey, replies: Sequence[Reply]) -> None:
    """Memory runs measure the scheduler, not the transport."""


async def heap_peak(folder: Path, scheduled: int) -> tuple[int, float]:
    """Peak Python heap during one dispatcher run, and the run's time."""
    database = fresh_database(folder, f"memory-{scheduled}.db")
    await database.create_schema()
    await populate(database, scheduled, due=DUE_IN_MEMORY_RUN, with_goals=True)
    clock = FixedClock(NOW)
    turns = TurnHandler(database, clock, region="US", default_timezone="UTC")
    dispatcher = CheckinDispatcher(database, turns, no_send, clock, DispatchSettings())
    try:
        tracemalloc.start()
        started = time.monotonic()
        await dispatcher.run()
        elapsed = time.monotonic() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    finally:
        await database.dispose()
    return peak, elapsed


async def memory(folder: Path, small: int, large: int) -> None:
    print(f"\nscheduler memory, one run with {DUE_IN_MEMORY_RUN} due (tracemalloc peak):")
    peaks = {}
    for count in (small, large):
        peak, elapsed = await heap_peak(folder, count)
        peaks[count] = peak
        print(f"  {count:>9,} scheduled: {peak / 1024:8.0f} KiB   ({elapsed:.2f} s)")
    print(f"  ratio {large:,} / {small:,}: {peaks[large] / peaks[small]:.2f} (flat is ~1)")


async def main(arguments: argparse.Namespace) -> None:
    logging.disable(logging.WARNING)
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    with tempfile.TemporaryDirectory() as folder:
        await throughput(Path(folder), arguments.clients, arguments.rate, arguments.concurrency)
        await memory(Path(folder), arguments.small, arguments.large)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=30.0)
    parser.add_argument("--concurrency", type=int, default=None, help="default: the dispatcher's")
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--large", type=int, default=100_000)
    asyncio.run(main(parser.parse_args()))
