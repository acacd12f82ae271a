"""The goal-setting conversation: from broad motives to one saved SMART goal and a check-in time."""

from __future__ import annotations

from dialogs import checkin_time
from dialogs.flow import Flow, Turn, text_reply
from dialogs.goal_setting.commitment import Confidence, FirstSteps, Smaller, Why
from dialogs.goal_setting.deadline import Deadline, DeadlineConfirm
from dialogs.goal_setting.draft import Draft
from dialogs.goal_setting.focus import Horizon, Kind, Motives, Theme, ThemeOther
from dialogs.goal_setting.limits import FLOW, MAX_STEPS
from dialogs.goal_setting.measure import Baseline, Per, Target, Unit
from dialogs.goal_setting.summary import Change, Summary
from dialogs.replies import Reply

__all__ = ["GOAL_SETTING", "MAX_STEPS", "start"]

GOAL_SETTING = Flow(
    FLOW,
    [
        Motives(),
        Theme(),
        ThemeOther(),
        Kind(),
        Horizon(),
        Draft(),
        Unit(),
        Per(),
        Baseline(),
        Target(),
        Deadline(),
        DeadlineConfirm(),
        Why(),
        Confidence(),
        Smaller(),
        FirstSteps(),
        Summary(),
        Change(),
        *checkin_time.STEPS,
    ],
    summary_step="summary",
)


async def start(turn: Turn) -> list[Reply]:
    """Begin a new goal; motives come first only the first time, later goals start at the theme."""
    turn.state.clear()
    has_goals = bool(await turn.records.goals())
    intro = [text_reply("goal.intro_again" if has_goals else "goal.intro")]
    return await GOAL_SETTING.begin(turn, "theme" if has_goals else "motives", intro)
