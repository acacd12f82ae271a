"""Starting the bot: storage, the turn handler and the chosen transport, wired once."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import AsyncIterator

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.checkin_dispatcher import CheckinDispatcher, Send, start_dispatcher
from bot.config import Settings
from bot.console import ConsoleSession
from bot.retention import RetentionSweep
from bot.storage import schema
from bot.storage.database import Database, cipher_from_settings
from bot.telegram_transport import build_application, checkin_sender, set_menu
from bot.turns import TurnHandler
from bot.webhook import AnyApplication, WebhookServer
from dialogs.clock import SystemClock
from nlp.crisis import crisis_pipeline
from nlp.pipeline import use_model

log = logging.getLogger(__name__)


def open_database(settings: Settings) -> Database:
    key = settings.data_encryption_key
    cipher = cipher_from_settings(settings.database_url, key.get_secret_value() if key else None)
    return Database(settings.database_url, cipher)


def warm_up_analysis(model: str | None) -> None:
    """Choose the analyzer's pipeline and build it now, so the first client does not wait."""
    use_model(model or "")
    crisis_pipeline()


@contextlib.asynccontextmanager
async def turn_handler(settings: Settings) -> AsyncIterator[TurnHandler]:
    """Storage ready and the analyzer loaded before the first client writes."""
    database = open_database(settings)
    await schema.prepare(database)
    await asyncio.to_thread(warm_up_analysis, settings.spacy_model)
    try:
        yield TurnHandler(
            database, SystemClock(), settings.crisis_region, settings.default_timezone
        )
    finally:
        await database.dispose()


def start_jobs(settings: Settings, turns: TurnHandler, send: Send) -> AsyncIOScheduler:
    """The check-in dispatcher, and the retention sweep when DATA_RETENTION_DAYS is set."""
    scheduler = start_dispatcher(CheckinDispatcher(turns.database, turns, send, turns.clock))
    if settings.data_retention_days is not None:
        sweep = RetentionSweep(turns.database, send, turns.clock, settings.data_retention_days)
        scheduler.add_job(
            sweep.run, IntervalTrigger(hours=1), id="retention", max_instances=1, coalesce=True
        )
    return scheduler


async def serve_console(settings: Settings) -> None:
    """The bot in this terminal; weekly check-ins come here too while it runs."""
    async with turn_handler(settings) as turns:
        session = ConsoleSession(turns, sys.stdin, sys.stdout)
        scheduler = start_jobs(settings, turns, session.send)
        try:
            await session.run()
        finally:
            scheduler.shutdown(wait=False)


@contextlib.asynccontextmanager
async def receiving_updates(application: AnyApplication, settings: Settings) -> AsyncIterator[None]:
    """Updates come by webhook when WEBHOOK_URL is set, otherwise by long polling."""
    if settings.webhook_url and settings.webhook_secret:
        server = WebhookServer(
            application, settings.webhook_url, settings.webhook_secret.get_secret_value()
        )
        await server.start(settings.webhook_listen, settings.webhook_port)
        try:
            yield
        finally:
            await server.drain()
        return
    assert application.updater is not None
    await application.updater.start_polling(drop_pending_updates=False)
    log.info("telegram_polling_started")
    try:
        yield
    finally:
        await application.updater.stop()


async def serve_telegram(settings: Settings) -> None:
    """Poll Telegram (or a local Bot API server) until SIGINT or SIGTERM."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    async with turn_handler(settings) as turns:
        application = build_application(settings, turns)
        async with application:
            await application.start()
            await set_menu(application)
            scheduler = start_jobs(settings, turns, checkin_sender(application.bot))
            async with receiving_updates(application, settings):
                await stop.wait()
                # Stop taking updates first, then stop claiming check-ins; Application.stop
                # then finishes the updates already in hand.
            scheduler.shutdown(wait=False)
            await application.stop()
    log.info("telegram_stopped")
