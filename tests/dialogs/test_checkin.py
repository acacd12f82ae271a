"""The weekly check-in conversation, with a controlled clock, through the real turn handler."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from io import BytesIO

import pytest
from PIL import Image

from bot.charts import render_chart
from bot.storage.database import Database
from bot.storage.models import Checkin, CheckinEntry, Goal
from dialogs.clock import FixedClock
from tests.conversation import GOAL_SCRIPT, ScriptedClient, rows

MONDAY = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)


async def set_goal(client: ScriptedClient) -> None:
    """The goal of GOAL_SCRIPT: bus trips on my own, from 0 to 3 a week by 2 January 2027."""
    for action, value in GOAL_SCRIPT:
        await getattr(client, action)(value)


async def check_in(client: ScriptedClient, value: str, steps: str = "Yes") -> None:
    await client.command("/checkin")
    await client.say(value)
    await client.tap(steps)
    await client.tap("Skip")
    await client.tap("Skip")


@pytest.mark.asyncio
async def test_full_check_in_records_values_and_levels_in_the_clients_terms(
    client: ScriptedClient, clock: FixedClock, database: Database
) -> None:
    await set_goal(client)
    clock.set(MONDAY)
    await client.command("/checkin")
    assert "about how many bus trips on my own a week" in client.text
    await client.say("one")
    await client.tap("Yes")
    await client.say("my sister came along")
    await client.tap("Skip")

    assert "1 bus trips on my own a week this week" in client.text
    assert "already a change from the 0 you started at" in client.text
    assert "you did your first steps" in client.text
    [checkin] = await rows(database, Checkin)
    assert (checkin.week_of, checkin.helped, checkin.hindered) == (
        date(2026, 11, 23),
        "my sister came along",
        None,
    )
    [entry] = await rows(database, CheckinEntry)
    assert (entry.value, entry.level, entry.steps_done) == (1, -1, "yes")

    clock.set(MONDAY + timedelta(weeks=1))
    await check_in(client, "two", steps="Some of them")
    assert "a step your way from last week's 1" in client.text
    levels = [(e.value, e.level) for e in await rows(database, CheckinEntry)]
    assert levels == [(1, -1), (2, -1)]


@pytest.mark.asyncio
async def test_reaching_the_target_can_be_marked_achieved_with_the_path_shown(
    client: ScriptedClient, clock: FixedClock, database: Database
) -> None:
    await set_goal(client)
    clock.set(MONDAY)
    await check_in(client, "1")
    clock.set(MONDAY + timedelta(weeks=1))
    await check_in(client, "3x")
    assert "That's your target" in client.text
    await client.tap("Mark it achieved")

    assert "You did it" in client.text and "0 → 1 → 3" in client.text
    [goal] = await rows(database, Goal)
    assert goal.status == "achieved"
    assert [e.level for e in await rows(database, CheckinEntry)] == [-1, 0]


async def two_stuck_weeks(client: ScriptedClient, clock: FixedClock) -> None:
    """Nothing moves in weeks 3 and 4 of a 6-week goal: off track two check-ins running."""
    clock.set(MONDAY + timedelta(weeks=2))
    await check_in(client, "none", steps="Not this time")
    assert "adjust" not in client.text
    clock.set(MONDAY + timedelta(weeks=3))
    await check_in(client, "0", steps="Not this time")
    assert "hard to move for two weeks" in client.text


@pytest.mark.asyncio
async def test_off_track_two_weeks_running_offers_a_smaller_target(
    client: ScriptedClient, clock: FixedClock, database: Database
) -> None:
    await set_goal(client)
    await two_stuck_weeks(client, clock)
    await client.tap("A smaller target")
    await client.tap("Make it 2")

    assert "new target is 2" in client.text
    [goal] = await rows(database, Goal)
    assert (goal.target, goal.status) == (2, "active")


@pytest.mark.asyncio
async def test_adjusting_can_move_the_deadline_or_change_the_steps(
    client: ScriptedClient, clock: FixedClock, database: Database
) -> None:
    await set_goal(client)
    await two_stuck_weeks(client, clock)
    await client.tap("A later deadline")
    await client.tap("Saturday 16 January 2027")
    [goal] = await rows(database, Goal)
    assert goal.deadline == date(2027, 1, 16)

    clock.set(MONDAY + timedelta(weeks=4))
    await check_in(client, "0", steps="Not this time")
    await client.tap("Different first steps")
    await client.say("Sunday: walk to the bus stop and back")
    await client.tap("That's enough for this week")
    assert "those are your first steps now" in client.text
    await client.command("/checkin")
    await client.say("1")
    assert "walk to the bus stop" in client.text


@pytest.mark.asyncio
async def test_goals_can_be_paused_from_the_review_or_retired_from_their_card(
    client: ScriptedClient, clock: FixedClock, database: Database
) -> None:
    await set_goal(client)
    await two_stuck_weeks(client, clock)
    await client.tap("Pause this goal")
    [goal] = await rows(database, Goal)
    assert goal.status == "paused"
    await client.command("/checkin")
    assert "no active goal" in client.text

    await client.command("/goals")
    await client.tap("Take the bus")
    await client.tap("Let this goal go")
    [goal] = await rows(database, Goal)
    assert goal.status == "retired"


@pytest.mark.asyncio
async def test_a_check_in_mid_draft_keeps_the_draft_and_returns_to_it(
    client: ScriptedClient, clock: FixedClock
) -> None:
    await set_goal(client)
    await client.command("/newgoal")
    await client.tap("Sleep")
    await client.command("/checkin")
    assert "stays just as it is" in client.text
    await client.tap("Start the check-in")
    await check_in_answers(client)
    assert "still here" in client.text
    await client.tap("Back to where we were")
    assert "What kind of goal feels right?" in client.text


async def check_in_answers(client: ScriptedClient) -> None:
    await client.say("2")
    await client.tap("Yes")
    await client.tap("Skip")
    await client.tap("Skip")


@pytest.mark.asyncio
async def test_progress_chart_is_a_png_whose_data_matches_the_record(
    client: ScriptedClient, clock: FixedClock, database: Database
) -> None:
    await set_goal(client)
    for week, value in enumerate(("1", "2")):
        clock.set(MONDAY + timedelta(weeks=week))
        await check_in(client, value)
    replies = await client.command("/progress")

    [reply] = replies
    assert "Week of 23 Nov: 1 bus trips" in reply.text and "Week of 30 Nov: 2" in reply.text
    assert reply.chart is not None
    picture = render_chart(reply.chart)
    assert picture.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(BytesIO(picture))
    assert image.format == "PNG" and image.width > 400
    shown = json.loads(image.info["Description"])
    entries = await rows(database, CheckinEntry)
    checkins = {c.id: c.week_of.isoformat() for c in await rows(database, Checkin)}
    assert shown["values"] == [e.value for e in entries]
    assert shown["weeks"] == [checkins[e.checkin_id] for e in entries]
    assert (shown["baseline"], shown["target"], shown["deadline"]) == (0, 3, "2027-01-02")


@pytest.mark.asyncio
async def test_summary_for_the_therapist_covers_the_weeks_since_the_last_one(
    client: ScriptedClient, clock: FixedClock
) -> None:
    await set_goal(client)
    clock.set(MONDAY)
    await client.command("/checkin")
    await client.say("1")
    await client.tap("Yes")
    await client.say("my sister came along")
    await client.say("rain & <late> buses")
    await client.command("/summary")

    text = client.text
    assert "Since goals were first set" in text
    assert "23 Nov: 1" in text and "my sister came along" in text
    assert "rain &amp; &lt;late&gt; buses" in text
    # One goal at level -1: T = 50 - 10 / sqrt(1) = 40.
    assert "T-score: <b>40</b>" in text

    clock.set(MONDAY + timedelta(weeks=2))
    await check_in(client, "3")
    await client.tap("Keep going")
    await client.command("/summary")
    assert "Since the last summary on Monday 23 November 2026 (2 weeks)" in client.text
    assert "my sister" not in client.text and "T-score: <b>50</b>" in client.text


@pytest.mark.asyncio
async def test_pause_and_resume_check_ins(client: ScriptedClient, clock: FixedClock) -> None:
    await set_goal(client)
    await client.command("/pause")
    assert "paused" in client.text
    clock.set(MONDAY + timedelta(weeks=3, hours=1))
    await client.command("/resume")
    assert "Monday 21 December at 18:00" in client.text
    await client.command("/schedule")
    await client.tap("Change it")
    await client.tap("Friday")
    await client.tap("08:00")
    await client.say("New York")
    assert "Fridays at 08:00 (America/New_York)" in client.text
