"""The entry point of every turn: safety first, then commands, then the flow the client is in."""

from __future__ import annotations

import unicodedata
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace

import nlp
from dialogs import answers, checkin, crisis, goal_setting, privacy, progress, reminders
from dialogs.flow import Flow, Turn, text_reply
from dialogs.goal_card import goal_card
from dialogs.replies import Inbound, InboundKind, Option, Reply
from dialogs.wording import joined, say

FLOWS: dict[str, Flow] = {
    flow.name: flow
    for flow in (goal_setting.GOAL_SETTING, privacy.DELETE, checkin.CHECKIN, reminders.SCHEDULE)
}
GOAL_LABEL_LENGTH = 48
MAX_TEXT_LENGTH = 2000

Handler = Callable[[Turn], Awaitable[list[Reply]]]


@dataclass(frozen=True)
class Response:
    """What a turn answers, and the event name the shell may log (never the client's words)."""

    replies: list[Reply]
    event: str


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
        return Response(await system_event(turn, inbound.value), f"system_{inbound.value}")
    if (refusal := screen(inbound)) is not None:
        return Response(await not_readable(turn, refusal), refusal.rsplit(".", 1)[-1])
    if turn.state.step is not None and active_flow(turn) is None:
        turn.state.clear()
        return Response([text_reply("common.lost_track"), *await idle(turn)], "state_reset")
    if inbound.kind is InboundKind.COMMAND:
        return await run_command(turn, inbound.value)
    if inbound.kind is InboundKind.CHOICE and choice_key(inbound.value) in GLOBAL_CHOICES:
        handler = GLOBAL_CHOICES[choice_key(inbound.value)]
        return Response(await handler(turn, inbound.value), "choice_global")
    flow = active_flow(turn)
    if flow is None:
        key = "flow.stale_button" if inbound.kind is InboundKind.CHOICE else "common.idle_text"
        return Response([text_reply(key), *await idle(turn)], "idle")
    return Response(await flow.handle(turn, clean(inbound)), f"{flow.name}_turn")


async def after_dismissal(turn: Turn) -> list[Reply]:
    """The lines were shown; a "no" or "I'm fine" is thanked, not taken as an answer."""
    flow = active_flow(turn)
    note = text_reply("crisis.dismissed")
    return [note, *(await flow.prompt(turn) if flow else await idle(turn))]


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
    handler = COMMANDS.get(name)
    if handler is None:
        return Response(await unknown_command(turn), "command_unknown")
    return Response(await handler(turn), f"command_{name}")


def choice_key(value: str) -> str:
    return value.split(":", 1)[0]


async def not_readable(turn: Turn, refusal: str) -> list[Reply]:
    """An edit, a sticker, an empty or endless message: say what works instead; nothing changes."""
    explanation = text_reply(refusal, limit=f"{MAX_TEXT_LENGTH:,}")
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
    options = [*checkin.status_options(goal), Option(say("common.goals_button"), "goals")]
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


async def show_privacy(turn: Turn) -> list[Reply]:
    return with_resume(turn, [text_reply("privacy.text")])


async def crisis_lines(turn: Turn) -> list[Reply]:
    return with_resume(turn, crisis.referral(turn.profile.region, crisis.Tone.ASKED))


async def choose_country(turn: Turn) -> list[Reply]:
    return with_resume(turn, [crisis.country_question()])


async def country_choice(turn: Turn, value: str) -> list[Reply]:
    """ "region" asks which country; "region:GB" sets it and shows that country's lines."""
    _, _, code = value.partition(":")
    if not code:
        return await choose_country(turn)
    region = crisis.known_region(code)
    if region is None:
        return await choose_country(turn)
    await turn.records.set_region(region)
    return with_resume(turn, crisis.referral(region, crisis.Tone.ASKED))


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


async def checkin_now(turn: Turn) -> list[Reply]:
    return await checkin.begin_now(turn, FLOWS)


async def checkin_choice(turn: Turn, value: str) -> list[Reply]:
    return await checkin.start(turn)


async def change_schedule(turn: Turn) -> list[Reply]:
    flow = active_flow(turn)
    busy = flow is not None and flow is not reminders.SCHEDULE
    return await reminders.change_schedule(turn, busy)


async def pause_checkins(turn: Turn) -> list[Reply]:
    return with_resume(turn, await reminders.pause(turn))


async def resume_checkins(turn: Turn) -> list[Reply]:
    return with_resume(turn, await reminders.resume(turn))


async def pause_offer_choice(turn: Turn, value: str) -> list[Reply]:
    return with_resume(turn, await reminders.pause_offer_choice(turn, value))


async def show_progress(turn: Turn) -> list[Reply]:
    return with_resume(turn, await progress.show_progress(turn))


async def show_summary(turn: Turn) -> list[Reply]:
    return with_resume(turn, await progress.summary(turn))


async def goal_status_choice(turn: Turn, value: str) -> list[Reply]:
    return with_resume(turn, await checkin.change_status(turn, value))


async def system_event(turn: Turn, event: str) -> list[Reply]:
    """What the bot says on its own (a check-in due); an empty answer sends nothing."""
    if event == "checkin_due":
        return await checkin.due(turn, FLOWS)
    if event == "checkin_reminder":
        return await checkin.reminder(turn, FLOWS)
    if event == "checkin_pause_offer":
        return await reminders.pause_offer(turn)
    return []


COMMANDS: dict[str, Handler] = {
    "start": start,
    "newgoal": new_goal,
    "goals": list_goals,
    "cancel": cancel,
    "back": back,
    "help": show_help,
    "privacy": show_privacy,
    "export": privacy.export,
    "delete": privacy.start_delete,
    "crisis": crisis_lines,
    "country": choose_country,
    "checkin": checkin_now,
    "schedule": change_schedule,
    "pause": pause_checkins,
    "resume": resume_checkins,
    "progress": show_progress,
    "summary": show_summary,
}

GLOBAL_CHOICES: dict[str, Callable[[Turn, str], Awaitable[list[Reply]]]] = {
    "resume": resume,
    "restart": restart,
    "goals": goals_choice,
    "goal": open_goal,
    "newgoal": new_goal_choice,
    "region": country_choice,
    "checkin": checkin_choice,
    "checkins": pause_offer_choice,
    "goalstatus": goal_status_choice,
}
