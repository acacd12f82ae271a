"""Plain result types shared by the analyzer's modules and the dialogs."""

from __future__ import annotations

from dataclasses import dataclass

THEMES: tuple[str, ...] = (
    "anxiety",
    "low_mood",
    "relationships",
    "self_esteem",
    "stress",
    "sleep",
    "habits",
    "work_school",
    "grief",
    "other",
)


@dataclass(frozen=True)
class Finding:
    """One flagged span: ``text == original[start:end]``, with words for the client."""

    kind: str
    text: str
    start: int
    end: int
    reason: str
    suggestion: str


VaguePhrase = Finding


@dataclass(frozen=True)
class Quantity:
    """A number with what it counts and how often, e.g. 3 times per week."""

    value: float
    unit: str | None
    per: str | None
    text: str
    start: int
    end: int
