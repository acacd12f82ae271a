"""The check-in dispatcher: local times across daylight saving, exactly once, Telegram failures."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import pytest_asyncio

from bot.checkin_dispatcher import CheckinDispatcher, DispatchSettings
from bot.storage import clients
from bot.storage.client_records import SqlClientRecords
from bot.storage.clients import ClientKey
from bot.storage.database import Database
from bot.storage.encryption import FieldCipher
from bot.storage.models import CheckinDelivery, CheckinSchedule
from bot.telegram_transport import checkin_sender
from bot.turns import TurnHandler
from dialogs.clock import FixedClock
from dialogs.replies import Inbound, Reply
from dialogs.state import GoalDraft
from tests.conversation import rows
from tests.fakes.bot_api import FakeBotApi

MONDAY = 0
GOAL = GoalDraft(
    theme="anxiety",
    kind="behavioural",
    horizon="short",
    statement="Take the bus on my own 3 times a week",
    unit="bus trips",
    per="week",
    baseline=0,
    target=3,
    deadline=date(2027, 6, 1),
    why="to get to work",
    confidence=8,
    steps=["one stop with my sister"],
)


class Outbox:
    """A transport that records what it sent, and when by the test's clock."""

    def __init__(self, clock: FixedClock) -> None:
        self.clock = clock
        self.sent: list[tuple[ClientKey, datetime, str]] = []

    async def send(self, key: ClientKey, replies: Sequence[Reply]) -> None:
        self.sent.append((key, self.clock.now(), "\n".join(reply.text for reply in replies)))


async def add_client(
    database: Database, clock: FixedClock, name: str, zone: str, channel: str = "test"
) -> ClientKey:
    """A client with one active goal and a Monday 18:00 check-in in `zone`."""
    key = ClientKey(channel, name)
    async with database.transaction() as session:
        client = await clients.find_or_create(session, key, clock.now())
        assert client.id is not None
        records = SqlClientRecords(session, client.id, clock)
        await records.save_goal(GOAL)
        await records.save_schedule(MONDAY, time(18, 0), zone)
    return key


def dispatcher_for(
    database: Database, clock: FixedClock, outbox: Outbox, **settings: Any
) -> CheckinDispatcher:
    turns = TurnHandler(database, clock, region="US", default_timezone="UTC")
    return CheckinDispatcher(database, turns, outbox.send, clock, DispatchSettings(**settings))


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("zone", "start"),
    [
        # Each window spans the zone's change of clocks: autumn back, then spring forward.
        ("America/New_York", datetime(2026, 10, 19, tzinfo=UTC)),
        ("America/New_York", datetime(2027, 3, 1, tzinfo=UTC)),
        ("Europe/London", datetime(2026, 10, 12, tzinfo=UTC)),
        ("Europe/London", datetime(2027, 3, 15, tzinfo=UTC)),
    ],
)
async def test_monday_18_local_fires_at_18_local_on_both_sides_of_daylight_saving(
    database: Database, zone: str, start: datetime
) -> None:
    clock = FixedClock(start)
    outbox = Outbox(clock)
    await add_client(database, clock, "dst", zone)
    dispatcher = dispatcher_for(database, clock, outbox, reminder_after=timedelta(weeks=52))
    for hour in range(24 * 7 * 4):
        clock.set(start + timedelta(hours=hour))
        await dispatcher.run()

    fired = [when.astimezone(ZoneInfo(zone)) for _, when, _ in outbox.sent]
    assert len(fired) == 4
    assert {(local.weekday(), local.hour, local.minute) for local in fired} == {(MONDAY, 18, 0)}
    offsets = {local.utcoffset() for local in fired}
    assert len(offsets) == 2, "the window should cross a daylight-saving change"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def shared_storage(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, str | None]:
    """Where several processes' databases meet: a SQLite file, or a PostgreSQL schema."""
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'shared.db'}", None
    database: Database = request.getfixturevalue("postgres_database")
    return database.url.render_as_string(hide_password=False), database.schema


@pytest.mark.asyncio
async def test_two_dispatchers_and_a_crash_between_claim_and_send_send_each_once(
    shared_storage: tuple[str, str | None], test_cipher: FieldCipher
) -> None:
    url, schema = shared_storage
    first, second, crashed = (Database(url, test_cipher, schema=schema) for _ in range(3))
    await first.create_schema()
    clock = FixedClock(datetime(2026, 11, 21, 10, 0, tzinfo=UTC))
    keys = [await add_client(first, clock, f"client-{n}", "Europe/London") for n in range(40)]
    clock.set(datetime(2026, 11, 23, 18, 0, 30, tzinfo=UTC))
    outbox = Outbox(clock)
    try:
        dying = dispatcher_for(crashed, clock, outbox, batch_size=15)
        await dying.advance()
        held = await dying.claim()  # ...and the process dies before sending these
        assert len(held) == 15
        a = dispatcher_for(first, clock, outbox, batch_size=4, concurrency=2)
        b = dispatcher_for(second, clock, outbox, batch_size=4, concurrency=2)
        await asyncio.gather(a.run(), b.run())
        assert len(outbox.sent) == 40 - 15
        clock.set(clock.now() + DispatchSettings().lease + timedelta(seconds=1))
        await asyncio.gather(a.run(), b.run())
    finally:
        for database in (first, second, crashed):
            await database.dispose()

    assert Counter(key for key, _, _ in outbox.sent) == Counter(keys)
    assert all("check-in time" in text for _, _, text in outbox.sent)


@pytest.mark.asyncio
async def test_no_nagging_one_reminder_then_once_the_offer_to_pause(
    database: Database, clock: FixedClock
) -> None:
    outbox = Outbox(clock)
    key = await add_client(database, clock, "quiet", "UTC")
    dispatcher = dispatcher_for(database, clock, outbox)
    monday = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
    for hour in range(24 * 7 * 6):
        clock.set(monday + timedelta(hours=hour))
        await dispatcher.run()

    texts = [text for _, _, text in outbox.sent]
    kinds = ["offer" if "pause" in t else "nudge" if "nudge" in t else "ask" for t in texts]
    # Weeks 1-3 unanswered, each with one nudge; week 4 asks once about pausing; then asks again.
    assert kinds == ["ask", "nudge"] * 3 + ["offer", "ask", "nudge", "ask", "nudge"]
    assert {k for k, _, _ in outbox.sent} == {key}


@pytest.mark.asyncio
async def test_an_answered_check_in_gets_no_reminder(database: Database, clock: FixedClock) -> None:
    outbox = Outbox(clock)
    key = await add_client(database, clock, "answers", "UTC")
    dispatcher = dispatcher_for(database, clock, outbox)
    turns = dispatcher.turns
    clock.set(datetime(2026, 11, 23, 18, 0, tzinfo=UTC))
    await dispatcher.run()
    await turns.handle(key, Inbound.text("2"))
    for value in ("checkin_steps:yes", "checkin_helped:skip", "checkin_hindered:skip"):
        await turns.handle(key, Inbound.choice(value))
    clock.set(clock.now() + timedelta(days=2))
    await dispatcher.run()

    assert len(outbox.sent) == 1
    statuses = sorted((d.kind, d.status) for d in await rows(database, CheckinDelivery))
    assert statuses == [("checkin", "sent"), ("reminder", "skipped")]


@pytest_asyncio.fixture
async def telegram_setup(fake_bot_api: FakeBotApi, database: Database, clock: FixedClock) -> Any:
    """A dispatcher sending through a real PTB Bot (no rate limiter) to the fake server."""
    application = fake_bot_api.application_builder().build()
    async with application:
        turns = TurnHandler(database, clock, region="US", default_timezone="UTC")
        dispatcher = CheckinDispatcher(database, turns, checkin_sender(application.bot), clock)
        yield dispatcher


@pytest.mark.asyncio
async def test_blocked_pauses_the_schedule_without_retrying(
    fake_bot_api: FakeBotApi,
    telegram_setup: CheckinDispatcher,
    database: Database,
    clock: FixedClock,
) -> None:
    await add_client(database, clock, "777", "UTC", channel="telegram")
    fake_bot_api.block_chat(777)
    clock.set(datetime(2026, 11, 23, 18, 0, tzinfo=UTC))
    await telegram_setup.run()
    clock.set(clock.now() + timedelta(days=30))
    await telegram_setup.run()

    [schedule] = await rows(database, CheckinSchedule)
    [delivery] = await rows(database, CheckinDelivery)
    assert schedule.paused and (delivery.status, delivery.attempts) == ("blocked", 1)
    assert len(fake_bot_api.calls_to("sendMessage")) == 1


@pytest.mark.asyncio
async def test_retry_after_is_honoured_and_the_check_in_still_arrives_once(
    fake_bot_api: FakeBotApi,
    telegram_setup: CheckinDispatcher,
    database: Database,
    clock: FixedClock,
) -> None:
    await add_client(database, clock, "778", "UTC", channel="telegram")
    fake_bot_api.fail_next(
        "sendMessage",
        error_code=429,
        description="Too Many Requests: retry after 40",
        retry_after=40,
    )
    due = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
    clock.set(due)
    await telegram_setup.run()
    [delivery] = await rows(database, CheckinDelivery)
    assert (delivery.status, delivery.next_attempt_at) == ("pending", due + timedelta(seconds=40))
    clock.set(due + timedelta(seconds=39))
    await telegram_setup.run()
    clock.set(due + timedelta(seconds=40))
    await telegram_setup.run()

    [message] = fake_bot_api.messages(778)
    assert (message.plain_text or "").startswith("Hi, it's check-in")


@pytest.mark.asyncio
async def test_network_errors_back_off_and_retry(database: Database, clock: FixedClock) -> None:
    failures = 2
    sent: list[ClientKey] = []

    async def flaky(key: ClientKey, replies: Sequence[Reply]) -> None:
        nonlocal failures
        if failures:
            failures -= 1
            raise OSError("network down")
        sent.append(key)

    turns = TurnHandler(database, clock, region="US", default_timezone="UTC")
    dispatcher = CheckinDispatcher(database, turns, flaky, clock)
    await add_client(database, clock, "flaky", "UTC")
    due = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
    clock.set(due)
    await dispatcher.run()
    [delivery] = await rows(database, CheckinDelivery)
    assert delivery.next_attempt_at == due + timedelta(seconds=30)
    clock.set(due + timedelta(seconds=30))
    await dispatcher.run()
    [delivery] = await rows(database, CheckinDelivery)
    assert delivery.next_attempt_at == due + timedelta(seconds=30 + 60)
    clock.set(delivery.next_attempt_at)
    await dispatcher.run()
    assert len(sent) == 1
