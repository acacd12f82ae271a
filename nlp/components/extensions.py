"""Custom attributes where the components leave their findings (``doc._.vague`` etc.)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

_DOC_DEFAULTS: dict[str, object] = {
    "today": None,  # datetime.date the deadline is counted from; set before the pipeline runs
    "theme": None,  # the client's focus theme, for fitted suggestions
    "quantities": (),  # tuple[Quantity, ...]
    "deadlines": (),  # tuple[DeadlineMatch, ...]
    "vague": (),  # tuple[Finding, ...]: vague feelings, improvement verbs, hedges, deadlines
    "warnings": (),  # tuple[Finding, ...]: achievability
    "heads": (),  # tuple[Head, ...]: the verbs the goal is built on
    "avoidance": None,  # Finding | None
    "action": None,  # str | None
    "specific": False,
    # One flag per token, True where a verb would go: after "to", "will", "I", "and", a
    # comma, or at the start. A tuple on the Doc is far cheaper than a Token attribute.
    "slots": (),
}


def register() -> None:
    """Add the attributes once per process (spaCy keeps them globally on the classes)."""
    for name, default in _DOC_DEFAULTS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Span.has_extension("finding"):
        Span.set_extension("finding", default=None)


register()
