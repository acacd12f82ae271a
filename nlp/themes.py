"""Guessing the focus theme from what a client says they want to change."""

from __future__ import annotations

import re
from functools import cache

from nlp.findings import THEMES
from nlp.normalize import MAX_CHARS, fold
from nlp.rules_data import load_json


@cache
def _cues() -> tuple[re.Pattern[str], dict[str, list[tuple[str, int]]]]:
    """One pattern for every cue in ``rules/themes.json``, and what each cue points to."""
    data = load_json("themes.json")
    points: dict[str, list[tuple[str, int]]] = {}
    for theme in THEMES:
        for weight, cues in data.get(theme, {}).items():
            for cue in cues:
                points.setdefault(cue, []).append((theme, int(weight)))
    alternation = "|".join(re.escape(cue) for cue in sorted(points, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alternation})"), points


def theme_scores(text: str) -> dict[str, int]:
    """How strongly the text points to each theme (cue weights added up)."""
    pattern, points = _cues()
    scores = dict.fromkeys(THEMES, 0)
    for found in pattern.finditer(fold(text[:MAX_CHARS])):
        for theme, weight in points[found.group()]:
            scores[theme] += weight
    return scores


def suggest_theme(text: str) -> str | None:
    """The most likely theme for the client's motives; None when nothing points anywhere.

    Ties go to the theme listed first in ``THEMES``, so the answer is deterministic.
    """
    scores = theme_scores(text)
    best = max(THEMES, key=lambda theme: scores[theme])
    return best if scores[best] > 0 else None
