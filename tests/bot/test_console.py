"""The console transport: a scripted session through a pipe, as the README shows."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from bot.console import ConsoleSession, plain, read_inbound, render
from bot.storage.clients import ClientKey
from bot.turns import TurnHandler
from dialogs.replies import Inbound, Option, Reply

# The goal conversation typed into a terminal: numbers for options, words for answers.
CONSOLE_SCRIPT = [
    "/start",
    "1",  # Let's begin
    "I want to stop dreading the bus",
    "That's it for now",
    "Anxiety and panic",
    "What I do",
    "A short-term step",
    "Take the bus to work on my own 3 times a week within 6 weeks",
    "Looks right, go on",
    "bus trips",
    "each week",
    "none",
    "three",
    "in 6 weeks",
    "Yes, that's right",
    "so I can get to work without dreading it",
    "8",
    "Monday after work: one stop with my sister",
    "That's enough for this week",
    "Save this goal",
    "Monday",
    "18:00",
    "London",
]


def run_console(
    lines: list[str], database: Path, flags: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite+aiosqlite:///{database}",
        "TELEGRAM_BOT_TOKEN": "",
    }
    return subprocess.run(
        [sys.executable, *flags, "-m", "bot", "console"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


# -OO is how `make run` and the README's unit start a replica: no docstrings (about 9 MB).
@pytest.mark.parametrize("flags", [(), ("-OO",)], ids=["plain", "optimized"])
def test_piped_session_completes_a_goal_and_a_second_session_lists_it(
    tmp_path: Path, flags: tuple[str, ...]
) -> None:
    database = tmp_path / "console.db"
    first = run_console(CONSOLE_SCRIPT, database, flags)
    assert first.returncode == 0, first.stderr
    deadline = date.today() + timedelta(weeks=6)
    assert f"{deadline.day} {deadline:%B %Y}" in first.stdout
    assert "All set: check-ins on Mondays at 18:00 (Europe/London)" in first.stdout
    assert "Traceback" not in first.stdout + first.stderr

    second = run_console(["/goals"], database, flags)
    assert second.returncode == 0, second.stderr
    assert (
        "1. Take the bus to work on my own 3 times a week within 6 weeks (active)" in second.stdout
    )


def test_options_are_numbered_across_replies_and_tags_are_stripped() -> None:
    replies = [
        Reply("<b>Hi</b> &amp; welcome", (Option("Yes", "a:yes"),)),
        Reply("More", (Option("No", "a:no"),)),
    ]
    assert render(replies) == "Hi & welcome\n[1] Yes\n\nMore\n[2] No\n"
    assert plain("&lt;b&gt;") == "<b>"


def test_a_line_is_a_command_a_number_an_option_label_or_text() -> None:
    options = [Option("Each week", "per:week"), Option("Each day", "per:day")]
    assert read_inbound("/goals", options) == Inbound.command("goals")
    assert read_inbound("2", options) == Inbound.choice("per:day")
    assert read_inbound("each WEEK", options) == Inbound.choice("per:week")
    assert read_inbound("3", options) == Inbound.text("3")
    assert read_inbound("3 times", []) == Inbound.text("3 times")
    assert read_inbound(
        "1", [Option("⬅ Back", "back:baseline")], wants_number=True
    ) == Inbound.text("1")


@pytest.mark.asyncio
async def test_a_check_in_reaches_the_person_at_the_terminal_and_its_options_work(
    turns: TurnHandler,
) -> None:
    sink = io.StringIO()
    session = ConsoleSession(turns, io.StringIO(), sink)
    other = ClientKey("telegram", "42")
    await session.send(other, [Reply("not for this terminal")])
    await session.send(
        session.key, [Reply("Time for your check-in", (Option("Start", "checkin"),))]
    )

    assert "not for this terminal" not in sink.getvalue()
    assert "Time for your check-in\n[1] Start" in sink.getvalue()
    assert read_inbound("1", session.options) == Inbound.choice("checkin")
