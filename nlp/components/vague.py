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

# "I'm", "im", "I am", "we're": the present of "be" after its first-person subject.
_PRESENT_BE = {
    "i": frozenset({"'m", "m", "am", "’m"}),
    "we": frozenset({"'re", "re", "are", "’re"}),
}
_SUBJECT_AND_BE = frozenset({"im", "iam"})
_WISHES = frozenset({"want", "wanna", "wants", "need", "needs", "hope", "wish", "aim", "plan"})
_CLIENT = frozenset({"i", "we"})
_DANGLING = frozenset({"my", "our", "the", "his", "her", "their", "your", "this", "that"})
_AGAIN = frozenset({"again"})
# "that's loads", "it's a lot", "this is a bit much": a comment on the goal, not its amount.
_COMMENT_LEADS = frozenset({"that", "it", "this", "which"})
_COMMENT_VERBS = frozenset({"'s", "’s", "s", "is", "was", "sounds", "seems", "feels"})
_COMMENT_WORDS = frozenset({"thats", "its", "tht's", "thts"})
# "a call that I'd normally avoid": the client's habit in a relative clause, not a hedge.
_RELATIVE_LEADS = frozenset({"that", "which", "who", "what"})
# "I've felt flat", "I was so stressed": a state in the past tense tells how things have been.
_PAST_STATE_VERBS = frozenset({"felt", "was", "were", "been", "became", "seemed"})
_SUBJECT_AUX = frozenset({"'d", "’d", "d", "would", "'ll", "will", "ll"})
Hit = tuple[int, int, str, str]  # start char, end char, kind, rule id
Rule = dict[str, Any]  # a line of vague.jsonl


def choose(hits: list[Hit]) -> list[Hit]:
    """Longest first, then by kind priority; drop anything overlapping a kept hit."""
    ordered = sorted(hits, key=lambda hit: (hit[0] - hit[1], _PRIORITY.index(hit[2]), hit[0]))
    kept: list[Hit] = []
    for hit in ordered:
        if all(hit[1] <= other[0] or hit[0] >= other[1] for other in kept):
            kept.append(hit)
    return sorted(kept)


def _excepted(doc: Doc, start: int, end: int, rule: Rule) -> bool:
    """The rule's own exceptions: "more than 3" is a number, not a hedge."""
    following = doc[end].lower_ if end < len(doc) else ""
    preceding = doc[start - 1] if start > 0 else None
    unless_prev = rule.get("unless_prev", ())
    if preceding is not None and (
        preceding.lower_ in unless_prev or ("@number" in unless_prev and preceding.like_num)
    ):
        return True
    if following in rule.get("unless_next", ()) and not _open_comparison(doc, end):
        return True
    # Checked after the whole match and after its head ("work on" in "work on time").
    ends = {end, min(end, start + rule["head"])} if "head" in rule else {end}
    for after in ends:
        rest = doc[after : after + 3].text.lower()
        if any(rest.startswith(words) for words in rule.get("unless_followed_by", ())):
            return True
    return False


def _open_comparison(doc: Doc, end: int) -> bool:
    """ "more early than now", "more often than usual": "than" compares with how things are,
    not with an amount, so the comparative stays as vague as without it."""
    return (
        end + 1 < len(doc)
        and doc[end].lower_ == "than"
        and doc[end + 1].lower_ in word_set("open_baselines")
    )


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


# "working on it for 30 minutes", "work on the jigsaw 1 hour a day": a few words, no new clause.
_UP_TO_A_DURATION = re.compile(r"(?:\s+(?!(?:and|but|then|or|so|n)(?![\w']))[\w'-]+){0,3}\s+")
_DURATIONS = frozenset({"minutes", "hours"})


def _timed(doc: Doc, end: int) -> bool:
    """A duration follows within a few words: the time given to it is the measure."""
    text = doc.text
    return any(
        quantity.unit in _DURATIONS and _UP_TO_A_DURATION.fullmatch(text, end, quantity.start)
        for quantity in doc._.quantities
        if quantity.start >= end
    )


def _trim_end(doc: Doc, start: int, end: int, words: frozenset[str]) -> int:
    """The end once closing ``words`` are dropped: a word left dangling ("get on top of my"
    when the optional object never came), a closing "again" ("feel normal again")."""
    while end - start > 1 and doc[end - 1].lower_ in words:
        end -= 1
    return end


def _hyphen_tail(doc: Doc, end: int) -> int:
    """The end taking in the rest of a hyphenated word the tokenizer split: "self" + "-belief"
    is "self-belief"."""
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
    ):
        end += 2
    return end


def _self_compound(doc: Doc, end: int) -> int:
    """The end taking in the second half of a "self" compound written as two words: "self
    respect" is "self-respect", "self esteem" is "self-esteem"."""
    if (
        end < len(doc)
        and doc[end - 1].lower_ == "self"
        and doc[end].lower_ in word_set("self_compound_tails")
    ):
        return end + 1
    return end


def _comment(doc: Doc, start: int) -> bool:
    """The words follow "that's", "it's", "this is": the client comments on the goal."""
    before = doc[start - 1].lower_ if start > 0 else ""
    if before in _COMMENT_WORDS:
        return True
    lead = doc[start - 2].lower_ if start > 1 else ""
    return before in _COMMENT_VERBS and lead in _COMMENT_LEADS


def _after_a_list(doc: Doc, start: int) -> bool:
    """ "(dentist, bank etc)": "etc" closing examples the client gave says which."""
    return any(token.text == "," for token in doc[max(0, start - 4) : start])


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
        self.intensifiers = word_set("intensifiers") | {"a"}
        self.adverbs = self.intensifiers | word_set("adverbs")
        self.not_nouns = self.phrase_ends | self.adverbs
        self.hedge_objects = word_set("hedge_objects")
        self.determiners = word_set("possessives")
        self.qualifiers = word_set("object_qualifiers")
        self.inner_topics = word_set("inner_topics")
        self.towards_leads = word_set("towards_leads")
        self.client_self = word_set("towards_self")

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
        described: list[tuple[int, int]] = []  # states that describe, not wish for
        for rule_id, first, last in self.matcher(doc):
            rule = self.rules[rule_id]
            placed = self._placed(doc, rule, first, last)
            if placed is None or self._ruled_out(doc, rule, *placed):
                continue
            start, end = placed
            if self._describes(doc, rule, start):
                described.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1])))
            elif (hit := self._hit(doc, rule, start, end)) is not None:
                hits.append(hit)
        # "im a bit tired": a hedge inside a state that only describes goes with it
        return [
            hit
            for hit in hits
            if hit[2] != "hedge" or not any(s <= hit[0] and hit[1] <= e for s, e in described)
        ]

    def _placed(self, doc: Doc, rule: Rule, start: int, end: int) -> tuple[int, int] | None:
        """The match once the rule's shape tests pass, without a word left dangling."""
        if "after_verb" in rule:
            start = self._verb_before(doc, start, rule["after_verb"])
            if start < 0:
                return None  # "be on time" is not listed; "sit on edge" has no state verb
        if "adjective_at" in rule:
            word = doc[end + rule["adjective_at"]].lower_
            if not _looks_adjective(word, self.states, self.endings):
                return None
        if "pairs" in rule and not self._paired(doc, end, rule["pairs"]):
            return None  # "worn out" and "fed up" are states; "worked out" is not
        trimmed = _trim_end(doc, start, end, _DANGLING)
        if trimmed < end and rule.get("drop_dangling"):
            return None  # "look after my wife": the object is someone else, not the client
        end = _self_compound(doc, _hyphen_tail(doc, trimmed))
        return start, _trim_end(doc, start, end, _AGAIN)

    def _ruled_out(self, doc: Doc, rule: Rule, start: int, end: int) -> bool:
        """Context that makes the wording concrete, or flagged some other way."""
        if rule.get("hedge_object") and self._hedge_object(doc, start, end):
            return True  # "figure stuff out": the object is a hedge, flagged on its own
        if rule.get("ends_phrase") and not self._phrase_ends(doc, end):
            return True  # "study harder" is vague, "take longer walks" names the walks
        if rule.get("verb_slot") and not doc._.slots[start]:
            return True  # "leave work earlier": "work" is the place, not the verb
        return self._aside(doc, rule, start) or _excepted(doc, start, end, rule)

    def _aside(self, doc: Doc, rule: Rule, start: int) -> bool:
        """Words beside the goal: a comment on it ("i guess thats loads"), the end of a list
        of examples ("dentist, bank etc"), a habit in a relative clause ("that I'd normally
        avoid")."""
        if rule.get("unless_comment") and _comment(doc, start):
            return True
        if rule.get("unless_listed") and _after_a_list(doc, start):
            return True
        return bool(rule.get("habit")) and self._habit(doc, start)

    def _habit(self, doc: Doc, start: int) -> bool:
        """ "a call that I'd normally avoid", "the people I usually avoid": a frequency word
        right after "I"/"we" (and "'d", "will") in a relative clause says what the client
        does now."""
        subject = start - 1
        if subject >= 0 and doc[subject].lower_ in _SUBJECT_AUX:
            subject -= 1
        if subject < 1 or doc[subject].lower_ not in ("i", "we", "i'd", "id"):
            return False
        lead = doc[subject - 1]
        if lead.lower_ in _RELATIVE_LEADS or lead.lower_ in self.relative_heads:
            return True
        # "the people I usually avoid": a noun before the subject heads the clause
        return lead.is_alpha and lead.lower_ not in self.not_nouns

    def _describes(self, doc: Doc, rule: Rule, start: int) -> bool:
        """A state that says how things are, not what the client wants."""
        in_a_clause = rule["kind"] != "hedge" and self._not_the_goal(doc, start)
        is_state = rule["kind"] == "vague_feeling" or bool(rule.get("state"))
        if rule["kind"] == "vague_improvement" and self._as_i_do(doc, start):
            return True  # "I look after my wife": what the client does now, not a goal
        if is_state and doc[start].lower_ in _PAST_STATE_VERBS:
            return True  # "Since the baby came I've felt flat"
        return in_a_clause or (is_state and self._as_i_am(doc, start))  # "ugh im exhausted"

    def _hit(self, doc: Doc, rule: Rule, start: int, end: int) -> Hit | None:
        if rule["kind"] == "vague_feeling" or rule.get("towards"):
            end = self._towards(doc, end)  # "be more patient with myself"
        keep = rule.get("keep")
        span = doc[start : start + keep] if keep else doc[start:end]
        if rule.get("measured_by") and _measured(doc, span.start_char, span.end_char):
            return None  # "15 minutes earlier", "run faster by 30 seconds": a measured change
        if self._timed_task(doc, rule, start, end):
            return None  # "working on it for 30 minutes": no abstract object, a set time
        wording: str = rule["message"] if "message" in rule else rule["id"]
        return span.start_char, span.end_char, rule["kind"], wording

    @staticmethod
    def _timed_task(doc: Doc, rule: Rule, start: int, end: int) -> bool:
        """ "work on it for 30 minutes a day": the verb alone, without a state or abstract
        object, with the time it is given right after."""
        bare = rule.get("timed_when_bare") and end - start <= rule["head"]
        return bool(bare) and _timed(doc, doc[end - 1].idx + len(doc[end - 1]))

    def _towards(self, doc: Doc, end: int) -> int:
        """Whom a feeling is towards is part of it when that is the client: "be more patient
        with myself", as "be kinder to myself". Not what it is about ("feel good about myself"),
        nor a named person ("be more patient" in "be more patient with her"), as the corpus
        labels them."""
        if end + 1 >= len(doc) or doc[end].lower_ not in self.towards_leads:
            return end
        return end + 2 if doc[end + 1].lower_ in self.client_self else end

    def _hedge_object(self, doc: Doc, start: int, end: int) -> bool:
        """The verb's object is a bare hedge word: "figure stuff out", "deal with things".
        Not "sort my stuff out" (an idiom, like "sort my life out"), nor a hedge that says
        which: "sort out stuff in the house", "work things out with my sister"."""
        for index in range(start + 1, end):
            if doc[index].lower_ not in self.hedge_objects:
                continue
            if doc[index - 1].lower_ in self.determiners:
                return False
            after = index + 1
            while after < len(doc) and doc[after].lower_ in ("out", "up"):
                after += 1
            return after >= len(doc) or not self._says_which(doc, after)
        return False

    def _says_which(self, doc: Doc, after: int) -> bool:
        """What follows a hedge object tells which it is: "stuff in the house", "things with
        my sister". Not "with" and an inner topic: "figure things out with my faith" leaves
        the things as open as "figure things out"."""
        word = doc[after].lower_
        if word != "with":
            return word in self.qualifiers
        topic = after + 1
        if topic < len(doc) and doc[topic].lower_ in self.determiners:
            topic += 1
        return topic >= len(doc) or doc[topic].lower_ not in self.inner_topics

    def _verb_before(self, doc: Doc, start: int, verbs: str) -> int:
        """Where the state verb of a phrase state starts ("feeling so on edge"), or -1."""
        before = start - 1
        while before >= 0 and doc[before].lower_ in self.intensifiers:
            before -= 1
        return before if before >= 0 and doc[before].lemma_ in word_set(verbs[1:]) else -1

    @staticmethod
    def _paired(doc: Doc, end: int, pairs: str) -> bool:
        """The match ends in a word and its particle that the ``pairs`` list names together
        ("stressed-out" reads as "stressed out")."""
        head = end - 3 if end >= 3 and doc[end - 2].text == "-" else end - 2
        return head >= 0 and f"{doc[head].lower_} {doc[end - 1].lower_}" in word_set(pairs)

    def _phrase_ends(self, doc: Doc, end: int) -> bool:
        """Nothing but punctuation or a function word follows: no noun for it to describe."""
        return end >= len(doc) or doc[end].is_punct or doc[end].lower_ in self.phrase_ends

    def _as_i_am(self, doc: Doc, start: int) -> bool:
        """The state is said of the client as they are now: "im exhausted", "I'm so stressed",
        "i am tired all the time", "I'm feeling low". A state wished for has its own verb
        ("I want to be less stressed", "I'm going to be more patient")."""
        be = start
        if not self._present_be(doc, be):
            be = start - 1
            while be >= 0 and doc[be].lower_ in self.adverbs:
                be -= 1  # "I'm always so tired", "I am really not ..."
        return be >= 0 and self._present_be(doc, be)

    def _as_i_do(self, doc: Doc, start: int) -> bool:
        """A present-tense verb right after "I" or "we" (an adverb between at most) says what
        the client does now: "I look after my wife", "we really work on it". A goal has its
        own verb of wanting or a modal ("I need to cope better", "I'll work on my temper")."""
        verb = doc[start]
        if verb.lower_ != verb.lemma_:
            return False  # "I managed", "I'm dealing": not the present simple
        subject = start - 1
        if subject >= 0 and doc[subject].lower_ in self.adverbs:
            subject -= 1
        if subject < 0 or doc[subject].lower_ not in _CLIENT:
            return False
        before = doc[subject - 1] if subject > 0 else None
        return before is None or before.is_punct or before.lower_ in ("and", "but")

    @staticmethod
    def _present_be(doc: Doc, index: int) -> bool:
        """ "'m" after "I", "are" after "we", or "im" written as one word."""
        word = doc[index].lower_
        if word in _SUBJECT_AND_BE:
            return True
        subject = doc[index - 1].lower_ if index > 0 else ""
        return word in _PRESENT_BE.get(subject, ())

    def _not_the_goal(self, doc: Doc, start: int) -> bool:
        """A state in a condition or a relative clause describes, it is not wished for:
        "ask for help when I'm stuck", "write down 3 things I did well"."""
        before = [token.lower_ for token in doc[max(0, start - 4) : start]]
        for offset, word in enumerate(reversed(before)):
            if word in _WISHES:
                break  # "because I want to feel less cut off": the state is wished for
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
