"""Where a client stands between flows: the running flow, the way back to it, the idle menu."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from functools import wraps

from dialogs import checkin, goal_setting, privacy, reminders
from dialogs.flow import Flow, Turn, text_reply
from dialogs.replies import Option, Reply
from dialogs.wording import say

FLOWS: dict[str, Flow] = {
    flow.name: flow
    for flow in (goal_setting.GOAL_SETTING, privacy.DELETE, checkin.CHECKIN, reminders.SCHEDULE)
}

Handler = Callable[[Turn], Awaitable[list[Reply]]]
ChoiceHandler = Callable[[Turn, str], Awaitable[list[Reply]]]


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
    return [*replies[:-1], replace(last, options=(*last.options, resume_option()))]


def side_trip(handler: Handler) -> Handler:
    """A command answered without leaving the flow the client is in."""

    @wraps(handler)
    async def answer(turn: Turn) -> list[Reply]:
        return with_resume(turn, await handler(turn))

    return answer


async def idle(turn: Turn) -> list[Reply]:
    """What the client can do when no flow is running."""
    options = [Option(say("common.new_goal_button"), "newgoal")]
    if await turn.records.goals():
        options.insert(0, Option(say("common.goals_button"), "goals"))
    return [text_reply("common.idle_menu", options)]


async def carry_on(turn: Turn) -> list[Reply]:
    """The current question again, or the idle menu when no flow is running."""
    flow = active_flow(turn)
    return await flow.prompt(turn) if flow else await idle(turn)
