"""Goal Attainment Scaling, derived from a goal's own baseline and target (no extra questions).

Five levels, whichever way the goal points (more of something, or less of it):
  -2  worse than the baseline
  -1  at the baseline, or part of the way to the target
   0  the target
  +1  past the target, by less than the baseline-to-target distance
  +2  past the target by that distance or more
A goal to hold steady (target equal to baseline) is 0 at its value and -1 away from it.

Across goals, the Kiresuk-Sherman T-score with equal weights and an inter-goal correlation of
0.3: T = 50 + 10·Σx / sqrt((1 − ρ)·n + ρ·n²). 50 means "as expected" on average.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

RHO = 0.3
LEVELS = (-2, -1, 0, 1, 2)
TOLERANCE = 1e-9


def direction(baseline: float, target: float) -> int:
    """+1 when the goal is to have more, -1 for less, 0 to hold steady."""
    return (target > baseline) - (target < baseline)


def level(baseline: float, target: float, value: float) -> int:
    """The attainment level of `value` on this goal's scale."""
    way = direction(baseline, target)
    if way == 0:
        return 0 if math.isclose(value, target, abs_tol=TOLERANCE) else -1
    span = (target - baseline) * way
    gain = (value - baseline) * way
    if gain < -TOLERANCE:
        return -2
    if gain < span - TOLERANCE:
        return -1
    if gain <= span + TOLERANCE:
        return 0
    return 1 if gain < 2 * span - TOLERANCE else 2


def progress(baseline: float, target: float, value: float) -> float | None:
    """How far from baseline to target `value` is: 0 at baseline, 1 at target; None if steady."""
    if direction(baseline, target) == 0:
        return None
    return (value - baseline) / (target - baseline)


def t_score(levels: Sequence[int], rho: float = RHO) -> float | None:
    """The Kiresuk-Sherman T-score of one level per goal, equal weights; None without goals."""
    n = len(levels)
    if n == 0:
        return None
    return 50 + 10 * sum(levels) / math.sqrt((1 - rho) * n + rho * n * n)
