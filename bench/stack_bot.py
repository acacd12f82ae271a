"""One bot process for bench/stack_throughput.py: a Waypoint replica, or a minimal PTB echo bot.

Both run in webhook mode against the fake Bot API server the benchmark started, print
``READY <webhook url>`` once they take updates, and stop gracefully on SIGTERM. One bot per
process, so the benchmark reads each replica's CPU time and peak RSS from /proc, and the fake
server's own work (in the benchmark's process) is not counted as the bot's.

    python bench/stack_bot.py {waypoint,echo} --api URL --limiter {configured,unlimited}
        --now ISO-INSTANT [--database URL] [--schema NAME]   (DATA_ENCRYPTION_KEY in the env)

The echo bot imports python-telegram-bot and the `bot` package (which imports nothing by itself),
and nothing from tests/ is imported: imports count towards the process's memory, and Waypoint's
are imported in `serve_waypoint`.
"""

from __future__ import annotations

import argparse
import asyncio
import errno
import os
import signal
import socket
import sys
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# First, as under `python -m bot`: the package keeps httpx's command-line tool out (see
# bot/__init__.py). Both bots import it, so their memory is compared like with like.
import bot  # noqa: F401  # isort: skip
from telegram import Update
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.logging_setup import configure_logging

if TYPE_CHECKING:  # imported in serve_waypoint: the echo bot's memory must not count it
    from bot.config import Settings

TOKEN = "123456:TEST-TOKEN"  # FakeBotApi's default token
SECRET = "bench-webhook-secret"
DEFAULT_SENDS_PER_SECOND = 30  # TELEGRAM_SENDS_PER_SECOND's default, one replica
WEBHOOK_PATH = "telegram"
BIND_ATTEMPTS = 5


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def echo_limiter(setting: str) -> AIORateLimiter:
    """The limiter Waypoint gets (see `waypoint_settings`), so the comparison is like with like.

    Off is an overall rate of 0: the same request path with nothing held back. The per-group
    limit never applies here: every chat is private.
    """
    overall = DEFAULT_SENDS_PER_SECOND if setting == "configured" else 0
    return AIORateLimiter(overall_max_rate=overall, max_retries=3)


def waypoint_settings(api: str, limiter: str) -> Settings:
    """Waypoint's settings as deployed, or with the overall send rate at 0 (nothing held back).

    `model_copy` skips validation, which rejects 0: a deployment must not switch the limit off.
    """
    from bot.config import Settings

    settings = Settings(telegram_bot_token=TOKEN, telegram_api_base_url=api, _env_file=None)
    if limiter == "configured":
        return settings
    return settings.model_copy(update={"telegram_sends_per_second": 0})


async def listen(start: Callable[[int], Awaitable[object]]) -> int:
    """Start a webhook on a free port; retry if another process took the port meanwhile."""
    for attempt in range(BIND_ATTEMPTS):
        port = free_port()
        try:
            await start(port)
            return port
        except OSError as error:
            if error.errno != errno.EADDRINUSE or attempt == BIND_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def ready(url: str) -> None:
    print(f"READY {url}", flush=True)


def webhook_url(port: int) -> str:
    return f"http://127.0.0.1:{port}/{WEBHOOK_PATH}"


async def serve_waypoint(args: argparse.Namespace, stop: asyncio.Event) -> None:
    """A replica wired as bot.app.serve_telegram wires it, on a fixed clock and a given schema."""
    from bot.app import warm_up_analysis
    from bot.checkin_dispatcher import CheckinDispatcher, start_dispatcher
    from bot.storage.database import Database
    from bot.storage.encryption import FieldCipher, parse_keys
    from bot.telegram_transport import build_application, checkin_sender, set_menu
    from bot.turns import TurnHandler
    from bot.webhook import WebhookServer
    from dialogs.clock import FixedClock

    cipher = FieldCipher(parse_keys(os.environ["DATA_ENCRYPTION_KEY"]))
    database = Database(args.database, cipher, schema=args.schema)
    await asyncio.to_thread(warm_up_analysis, None)  # SPACY_MODEL unset: the blank pipeline
    turns = TurnHandler(database, FixedClock(datetime.fromisoformat(args.now)), "US", "UTC")
    application = build_application(waypoint_settings(args.api, args.limiter), turns)
    try:
        async with application:
            await application.start()
            await set_menu(application)
            sender = checkin_sender(application.bot)
            scheduler = start_dispatcher(CheckinDispatcher(database, turns, sender, turns.clock))
            webhooks: list[WebhookServer] = []

            async def start(port: int) -> None:
                webhooks[:] = [WebhookServer(application, webhook_url(port), SECRET)]
                await webhooks[0].start("127.0.0.1", port)

            ready(webhook_url(await listen(start)))
            await stop.wait()
            await webhooks[0].drain()
            scheduler.shutdown(wait=False)
            await application.stop()
    finally:
        await database.dispose()


async def echo_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_chat is not None and update.message is not None
    await context.bot.send_message(update.effective_chat.id, update.message.text or "?")


async def echo_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None and update.effective_chat is not None
    await query.answer()
    await context.bot.send_message(update.effective_chat.id, query.data or "?")


async def serve_echo(args: argparse.Namespace, stop: asyncio.Event) -> None:
    """The smallest PTB bot that answers what Waypoint answers: one message per update."""
    root = args.api.rstrip("/")
    application = (
        Application.builder()
        .token(TOKEN)
        .base_url(f"{root}/bot")
        .base_file_url(f"{root}/file/bot")
        .rate_limiter(echo_limiter(args.limiter))
        .concurrent_updates(True)
        .build()
    )
    application.add_handlers(
        [MessageHandler(filters.TEXT, echo_text), CallbackQueryHandler(echo_button)]
    )
    assert application.updater is not None
    updater = application.updater

    async def start(port: int) -> None:
        await updater.start_webhook(
            listen="127.0.0.1",
            port=port,
            url_path=WEBHOOK_PATH,
            webhook_url=webhook_url(port),
            secret_token=SECRET,
        )

    async with application:
        port = await listen(start)
        await application.start()
        ready(webhook_url(port))
        await stop.wait()
        await application.updater.stop()
        await application.stop()


async def main(args: argparse.Namespace) -> None:
    # The product's logging (INFO; bot/logging_setup imports nothing heavy) for both bots, so
    # Waypoint's per-turn event line is counted; stderr goes to a file.
    configure_logging("INFO")
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    serve = serve_waypoint if args.kind == "waypoint" else serve_echo
    await serve(args, stop)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)  # None under -OO
    parser.add_argument("kind", choices=("waypoint", "echo"))
    parser.add_argument("--api", required=True, help="the fake Bot API server's root URL")
    parser.add_argument("--limiter", choices=("configured", "unlimited"), required=True)
    parser.add_argument("--now", required=True, help="the fixed clock's instant (ISO 8601)")
    parser.add_argument("--database", help="SQLAlchemy URL (waypoint only)")
    parser.add_argument("--schema", help="PostgreSQL schema (waypoint only)")
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(parse_args()))
