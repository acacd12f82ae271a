"""Logging that carries ids and event names only (decision 4)."""

from __future__ import annotations

import logging
import sys

# httpx logs every request URL, and Bot API URLs contain the bot token; python-telegram-bot
# logs whole updates (what clients wrote) at DEBUG. Neither may reach a log.
CAPPED_LOGGERS = {
    "httpx": logging.WARNING,
    "httpcore": logging.WARNING,
    "apscheduler": logging.WARNING,
    "tornado.access": logging.WARNING,
    "telegram": logging.INFO,
}


def configure_logging(level: str = "INFO") -> None:
    logging.basicConfig(
        level=level.upper(),
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
        stream=sys.stderr,
    )
    for name, ceiling in CAPPED_LOGGERS.items():
        logging.getLogger(name).setLevel(max(ceiling, logging.getLogger().level))
