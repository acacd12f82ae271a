"""Component: lemmas for the verbs the rules know, and where a verb could stand."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from nlp.components import extensions  # noqa: F401  (registers the attributes)
from nlp.lexicon import chat_forms, lemma_table, word_set


class LexiconTagger:
    """Sets ``token.lemma_`` from the project lexicon, and ``doc._.slots``.

    With a trained pipeline its lemmas are kept for words the lexicon does not know, so
    rules behave the same with or without one.
    """

    def __init__(self) -> None:
        self.lemmas = lemma_table()
        self.chat_forms = chat_forms()
        self.markers = word_set("slot_markers") | word_set("clause_breaks")
        self.adverbs = word_set("adverbs")
        self.intent = word_set("intent_verbs") | word_set("removal_verbs")

    def __call__(self, doc: Doc) -> Doc:
        previous: str | None = None  # lower form of the last non-adverb token
        previous_lemma: str | None = None
        slots = []
        for token in doc:
            lower = token.lower_
            lemma = self._chat_lemma(token) or self.lemmas.get(lower) or token.lemma_ or lower
            token.lemma_ = lemma
            slots.append(
                previous is None or previous in self.markers or previous_lemma in self.intent
            )
            if lower not in self.adverbs:
                previous, previous_lemma = lower, lemma
        doc._.slots = tuple(slots)
        return doc

    def _chat_lemma(self, token: Token) -> str | None:
        """ "b less anxious": the chat spelling's verb, when the next word fits that verb."""
        form = self.chat_forms.get(token.lower_)
        if form is None or token.i + 1 >= len(token.doc):
            return None
        lemma, before = form
        return lemma if token.doc[token.i + 1].lower_ in before else None


@Language.factory("waypoint_lexicon")
def make_lexicon(nlp: Language, name: str) -> LexiconTagger:
    return LexiconTagger()
