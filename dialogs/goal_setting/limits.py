"""The bounds of the goal-setting conversation, in one place."""

from __future__ import annotations

from datetime import timedelta

FLOW = "goal_setting"
MAX_MOTIVES = 5
MAX_STEPS = 3
MAX_UNIT_TEXT = 60
CONFIDENT_ENOUGH = 7
REVIEW_AFTER = timedelta(days=90)
KINDS = ("behavioural", "emotional", "cognitive")
HORIZONS = ("short", "long")
PERIODS = ("day", "week")
