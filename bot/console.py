"""The console transport: the same bot in a terminal or behind a pipe (`python -m bot console`)."""

from __future__ import annotations

import asyncio
import getpass
import html
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from bot.charts import render_chart
from bot.storage.clients import ClientKey
from bot.turns import TurnHandler
from dialogs.replies import Attachment, Inbound, Option, Reply
from dialogs.wording import say

EXPORT_FOLDER = Path("exports")
TAG = re.compile(r"</?(?:b|i|strong|em|u|s|code|pre)>")


def plain(text: str) -> str:
    """Reply HTML as terminal text."""
    return html.unescape(TAG.sub("", text))


def offered(replies: Sequence[Reply]) -> tuple[Option, ...]:
    """Every option of a turn, numbered on from one reply to the next."""
    return tuple(option for reply in replies for option in reply.options)


def render(replies: Sequence[Reply], folder: Path = EXPORT_FOLDER) -> str:
    """Replies as terminal text; attached files are saved to `folder` and named."""
    lines: list[str] = []
    number = 0
    for index, reply in enumerate(replies, start=1):
        if reply.chart is not None:
            chart = render_chart(reply.chart)
            picture = Attachment(f"progress-{index}.png", chart, "image/png")
            lines.append(plain(say("console.saved", path=save(picture, folder))))
        lines.append(plain(reply.text))
        lines += [plain(say("console.saved", path=save(a, folder))) for a in reply.attachments]
        for option in reply.options:
            number += 1
            lines.append(f"[{number}] {plain(option.label)}")
        lines.append("")
    return "\n".join(lines)


def save(attachment: Attachment, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / attachment.filename
    path.write_bytes(attachment.content)
    return path


def read_inbound(line: str, options: Sequence[Option], wants_number: bool = False) -> Inbound:
    """A typed line: a command, the text or number of an offered option, or free text."""
    text = line.strip()
    if text.startswith("/") and len(text) > 1 and " " not in text:
        return Inbound.command(text)
    for option in options:
        if plain(option.label).casefold() == text.casefold():
            return Inbound.choice(option.value)
    if not wants_number and text.isdigit() and 1 <= int(text) <= len(options):
        return Inbound.choice(options[int(text) - 1].value)
    return Inbound.text(text)


def console_key() -> ClientKey:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "local"
    return ClientKey("console", user)


async def run_console(
    handler: TurnHandler, source: TextIO = sys.stdin, sink: TextIO = sys.stdout
) -> None:
    """Read lines until end of input, answering each as the bot would on Telegram."""
    key = console_key()
    interactive = source.isatty()
    sink.write(plain(say("console.banner")) + "\n\n")
    options: tuple[Option, ...] = ()
    wants_number = False
    while True:
        if interactive:
            sink.write("> ")
            sink.flush()
        line = await asyncio.to_thread(source.readline)
        if not line:
            break
        if not line.strip():
            continue
        replies = await handler.handle(key, read_inbound(line, options, wants_number))
        options = offered(replies)
        wants_number = any(reply.wants_number for reply in replies)
        sink.write(render(replies))
        sink.flush()
