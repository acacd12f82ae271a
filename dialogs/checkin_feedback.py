"""What a check-in says back: the client's own numbers, small wins named, no praise, no blame."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from dialogs import attainment
from dialogs.formatting import amount, number
from dialogs.records import CheckinRecord, SavedGoal
from dialogs.wording import Html, say

# Behind the straight line from baseline to target by more than this share: off track.
OFF_TRACK_MARGIN = 0.25
PATH_LENGTH = 12


@dataclass(frozen=True)
class Point:
    """One week's value of one goal."""

    week_of: date
    value: float
    steps_done: str | None = None


def week_of(day: date) -> date:
    """The Monday of the week `day` falls in; a check-in belongs to one week."""
    return day - timedelta(days=day.weekday())


def history(goal_id: int, checkins: Sequence[CheckinRecord]) -> list[Point]:
    """The goal's weekly values, oldest first."""
    return [
        Point(checkin.week_of, answer.value, answer.steps_done)
        for checkin in checkins
        for answer in checkin.answers
        if answer.goal_id == goal_id
    ]


def off_track(goal: SavedGoal, value: float, on: date) -> bool:
    """Worse than the start, or well behind the straight line from baseline to target."""
    share = attainment.progress(goal.baseline, goal.target, value)
    if share is None:
        return attainment.level(goal.baseline, goal.target, value) < 0
    start = goal.created_at.date()
    span = max((goal.deadline - start).days, 1)
    expected = min(max((on - start).days / span, 0.0), 1.0)
    return share < 0 or share < expected - OFF_TRACK_MARGIN


def reached(goal: SavedGoal, value: float) -> bool:
    """At or past a target that asks for change (holding steady is never "done")."""
    moving = attainment.direction(goal.baseline, goal.target) != 0
    return moving and attainment.level(goal.baseline, goal.target, value) >= 0


def needs_review(goal: SavedGoal, now: Point, earlier: Sequence[Point]) -> bool:
    """Reached, or off track two check-ins running: worth a word with the client."""
    if reached(goal, now.value):
        return True
    if not earlier:
        return False
    before = earlier[-1]
    return off_track(goal, now.value, now.week_of) and off_track(goal, before.value, before.week_of)


def measured(goal: SavedGoal, value: float) -> Html:
    return amount(value, goal.unit, goal.per)


def compared(goal: SavedGoal, now: Point, earlier: Sequence[Point]) -> Html:
    """How this week stands against the target, last week or the start, in the goal's own terms."""
    level = attainment.level(goal.baseline, goal.target, now.value)
    if level > 0 and attainment.direction(goal.baseline, goal.target) != 0:
        return say("checkin.beyond_target")
    if level == 0:
        return say("checkin.at_target")
    way = attainment.direction(goal.baseline, goal.target)
    if earlier:
        previous = earlier[-1].value
        change = (now.value - previous) * way
        if change > 0:
            return say("checkin.better_than_last", previous=number(previous))
        if change == 0:
            return say("checkin.same_as_last")
        return say("checkin.unlike_last", previous=number(previous))
    if (now.value - goal.baseline) * way > 0:
        return say("checkin.better_than_start", baseline=number(goal.baseline))
    return say("checkin.first_week")


def goal_feedback(goal: SavedGoal, now: Point, earlier: Sequence[Point]) -> Html:
    parts = [
        say(
            "checkin.result",
            statement=goal.statement,
            value=measured(goal, now.value),
            baseline=number(goal.baseline),
            target=number(goal.target),
        ),
        compared(goal, now, earlier),
    ]
    if now.steps_done in ("yes", "some"):
        parts.append(say(f"checkin.steps_{now.steps_done}_named"))
    return Html(f"{parts[0]}\n{' '.join(parts[1:])}")


def path(goal: SavedGoal, points: Sequence[Point]) -> str:
    """ "0 → 1 → 3": from the baseline through the latest weeks."""
    values = [goal.baseline, *(point.value for point in points[-PATH_LENGTH:])]
    return " → ".join(number(value) for value in values)


def celebration(goal: SavedGoal, points: Sequence[Point]) -> Html:
    latest = points[-1].value if points else goal.target
    return say(
        "checkin.achieved",
        statement=goal.statement,
        baseline=measured(goal, goal.baseline),
        latest=measured(goal, latest),
        path=path(goal, points),
        weeks=len(points),
    )
