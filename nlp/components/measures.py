"""Component: deadlines and quantities, as ``doc._.deadlines`` and ``doc._.quantities``."""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.components import extensions  # noqa: F401  (registers the attributes)
from nlp.deadlines import find_deadlines
from nlp.quantities import find_quantities


class MeasureFinder:
    """Finds time expressions first, so "March 1" or "in 6 weeks" is not read as a count."""

    def __call__(self, doc: Doc) -> Doc:
        today = doc._.today or date.today()
        deadlines = find_deadlines(doc.text, today)
        dated = [(match.start, match.end) for match in deadlines if match.deadline is not None]
        doc._.deadlines = deadlines
        doc._.quantities = find_quantities(doc.text, blocked=dated)
        doc.spans["deadlines"] = _spans(doc, dated, "DEADLINE")
        found = [(quantity.start, quantity.end) for quantity in doc._.quantities]
        doc.spans["quantities"] = _spans(doc, found, "QUANTITY")
        return doc


def _spans(doc: Doc, ranges: list[tuple[int, int]], label: str) -> list[Span]:
    spans = (
        doc.char_span(start, end, label=label, alignment_mode="expand") for start, end in ranges
    )
    return [span for span in spans if span is not None]


@Language.factory("waypoint_measures")
def make_measures(nlp: Language, name: str) -> MeasureFinder:
    return MeasureFinder()
