"""`python -m bot [run|console|telegram]`: run Waypoint (Telegram when a token is set)."""

from __future__ import annotations

import argparse
import asyncio
import sys

from pydantic import ValidationError

from bot.app import serve_console, serve_telegram
from bot.config import Settings
from bot.logging_setup import configure_logging


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    parser.add_argument("mode", nargs="?", default="run", choices=("run", "console", "telegram"))
    args = parser.parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as error:
        print(f"Waypoint cannot start: a setting is wrong.\n{error}", file=sys.stderr)
        return 2
    mode = args.mode
    if mode == "run":
        mode = "telegram" if settings.uses_telegram else "console"
    if mode == "telegram" and not settings.uses_telegram:
        print("Set TELEGRAM_BOT_TOKEN (see README) or run the console.", file=sys.stderr)
        return 2
    # The console shares the terminal with the conversation, so it logs only warnings.
    configure_logging("WARNING" if mode == "console" else settings.log_level)
    runner = serve_telegram if mode == "telegram" else serve_console
    try:
        asyncio.run(runner(settings))
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
