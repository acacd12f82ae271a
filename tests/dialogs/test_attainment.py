"""Goal Attainment Scaling levels and the Kiresuk-Sherman T-score, against hand-computed values."""

from __future__ import annotations

import math

import pytest

from dialogs.attainment import level, progress, t_score


@pytest.mark.parametrize(
    ("value", "expected"),
    # More bus trips: baseline 1, target 3, so the distance is 2 and +2 starts at 5.
    [(0, -2), (1, -1), (2, -1), (2.9, -1), (3, 0), (4, 1), (4.9, 1), (5, 2), (9, 2)],
)
def test_levels_of_a_goal_to_do_more(value: float, expected: int) -> None:
    assert level(1, 3, value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    # Fewer panic attacks: baseline 5, target 3; +1 below 3, +2 at 1 or fewer.
    [(6, -2), (5, -1), (4, -1), (3, 0), (2, 1), (1.5, 1), (1, 2), (0, 2)],
)
def test_levels_of_a_goal_to_do_less(value: float, expected: int) -> None:
    assert level(5, 3, value) == expected


def test_a_goal_to_hold_steady_is_on_target_only_at_its_value() -> None:
    assert (level(7, 7, 7), level(7, 7, 6), level(7, 7, 8)) == (0, -1, -1)


def test_fractional_measures_hit_the_target_exactly() -> None:
    assert level(0.1, 0.3, 0.1 + 0.2) == 0


def test_progress_runs_from_baseline_to_target_either_way() -> None:
    assert progress(0, 4, 1) == 0.25
    assert progress(5, 1, 3) == 0.5
    assert progress(2, 2, 2) is None


def test_t_score_hand_computed() -> None:
    assert t_score([]) is None
    assert t_score([0]) == 50
    # n = 1: the denominator is sqrt(0.7 + 0.3) = 1.
    assert t_score([1]) == pytest.approx(60)
    assert t_score([-2]) == pytest.approx(30)
    # n = 2, Σx = 2: sqrt(0.7·2 + 0.3·4) = sqrt(2.6) = 1.61245; 50 + 20 / 1.61245 = 62.4035.
    assert t_score([1, 1]) == pytest.approx(62.4035, abs=1e-4)
    # n = 3, Σx = -2: sqrt(2.1 + 2.7) = sqrt(4.8) = 2.19089; 50 - 20 / 2.19089 = 40.8712.
    assert t_score([-1, -1, 0]) == pytest.approx(40.8712, abs=1e-4)
    assert t_score([-1, 0, 1]) == 50
    assert t_score([2, 2, 2, 2], rho=0) == pytest.approx(50 + 80 / math.sqrt(4))
