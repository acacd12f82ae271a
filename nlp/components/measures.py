"""Component: deadlines and quantities, as ``doc._.deadlines`` and ``doc._.quantities``."""

from __future__ import annotations

import re
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.components import extensions  # noqa: F401  (registers the attributes)
from nlp.deadlines import DeadlineMatch, find_deadlines
from nlp.findings import Quantity
from nlp.lexicon import word_set
from nlp.quantities import find_quantities

# "for the next 90 days", "for a month", "for the rest of the year": a counted period, which
# starts after these words ("for March" or "for Friday" names a date, not a length).
_FOR_PERIOD = re.compile(
    r"for\s+(?:the\s+)?(?:next\s+|coming\s+|following\s+)?"
    r"(?=\d|an?\s|rest\s|[a-z-]+\s+(?:day|week|fortnight|month|year)s?\b)",
    re.IGNORECASE,
)
_STATE_VERBS = frozenset({"be", "stay", "keep", "go", "remain", "get"})


class MeasureFinder:
    """Finds time expressions first, so "March 1" or "in 6 weeks" is not read as a count."""

    def __init__(self) -> None:
        self.cues = word_set("abstinence_cues") | word_set("removal_verbs")
        self.cue_states = word_set("abstinence_states")
        self.breaks = word_set("clause_breaks")

    def __call__(self, doc: Doc) -> Doc:
        today, text = doc._.today or date.today(), doc.text  # doc.text is rebuilt on access
        deadlines = find_deadlines(text, today)
        dated = [(match.start, match.end) for match in deadlines if match.deadline is not None]
        doc._.deadlines = deadlines
        found = find_quantities(text, blocked=dated)
        periods = [self._days_without(doc, text, match, today) for match in deadlines]
        doc._.quantities = tuple(
            sorted(found + tuple(q for q in periods if q), key=lambda q: q.start)
        )
        doc.spans["deadlines"] = _spans(doc, dated, "DEADLINE")
        spans = [(quantity.start, quantity.end) for quantity in doc._.quantities]
        doc.spans["quantities"] = _spans(doc, spans, "QUANTITY")
        return doc

    def _days_without(
        self, doc: Doc, text: str, match: DeadlineMatch, today: date
    ) -> Quantity | None:
        """ "stay sober for the next 90 days": the days gone without can be counted."""
        lead = _FOR_PERIOD.match(text, match.start, match.end)
        if match.deadline is None or lead is None or not self._abstains(doc, match.start):
            return None
        days = float((match.deadline - today).days)
        return Quantity(days, "days", None, text[lead.end() : match.end], lead.end(), match.end)

    def _abstains(self, doc: Doc, start_char: int) -> bool:
        """Something is gone without in the clause before ``start_char``: "delete instagram",
        "no alcohol", "stay off social media"."""
        state_word = False  # "off", "clean", "dry": abstinence after "stay", "go", "be"
        for token in reversed([token for token in doc if token.idx < start_char]):
            if token.lower_ in self.breaks and not (token.text == "-" and not token.whitespace_):
                return False  # a hyphen inside a word ("smoke-free") breaks nothing
            if token.lemma_ in self.cues or token.lower_ in self.cues:
                return True
            state_word = state_word or token.lower_ in self.cue_states
            if state_word and token.lemma_ in _STATE_VERBS:
                return True
        return False


def _spans(doc: Doc, ranges: list[tuple[int, int]], label: str) -> list[Span]:
    spans = (
        doc.char_span(start, end, label=label, alignment_mode="expand") for start, end in ranges
    )
    return [span for span in spans if span is not None]


@Language.factory("waypoint_measures")
def make_measures(nlp: Language, name: str) -> MeasureFinder:
    return MeasureFinder()
