"""The SMART report: what a goal statement says, and what it leaves vague."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from nlp.deadlines import goal_deadline
from nlp.findings import Finding, Quantity
from nlp.normalize import bound
from nlp.pipeline import get_pipeline
from nlp.themes import suggest_theme


@dataclass(frozen=True)
class SmartReport:
    """The analysis of one goal statement; offsets refer to the text as given."""

    text: str
    specific: bool
    measurable: bool
    time_bound: bool
    achievable: bool
    deadline: date | None
    vague_phrases: tuple[Finding, ...]
    achievability_warnings: tuple[Finding, ...]
    avoidance: Finding | None
    quantities: tuple[Quantity, ...]
    action: str | None

    @property
    def is_smart(self) -> bool:
        """Specific, measurable and time-bound, with nothing left vague."""
        return self.specific and self.measurable and self.time_bound and not self.vague_phrases


def analyze_goal(text: str, today: date | None = None, theme: str | None = None) -> SmartReport:
    """Analyse a goal statement; ``today`` anchors relative deadlines ("in 6 weeks")."""
    doc = analyze_doc(text, today, theme)
    return report_from_doc(doc)


def analyze_doc(
    text: str, today: date | None = None, theme: str | None = None, nlp: Language | None = None
) -> Doc:
    """Run the pipeline (default: the configured one) on the bounded text; findings on ``doc._``."""
    nlp = nlp or get_pipeline()
    bounded = bound(text)
    doc = nlp.make_doc(bounded)
    doc._.today = today or date.today()
    doc._.theme = theme or suggest_theme(bounded)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def report_from_doc(doc: Doc) -> SmartReport:
    """Gather the components' findings into a report."""
    deadline = goal_deadline(doc._.deadlines)
    warnings: tuple[Finding, ...] = doc._.warnings
    return SmartReport(
        text=doc.text,
        specific=bool(doc._.specific),
        measurable=bool(doc._.quantities),
        time_bound=deadline is not None,
        achievable=not warnings,
        deadline=deadline,
        vague_phrases=doc._.vague,
        achievability_warnings=warnings,
        avoidance=doc._.avoidance,
        quantities=doc._.quantities,
        action=doc._.action,
    )
