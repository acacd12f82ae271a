"""Text clean-up that keeps every character offset where it was."""

from __future__ import annotations

MAX_CHARS = 1000
"""Longest prefix analysed: phone messages past this are run-ons, and bounding keeps it fast."""

_SAME_WIDTH = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "–": "-", "—": "-"})


def bound(text: str) -> str:
    """The prefix of ``text`` that is analysed (never splits a surrogate-free str badly)."""
    return text[:MAX_CHARS]


def fold(text: str) -> str:
    """Lowercase with plain apostrophes and hyphens, one output character per input character.

    Offsets found in the folded text are valid in the original, which is what lets findings
    quote the client's own words exactly.
    """
    text = text.translate(_SAME_WIDTH)
    if text.isascii():  # the common case, and lower() cannot change an ASCII length
        return text.lower()
    return "".join(low if len(low := char.lower()) == 1 else char for char in text)
