"""The words a client reads about a finding, filled in from ``rules/messages.json``."""

from __future__ import annotations

from nlp.findings import THEMES, Finding
from nlp.rules_data import load_json


def theme_key(theme: str | None) -> str:
    """A theme with wording of its own; unknown or missing themes read as "other"."""
    return theme if theme in THEMES else "other"


def make_finding(
    kind: str, key: str, original: str, start: int, end: int, theme: str | None
) -> Finding:
    """A finding for ``original[start:end]``, worded for ``kind`` (or the phrase ``key``)."""
    data = load_json("messages.json")
    wording = data["phrases"].get(key) or data["kinds"][kind]
    text = original[start:end]
    fields = {"text": text.strip(), **data["themes"][theme_key(theme)]}
    return Finding(
        kind=kind,
        text=text,
        start=start,
        end=end,
        reason=wording["reason"].format(**fields),
        suggestion=wording["suggestion"].format(**fields),
    )
