"""The project's spaCy components; importing this package registers their factories."""

from nlp.components import achievability, actions, lexicon, measures, vague

__all__ = ["achievability", "actions", "lexicon", "measures", "vague"]
