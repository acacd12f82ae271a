"""Importing the bot package keeps httpx's command-line tool out of a replica."""

from __future__ import annotations

import subprocess
import sys


def test_telegram_is_imported_without_httpx_command_line_tool() -> None:
    code = (
        "import sys\n"
        "import bot, telegram.ext, httpx\n"
        "print(callable(httpx.main), [p for p in ('rich', 'click') if p in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True []"
