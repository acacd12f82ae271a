"""Component: warnings that a goal may be hard to keep (all-or-nothing words, big jumps,
several goals in one)."""

from __future__ import annotations

import re
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from nlp.components import extensions  # noqa: F401  (registers the attributes)
from nlp.components.actions import Head
from nlp.components.matching import RuleMatcher
from nlp.deadlines import goal_deadline
from nlp.findings import Quantity
from nlp.lexicon import word_set
from nlp.messages import make_finding

_CHANGE_BETWEEN = re.compile(
    r"^\s*(?:\S+\s+){0,3}?(?:down\s+|up\s+)?to\s+(?:[a-z]+ing\s+|doing\s+\S+\s+)?$"
)
# "from 3 panic attacks a week to none": a change to nothing, with no number to find.
_TO_NOTHING = re.compile(
    r"\s*(?:(?:\S+\s+){0,3}?)(?:down\s+)?to\s+(?:none|nothing|nil|zilch)(?![\w])"
)
_SLEEP_WORDS = re.compile(r"sleep|bed|rest|nap", re.IGNORECASE)
_MINUTES = {"minutes": 1.0, "hours": 60.0}
Hit = tuple[int, int, str, str]  # start char, end char, kind, wording key


class AchievabilityChecker:
    """Fills ``doc._.warnings``; needs the measures and actions components before it."""

    def __init__(self, nlp: Language, rules_file: str, max_daily_minutes: int) -> None:
        self.matcher = RuleMatcher(nlp, rules_file)
        self.max_daily_minutes = max_daily_minutes
        self.coordinators = word_set("coordinators")
        self.sequencers = word_set("sequencers")

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # rebuilt by spaCy on every access, so read once
        hits = self._absolutes(doc) + self._jumps(doc, text) + self._heavy(doc, text)
        hits += self._several_goals(doc)
        doc._.warnings = tuple(
            make_finding(kind, key, text, start, end, doc._.theme)
            for start, end, kind, key in sorted(hits)
        )
        return doc

    def _absolutes(self, doc: Doc) -> list[Hit]:
        hits = sorted({(s, e) for _, s, e in self.matcher(doc)}, key=lambda hit: (hit[0], -hit[1]))
        found: list[Hit] = []
        last_end = -1
        for start, end in hits:
            if start >= last_end:
                span = doc[start:end]
                found.append((span.start_char, span.end_char, "all_or_nothing", "all_or_nothing"))
                last_end = end
        return found

    def _jumps(self, doc: Doc, text: str) -> list[Hit]:
        """ "from 10 to 0 in a week": a change too big for the time given."""
        quantities: tuple[Quantity, ...] = doc._.quantities
        deadline = goal_deadline(doc._.deadlines)
        today: date = doc._.today or date.today()
        days = (deadline - today).days if deadline else None
        found: list[Hit] = []
        for first, second in zip(quantities, quantities[1:], strict=False):
            between = text[first.end : second.start].lower()
            if _after_from(text, first) and _CHANGE_BETWEEN.match(between):
                if _too_big(first.value, second.value, days):
                    found.append((first.start, second.end, "big_jump", "big_jump"))
        for quantity in quantities:
            nothing = _TO_NOTHING.match(text.lower(), quantity.end)
            if nothing and _after_from(text, quantity) and _too_big(quantity.value, 0, days):
                found.append((quantity.start, nothing.end(), "big_jump", "big_jump"))
        return found

    def _heavy(self, doc: Doc, text: str) -> list[Hit]:
        """Hours a day that would be hard to find (sleep is the exception)."""
        found: list[Hit] = []
        for quantity in doc._.quantities:
            if _after_from(text, quantity):
                continue  # "from 8 hours a day to 1": where the client starts, not the goal
            minutes = quantity.value * _MINUTES.get(quantity.unit or "", 0.0)
            if quantity.per == "day" and minutes > self.max_daily_minutes:
                if not _SLEEP_WORDS.search(text):
                    found.append((quantity.start, quantity.end, "big_jump", "heavy_daily"))
        return found

    def _several_goals(self, doc: Doc) -> list[Hit]:
        """Two or more goals joined by "and" or commas (not a sequence like "and then")."""
        heads: tuple[Head, ...] = doc._.heads
        goals: list[Head] = []
        for head in heads:
            if head.governed and goals and goals[-1].clause == head.clause:
                continue  # "stop smoking": one goal, not two
            if goals and goals[-1].clause == head.clause:
                continue
            if goals and not self._coordinated(doc, goals[-1], head):
                continue
            goals.append(head)
        if len(goals) < 2 or (len(goals) == 2 and not _distinct(doc, goals)):
            return []
        start = doc[goals[0].index].idx
        return [(start, _clause_end(doc, goals[-1].index), "several_goals", "several_goals")]

    def _coordinated(self, doc: Doc, earlier: Head, later: Head) -> bool:
        words = [t.lower_ for t in doc[earlier.index + 1 : later.index]]
        joined = any(word in self.coordinators for word in words)
        return joined and not any(word in self.sequencers for word in words)


def _after_from(text: str, quantity: Quantity) -> bool:
    return text[: quantity.start].lower().rstrip().endswith("from")


def _too_big(start: float, target: float, days: int | None) -> bool:
    if target == 0:
        return start >= 5 or (days is not None and days <= 14 and start >= 2)
    if start == 0:
        return target >= 5 and (days is None or days <= 28)
    ratio = max(start, target) / min(start, target)
    return ratio >= 4 or (days is not None and days <= 14 and ratio >= 2)


def _distinct(doc: Doc, goals: list[Head]) -> bool:
    """Two goals are really two when they differ in kind or each has its own measure."""
    first, second = goals
    if (first.role == "action") != (second.role == "action"):
        return True
    boundary = doc[second.index].idx
    quantities: tuple[Quantity, ...] = doc._.quantities
    own_first = any(q.start < boundary for q in quantities)
    own_second = any(q.start >= boundary for q in quantities)
    return own_first and own_second or first.role != "action"


def _clause_end(doc: Doc, index: int) -> int:
    end = doc[index]
    for token in doc[index:]:
        if token.is_punct and token.text in ".!?;":
            break
        end = token
    return end.idx + len(end.text)


@Language.factory(
    "waypoint_achievability",
    default_config={"rules_file": "achievability.jsonl", "max_daily_minutes": 180},
)
def make_achievability(
    nlp: Language, name: str, rules_file: str, max_daily_minutes: int
) -> AchievabilityChecker:
    return AchievabilityChecker(nlp, rules_file, max_daily_minutes)
