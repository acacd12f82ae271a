"""What each command and menu button does; the router decides when they run."""

from __future__ import annotations

from dialogs import checkin, crisis, goal_setting, privacy, progress, reminders
from dialogs.flow import Turn, text_reply
from dialogs.goal_card import goal_card
from dialogs.navigation import (
    FLOWS,
    ChoiceHandler,
    Handler,
    active_flow,
    carry_on,
    idle,
    resume_option,
    side_trip,
    with_resume,
)
from dialogs.replies import Option, Reply
from dialogs.wording import joined, say

GOAL_LABEL_LENGTH = 48


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


@side_trip
async def list_goals(turn: Turn) -> list[Reply]:
    goals = await turn.records.goals()
    if not goals:
        return [text_reply("goals.none", [Option(say("common.new_goal_button"), "newgoal")])]
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
    return [text_reply("goals.list", options, lines=lines)]


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
    running = active_flow(turn) is not None
    turn.state.clear()
    return [text_reply("cancel.done" if running else "cancel.nothing"), *await idle(turn)]


async def back(turn: Turn) -> list[Reply]:
    flow = active_flow(turn)
    if flow is None:
        return [text_reply("flow.nothing_to_go_back_to"), *await idle(turn)]
    return await flow.back(turn)


@side_trip
async def show_help(turn: Turn) -> list[Reply]:
    return [text_reply("help.text")]


@side_trip
async def show_privacy(turn: Turn) -> list[Reply]:
    return [text_reply("privacy.text")]


@side_trip
async def crisis_lines(turn: Turn) -> list[Reply]:
    return crisis.referral(turn.profile.region, crisis.Tone.ASKED)


@side_trip
async def choose_country(turn: Turn) -> list[Reply]:
    return [crisis.country_question()]


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
    return [text_reply("common.unknown_command"), *await carry_on(turn)]


async def checkin_now(turn: Turn) -> list[Reply]:
    return await checkin.begin_now(turn, FLOWS)


async def change_schedule(turn: Turn) -> list[Reply]:
    flow = active_flow(turn)
    busy = flow is not None and flow is not reminders.SCHEDULE
    return await reminders.change_schedule(turn, busy)


def choice_side_trip(handler: ChoiceHandler) -> ChoiceHandler:
    """A button answered without leaving the flow the client is in."""

    async def answer(turn: Turn, value: str) -> list[Reply]:
        return with_resume(turn, await handler(turn, value))

    return answer


def without_value(handler: Handler) -> ChoiceHandler:
    """A menu button that does what its command does."""

    async def answer(turn: Turn, value: str) -> list[Reply]:
        return await handler(turn)

    return answer


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
    "pause": side_trip(reminders.pause),
    "resume": side_trip(reminders.resume),
    "progress": side_trip(progress.show_progress),
    "summary": side_trip(progress.summary),
}

GLOBAL_CHOICES: dict[str, ChoiceHandler] = {
    "resume": without_value(carry_on),
    "restart": without_value(goal_setting.start),
    "goals": without_value(list_goals),
    "goal": open_goal,
    "newgoal": without_value(new_goal),
    "region": country_choice,
    "checkin": without_value(checkin.start),
    "checkins": choice_side_trip(reminders.pause_offer_choice),
    "goalstatus": choice_side_trip(checkin.change_status),
}
