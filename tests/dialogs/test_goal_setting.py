"""The goal-setting conversation, driven as a client would, on a real SQLite database."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.storage.database import Database
from bot.storage.models import ActionStep, CheckinSchedule, Goal, Motive
from dialogs.replies import Inbound
from tests.conversation import GOAL_SCRIPT, ScriptedClient, rows

pytestmark = pytest.mark.asyncio


async def play(client: ScriptedClient, script: tuple[tuple[str, str], ...]) -> None:
    for action, value in script:
        if action == "tap":
            await client.tap(value)
        elif action == "say":
            await client.say(value)
        else:
            await client.command(value)


async def test_whole_conversation_saves_goal_measure_deadline_and_schedule(
    client: ScriptedClient, database: Database
) -> None:
    await play(client, GOAL_SCRIPT)

    assert "All set" in client.text
    assert "Monday 23 November at 18:00" in client.text
    [goal] = await rows(database, Goal)
    assert goal.theme == "anxiety" and goal.kind == "behavioural" and goal.horizon == "short"
    assert goal.statement == "Take the bus to work on my own 3 times a week within 6 weeks"
    assert (goal.unit, goal.frequency, goal.baseline, goal.target) == (
        "bus trips on my own",
        "week",
        0,
        3,
    )
    assert goal.deadline == date(2027, 1, 2)
    assert goal.why == "so I can get to work without dreading it"
    assert goal.confidence == 8 and goal.status == "active"
    [step] = await rows(database, ActionStep)
    assert step.text == "Monday: take the bus one stop with my sister"
    [motive] = await rows(database, Motive)
    assert "bus" in motive.text
    [schedule] = await rows(database, CheckinSchedule)
    assert (schedule.weekday, schedule.local_time, schedule.timezone) == (
        0,
        "18:00",
        "Europe/London",
    )
    assert schedule.next_due_at == datetime(2026, 11, 23, 18, 0, tzinfo=UTC)


async def test_vague_draft_is_quoted_with_a_concrete_suggestion(client: ScriptedClient) -> None:
    await play(client, GOAL_SCRIPT[:7])
    await client.say("I want to feel better and be less anxious")

    assert "“be less anxious”" in client.text
    assert "Measurable" in client.text and "⬜" in client.text
    assert client.offers("Keep my wording")
    assert not client.offers("Looks right, go on")


async def test_keeping_vague_wording_says_what_cannot_be_tracked(client: ScriptedClient) -> None:
    await play(client, GOAL_SCRIPT[:7])
    await client.say("feel better")
    await client.tap("Keep my wording")

    assert "it's your goal" in client.text
    assert "Without a number" in client.text
    assert "what will you count" in client.text


async def test_back_returns_to_the_previous_question_with_answers_kept(
    client: ScriptedClient,
) -> None:
    await play(client, GOAL_SCRIPT[:6])
    await client.tap("⬅ Back")
    assert "What kind of goal" in client.text
    await client.command("/back")
    assert "Which area would you like to focus on?" in client.text
    await client.tap("Anxiety and panic")
    assert "What kind of goal" in client.text


async def test_stale_button_changes_nothing(client: ScriptedClient) -> None:
    await play(client, GOAL_SCRIPT[:5])
    stale = client.option("What I do")
    await client.tap("What I do")
    await client.send(Inbound.choice(stale.value))
    assert "earlier message" in client.text
    assert "short-term step" in client.text


async def test_cancel_keeps_saved_goals(client: ScriptedClient, database: Database) -> None:
    await play(client, GOAL_SCRIPT)
    await client.command("/newgoal")
    await client.tap("Low mood")
    await client.command("/cancel")

    assert "Stopped" in client.text
    assert len(await rows(database, Goal)) == 1


async def test_goals_lists_and_opens_a_saved_goal(client: ScriptedClient) -> None:
    await play(client, GOAL_SCRIPT)
    await client.command("/goals")
    assert "Take the bus to work" in client.text
    await client.tap("Take the bus")
    assert "bus trips on my own" in client.text
    assert "Saturday 2 January 2027" in client.text


async def test_second_goal_keeps_the_existing_check_in(
    client: ScriptedClient, database: Database
) -> None:
    await play(client, GOAL_SCRIPT)
    await client.command("/newgoal")
    assert "Which area" in client.text or "focus" in client.text
    await play(client, GOAL_SCRIPT[4:21])
    assert "Keep it" in [option.label for option in client.options]
    await client.tap("Keep it")
    assert len(await rows(database, Goal)) == 2
    assert len(await rows(database, CheckinSchedule)) == 1


async def test_low_confidence_offers_a_smaller_first_version(client: ScriptedClient) -> None:
    await play(client, GOAL_SCRIPT[:17])
    await client.tap("4")
    assert "smaller" in client.text.lower() or "Starting smaller" in client.text
    await client.tap("Make it 2 for now")
    await play(client, GOAL_SCRIPT[18:20])
    assert "from 0 bus trips on my own a week now to 2 bus trips on my own a week" in client.text


async def test_summary_change_returns_to_the_card(client: ScriptedClient) -> None:
    await play(client, GOAL_SCRIPT[:20])
    await client.tap("Change something")
    await client.tap("Why it matters")
    await client.say("so I feel free again")
    assert "Here's your goal" in client.text
    assert "so I feel free again" in client.text


async def test_unexpected_text_says_what_the_bot_is_waiting_for(client: ScriptedClient) -> None:
    await play(client, GOAL_SCRIPT[:5])
    await client.say("hmm not sure")
    assert "I'm waiting for" in client.text
    assert client.offers("What I do")


async def test_client_text_is_escaped_in_replies(client: ScriptedClient) -> None:
    await play(client, GOAL_SCRIPT[:2])
    await client.say("I want <b>less</b> fear & more calm")
    assert "&lt;b&gt;less&lt;/b&gt;" in client.text
    assert "&amp;" in client.text


async def test_crisis_language_brings_lines_and_keeps_the_step(client: ScriptedClient) -> None:
    await play(client, GOAL_SCRIPT[:5])
    await client.say("honestly I just want to die")
    assert "988" in client.text
    await client.tap("Back to where we were")
    assert client.offers("What I do")


async def test_schedule_time_written_as_text(client: ScriptedClient, database: Database) -> None:
    await play(client, GOAL_SCRIPT[:22])
    await client.say("7.30pm")
    await client.say("new york")
    [schedule] = await rows(database, CheckinSchedule)
    assert (schedule.local_time, schedule.timezone) == ("19:30", "America/New_York")
    assert schedule.next_due_at == datetime(2026, 11, 24, 0, 30, tzinfo=UTC)
