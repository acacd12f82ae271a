"""Echoing the client's words back in the second person: "I want…" becomes "you want…"."""

from __future__ import annotations

import re

from nlp.normalize import MAX_CHARS

_SWAPS = {
    "i'm": "you're", "im": "you're", "i am": "you are", "i've": "you've", "ive": "you've",
    "i'll": "you'll", "i'd": "you'd", "i was": "you were", "i": "you", "me": "you",
    "my": "your", "mine": "yours", "myself": "yourself", "am": "are",
}  # fmt: skip
_WORD = re.compile(
    r"(?<![\w'’])(?:i\s+am|i\s+was|i['’]m|i['’]ve|i['’]ll|i['’]d|im|ive|i|me|my|mine|myself)"
    r"(?![\w'’])",
    re.IGNORECASE,
)
_TRAILING = re.compile(r"[\s.!?,;:…]+$")


def _swap(found: re.Match[str]) -> str:
    key = " ".join(found.group().lower().replace("’", "'").split())
    return _SWAPS[key]


def reflect(text: str) -> str:
    """The client's words with "I/me/my" turned to "you/your"; the rest kept verbatim."""
    return _TRAILING.sub("", _WORD.sub(_swap, text[:MAX_CHARS].strip()))
