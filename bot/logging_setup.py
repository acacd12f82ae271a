"""Logging that carries ids and event names only (decision 4)."""

from __future__ import annotations

import logging
import sys

# httpx logs every request URL, and Bot API URLs contain the bot token.
QUIET_LOGGERS = ("httpx", "httpcore", "apscheduler", "tornado.access")


def configure_logging(level: str = "INFO") -> None:
    logging.basicConfig(
        level=level.upper(),
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
        stream=sys.stderr,
    )
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
