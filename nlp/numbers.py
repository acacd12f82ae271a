"""Numbers written the way people type them: "3", "three", "twice", "a couple", "2-3"."""

from __future__ import annotations

import re

from nlp.normalize import fold

_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SPECIAL = {
    "once": 1, "twice": 2, "thrice": 3, "half": 0.5, "a half": 0.5, "quarter": 0.25,
    "a quarter": 0.25, "couple": 2, "a couple": 2, "a couple of": 2, "a pair of": 2,
    "dozen": 12, "a dozen": 12, "a hundred": 100, "hundred": 100, "a thousand": 1000,
}  # fmt: skip
# Words that answer "how many?" with nothing; only trusted as a whole short answer.
_ZERO_WORDS = ("none", "no", "never", "nothing", "nil", "not once", "not at all")
_UNSURE = ("no idea", "no clue", "not sure", "no sure", "nothing to say")

_DIGITS = r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+"
_WORD = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(list(_ONES)[1:10]) + r"))?"
    r"|" + "|".join(sorted(_ONES, key=len, reverse=True)) + r")"
)
_SPECIAL_RE = "|".join(re.escape(key) for key in sorted(_SPECIAL, key=len, reverse=True))
_WORDS = rf"(?:(?:{_WORD}|{_SPECIAL_RE})(?![\w]))"

NUMBER = (
    rf"(?<![\w.])(?:{_DIGITS}|{_WORDS})"
    rf"(?:(?:\s*-\s*|\s+(?:to|or)\s+)(?:{_DIGITS}|{_WORD}(?![\w])))?"
    r"(?:\s+and\s+a\s+half\b)?"
)
"""A regex (no capture groups) for one number or range; ``number_value`` reads a match."""

_NUMBER_RE = re.compile(NUMBER)
# A hyphen between digits is a range ("2-3"); between words it may spell one ("twenty-five").
_RANGE_SPLIT = re.compile(r"(?<=\d)\s*-\s*|\s+-\s*|\s*-\s+|(?<=[a-z])-(?=\d)|\s+(?:to|or)\s+")


def _single_value(word: str) -> float | None:
    word = word.strip()
    if word in _SPECIAL:
        return float(_SPECIAL[word])
    if word in _ONES:
        return float(_ONES[word])
    tens, _, ones = word.replace("-", " ").partition(" ")
    if tens in _TENS:
        return float(_TENS[tens] + _ONES.get(ones, 0))
    try:
        return float(word.replace(",", ""))
    except ValueError:
        return None


def number_value(matched: str) -> float | None:
    """Value of text matched by ``NUMBER``.

    A range ("2-3", "two or three") counts as its low end: that is the amount the client
    has committed to at least, and it keeps counts whole.
    """
    matched = fold(matched).strip()
    extra = 0.5 if matched.endswith("and a half") else 0.0
    matched = matched.removesuffix("and a half").strip()
    low = _RANGE_SPLIT.split(matched, maxsplit=1)[0]
    value = _single_value(low)
    if value is None:  # "two-three": the hyphen was a range after all
        value = _single_value(low.split("-", 1)[0])
    return None if value is None else value + extra


def parse_number(text: str) -> float | None:
    """The first number in ``text``; "none"/"no"/"never"/"zero" alone give 0; else None."""
    folded = fold(text)
    found = _NUMBER_RE.search(folded)
    if found is not None:
        return number_value(found.group())
    answer = folded.strip(" \t\n.!?,;:")
    if answer.startswith(_UNSURE):
        return None
    if any(answer == word or answer.startswith(word + " ") for word in _ZERO_WORDS):
        return 0.0
    return None
