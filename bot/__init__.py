"""Waypoint's runtime: Telegram and console transports, storage, scheduling.

httpx, which python-telegram-bot sends through, imports its own command-line tool whenever
click, rich and pygments are installed (spaCy's command line brings them): about 6 MB in every
replica for a tool the bot never runs. A `None` in `sys.modules` makes that import fail, and
httpx then takes the path it has for when those packages are missing.
"""

import sys

sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
