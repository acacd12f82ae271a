"""Building spaCy matchers from the rule files, with ``@name`` word lists filled in."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher

from nlp.lexicon import word_set
from nlp.rules_data import load_jsonl


def _expand(value: Any) -> Any:
    """Replace every ``"@states"`` style reference with that sorted word list."""
    if isinstance(value, str) and value.startswith("@"):
        return sorted(word_set(value[1:]))
    if isinstance(value, dict):
        return {key: _expand(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_expand(item) for item in value]
    return value


def build_matchers(nlp: Language, rules_file: str) -> tuple[Matcher, PhraseMatcher]:
    """A token Matcher for ``pattern`` rules and a PhraseMatcher for ``phrases`` rules."""
    matcher = Matcher(nlp.vocab, validate=True)
    phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
    for rule in load_jsonl(rules_file):
        if "pattern" in rule:
            matcher.add(rule["id"], [_expand(rule["pattern"])])
        if "phrases" in rule:
            phrases.add(rule["id"], [nlp.make_doc(phrase) for phrase in rule["phrases"]])
    return matcher, phrases


def rules_by_id(rules_file: str) -> dict[str, dict[str, Any]]:
    """The rule entries of a file keyed by id (kind, exceptions)."""
    return {rule["id"]: rule for rule in load_jsonl(rules_file)}
