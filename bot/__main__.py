"""`python -m bot [run|console|telegram|migrate|newkey|reencrypt]`: run or look after Waypoint."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable, Coroutine
from typing import Any

from pydantic import ValidationError

from bot.app import open_database, serve_console, serve_telegram
from bot.config import Settings
from bot.logging_setup import configure_logging
from bot.storage import schema
from bot.storage.encryption import EncryptionKeyError, new_key
from bot.storage.rotation import reencrypt_all

MODES = ("run", "console", "telegram", "migrate", "newkey", "reencrypt")


async def apply_migrations(settings: Settings) -> None:
    """Bring the database schema up to date (also done on every start)."""
    database = open_database(settings)
    try:
        await schema.prepare(database)
    finally:
        await database.dispose()
    print("The database schema is up to date.")


async def reencrypt(settings: Settings) -> None:
    """Re-encrypt every stored value with the first key in DATA_ENCRYPTION_KEY."""
    database = open_database(settings)
    try:
        await schema.prepare(database)
        count = await reencrypt_all(database)
    finally:
        await database.dispose()
    print(f"Re-encrypted {count} stored values with the newest key.")


def runner_for(mode: str, settings: Settings) -> Callable[[Settings], Coroutine[Any, Any, None]]:
    if mode == "run":
        mode = "telegram" if settings.uses_telegram else "console"
    runners = {
        "console": serve_console,
        "telegram": serve_telegram,
        "migrate": apply_migrations,
        "reencrypt": reencrypt,
    }
    return runners[mode]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    parser.add_argument("mode", nargs="?", default="run", choices=MODES)
    mode = parser.parse_args(argv).mode
    if mode == "newkey":
        print(new_key())
        return 0
    try:
        settings = Settings()
    except ValidationError as error:
        print(f"Waypoint cannot start: a setting is wrong.\n{error}", file=sys.stderr)
        return 2
    if mode == "telegram" and not settings.uses_telegram:
        print("Set TELEGRAM_BOT_TOKEN (see README) or run the console.", file=sys.stderr)
        return 2
    runner = runner_for(mode, settings)
    # The console shares the terminal with the conversation, so it logs only warnings.
    configure_logging("WARNING" if runner is serve_console else settings.log_level)
    try:
        asyncio.run(runner(settings))
    except EncryptionKeyError as error:
        print(f"Waypoint cannot start: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
