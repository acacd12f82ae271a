"""The entry point of every turn: safety first, then commands, then the flow the client is in."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import nlp
from dialogs import answers, commands, crisis
from dialogs.flow import Turn, text_reply
from dialogs.navigation import active_flow, carry_on, idle, with_resume
from dialogs.replies import Inbound, InboundKind, Reply

MAX_TEXT_LENGTH = 2000


@dataclass(frozen=True)
class Response:
    """What a turn answers, and the event name the shell may log (never the client's words)."""

    replies: list[Reply]
    event: str


async def respond(turn: Turn, inbound: Inbound) -> Response:
    """Answer one inbound. Crisis language is checked before anything else reads the text."""
    words = inbound.words
    if words and (match := nlp.detect_crisis(words)) is not None:
        turn.state.just_referred = True
        replies = crisis.referral(turn.profile.region, crisis.tone_for(match))
        return Response(with_resume(turn, replies), "crisis_language")
    if turn.state.just_referred:
        turn.state.just_referred = False
        if inbound.kind is InboundKind.TEXT and answers.is_dismissal(inbound.value):
            return Response(await after_dismissal(turn), "crisis_dismissed")
    if inbound.kind is InboundKind.SYSTEM:
        return Response(await commands.system_event(turn, inbound.value), f"system_{inbound.value}")
    if (refusal := screen(inbound)) is not None:
        return Response(await not_readable(turn, refusal), refusal.rsplit(".", 1)[-1])
    if turn.state.step is not None and active_flow(turn) is None:
        turn.state.clear()
        return Response([text_reply("common.lost_track"), *await idle(turn)], "state_reset")
    if inbound.kind is InboundKind.COMMAND:
        return await run_command(turn, inbound.value)
    if inbound.kind is InboundKind.CHOICE and choice_key(inbound.value) in commands.GLOBAL_CHOICES:
        handler = commands.GLOBAL_CHOICES[choice_key(inbound.value)]
        return Response(await handler(turn, inbound.value), "choice_global")
    flow = active_flow(turn)
    if flow is None:
        key = "flow.stale_button" if inbound.kind is InboundKind.CHOICE else "common.idle_text"
        return Response([text_reply(key), *await idle(turn)], "idle")
    return Response(await flow.handle(turn, clean(inbound)), f"{flow.name}_turn")


async def after_dismissal(turn: Turn) -> list[Reply]:
    """The lines were shown; a "no" or "I'm fine" is thanked, not taken as an answer."""
    return [text_reply("crisis.dismissed"), *await carry_on(turn)]


def screen(inbound: Inbound) -> str | None:
    """The catalog key of a kind refusal for input no step can use, or None."""
    if inbound.kind in (InboundKind.EDITED, InboundKind.MEDIA):
        return f"common.not_readable_{inbound.kind}"
    if inbound.kind is not InboundKind.TEXT:
        return None
    if len(inbound.value) > MAX_TEXT_LENGTH:
        return "common.message_too_long"
    if not any(character.isalnum() for character in inbound.value):
        return "common.no_words"
    return None


def clean(inbound: Inbound) -> Inbound:
    """Text without control characters (zero-width, NUL...), which no answer needs."""
    if inbound.kind is not InboundKind.TEXT:
        return inbound
    kept = "".join(c for c in inbound.value if c in "\n\t" or unicodedata.category(c)[0] != "C")
    return Inbound.text(kept.strip())


async def run_command(turn: Turn, name: str) -> Response:
    handler = commands.COMMANDS.get(name)
    if handler is None:
        return Response(await commands.unknown_command(turn), "command_unknown")
    return Response(await handler(turn), f"command_{name}")


def choice_key(value: str) -> str:
    return value.split(":", 1)[0]


async def not_readable(turn: Turn, refusal: str) -> list[Reply]:
    """An edit, a sticker, an empty or endless message: say what works instead; nothing changes."""
    return [text_reply(refusal, limit=f"{MAX_TEXT_LENGTH:,}"), *await carry_on(turn)]
