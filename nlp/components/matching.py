"""Building spaCy matchers from the rule files, with ``@name`` word lists filled in."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from nlp.lexicon import word_set
from nlp.rules_data import load_jsonl

Match = tuple[str, int, int]  # rule id, start token, end token


def _expand(value: Any) -> Any:
    """Replace every ``"@states"`` style reference with that sorted word list."""
    if isinstance(value, str) and value.startswith("@"):
        return sorted(word_set(value[1:]))
    if isinstance(value, dict):
        return {key: _expand(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_expand(item) for item in value]
    return value


def _anchor(pattern: list[dict[str, Any]]) -> tuple[str, frozenset[str]] | None:
    """The smallest word set one required token must come from, to skip hopeless rules."""
    best: tuple[str, frozenset[str]] | None = None
    for spec in pattern:
        if spec.get("OP") in ("?", "*"):
            continue
        for attr in ("LOWER", "LEMMA"):
            value = spec.get(attr)
            words = value.get("IN") if isinstance(value, dict) else [value] if value else None
            if words and (best is None or len(words) < len(best[1])):
                best = (attr, frozenset(words))
    return best


class RuleMatcher:
    """All rules of one file: token patterns and phrase lists.

    spaCy's Matcher checks "IN" lists in Python for every token, so each pattern gets a
    matcher of its own and runs only when the doc holds a word its anchor token needs.
    """

    def __init__(self, nlp: Language, rules_file: str) -> None:
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.gated: list[tuple[str, frozenset[str] | None, Matcher]] = []
        for rule in load_jsonl(rules_file):
            if "phrases" in rule:
                texts = _expand(rule["phrases"])  # a list, or "@name" for a lexicon list
                self.phrases.add(rule["id"], [nlp.make_doc(text) for text in texts])
            if "pattern" in rule:
                pattern = _expand(rule["pattern"])
                matcher = Matcher(nlp.vocab, validate=True)
                matcher.add(rule["id"], [pattern])
                anchor = _anchor(pattern)
                self.gated.append((anchor[0] if anchor else "", anchor and anchor[1], matcher))

    def __call__(self, doc: Doc) -> list[Match]:
        strings = doc.vocab.strings
        found = [(strings[key], start, end) for key, start, end in self.phrases(doc)]
        words = {"LOWER": {t.lower_ for t in doc}, "LEMMA": {t.lemma_ for t in doc}}
        for attr, anchor, matcher in self.gated:
            if anchor is None or not anchor.isdisjoint(words[attr]):
                found += [(strings[key], start, end) for key, start, end in matcher(doc)]
        return found
