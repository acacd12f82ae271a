"""Shared helpers for the analyzer tests: a fixed "today" and a shortcut to the report."""

from __future__ import annotations

from datetime import date

import pytest

from nlp import SmartReport, analyze_goal

SATURDAY = date(2026, 11, 21)


def report(text: str, theme: str | None = None, today: date = SATURDAY) -> SmartReport:
    return analyze_goal(text, today=today, theme=theme)


def flagged(text: str, theme: str | None = None) -> list[str]:
    """The vague phrases flagged in ``text``, lowercased."""
    return [finding.text.lower() for finding in report(text, theme).vague_phrases]


@pytest.fixture
def today() -> date:
    return SATURDAY
