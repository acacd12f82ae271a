"""Transport-neutral messages between a client and a dialog."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class InboundKind(StrEnum):
    TEXT = "text"
    CHOICE = "choice"
    COMMAND = "command"
    EDITED = "edited"
    MEDIA = "media"
    SYSTEM = "system"


@dataclass(frozen=True)
class Inbound:
    """One thing the client did: wrote text, chose an option, or sent a command."""

    kind: InboundKind
    value: str

    @classmethod
    def text(cls, value: str) -> Inbound:
        return cls(InboundKind.TEXT, value)

    @classmethod
    def choice(cls, value: str) -> Inbound:
        return cls(InboundKind.CHOICE, value)

    @classmethod
    def edited(cls, new_text: str) -> Inbound:
        """A message changed after it was sent; only read for safety."""
        return cls(InboundKind.EDITED, new_text)

    @classmethod
    def media(cls, caption: str = "") -> Inbound:
        """A sticker, photo, voice note or other message without text; its caption, if any."""
        return cls(InboundKind.MEDIA, caption)

    @property
    def words(self) -> str | None:
        """Whatever the client wrote in this inbound, for the crisis check."""
        if self.kind in (InboundKind.TEXT, InboundKind.EDITED, InboundKind.MEDIA):
            return self.value
        return None

    @classmethod
    def command(cls, name: str) -> Inbound:
        return cls(InboundKind.COMMAND, name.lstrip("/").split("@", 1)[0].lower())

    @classmethod
    def system(cls, event: str) -> Inbound:
        """Something the bot itself starts, such as a check-in coming due; never client input."""
        return cls(InboundKind.SYSTEM, event)


@dataclass(frozen=True)
class Option:
    """A choice offered to the client; `value` comes back as a CHOICE inbound."""

    label: str
    value: str


@dataclass(frozen=True)
class Attachment:
    """A file sent with a reply, such as the client's data export."""

    filename: str
    content: bytes
    mime_type: str


@dataclass(frozen=True)
class Chart:
    """A goal's measure week by week, as data only; each transport draws it its own way.

    Labels are plain text (not HTML): they are drawn on the picture, not sent as a message.
    """

    title: str
    measure_label: str
    weeks: tuple[date, ...]
    values: tuple[float, ...]
    baseline: float
    target: float
    start: date
    deadline: date
    baseline_label: str
    target_label: str
    deadline_label: str
    values_label: str


@dataclass(frozen=True)
class Reply:
    """One message to the client.

    `text` is restricted HTML (b, i) with every client-written value already escaped,
    so Telegram can send it as HTML and the console can strip the tags.
    `columns` says how many options fit on one row of buttons. `wants_number` marks a
    question answered with a number, so a console never mistakes "2" for the second option.
    `chart`, when set, is drawn as a picture and shown before the text, which says the same.
    """

    text: str
    options: tuple[Option, ...] = field(default=())
    columns: int = 1
    wants_number: bool = False
    chart: Chart | None = None
    attachments: tuple[Attachment, ...] = field(default=())
