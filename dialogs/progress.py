"""/progress (a chart plus the same in words) and /summary (one screen for the therapist)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from dialogs import attainment
from dialogs.checkin_feedback import Point, history
from dialogs.flow import Turn, text_reply
from dialogs.formatting import amount, day, number
from dialogs.records import CheckinRecord, SavedGoal
from dialogs.replies import Chart, Reply
from dialogs.wording import Html, say

# A summary asked for again within this time covers the same weeks (e.g. sent to a second person).
SAME_SUMMARY_WITHIN = timedelta(days=1)
NOTES_SHOWN = 6


def short_day(value: date) -> str:
    """ "23 Nov"."""
    return f"{value.day} {value:%b}"


def chart(goal: SavedGoal, points: Sequence[Point]) -> Chart:
    return Chart(
        title=goal.statement,
        measure_label=f"{goal.unit} {plain('per.' + goal.per)}",
        weeks=tuple(point.week_of for point in points),
        values=tuple(point.value for point in points),
        baseline=goal.baseline,
        target=goal.target,
        start=goal.created_at.date(),
        deadline=goal.deadline,
        baseline_label=plain("progress.chart_baseline"),
        target_label=plain("progress.chart_target"),
        deadline_label=plain("progress.chart_deadline"),
        values_label=plain("progress.chart_values"),
    )


def plain(key: str) -> str:
    """A catalog sentence for drawing on a picture, where no HTML applies."""
    return str(say(key))


def weekly_values(goal: SavedGoal, points: Sequence[Point]) -> Html:
    return Html(
        "\n".join(
            say(
                "progress.week_line",
                week=short_day(p.week_of),
                value=amount(p.value, goal.unit, goal.per),
            )
            for p in points
        )
    )


def goal_progress(goal: SavedGoal, points: Sequence[Point]) -> Reply:
    text = say(
        "progress.goal",
        statement=goal.statement,
        baseline=amount(goal.baseline, goal.unit, goal.per),
        target=amount(goal.target, goal.unit, goal.per),
        deadline=day(goal.deadline),
        weeks=weekly_values(goal, points),
    )
    return Reply(text, chart=chart(goal, points))


async def show_progress(turn: Turn) -> list[Reply]:
    goals = [goal for goal in await turn.records.goals() if goal.status != "retired"]
    checkins = await turn.records.checkins()
    shown = [(goal, history(goal.id, checkins)) for goal in goals]
    replies = [goal_progress(goal, points) for goal, points in shown if points]
    if replies:
        return replies
    key = "progress.no_goals" if not goals else "progress.no_checkins"
    return [text_reply(key)]


def level_words(level: int) -> Html:
    return say(f"summary.level_{level}".replace("-", "minus_"))


def notes(checkins: Sequence[CheckinRecord], which: str) -> Html:
    lines = [
        say("summary.note", week=short_day(c.week_of), note=getattr(c, which))
        for c in checkins
        if getattr(c, which)
    ]
    return Html("\n".join(lines[-NOTES_SHOWN:])) if lines else say("summary.none")


def goal_summary(goal: SavedGoal, points: Sequence[Point]) -> tuple[Html, int | None]:
    """The goal's lines, and its latest attainment level in the period (None without a value)."""
    latest = points[-1] if points else None
    level = None if latest is None else attainment.level(goal.baseline, goal.target, latest.value)
    values = " · ".join(f"{short_day(p.week_of)}: {number(p.value)}" for p in points)
    steps = sum(p.steps_done in ("yes", "some") for p in points)
    text = say(
        "summary.goal",
        statement=goal.statement,
        status=say(f"status.{goal.status}"),
        baseline=amount(goal.baseline, goal.unit, goal.per),
        target=amount(goal.target, goal.unit, goal.per),
        deadline=day(goal.deadline),
        values=values or say("summary.none"),
        steps=say("summary.steps", done=steps, weeks=len(points)),
        level=say("summary.no_level") if level is None else level_words(level),
    )
    return text, level


async def summary(turn: Turn) -> list[Reply]:
    """Everything since the last summary, on one screen the client can forward."""
    now = turn.clock.now()
    since = await turn.records.last_summary(before=now - SAME_SUMMARY_WITHIN)
    checkins = await turn.records.checkins(since)
    goals = [goal for goal in await turn.records.goals() if goal.status != "retired"]
    if not goals:
        return [text_reply("progress.no_goals")]
    parts = [goal_summary(goal, history(goal.id, checkins)) for goal in goals]
    levels = [level for _, level in parts if level is not None]
    score = attainment.t_score(levels)
    period = (
        say("summary.since", date=day(since.date()), weeks=(now - since).days // 7)
        if since
        else say("summary.since_start")
    )
    text = say(
        "summary.text",
        date=day(turn.today),
        period=period,
        checkins=len(checkins),
        goals=Html("\n\n".join(text for text, _ in parts)),
        helped=notes(checkins, "helped"),
        hindered=notes(checkins, "hindered"),
        score=say("summary.no_score")
        if score is None
        else say("summary.score", score=f"{score:.0f}"),
    )
    await turn.records.add_summary()
    return [Reply(text)]
