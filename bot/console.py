"""The console transport: the same bot in a terminal or behind a pipe (`python -m bot console`)."""

from __future__ import annotations

import asyncio
import getpass
import html
import re
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


class ConsoleSession:
    """One person at the terminal: what they type, and what the bot says, also unasked."""

    def __init__(self, handler: TurnHandler, source: TextIO, sink: TextIO) -> None:
        self.handler = handler
        self.source = source
        self.sink = sink
        self.key = console_key()
        self.options: tuple[Option, ...] = ()
        self.wants_number = False

    def show(self, replies: Sequence[Reply]) -> None:
        """Print replies and remember their options, so the next line can pick one."""
        self.options = offered(replies)
        self.wants_number = any(reply.wants_number for reply in replies)
        self.sink.write(render(replies))
        self.sink.flush()

    async def send(self, key: ClientKey, replies: Sequence[Reply]) -> None:
        """The check-in dispatcher's way to reach the person at this terminal."""
        if key == self.key:
            self.show(replies)

    async def run(self) -> None:
        """Read lines until end of input, answering each as the bot would on Telegram."""
        interactive = self.source.isatty()
        self.sink.write(plain(say("console.banner")) + "\n\n")
        while True:
            if interactive:
                self.sink.write("> ")
                self.sink.flush()
            line = await asyncio.to_thread(self.source.readline)
            if not line:
                break
            if line.strip():
                inbound = read_inbound(line, self.options, self.wants_number)
                self.show(await self.handler.handle(self.key, inbound))
