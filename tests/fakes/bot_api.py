"""A fake Telegram Bot API server (tornado, loopback) for tests that drive a real PTB Application.

The server speaks the Bot API's HTTP protocol at ``{url}/bot{token}/{method}``: form-encoded or
multipart requests in, ``{"ok": true, "result": ...}`` / ``{"ok": false, ...}`` envelopes out.
Tests queue what a client does on the phone (``send_text``, ``press_label``, ...), the bot fetches
it with ``getUpdates`` (or receives it on its webhook), and every request the bot makes is
recorded in ``calls``; the messages the bot sent are readable per chat with ``messages()``.

Idle rule (``wait_until_idle``): the bot is idle when all of these hold at once

1. every queued update has been handed to the bot: returned by ``getUpdates`` (with an attached
   Application: confirmed by a later ``getUpdates`` offset, which PTB sends only after putting the
   updates into its queue) or accepted by the bot's webhook with a 2xx;
2. no Bot API request other than ``getUpdates`` is being served and no webhook POST is in flight;
3. every callback query handed to the bot has been answered with ``answerCallbackQuery``;
4. every attached Application (``attach(app)``) has finished processing every update in its
   ``update_queue`` (``asyncio.Queue`` unfinished-task count is zero);
5. nothing of the above changed for ``idle_quiet`` seconds (default 0.02 s with an attached
   Application, 0.3 s without: then it is the only guard between "fetched" and "handled").

Telegram behaviour that matters to a bot is kept: message ids grow per chat, callback queries must
be answered once, an identical edit is 400 "message is not modified", editMessageText without
reply_markup drops the keyboard, texts over 4096 UTF-16 units are 400, and HTML / MarkdownV2 /
Markdown are parsed (unknown or unbalanced tags, raw '<' or '&', unescaped MarkdownV2 reserved
characters give 400 "can't parse entities"). With a webhook on 127.0.0.1 registered by setWebhook
(and ``auto_deliver`` true), queued updates are POSTed to it with the registered secret.

Work the bot starts outside update handling (job queue, ``block=False`` handlers, tasks it
spawns) is only covered by the quiet period; wait for it with ``wait_for_messages``.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import html
import inspect
import itertools
import json
import re
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import httpx
import tornado.httpserver
import tornado.httputil
import tornado.netutil
import tornado.web

if TYPE_CHECKING:
    from telegram.ext import Application, ApplicationBuilder

    AnyApplication = Application[Any, Any, Any, Any, Any, Any]

JSON = dict[str, Any]
Buttons = list[list[tuple[str, str | None]]]

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_POLL_WAIT = 30.0
BLOCKED = "Forbidden: bot was blocked by the user"
NOT_FOUND = "Not Found: method not found"
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
QUERY_INVALID = "Bad Request: query is too old and response timeout expired or query ID is invalid"
# Update types Telegram delivers only when asked for in allowed_updates.
OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
# Methods that address a chat and fail with 403 when the user blocked the bot.
CHAT_METHOD_PREFIXES = ("send", "edit", "copy", "forward", "delete")
# Parameters that are plain strings even when they look like JSON ("123", "true").
STRING_PARAMS = frozenset(
    "text caption data parse_mode callback_query_id action file_id url secret_token title "
    "description short_description name query language_code inline_message_id "
    "business_connection_id message_effect_id photo document sticker voice video audio "
    "animation ip_address emoji question first_name last_name phone_number address".split()
)


# --------------------------------------------------------------------------- records


@dataclass
class UploadedFile:
    """A file the bot uploaded in a multipart request."""

    field: str
    filename: str
    content: bytes
    content_type: str


@dataclass
class ApiCall:
    """One request the bot made: decoded parameters, uploads, and the answer it got."""

    method: str
    params: JSON
    files: dict[str, UploadedFile]
    time: float
    status: int | None = None
    response: JSON | None = None

    @property
    def ok(self) -> bool:
        """Whether the call succeeded."""
        return self.status == HTTPStatus.OK

    @property
    def description(self) -> str | None:
        """The error description, if the call failed."""
        return None if self.response is None else self.response.get("description")


@dataclass(frozen=True)
class MessageVersion:
    """A former state of an edited bot message."""

    text: str | None
    plain_text: str | None
    parse_mode: str | None
    reply_markup: JSON | None


@dataclass
class SentMessage:
    """A message the bot sent to a chat; edits update it in place and keep ``history``."""

    chat_id: int
    message_id: int
    method: str
    text: str | None  # text or caption exactly as the bot sent it (markup included)
    plain_text: str | None  # what the user sees: tags stripped, entities unescaped
    parse_mode: str | None
    reply_markup: JSON | None
    raw: JSON  # the Message object as returned to the bot (current version)
    photo: bytes | None = None
    document: bytes | None = None
    filename: str | None = None
    mime_type: str | None = None
    history: list[MessageVersion] = field(default_factory=list)
    deleted: bool = False

    @property
    def caption(self) -> str | None:
        """The caption of a photo or document message."""
        return None if self.method == "sendMessage" else self.text

    @property
    def buttons(self) -> Buttons:
        """Inline keyboard rows as ``(label, callback_data)``; url buttons have ``None`` data."""
        rows = (self.reply_markup or {}).get("inline_keyboard") or []
        return [[(b.get("text", ""), b.get("callback_data")) for b in row] for row in rows]

    @property
    def labels(self) -> list[str]:
        """All inline button labels, row by row."""
        return [label for row in self.buttons for label, _ in row]

    @property
    def reply_keyboard(self) -> list[list[str]]:
        """Reply-keyboard button labels, if the message carries a reply keyboard."""
        rows = (self.reply_markup or {}).get("keyboard") or []
        return [[b if isinstance(b, str) else b.get("text", "") for b in row] for row in rows]

    @property
    def edited(self) -> bool:
        """Whether the bot edited this message."""
        return bool(self.history)

    def callback_data(self, label: str) -> str:
        """The callback data of the button with this label."""
        for text, data in itertools.chain.from_iterable(self.buttons):
            if text == label and data is not None:
                return data
        raise LookupError(
            f"no callback button {label!r} on message {self.message_id}: {self.labels}"
        )

    def _version(self) -> MessageVersion:
        """Snapshot of the current content."""
        return MessageVersion(self.text, self.plain_text, self.parse_mode, self.reply_markup)


@dataclass
class _Failure:
    """A failure scheduled with ``fail_next``."""

    method: str
    error_code: int
    description: str
    retry_after: int | None
    chat_id: int | None
    times: int


class ApiError(Exception):
    """A Bot API error answer."""

    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after

    def envelope(self) -> JSON:
        """The JSON body Telegram sends for this error."""
        body: JSON = {"ok": False, "error_code": self.code, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def bad_request(detail: str) -> ApiError:
    """A 400 error with Telegram's prefix."""
    return ApiError(HTTPStatus.BAD_REQUEST, f"Bad Request: {detail}")


# --------------------------------------------------------------------------- HTML check

HTML_TAGS: dict[str, str] = dict(
    pair.split("=")
    for pair in (
        "b=bold strong=bold i=italic em=italic u=underline ins=underline s=strikethrough "
        "strike=strikethrough del=strikethrough span=spoiler tg-spoiler=spoiler a=text_link "
        "code=code pre=pre blockquote=blockquote tg-emoji=custom_emoji"
    ).split()
)
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)([^<>]*)>")
_ATTR_RE = re.compile(r"""\s*([A-Za-z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|lt|gt|amp|quot);")
_PLAIN_RE = re.compile(r"[^<&]+")
_COMMAND_RE = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]+)?")


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, as Telegram counts."""
    return len(text.encode("utf-16-le")) // 2


class _HtmlParser:
    """Telegram's HTML parse mode: allowed tags only, balanced, '<' and '&' escaped."""

    def __init__(self, source: str) -> None:
        self.src = source
        self.pos = 0
        self.out: list[str] = []
        self.length = 0
        self.stack: list[tuple[str, int, dict[str, str]]] = []
        self.entities: list[JSON] = []

    def run(self) -> tuple[str, list[JSON]]:
        """Parse the whole source into plain text and entities."""
        while self.pos < len(self.src):
            char = self.src[self.pos]
            if char == "<":
                self._tag()
            elif char == "&":
                self._entity()
            else:
                self._text()
        if self.stack:
            name = self.stack[-1][0]
            raise ValueError(f'Can\'t find end tag corresponding to start tag "{name}"')
        self.entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return "".join(self.out), self.entities

    def _byte(self) -> int:
        """Current position as a UTF-8 byte offset (Telegram reports those)."""
        return len(self.src[: self.pos].encode())

    def _emit(self, text: str) -> None:
        """Append visible text."""
        self.out.append(text)
        self.length += utf16_len(text)

    def _text(self) -> None:
        """Consume a run of plain text."""
        match = _PLAIN_RE.match(self.src, self.pos)
        assert match is not None
        self._emit(match.group())
        self.pos = match.end()

    def _entity(self) -> None:
        """Consume one character reference."""
        match = _ENTITY_RE.match(self.src, self.pos)
        if match is None:
            raise ValueError(
                f'Unsupported HTML entity or unescaped "&" at byte offset {self._byte()}'
            )
        self._emit(html.unescape(match.group()))
        self.pos = match.end()

    def _tag(self) -> None:
        """Consume a start or end tag."""
        match = _TAG_RE.match(self.src, self.pos)
        if match is None:
            raise ValueError(f"Unclosed start tag at byte offset {self._byte()}")
        name = match.group(2).lower()
        if match.group(1):
            self._close(name, match.group(3))
        else:
            self._open(name, match.group(3))
        self.pos = match.end()

    def _open(self, name: str, rest: str) -> None:
        """Push an allowed start tag."""
        attrs = _parse_attrs(rest)
        if name not in HTML_TAGS:
            raise ValueError(f'Unsupported start tag "{name}" at byte offset {self._byte()}')
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise ValueError(
                f'Tag "span" must have class "tg-spoiler" at byte offset {self._byte()}'
            )
        if name == "a" and not attrs.get("href"):
            raise ValueError(f'Tag "a" must have attribute "href" at byte offset {self._byte()}')
        self.stack.append((name, self.length, attrs))

    def _close(self, name: str, rest: str) -> None:
        """Pop the matching start tag and record its entity."""
        if not self.stack or rest.strip():
            raise ValueError(f"Unexpected end tag at byte offset {self._byte()}")
        open_name, offset, attrs = self.stack.pop()
        if open_name != name:
            raise ValueError(
                f'Unmatched end tag at byte offset {self._byte()}, expected "</{open_name}>", '
                f'found "</{name}>"'
            )
        if self.length > offset:
            self.entities.append(_entity(name, offset, self.length - offset, attrs))


def _parse_attrs(rest: str) -> dict[str, str]:
    """Attributes of a start tag."""
    attrs: dict[str, str] = {}
    for match in _ATTR_RE.finditer(rest.rstrip("/")):
        value = next((g for g in match.groups()[1:] if g is not None), "")
        attrs[match.group(1).lower()] = html.unescape(value)
    return attrs


def _entity(name: str, offset: int, length: int, attrs: dict[str, str]) -> JSON:
    """A MessageEntity dict for a closed tag."""
    entity: JSON = {"type": HTML_TAGS[name], "offset": offset, "length": length}
    if name == "a":
        entity["url"] = attrs["href"]
    if name == "tg-emoji":
        entity["custom_emoji_id"] = attrs.get("emoji-id", "")
    if name == "blockquote" and "expandable" in attrs:
        entity["type"] = "expandable_blockquote"
    return entity


def parse_html(text: str) -> tuple[str, list[JSON]]:
    """Parse Telegram HTML into (plain text, entities); raise ValueError on bad markup."""
    return _HtmlParser(text).run()


# --------------------------------------------------------------------------- Markdown check

MD_RESERVED = frozenset("_*[]()~`>#+-=|{}.!")
MD_MARKERS: dict[str, str] = {
    "*": "bold",
    "_": "italic",
    "__": "underline",
    "~": "strikethrough",
    "||": "spoiler",
}
MD_LEGACY_MARKERS: dict[str, str] = {"*": "bold", "_": "italic"}


class _MarkdownParser:
    """Telegram's MarkdownV2 (``v2=True``) or legacy Markdown parse mode, simplified."""

    def __init__(self, source: str, v2: bool) -> None:
        self.src = source
        self.v2 = v2
        self.markers = MD_MARKERS if v2 else MD_LEGACY_MARKERS
        self.pos = 0
        self.out: list[str] = []
        self.length = 0
        self.stack: list[tuple[str, int, int]] = []  # marker, utf-16 offset, byte offset
        self.entities: list[JSON] = []

    def run(self) -> tuple[str, list[JSON]]:
        """Parse the whole source into plain text and entities."""
        while self.pos < len(self.src):
            self._step()
        if self.stack:
            marker, _, byte = self.stack[-1]
            name = "link" if marker == "[" else self.markers.get(marker, marker)
            raise ValueError(f"Can't find end of {name} entity at byte offset {byte}")
        self.entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return "".join(self.out), self.entities

    def _byte(self, pos: int | None = None) -> int:
        """A position as a UTF-8 byte offset."""
        return len(self.src[: self.pos if pos is None else pos].encode())

    def _emit(self, text: str) -> None:
        """Append visible text."""
        self.out.append(text)
        self.length += utf16_len(text)

    def _step(self) -> None:
        """Consume one token."""
        char = self.src[self.pos]
        double = self.src[self.pos : self.pos + 2]
        if char == "\\" and (self.v2 or self.src[self.pos + 1 : self.pos + 2] in "_*`["):
            self._escape()
        elif char == "`":
            self._code()
        elif self.v2 and double in ("__", "||"):
            self._toggle(double)
        elif char in self.markers:
            self._toggle(char)
        elif char == "[" or (self.v2 and double == "!["):
            self._open_link()
        elif char == "]" and self.stack and self.stack[-1][0] == "[":
            self._close_link()
        elif self.v2 and char == ">" and (self.pos == 0 or self.src[self.pos - 1] == "\n"):
            self._blockquote()
        elif self.v2 and char in MD_RESERVED:
            raise ValueError(
                f"Character '{char}' is reserved and must be escaped with the preceding '\\'"
            )
        else:
            self._emit(char)
            self.pos += 1

    def _escape(self) -> None:
        """A backslash escapes the next character."""
        escaped = self.src[self.pos + 1 : self.pos + 2]
        if not escaped or not 1 <= ord(escaped) <= 126:
            raise ValueError(f"Unexpected end of escape at byte offset {self._byte()}")
        self._emit(escaped)
        self.pos += 2

    def _toggle(self, marker: str) -> None:
        """Open or close a bold/italic/underline/strikethrough/spoiler entity."""
        if self.stack and self.stack[-1][0] == marker:
            _, offset, _ = self.stack.pop()
            if self.length > offset:
                kind = self.markers[marker]
                self.entities.append(
                    {"type": kind, "offset": offset, "length": self.length - offset}
                )
        else:
            self.stack.append((marker, self.length, self._byte()))
        self.pos += len(marker)

    def _code(self) -> None:
        """Inline code or a pre block; only '`' and '\\' are escapable inside."""
        fence = "```" if self.src.startswith("```", self.pos) else "`"
        start = self.pos + len(fence)
        end = self._find_unescaped(fence, start)
        if end < 0:
            kind = "Pre" if fence == "```" else "Code"
            raise ValueError(f"Can't find end of {kind} entity at byte offset {self._byte()}")
        body = self.src[start:end]
        if fence == "```" and "\n" in body:
            body = body.split("\n", 1)[1]  # first line is the language
        offset = self.length
        self._emit(re.sub(r"\\([`\\])", r"\1", body) if self.v2 else body)
        kind = "pre" if fence == "```" else "code"
        self.entities.append({"type": kind, "offset": offset, "length": self.length - offset})
        self.pos = end + len(fence)

    def _find_unescaped(self, needle: str, start: int) -> int:
        """Index of the next unescaped ``needle`` from ``start``, or -1."""
        pos = start
        while pos < len(self.src):
            if self.v2 and self.src[pos] == "\\":
                pos += 2
                continue
            if self.src.startswith(needle, pos):
                return pos
            pos += 1
        return -1

    def _open_link(self) -> None:
        """Start the text of a link (or custom emoji)."""
        self.stack.append(("[", self.length, self._byte()))
        self.pos += 2 if self.src[self.pos] == "!" else 1

    def _close_link(self) -> None:
        """Finish a link: ``](url)`` must follow the text."""
        _, offset, byte = self.stack.pop()
        if not self.src.startswith("(", self.pos + 1):
            raise ValueError(f"Can't find end of a URL at byte offset {byte}")
        end = self._find_unescaped(")", self.pos + 2)
        if end < 0:
            raise ValueError(f"Can't find end of a URL at byte offset {byte}")
        url = re.sub(r"\\([)\\])", r"\1", self.src[self.pos + 2 : end])
        if self.length > offset:
            entity = {"type": "text_link", "offset": offset, "length": self.length - offset}
            self.entities.append({**entity, "url": url})
        self.pos = end + 1

    def _blockquote(self) -> None:
        """A '>' at the start of a line marks a blockquote line (not tracked as an entity)."""
        self.pos += 1


def parse_markdown(text: str, *, v2: bool = True) -> tuple[str, list[JSON]]:
    """Parse MarkdownV2 (or legacy Markdown) into (plain text, entities); ValueError if bad."""
    return _MarkdownParser(text, v2).run()


def parse_entities(text: str, parse_mode: str | None) -> tuple[str, list[JSON]] | None:
    """Parse text in a parse mode; None when there is no (known) parse mode."""
    mode = (parse_mode or "").lower()
    if mode == "html":
        return parse_html(text)
    if mode in ("markdownv2", "markdown"):
        return parse_markdown(text, v2=mode == "markdownv2")
    return None


def command_entities(text: str) -> list[JSON]:
    """The bot_command entity Telegram adds to a message starting with a command."""
    match = _COMMAND_RE.match(text)
    if match is None:
        return []
    return [{"type": "bot_command", "offset": 0, "length": utf16_len(match.group())}]


# --------------------------------------------------------------------------- HTTP plumbing


def _decode_param(key: str, raw: str) -> Any:
    """Decode a form value the way PTB encoded it (JSON for non-strings)."""
    if key in STRING_PARAMS:
        return raw
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def _request_params(request: tornado.httputil.HTTPServerRequest) -> tuple[JSON, dict[str, Any]]:
    """Decoded parameters and uploaded files of a Bot API request."""
    content_type = request.headers.get("Content-Type", "")
    if content_type.startswith("application/json") and request.body:
        params: JSON = json.loads(request.body)
    else:
        args = {**request.query_arguments, **request.body_arguments}
        params = {k: _decode_param(k, v[-1].decode("utf-8", "replace")) for k, v in args.items()}
    files = {
        name: UploadedFile(name, parts[0].filename, parts[0].body, parts[0].content_type)
        for name, parts in request.files.items()
        if parts
    }
    return params, files


def _no_log(handler: tornado.web.RequestHandler) -> None:
    """Keep tornado's access log quiet."""


def _reason(status: int) -> str:
    """An HTTP reason phrase for any status code."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


class _ApiHandler(tornado.web.RequestHandler):
    """Serves ``/bot{token}/{method}``."""

    def initialize(self, api: FakeBotApi) -> None:
        """Keep a reference to the fake."""
        self.api = api

    async def get(self, *args: str, **kwargs: str) -> None:
        """Bot API call by GET."""
        await self._serve(args[0], args[1])

    async def post(self, *args: str, **kwargs: str) -> None:
        """Bot API call by POST."""
        await self._serve(args[0], args[1])

    async def _serve(self, token: str, method: str) -> None:
        """Dispatch to the fake and write the JSON envelope."""
        params, files = _request_params(self.request)
        status, body = await self.api._dispatch(token, method, params, files)
        self.set_status(status, reason=_reason(status))
        self.set_header("Content-Type", "application/json")
        if self.request.connection is not None and not self._closed():
            self.finish(json.dumps(body))

    def _closed(self) -> bool:
        """Whether the client went away (e.g. a cancelled long poll)."""
        stream = getattr(self.request.connection, "stream", None)
        return bool(stream is not None and stream.closed())


class _FileHandler(tornado.web.RequestHandler):
    """Serves uploaded files at ``/file/bot{token}/{file_path}``."""

    def initialize(self, api: FakeBotApi) -> None:
        """Keep a reference to the fake."""
        self.api = api

    def get(self, *args: str, **kwargs: str) -> None:
        """Download a file by its path."""
        upload = self.api._file_by_path(args[0], args[1])
        if upload is None:
            self.set_status(HTTPStatus.NOT_FOUND)
            self.finish()
            return
        self.set_header("Content-Type", upload.content_type or "application/octet-stream")
        self.finish(upload.content)


# --------------------------------------------------------------------------- the server


class FakeBotApi:
    """A Bot API server on 127.0.0.1 that a real ``telegram.ext.Application`` talks to."""

    def __init__(self, token: str = "123456:TEST-TOKEN", *, username: str = "waypoint_test_bot"):
        self.token = token
        self.username = username
        self.url = ""
        self.calls: list[ApiCall] = []
        self.unknown_calls: list[ApiCall] = []
        self.sent_times: list[tuple[float, int]] = []
        self.updates: list[JSON] = []  # every update ever queued, in order
        self.callback_answers: dict[str, JSON] = {}
        self.webhook_errors: list[tuple[int, str]] = []  # (update_id, error) of auto-deliveries
        self.commands: dict[str, list[JSON]] = {}
        self.menu_buttons: dict[int | None, JSON] = {}
        self.auto_deliver = True  # push updates to a loopback webhook set with setWebhook
        self.idle_quiet: float | None = None
        self.max_poll_wait = MAX_POLL_WAIT
        self._sent: dict[int, list[SentMessage]] = {}
        self._user_messages: dict[tuple[int, int], JSON] = {}
        self._chats: dict[int, JSON] = {}
        self._message_ids: dict[int, int] = {}
        self._pending: list[JSON] = []  # queued, not yet confirmed / delivered
        self._update_ids = itertools.count(100_001)
        self._query_ids = itertools.count(9_000_001)
        self._file_ids = itertools.count(1)
        self._fetched_upto = 0
        self._allowed: list[str] | None = None
        self._poll_generation = 0
        self._callbacks: dict[str, bool] = {}  # callback query id -> answered
        self._failures: list[_Failure] = []
        self._blocked: set[int] = set()
        self._files: dict[str, UploadedFile] = {}
        self._file_paths: dict[str, str] = {}
        self._webhook: JSON = {"url": "", "secret_token": None}
        self._apps: list[AnyApplication] = []
        self._changed = asyncio.Event()
        self._last_activity = time.monotonic()
        self._inflight = 0  # non-getUpdates requests being served
        self._active = 0  # all requests being served
        self._deliveries = 0
        self._closing = False
        self._server: tornado.httpserver.HTTPServer | None = None
        self._client: httpx.AsyncClient | None = None
        self._worker: asyncio.Task[None] | None = None

    # ----------------------------------------------------------------- lifecycle

    @property
    def base_url(self) -> str:
        """What to pass to ``ApplicationBuilder().base_url(...)``; PTB appends the token."""
        return f"{self._require_url()}/bot"

    @property
    def base_file_url(self) -> str:
        """What to pass to ``ApplicationBuilder().base_file_url(...)``."""
        return f"{self._require_url()}/file/bot"

    def _require_url(self) -> str:
        """The server URL; the server must be started."""
        if not self.url:
            raise RuntimeError("FakeBotApi is not started")
        return self.url

    async def start(self) -> None:
        """Listen on a free loopback port in the running event loop."""
        routes: list[Any] = [
            (r"/bot([^/]+)/([^/]+)", _ApiHandler, {"api": self}),
            (r"/file/bot([^/]+)/(.+)", _FileHandler, {"api": self}),
        ]
        app = tornado.web.Application(routes, log_function=_no_log)
        self._server = tornado.httpserver.HTTPServer(app)
        sockets = tornado.netutil.bind_sockets(0, "127.0.0.1")
        self._server.add_sockets(sockets)
        self.url = f"http://127.0.0.1:{sockets[0].getsockname()[1]}"
        self._client = httpx.AsyncClient(trust_env=False)
        self._worker = asyncio.create_task(self._webhook_loop(), name="FakeBotApi:webhook")

    async def stop(self) -> None:
        """Release long polls, close all connections and stop listening."""
        self._closing = True
        self._notify()
        if self._worker is not None:
            self._worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._worker
        await self._wait_for(lambda: self._active == 0, 2.0)
        if self._server is not None:
            self._server.stop()
            await self._server.close_all_connections()
        if self._client is not None:
            await self._client.aclose()

    async def __aenter__(self) -> FakeBotApi:
        """Start the server."""
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        """Stop the server."""
        await self.stop()

    def attach(self, app: AnyApplication) -> None:
        """Let ``wait_until_idle`` also wait for this Application's update processing."""
        if app not in self._apps:
            self._apps.append(app)

    def application_builder(self) -> ApplicationBuilder[Any, Any, Any, Any, Any, Any]:
        """An ``ApplicationBuilder`` with token, base_url and base_file_url set."""
        from telegram.ext import ApplicationBuilder

        builder = ApplicationBuilder().token(self.token).base_url(self.base_url)
        return builder.base_file_url(self.base_file_url)

    # ----------------------------------------------------------------- change tracking

    def _notify(self, activity: bool = True) -> None:
        """Wake every waiter; ``activity`` restarts the idle rule's quiet period."""
        if activity:
            self._last_activity = time.monotonic()
        self._changed.set()
        self._changed = asyncio.Event()

    async def _wait_change(self, timeout: float) -> None:
        """Wait until something changes or the timeout passes."""
        event = self._changed
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(event.wait(), max(timeout, 0.0))

    async def _wait_for(self, predicate: Callable[[], bool], timeout: float) -> bool:
        """Wait until predicate() holds; False on timeout."""
        deadline = time.monotonic() + timeout
        while not predicate():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            await self._wait_change(remaining)
        return True

    # ----------------------------------------------------------------- inbound (client -> bot)

    def send_text(
        self,
        chat_id: int,
        text: str,
        *,
        user_id: int | None = None,
        chat_type: str = "private",
        first_name: str = "Sam",
        language_code: str = "en",
    ) -> JSON:
        """The user sends a text (a command if it starts with "/"); returns the queued Update."""
        user = self._user(chat_id, user_id, first_name, language_code)
        chat = self._chat_for(chat_id, chat_type, first_name)
        content: JSON = {"text": text}
        entities = command_entities(text)
        if entities:
            content["entities"] = entities
        return self._queue("message", self._user_message(chat, user, content))

    def send_other(self, chat_id: int, kind: str, **fields: Any) -> JSON:
        """The user sends a non-text message (sticker, photo, voice, ...); fields override."""
        if kind not in _OTHER_CONTENT:
            raise ValueError(f"unknown kind {kind!r}; use one of {sorted(_OTHER_CONTENT)}")
        user = self._user(chat_id, None, "Sam", "en")
        chat = self._chat_for(chat_id, "private", "Sam")
        content = {**copy.deepcopy(_OTHER_CONTENT[kind]), **fields}
        return self._queue("message", self._user_message(chat, user, content))

    def edit_text(self, chat_id: int, message_id: int, text: str) -> JSON:
        """The user edits a text message they sent earlier; queues an edited_message."""
        original = self._user_messages.get((chat_id, message_id))
        if original is None:
            raise LookupError(f"user message {message_id} not found in chat {chat_id}")
        edited = {**original, "text": text, "edit_date": int(time.time())}
        edited.pop("entities", None)
        if entities := command_entities(text):
            edited["entities"] = entities
        self._user_messages[(chat_id, message_id)] = edited
        return self._queue("edited_message", edited)

    def press_button(
        self, chat_id: int, message_id: int, data: str, *, user_id: int | None = None
    ) -> JSON:
        """The user taps an inline button with this callback data on a bot message."""
        message = self._find_sent(chat_id, message_id)
        if message.deleted:
            raise LookupError(f"message {message_id} in chat {chat_id} was deleted")
        chat = self._chats.get(chat_id, {})
        user = self._user(chat_id, user_id, chat.get("first_name", "Sam"), "en")
        query_id = str(next(self._query_ids))
        self._callbacks[query_id] = False
        query = {
            "id": query_id,
            "from": user,
            "message": copy.deepcopy(message.raw),
            "chat_instance": f"-{abs(chat_id)}00",
            "data": data,
        }
        return self._queue("callback_query", query)

    def press_label(self, chat_id: int, label: str, *, user_id: int | None = None) -> JSON:
        """Tap the button labelled ``label`` on the latest bot message with a keyboard."""
        message = self.last_keyboard_message(chat_id)
        return self.press_button(
            chat_id, message.message_id, message.callback_data(label), user_id=user_id
        )

    def last_keyboard_message(self, chat_id: int) -> SentMessage:
        """The latest (not deleted) bot message in the chat carrying an inline keyboard."""
        for message in reversed(self._sent.get(chat_id, [])):
            if message.buttons and not message.deleted:
                return message
        raise LookupError(f"no bot message with an inline keyboard in chat {chat_id}")

    def _user(self, chat_id: int, user_id: int | None, first_name: str, language_code: str) -> JSON:
        """A User dict for the person at the phone."""
        uid = user_id if user_id is not None else (chat_id if chat_id > 0 else 424242)
        return {
            "id": uid,
            "is_bot": False,
            "first_name": first_name,
            "language_code": language_code,
        }

    def _chat_for(self, chat_id: int, chat_type: str, first_name: str) -> JSON:
        """The Chat dict for a chat, remembered for the bot's replies."""
        chat: JSON = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = first_name
        else:
            chat["title"] = f"Test {chat_type} {chat_id}"
        self._chats[chat_id] = chat
        return chat

    def _next_message_id(self, chat_id: int) -> int:
        """Message ids grow per chat, shared by the user's and the bot's messages."""
        self._message_ids[chat_id] = self._message_ids.get(chat_id, 0) + 1
        return self._message_ids[chat_id]

    def _user_message(self, chat: JSON, user: JSON, content: JSON) -> JSON:
        """A Message dict from the user, remembered for edits."""
        message_id = self._next_message_id(chat["id"])
        message = {
            "message_id": message_id,
            "from": user,
            "chat": chat,
            "date": int(time.time()),
            **content,
        }
        self._user_messages[(chat["id"], message_id)] = message
        return message

    def _queue(self, kind: str, payload: JSON) -> JSON:
        """Queue an update for getUpdates (or webhook delivery)."""
        update = {"update_id": next(self._update_ids), kind: payload}
        self.updates.append(update)
        self._pending.append(update)
        self._notify()
        return update

    # ----------------------------------------------------------------- outbound (bot -> client)

    def messages(self, chat_id: int) -> list[SentMessage]:
        """The bot's messages in a chat, oldest first (deleted ones flagged, not removed)."""
        return list(self._sent.get(chat_id, []))

    def last_message(self, chat_id: int) -> SentMessage:
        """The bot's latest message in a chat."""
        sent = self._sent.get(chat_id)
        if not sent:
            raise LookupError(f"the bot sent nothing to chat {chat_id}")
        return sent[-1]

    def calls_to(self, method: str) -> list[ApiCall]:
        """Recorded calls of one method (case-insensitive)."""
        return [call for call in self.calls if call.method.lower() == method.lower()]

    def failed_calls(self) -> list[ApiCall]:
        """Calls that got an error answer (any method, getUpdates included)."""
        return [c for c in self.calls if c.status not in (None, HTTPStatus.OK)]

    def unanswered_callback_queries(self) -> list[str]:
        """Ids of callback queries the bot has not answered."""
        return [query_id for query_id, answered in self._callbacks.items() if not answered]

    async def wait_for_messages(
        self, chat_id: int, count: int, timeout: float = 5.0
    ) -> list[SentMessage]:
        """Wait until the bot has sent at least ``count`` messages to the chat in total."""
        if not await self._wait_for(lambda: len(self._sent.get(chat_id, [])) >= count, timeout):
            texts = [m.plain_text for m in self.messages(chat_id)]
            raise TimeoutError(f"expected {count} bot messages in chat {chat_id}, got {texts}")
        return self.messages(chat_id)

    async def wait_for_call(self, method: str, count: int = 1, timeout: float = 5.0) -> ApiCall:
        """Wait until ``method`` was called ``count`` times; return the latest such call."""
        if not await self._wait_for(lambda: len(self.calls_to(method)) >= count, timeout):
            raise TimeoutError(f"{method} called {len(self.calls_to(method))} times, not {count}")
        return self.calls_to(method)[-1]

    async def wait_until_idle(self, timeout: float = 5.0) -> None:
        """Wait until the bot is idle by the rule in this module's docstring."""
        deadline = time.monotonic() + timeout
        while True:
            now = time.monotonic()
            busy = self._busy()
            quiet_left = self._last_activity + self._quiet() - now
            if busy is None and quiet_left <= 0:
                return
            if now >= deadline:
                raise TimeoutError(f"bot not idle after {timeout}s: {busy or 'recent activity'}")
            if busy is not None and busy.startswith("application"):
                await self._join_apps(deadline - now)
            else:
                wait = deadline - now if busy is not None else min(quiet_left, deadline - now)
                await self._wait_change(wait)

    def _quiet(self) -> float:
        """The quiet period of the idle rule."""
        if self.idle_quiet is not None:
            return self.idle_quiet
        return 0.02 if self._apps else 0.3

    def _busy(self) -> str | None:
        """Why the bot is not idle, or None."""
        if self._inflight:
            return f"{self._inflight} Bot API request(s) being served"
        if self._deliveries:
            return "webhook delivery in flight"
        waiting = self._undelivered()
        if waiting:
            return f"updates not yet taken by the bot: {[u['update_id'] for u in waiting]}"
        if unanswered := self.unanswered_callback_queries():
            return f"callback queries not answered: {unanswered}"
        for app in self._apps:
            if _unfinished(app):
                return f"application still processing {_unfinished(app)} update(s)"
        return None

    def _undelivered(self) -> list[JSON]:
        """Queued updates the bot has not taken yet."""
        if self._apps:
            return list(self._pending)
        return [u for u in self._pending if u["update_id"] > self._fetched_upto]

    async def _join_apps(self, timeout: float) -> None:
        """Wait for attached Applications to finish their queued updates."""
        joins = [app.update_queue.join() for app in self._apps]
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.gather(*joins), max(timeout, 0.0))
        self._notify()

    # ----------------------------------------------------------------- webhook delivery

    async def deliver_to_webhook(
        self, webhook_url: str, update: JSON, secret_token: str | None
    ) -> int:
        """POST an update to a bot's webhook like Telegram does; return the HTTP status."""
        if self._client is None:
            raise RuntimeError("FakeBotApi is not started")
        headers = {"Content-Type": "application/json"}
        if secret_token is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret_token
        self._deliveries += 1
        self._notify()
        try:
            response = await self._client.post(
                webhook_url, content=json.dumps(update).encode(), headers=headers, timeout=10.0
            )
        finally:
            self._deliveries -= 1
        if response.is_success:
            self._pending = [u for u in self._pending if u["update_id"] != update["update_id"]]
        self._notify()
        return response.status_code

    def _webhook_target(self) -> tuple[str, str | None] | None:
        """The webhook to push to automatically, if any."""
        url = self._webhook["url"]
        if not (url and self.auto_deliver):
            return None
        if urlsplit(url).hostname not in ("127.0.0.1", "localhost", "::1"):
            return None
        return url, self._webhook["secret_token"]

    async def _webhook_loop(self) -> None:
        """Push queued updates to a loopback webhook, in order, retrying failures."""
        while not self._closing:
            target = self._webhook_target()
            update = self._next_pending() if target else None
            if target is None or update is None:
                await self._wait_change(1.0)
                continue
            try:
                status = await self.deliver_to_webhook(target[0], update, target[1])
                error = "" if 200 <= status < 300 else f"HTTP {status}"
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"
            if error:
                self.webhook_errors.append((update["update_id"], error))
                await asyncio.sleep(0.2)

    def _next_pending(self) -> JSON | None:
        """The first queued update the bot wants (allowed_updates applied)."""
        self._drop_unwanted()
        return self._pending[0] if self._pending else None

    # ----------------------------------------------------------------- failure injection

    def fail_next(
        self,
        method: str,
        *,
        error_code: int,
        description: str,
        retry_after: int | None = None,
        chat_id: int | None = None,
        times: int = 1,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` (to ``chat_id`` if given) with an error."""
        failure = _Failure(method.lower(), error_code, description, retry_after, chat_id, times)
        self._failures.append(failure)

    def block_chat(self, chat_id: int) -> None:
        """The user blocked the bot: every send to the chat gets 403."""
        self._blocked.add(chat_id)

    def unblock_chat(self, chat_id: int) -> None:
        """The user unblocked the bot."""
        self._blocked.discard(chat_id)

    def _injected_error(self, method: str, params: JSON) -> ApiError | None:
        """A scheduled failure or block that applies to this call."""
        chat_id = params.get("chat_id")
        for failure in self._failures:
            if failure.method == method and failure.chat_id in (None, chat_id):
                failure.times -= 1
                if failure.times <= 0:
                    self._failures.remove(failure)
                code, text = failure.error_code, failure.description
                return ApiError(code, text, failure.retry_after)
        if chat_id in self._blocked and method.startswith(CHAT_METHOD_PREFIXES):
            return ApiError(HTTPStatus.FORBIDDEN, BLOCKED)
        return None

    # ----------------------------------------------------------------- dispatch

    async def _dispatch(
        self, token: str, method: str, params: JSON, files: dict[str, UploadedFile]
    ) -> tuple[int, JSON]:
        """Serve one Bot API call and record it."""
        call = ApiCall(method, params, files, time.monotonic())
        self.calls.append(call)
        polling = method.lower() == "getupdates"
        self._active += 1
        if not polling:
            self._inflight += 1
            self._notify()
        status: int = HTTPStatus.OK
        try:
            body = {"ok": True, "result": await self._execute(token, call)}
        except ApiError as err:
            status, body = err.code, err.envelope()
        except (ValueError, TypeError, KeyError) as exc:
            unusable = bad_request(f"the fake could not use the parameters: {exc!r}")
            status, body = unusable.code, unusable.envelope()
        finally:
            self._active -= 1
            self._inflight -= 0 if polling else 1
        call.status, call.response = status, body
        self._notify(activity=not polling)
        return status, body

    async def _execute(self, token: str, call: ApiCall) -> Any:
        """Run the method implementation after auth and injected failures."""
        if token != self.token:
            raise ApiError(HTTPStatus.UNAUTHORIZED, "Unauthorized")
        name = call.method.lower()
        implementation = self._methods().get(name)
        if implementation is None:
            self.unknown_calls.append(call)
            raise ApiError(HTTPStatus.NOT_FOUND, NOT_FOUND)
        error = self._injected_error(name, call.params)
        if error is not None:
            raise error
        result = implementation(call.params, call.files)
        if inspect.isawaitable(result):
            result = await result
        if name.startswith("send") and name != "sendchataction":
            self.sent_times.append((time.monotonic(), int(call.params["chat_id"])))
        return result

    def _methods(self) -> dict[str, Callable[[JSON, dict[str, UploadedFile]], Any]]:
        """Implemented Bot API methods by lower-case name."""
        return {
            "getme": lambda p, f: self.bot_user,
            "getupdates": self._get_updates,
            "deletewebhook": self._delete_webhook,
            "setwebhook": self._set_webhook,
            "getwebhookinfo": self._get_webhook_info,
            "setmycommands": self._set_my_commands,
            "getmycommands": lambda p, f: self.commands.get(_commands_key(p), []),
            "deletemycommands": self._delete_my_commands,
            "setchatmenubutton": self._set_chat_menu_button,
            "getchatmenubutton": lambda p, f: self.menu_buttons.get(
                p.get("chat_id"), {"type": "commands"}
            ),
            "sendmessage": self._send_message,
            "editmessagetext": self._edit_message_text,
            "editmessagereplymarkup": self._edit_message_reply_markup,
            "editmessagecaption": self._edit_message_caption,
            "deletemessage": self._delete_message,
            "answercallbackquery": self._answer_callback_query,
            "sendphoto": lambda p, f: self._send_media("sendPhoto", "photo", p, f),
            "senddocument": lambda p, f: self._send_media("sendDocument", "document", p, f),
            "sendchataction": lambda p, f: isinstance(self._chat_id(p), int),
            "getchat": self._get_chat,
            "getfile": self._get_file,
            "close": lambda p, f: True,
            "logout": lambda p, f: True,
        }

    # ----------------------------------------------------------------- updates & webhook methods

    async def _get_updates(self, params: JSON, files: dict[str, UploadedFile]) -> list[JSON]:
        """Long polling: honour offset, limit, timeout and allowed_updates."""
        if self._webhook["url"]:
            raise ApiError(
                HTTPStatus.CONFLICT,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        if "allowed_updates" in params:
            self._allowed = list(params["allowed_updates"] or [])
        self._confirm(int(params.get("offset", 0)))
        limit = min(max(int(params.get("limit", 100)), 1), 100)
        wait = min(float(params.get("timeout", 0)), self.max_poll_wait)
        self._poll_generation += 1
        generation = self._poll_generation
        await self._wait_for(
            lambda: (
                bool(self._next_pending()) or self._closing or generation != self._poll_generation
            ),
            wait,
        )
        batch = self._pending[:limit] if generation == self._poll_generation else []
        if batch:
            self._fetched_upto = max(self._fetched_upto, batch[-1]["update_id"])
            self._notify()
        return batch

    def _confirm(self, offset: int) -> None:
        """Forget updates confirmed by ``offset`` (negative: keep only the last -offset)."""
        before = len(self._pending)
        if offset > 0:
            self._pending = [u for u in self._pending if u["update_id"] >= offset]
        elif offset < 0:
            self._pending = self._pending[offset:]
        if len(self._pending) != before:
            self._notify()

    def _drop_unwanted(self) -> None:
        """Drop queued updates of types the bot did not ask for."""
        allowed = set(self._allowed) if self._allowed else None
        self._pending = [u for u in self._pending if _wanted(u, allowed)]

    def _set_webhook(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        """Register (or with an empty url remove) the webhook."""
        secret = params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
            raise bad_request("secret token contains unallowed characters")
        if params.get("drop_pending_updates"):
            self._pending.clear()
        if "allowed_updates" in params:
            self._allowed = list(params["allowed_updates"] or [])
        self._webhook = {"url": str(params.get("url", "")), "secret_token": secret}
        self._notify()
        return True

    def _delete_webhook(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        """Remove the webhook, optionally dropping pending updates."""
        if params.get("drop_pending_updates"):
            self._pending.clear()
        self._webhook = {"url": "", "secret_token": None}
        self._notify()
        return True

    def _get_webhook_info(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        """WebhookInfo for the current registration."""
        info: JSON = {
            "url": self._webhook["url"],
            "has_custom_certificate": False,
            "pending_update_count": len(self._pending),
        }
        if self._webhook["url"]:
            info["max_connections"] = 40
        if self.webhook_errors:
            info["last_error_date"] = int(time.time())
            info["last_error_message"] = self.webhook_errors[-1][1]
        return info

    # ----------------------------------------------------------------- bot configuration

    @property
    def bot_user(self) -> JSON:
        """The User object of the bot (getMe)."""
        return {
            "id": int(self.token.split(":", 1)[0]),
            "is_bot": True,
            "first_name": "Waypoint Test",
            "username": self.username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def _set_my_commands(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        """Store the command list for a scope and language."""
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise bad_request('parameter "commands" is required')
        for command in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", str(command.get("command", ""))):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[_commands_key(params)] = commands
        return True

    def _delete_my_commands(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        """Forget the command list for a scope and language."""
        self.commands.pop(_commands_key(params), None)
        return True

    def _set_chat_menu_button(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        """Store the menu button for a chat (or the default)."""
        self.menu_buttons[params.get("chat_id")] = params.get("menu_button") or {"type": "default"}
        return True

    def _get_chat(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        """ChatFullInfo for a chat the fake knows (or a private chat)."""
        chat_id = self._chat_id(params)
        chat = self._chats.get(chat_id) or {"id": chat_id, "type": "private", "first_name": "Sam"}
        gifts = ["unlimited_gifts", "limited_gifts", "unique_gifts", "premium_subscription"]
        return {
            **chat,
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {**dict.fromkeys(gifts, True), "gifts_from_channels": False},
        }

    # ----------------------------------------------------------------- sending

    def _chat_id(self, params: JSON) -> int:
        """The numeric chat_id parameter."""
        chat_id = params.get("chat_id")
        if isinstance(chat_id, bool) or not isinstance(chat_id, int):
            raise bad_request("chat not found")
        return chat_id

    def _render(
        self, text: str, parse_mode: str | None, entities: Any, caption: bool
    ) -> tuple[str, list[JSON]]:
        """Check text against parse mode and length limits; return plain text and entities."""
        plain, found = text, list(entities) if isinstance(entities, list) else []
        try:
            parsed = parse_entities(text, parse_mode)
        except ValueError as exc:
            raise bad_request(f"can't parse entities: {exc}") from None
        if parsed is not None:
            plain, found = parsed
        if caption:
            if utf16_len(plain) > MAX_CAPTION:
                raise bad_request("message caption is too long")
            return plain, found
        if not plain.strip():
            raise bad_request("message text is empty")
        if utf16_len(plain) > MAX_TEXT:
            raise bad_request("message is too long")
        return plain, found

    def _markup(self, params: JSON) -> JSON | None:
        """The reply_markup parameter, validated like Telegram does."""
        markup = params.get("reply_markup")
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise bad_request("can't parse reply keyboard markup JSON object")
        for row in markup.get("inline_keyboard") or []:
            for button in row:
                _check_button(button)
        return markup

    def _bot_message(self, chat_id: int, content: JSON, markup: JSON | None) -> JSON:
        """A Message dict from the bot."""
        message: JSON = {
            "message_id": self._next_message_id(chat_id),
            "from": self.bot_user,
            "chat": self._chats.get(chat_id)
            or {"id": chat_id, "type": "private", "first_name": "Sam"},
            "date": int(time.time()),
            **content,
        }
        if markup and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        return message

    def _record(self, message: SentMessage) -> JSON:
        """Keep a sent message and return its Message dict."""
        self._sent.setdefault(message.chat_id, []).append(message)
        return message.raw

    def _send_message(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        """sendMessage."""
        chat_id = self._chat_id(params)
        text = str(params.get("text", ""))
        parse_mode = params.get("parse_mode")
        plain, entities = self._render(text, parse_mode, params.get("entities"), caption=False)
        markup = self._markup(params)
        content: JSON = {"text": plain}
        if entities:
            content["entities"] = entities
        raw = self._bot_message(chat_id, content, markup)
        sent = SentMessage(
            chat_id, raw["message_id"], "sendMessage", text, plain, parse_mode, markup, raw
        )
        return self._record(sent)

    def _send_media(
        self, method: str, kind: str, params: JSON, files: dict[str, UploadedFile]
    ) -> JSON:
        """sendPhoto / sendDocument: keep the uploaded bytes and filename."""
        chat_id = self._chat_id(params)
        upload, file_id = self._media_input(kind, params, files)
        caption = params.get("caption")
        parse_mode = params.get("parse_mode")
        plain, entities = self._render(
            caption or "", parse_mode, params.get("caption_entities"), caption=True
        )
        markup = self._markup(params)
        content: JSON = {kind: _media_object(kind, file_id, upload)}
        if caption:
            content["caption"] = plain
        if entities:
            content["caption_entities"] = entities
        raw = self._bot_message(chat_id, content, markup)
        sent = SentMessage(
            chat_id,
            raw["message_id"],
            method,
            caption,
            plain if caption else None,
            parse_mode,
            markup,
            raw,
            filename=upload.filename,
            mime_type=upload.content_type,
        )
        setattr(sent, kind, upload.content)
        return self._record(sent)

    def _media_input(
        self, kind: str, params: JSON, files: dict[str, UploadedFile]
    ) -> tuple[UploadedFile, str]:
        """The uploaded (or referenced) file for a media send, and its file_id."""
        ref = params.get(kind)
        upload = files.get(kind)
        if upload is None and isinstance(ref, str) and ref.startswith("attach://"):
            upload = files.get(ref.removeprefix("attach://"))
        if upload is not None:
            return upload, self._store_file(kind, upload)
        if isinstance(ref, str) and ref in self._files:
            return self._files[ref], ref
        if isinstance(ref, str) and ref.startswith(("http://", "https://")):
            name = ref.rsplit("/", 1)[-1] or kind
            return self._remote(kind, name)
        if ref:
            raise bad_request("wrong file identifier/HTTP URL specified")
        raise bad_request(f"there is no {kind} in the request")

    def _remote(self, kind: str, name: str) -> tuple[UploadedFile, str]:
        """A placeholder for a file sent by URL (the fake does not fetch it)."""
        upload = UploadedFile(kind, name, b"", "application/octet-stream")
        return upload, self._store_file(kind, upload)

    def _store_file(self, kind: str, upload: UploadedFile) -> str:
        """Remember an upload under a new file_id and file_path."""
        number = next(self._file_ids)
        file_id = f"FAKE-{kind.upper()}-{number}"
        self._files[file_id] = upload
        self._file_paths[f"{kind}s/file_{number}_{upload.filename}"] = file_id
        return file_id

    def _get_file(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        """getFile for a file the bot uploaded."""
        file_id = str(params.get("file_id", ""))
        if file_id not in self._files:
            raise bad_request("invalid file_id")
        path = next(p for p, fid in self._file_paths.items() if fid == file_id)
        size = len(self._files[file_id].content)
        return {
            "file_id": file_id,
            "file_unique_id": f"U{file_id}",
            "file_size": size,
            "file_path": path,
        }

    def _file_by_path(self, token: str, path: str) -> UploadedFile | None:
        """An uploaded file by its download path."""
        file_id = self._file_paths.get(path)
        return self._files.get(file_id or "") if token == self.token else None

    # ----------------------------------------------------------------- edits & answers

    def _find_sent(self, chat_id: int, message_id: int) -> SentMessage:
        """A bot message by chat and id."""
        for message in self._sent.get(chat_id, []):
            if message.message_id == message_id:
                return message
        raise LookupError(f"no bot message {message_id} in chat {chat_id}")

    def _editable(self, params: JSON) -> SentMessage:
        """The message an edit addresses (400 if it does not exist)."""
        if "inline_message_id" in params:
            raise bad_request("inline messages are not supported by the fake")
        try:
            message = self._find_sent(self._chat_id(params), int(params.get("message_id", 0)))
        except LookupError:
            raise bad_request("message to edit not found") from None
        if message.deleted:
            raise bad_request("message to edit not found")
        return message

    def _apply_edit(
        self,
        message: SentMessage,
        text: str | None,
        plain: str | None,
        entities: list[JSON],
        parse_mode: str | None,
        markup: JSON | None,
    ) -> JSON:
        """Apply an edit in place (400 if nothing changes); return the new Message dict."""
        key = "text" if message.method == "sendMessage" else "caption"
        old = (
            message.raw.get(key),
            message.raw.get(f"{_entities_key(key)}", []),
            message.raw.get("reply_markup"),
        )
        inline = markup if markup and "inline_keyboard" in markup else None
        if old == (plain, entities, inline):
            raise bad_request(NOT_MODIFIED.removeprefix("Bad Request: "))
        message.history.append(message._version())
        message.text, message.plain_text, message.parse_mode = text, plain, parse_mode
        message.reply_markup = markup
        raw = {k: v for k, v in message.raw.items() if k not in (key, _entities_key(key))}
        raw.pop("reply_markup", None)
        raw.update({key: plain} if plain else {})
        raw.update({_entities_key(key): entities} if entities else {})
        raw.update({"reply_markup": inline} if inline else {})
        message.raw = {**raw, "edit_date": int(time.time())}
        return message.raw

    def _edit_message_text(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        """editMessageText (without reply_markup the keyboard is removed, as on Telegram)."""
        message = self._editable(params)
        if message.method != "sendMessage":
            raise bad_request("there is no text in the message to edit")
        text = str(params.get("text", ""))
        parse_mode = params.get("parse_mode")
        plain, entities = self._render(text, parse_mode, params.get("entities"), caption=False)
        markup = self._markup(params)
        return self._apply_edit(message, text, plain, entities, parse_mode, markup)

    def _edit_message_caption(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        """editMessageCaption."""
        message = self._editable(params)
        if message.method == "sendMessage":
            raise bad_request("there is no caption in the message to edit")
        caption = params.get("caption")
        parse_mode = params.get("parse_mode")
        plain, entities = self._render(
            caption or "", parse_mode, params.get("caption_entities"), caption=True
        )
        markup = self._markup(params)
        return self._apply_edit(message, caption, plain or None, entities, parse_mode, markup)

    def _edit_message_reply_markup(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        """editMessageReplyMarkup."""
        message = self._editable(params)
        key = "text" if message.method == "sendMessage" else "caption"
        entities = message.raw.get(_entities_key(key), [])
        return self._apply_edit(
            message,
            message.text,
            message.raw.get(key),
            entities,
            message.parse_mode,
            self._markup(params),
        )

    def _delete_message(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        """deleteMessage (the message stays in ``messages()`` flagged ``deleted``)."""
        try:
            message = self._find_sent(self._chat_id(params), int(params.get("message_id", 0)))
        except LookupError:
            raise bad_request("message to delete not found") from None
        if message.deleted:
            raise bad_request("message to delete not found")
        message.deleted = True
        return True

    def _answer_callback_query(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        """answerCallbackQuery: each query exactly once."""
        query_id = str(params.get("callback_query_id", ""))
        if self._callbacks.get(query_id) is not False:
            raise bad_request(QUERY_INVALID.removeprefix("Bad Request: "))
        self._callbacks[query_id] = True
        self.callback_answers[query_id] = dict(params)
        return True


# --------------------------------------------------------------------------- helpers


def _entities_key(key: str) -> str:
    """The entities field that goes with text or caption."""
    return "entities" if key == "text" else "caption_entities"


def _check_button(button: Any) -> None:
    """Validate one inline keyboard button."""
    if not isinstance(button, dict) or not button.get("text"):
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )
    data = button.get("callback_data")
    if data is not None and not 1 <= len(str(data).encode()) <= 64:
        raise bad_request("BUTTON_DATA_INVALID")
    if len(button) < 2:
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )


def _commands_key(params: JSON) -> str:
    """Key of a command list: scope and language."""
    scope = params.get("scope") or {"type": "default"}
    return f"{json.dumps(scope, sort_keys=True)}|{params.get('language_code', '')}"


def _wanted(update: JSON, allowed: set[str] | None) -> bool:
    """Whether an update's type passes allowed_updates."""
    kind = next(k for k in update if k != "update_id")
    return kind in allowed if allowed is not None else kind not in OPT_IN_UPDATES


def _media_object(kind: str, file_id: str, upload: UploadedFile) -> Any:
    """The photo sizes or Document object of a sent file."""
    base = {"file_id": file_id, "file_unique_id": f"U{file_id}", "file_size": len(upload.content)}
    if kind == "photo":
        return [{**base, "width": 90, "height": 90}, {**base, "width": 800, "height": 600}]
    return {**base, "file_name": upload.filename, "mime_type": upload.content_type}


def _unfinished(app: AnyApplication) -> int:
    """Updates an Application has queued or is still processing."""
    queue = app.update_queue
    unfinished = getattr(queue, "_unfinished_tasks", None)
    if isinstance(unfinished, int):
        return unfinished
    return queue.qsize() + app.update_processor.current_concurrent_updates


def _file(kind: str, n: int, **extra: Any) -> JSON:
    """A file object for an inbound message."""
    return {"file_id": f"USER-{kind.upper()}-{n}", "file_unique_id": f"UU{kind}{n}", **extra}


_OTHER_CONTENT: dict[str, JSON] = {
    "sticker": {
        "sticker": _file(
            "sticker",
            1,
            type="regular",
            width=512,
            height=512,
            is_animated=False,
            is_video=False,
            emoji="👍",
        )
    },
    "photo": {
        "photo": [_file("photo", 1, width=90, height=90), _file("photo", 2, width=1280, height=960)]
    },
    "voice": {"voice": _file("voice", 1, duration=3, mime_type="audio/ogg")},
    "video": {"video": _file("video", 1, width=640, height=360, duration=5)},
    "document": {
        "document": _file("document", 1, file_name="notes.pdf", mime_type="application/pdf")
    },
    "location": {"location": {"latitude": 52.52, "longitude": 13.405}},
    "contact": {"contact": {"phone_number": "+15555550100", "first_name": "Alex"}},
    "poll": {
        "poll": {
            "id": "5000001",
            "question": "Which day?",
            "type": "regular",
            "options": [
                {"persistent_id": "o1", "text": "Monday", "voter_count": 0},
                {"persistent_id": "o2", "text": "Friday", "voter_count": 0},
            ],
            "total_voter_count": 0,
            "is_closed": False,
            "is_anonymous": True,
            "allows_multiple_answers": False,
            "allows_revoting": False,
            "members_only": False,
        }
    },
}


def press(server: FakeBotApi, chat_id: int, label: str) -> JSON:
    """Tap the button labelled ``label`` on the latest bot keyboard in the chat."""
    return server.press_label(chat_id, label)


@contextlib.asynccontextmanager
async def polling(
    app: AnyApplication, server: FakeBotApi, *, timeout: float = 1.0
) -> AsyncIterator[AnyApplication]:
    """Run ``app`` with long polling against ``server`` (attached for the idle rule)."""
    import datetime as dtm

    server.attach(app)
    async with app:
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=dtm.timedelta(seconds=timeout))
        await app.start()
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()
