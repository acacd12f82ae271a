"""The entry point of every turn: safety first, then commands, then the flow the client is in."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import nlp
from dialogs import crisis, goal_setting
from dialogs.flow import Flow, Turn, text_reply
from dialogs.goal_card import goal_card
from dialogs.replies import Inbound, InboundKind, Option, Reply
from dialogs.wording import joined, say

FLOWS: dict[str, Flow] = {goal_setting.GOAL_SETTING.name: goal_setting.GOAL_SETTING}
GOAL_LABEL_LENGTH = 48

Handler = Callable[[Turn], Awaitable[list[Reply]]]


@dataclass(frozen=True)
class Response:
    """What a turn answers, and the event name the shell may log (never the client's words)."""

    replies: list[Reply]
    event: str
    goal_ids: tuple[int, ...] = field(default=())


def active_flow(turn: Turn) -> Flow | None:
    flow = FLOWS.get(turn.state.flow or "")
    return flow if flow is not None and flow.owns(turn.state) else None


def resume_option() -> Option:
    return Option(say("common.resume_button"), "resume")


def with_resume(turn: Turn, replies: list[Reply]) -> list[Reply]:
    """After a side trip (help, goals, crisis lines), offer the way back into the flow."""
    if active_flow(turn) is None or not replies:
        return replies
    last = replies[-1]
    return [*replies[:-1], Reply(last.text, (*last.options, resume_option()), last.columns)]


async def respond(turn: Turn, inbound: Inbound) -> Response:
    """Answer one inbound. Crisis language is checked before anything else reads the text."""
    words = inbound.words
    if words and (match := nlp.detect_crisis(words)) is not None:
        replies = crisis.referral(turn.profile.region, immediate=match.immediate_danger)
        return Response(with_resume(turn, replies), "crisis_language")
    if inbound.kind in (InboundKind.EDITED, InboundKind.MEDIA):
        return Response(await not_readable(turn, inbound.kind), f"{inbound.kind}_message")
    if inbound.kind is InboundKind.TEXT and not inbound.value.strip():
        return Response(await not_readable(turn, inbound.kind), "empty_text")
    if turn.state.step is not None and active_flow(turn) is None:
        turn.state.clear()
        return Response([text_reply("common.lost_track"), *await idle(turn)], "state_reset")
    if inbound.kind is InboundKind.COMMAND:
        handler = COMMANDS.get(inbound.value, unknown_command)
        return Response(
            await handler(turn),
            f"command_{inbound.value if handler is not unknown_command else 'unknown'}",
        )
    if inbound.kind is InboundKind.CHOICE and (
        global_choice := GLOBAL_CHOICES.get(choice_key(inbound.value))
    ):
        return Response(await global_choice(turn, inbound.value), "choice_global")
    flow = active_flow(turn)
    if flow is None:
        key = "flow.stale_button" if inbound.kind is InboundKind.CHOICE else "common.idle_text"
        return Response([text_reply(key), *await idle(turn)], "idle")
    return Response(await flow.handle(turn, inbound), f"{flow.name}_turn")


def choice_key(value: str) -> str:
    return value.split(":", 1)[0]


async def not_readable(turn: Turn, kind: InboundKind) -> list[Reply]:
    """An edit, a sticker or an empty message: say what works instead; nothing changes."""
    explanation = text_reply(f"common.not_readable_{kind}")
    flow = active_flow(turn)
    return [explanation, *(await flow.prompt(turn) if flow else await idle(turn))]


async def idle(turn: Turn) -> list[Reply]:
    """What the client can do when no flow is running."""
    options = [Option(say("common.new_goal_button"), "newgoal")]
    if await turn.records.goals():
        options.insert(0, Option(say("common.goals_button"), "goals"))
    return [text_reply("common.idle_menu", options)]


async def start(turn: Turn) -> list[Reply]:
    if active_flow(turn) is not None:
        options = [resume_option(), Option(say("common.start_over_button"), "restart")]
        return [text_reply("start.welcome_back_in_flow", options)]
    if await turn.records.goals():
        return [text_reply("start.welcome_back"), *await idle(turn)]
    return [text_reply("start.welcome", [Option(say("start.begin_button"), "newgoal")])]


async def new_goal(turn: Turn) -> list[Reply]:
    if active_flow(turn) is not None and turn.state.history:
        options = [resume_option(), Option(say("common.start_over_button"), "restart")]
        return [text_reply("common.confirm_restart", options)]
    return await goal_setting.start(turn)


async def list_goals(turn: Turn) -> list[Reply]:
    goals = await turn.records.goals()
    if not goals:
        options = [Option(say("common.new_goal_button"), "newgoal")]
        return with_resume(turn, [text_reply("goals.none", options)])
    options = [Option(short(goal.statement), f"goal:{goal.id}") for goal in goals]
    lines = joined(
        say(
            "goals.line",
            number=index,
            statement=goal.statement,
            status=say(f"status.{goal.status}"),
        )
        for index, goal in enumerate(goals, start=1)
    )
    return with_resume(turn, [text_reply("goals.list", options, lines=lines)])


def short(text: str) -> str:
    return text if len(text) <= GOAL_LABEL_LENGTH else text[: GOAL_LABEL_LENGTH - 1].rstrip() + "…"


async def open_goal(turn: Turn, value: str) -> list[Reply]:
    _, _, raw_id = value.partition(":")
    goal = await turn.records.goal(int(raw_id)) if raw_id.isdigit() else None
    if goal is None:
        return with_resume(turn, [text_reply("goals.not_found"), *await idle(turn)])
    card = goal_card(goal)
    options = [Option(say("common.goals_button"), "goals")]
    return with_resume(
        turn, [text_reply("goals.open", options, card=card, status=say(f"status.{goal.status}"))]
    )


async def cancel(turn: Turn) -> list[Reply]:
    if active_flow(turn) is None:
        return [text_reply("cancel.nothing"), *await idle(turn)]
    turn.state.clear()
    return [text_reply("cancel.done"), *await idle(turn)]


async def back(turn: Turn) -> list[Reply]:
    flow = active_flow(turn)
    if flow is None:
        return [text_reply("flow.nothing_to_go_back_to"), *await idle(turn)]
    return await flow.back(turn)


async def show_help(turn: Turn) -> list[Reply]:
    return with_resume(turn, [text_reply("help.text")])


async def privacy(turn: Turn) -> list[Reply]:
    return with_resume(turn, [text_reply("privacy.text")])


async def crisis_lines(turn: Turn) -> list[Reply]:
    return with_resume(turn, crisis.referral(turn.profile.region, immediate=False))


async def unknown_command(turn: Turn) -> list[Reply]:
    flow = active_flow(turn)
    if flow is None:
        return [text_reply("common.unknown_command"), *await idle(turn)]
    return [text_reply("common.unknown_command"), *await flow.prompt(turn)]


async def resume(turn: Turn, value: str) -> list[Reply]:
    flow = active_flow(turn)
    if flow is None:
        return await idle(turn)
    return await flow.prompt(turn)


async def restart(turn: Turn, value: str) -> list[Reply]:
    return await goal_setting.start(turn)


async def goals_choice(turn: Turn, value: str) -> list[Reply]:
    return await list_goals(turn)


async def new_goal_choice(turn: Turn, value: str) -> list[Reply]:
    return await new_goal(turn)


COMMANDS: dict[str, Handler] = {
    "start": start,
    "newgoal": new_goal,
    "goals": list_goals,
    "cancel": cancel,
    "back": back,
    "help": show_help,
    "privacy": privacy,
    "crisis": crisis_lines,
}

GLOBAL_CHOICES: dict[str, Callable[[Turn, str], Awaitable[list[Reply]]]] = {
    "resume": resume,
    "restart": restart,
    "goals": goals_choice,
    "goal": open_goal,
    "newgoal": new_goal_choice,
}
