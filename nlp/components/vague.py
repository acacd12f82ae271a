"""Component: vague wording (feelings, improvement verbs, hedges, open deadlines)."""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from nlp.components import extensions  # noqa: F401  (registers the attributes)
from nlp.components.matching import RuleMatcher
from nlp.lexicon import word_set
from nlp.messages import make_finding
from nlp.rules_data import load_jsonl

# Where two flags cover the same words, the more telling kind names them.
_PRIORITY = ("vague_feeling", "vague_improvement", "vague_deadline", "hedge")

_DANGLING = frozenset({"my", "our", "the", "his", "her", "their", "your", "this", "that"})
Hit = tuple[int, int, str, str]  # start char, end char, kind, rule id


def choose(hits: list[Hit]) -> list[Hit]:
    """Longest first, then by kind priority; drop anything overlapping a kept hit."""
    ordered = sorted(hits, key=lambda hit: (hit[0] - hit[1], _PRIORITY.index(hit[2]), hit[0]))
    kept: list[Hit] = []
    for hit in ordered:
        if all(hit[1] <= other[0] or hit[0] >= other[1] for other in kept):
            kept.append(hit)
    return sorted(kept)


def _excepted(doc: Doc, start: int, end: int, rule: dict[str, Any]) -> bool:
    """The rule's own exceptions: "more than 3" is a number, not a hedge."""
    following = doc[end].lower_ if end < len(doc) else ""
    preceding = doc[start - 1] if start > 0 else None
    unless_prev = rule.get("unless_prev", ())
    if preceding is not None and (
        preceding.lower_ in unless_prev or ("@number" in unless_prev and preceding.like_num)
    ):
        return True
    if following in rule.get("unless_next", ()):
        return True
    # Checked after the whole match and after its head ("work on" in "work on time").
    ends = {end, min(end, start + rule["head"])} if "head" in rule else {end}
    for after in ends:
        rest = doc[after : after + 3].text.lower()
        if any(rest.startswith(words) for words in rule.get("unless_followed_by", ())):
            return True
    return False


_BY = re.compile(r"\s+by\s+")


def _measured(doc: Doc, start: int, end: int) -> bool:
    """A comparative with its amount: right after a quantity ("fifteen minutes earlier",
    "an hour less") or followed by "by" and one ("earlier by 15 minutes")."""
    text = doc.text
    for quantity in doc._.quantities:
        if quantity.end <= start and not text[quantity.end : start].strip():
            return True
        if quantity.start >= end and _BY.fullmatch(text, end, quantity.start):
            return True
    return False


def _looks_adjective(lower: str, states: frozenset[str], endings: tuple[str, ...]) -> bool:
    """A state word the lexicon knows, or a word shaped like an adjective ("forgetful")."""
    return lower in states or (len(lower) > 3 and lower.endswith(endings))


class VagueFinder:
    """Flags vague wording with the rules in ``rules_file``; fills ``doc._.vague``."""

    def __init__(self, nlp: Language, rules_file: str) -> None:
        self.matcher = RuleMatcher(nlp, rules_file)
        self.rules = {rule["id"]: rule for rule in load_jsonl(rules_file)}
        self.states = word_set("states") | word_set("ideals")
        self.endings = tuple(sorted(word_set("adjective_endings")))
        self.subordinators = word_set("subordinators")
        self.relative_heads = word_set("relative_heads")
        self.breaks = word_set("clause_breaks") - self.subordinators - {"that", "which"}
        self.phrase_ends = word_set("function_words") | word_set("clause_breaks")

    def __call__(self, doc: Doc) -> Doc:
        hits = self._rule_hits(doc) + [
            (match.start, match.end, "vague_deadline", "vague_deadline")
            for match in doc._.deadlines
            if match.vague
        ]
        measured = [(q.start, q.end) for q in doc._.quantities] + [
            (match.start, match.end) for match in doc._.deadlines if not match.vague
        ]
        hits = [hit for hit in hits if all(hit[1] <= s or hit[0] >= e for s, e in measured)]
        text, theme = doc.text, doc._.theme  # doc.text is rebuilt on every access
        findings = [
            make_finding(kind, key, text, start, end, theme)
            for start, end, kind, key in choose(hits)
        ]
        doc._.vague = tuple(findings)
        spans = []
        for finding in findings:
            span = doc.char_span(finding.start, finding.end, finding.kind, alignment_mode="expand")
            if span is not None:
                span._.finding = finding
                spans.append(span)
        doc.spans["vague"] = spans
        return doc

    def _rule_hits(self, doc: Doc) -> list[Hit]:
        hits: list[Hit] = []
        for rule_id, start, end in self.matcher(doc):
            rule = self.rules[rule_id]
            if "adjective_at" in rule:
                word = doc[end + rule["adjective_at"]].lower_
                if not _looks_adjective(word, self.states, self.endings):
                    continue
            if "pairs" in rule and not self._paired(doc, end, rule["pairs"]):
                continue  # "worn out" and "fed up" are states; "worked out" is not
            while end - start > 1 and doc[end - 1].lower_ in _DANGLING:
                end -= 1  # "get on top of my": the optional object never came
            if _excepted(doc, start, end, rule):
                continue
            if rule.get("ends_phrase") and not self._phrase_ends(doc, end):
                continue  # "study harder" is vague, "take longer walks" names the walks
            if rule.get("verb_slot") and not doc._.slots[start]:
                continue  # "leave work earlier": "work" is the place, not the verb
            if rule["kind"] != "hedge" and self._not_the_goal(doc, start):
                continue
            keep = rule.get("keep")
            span = doc[start : start + keep] if keep else doc[start:end]
            if rule.get("measured_by") and _measured(doc, span.start_char, span.end_char):
                continue  # "15 minutes earlier", "run faster by 30 seconds": a measured change
            wording = rule.get("message", rule["id"])
            hits.append((span.start_char, span.end_char, rule["kind"], wording))
        return hits

    @staticmethod
    def _paired(doc: Doc, end: int, pairs: str) -> bool:
        """The match ends in a word and its particle that the ``pairs`` list names together
        ("stressed-out" reads as "stressed out")."""
        head = end - 3 if end >= 3 and doc[end - 2].text == "-" else end - 2
        return head >= 0 and f"{doc[head].lower_} {doc[end - 1].lower_}" in word_set(pairs)

    def _phrase_ends(self, doc: Doc, end: int) -> bool:
        """Nothing but punctuation or a function word follows: no noun for it to describe."""
        return end >= len(doc) or doc[end].is_punct or doc[end].lower_ in self.phrase_ends

    def _not_the_goal(self, doc: Doc, start: int) -> bool:
        """A state in a condition or a relative clause describes, it is not wished for:
        "ask for help when I'm stuck", "write down 3 things I did well"."""
        before = [token.lower_ for token in doc[max(0, start - 4) : start]]
        for offset, word in enumerate(reversed(before)):
            if word in self.subordinators:
                return True
            if word in self.breaks or doc[start - offset - 1].is_punct:
                break
        subject = 2 if before[-1:] in (["'m"], ["m"], ["am"]) else 1
        if len(before) > subject and before[-subject] in ("i", "im", "i'm"):
            return before[-subject - 1] in self.relative_heads
        return False


@Language.factory("waypoint_vague", default_config={"rules_file": "vague.jsonl"})
def make_vague(nlp: Language, name: str, rules_file: str) -> VagueFinder:
    return VagueFinder(nlp, rules_file)
