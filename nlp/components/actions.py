"""Component: the verbs a goal is built on, whether it names a concrete action, and
whether it only removes something (avoidance framing)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from nlp.components import extensions  # noqa: F401  (registers the attributes)
from nlp.findings import Finding
from nlp.lexicon import word_set
from nlp.messages import make_finding

# Words after which a word that is not in the lexicon is still taken to be a verb.
_STRONG_MARKERS = frozenset(
    {"to", "will", "'ll", "ll", "gonna", "na", "wanna", "should", "must", "can", "could", "would"}
)
_NEGATIONS = frozenset({"not", "n't", "never", "dont", "don't", "nt", "no"})
_REDUCERS = frozenset({"less", "fewer"})
# Complements that leave a concrete verb vague: "sleep better", "eat healthy", "study harder".
_VAGUE_COMPLEMENTS = frozenset({"more", "less", "healthy"})
_GERUND_INTENT_EXCEPTIONS = frozenset({"to", "and"})
# Removal verbs that only remove with their particle: "give up", "cut down", "kick the habit".
_PARTICLE_REMOVALS = {
    "give": frozenset({"up"}),
    "cut": frozenset({"down", "out", "back"}),
    "kick": frozenset({"the"}),
    "break": frozenset({"the"}),
    "drop": frozenset({"the"}),
    "lower": frozenset({"my"}),
}


@dataclass(frozen=True)
class Head:
    """A verb that carries (part of) the goal."""

    index: int  # token index in the doc
    role: str  # action, state, improve, mental or removal
    clause: int  # which clause of the message it is in
    governed: bool  # inside the scope of stop/quit/not/less: something to do less of


class ActionFinder:
    """Fills ``doc._.heads``, ``doc._.specific``, ``doc._.action`` and ``doc._.avoidance``."""

    def __init__(self, max_action_tokens: int) -> None:
        self.max_action_tokens = max_action_tokens
        self.roles = {
            role: word_set(f"{role}_verbs")
            for role in ("state", "improvement", "mental", "removal", "intent", "action")
        }
        self.function_words = word_set("function_words")
        self.breaks = word_set("clause_breaks")
        self.states = word_set("states")
        self.state_nouns = word_set("state_nouns")
        self.adverbs = word_set("adverbs")
        self.vague_complements = (
            _VAGUE_COMPLEMENTS | word_set("vague_adverbs") | word_set("comparative_adverbs")
        )

    def __call__(self, doc: Doc) -> Doc:
        heads = self._heads(doc)
        doc._.heads = heads
        doc._.specific = any(self._concrete(doc, head) for head in heads) or _parsed_object(doc)
        doc._.action = self._action_text(doc, heads)
        doc._.avoidance = self._avoidance(doc, heads)
        return doc

    # --- finding heads -------------------------------------------------------------------
    def _heads(self, doc: Doc) -> tuple[Head, ...]:
        heads: list[Head] = []
        clause = 0
        slots: tuple[bool, ...] = doc._.slots
        for token in doc:
            if token.lower_ in self.breaks:
                clause += 1
                continue
            role = self._role(token) if slots[token.i] and token.is_alpha else None
            if role is None or role == "intent":
                continue
            heads.append(Head(token.i, role, clause, self._governed(doc, token, heads, clause)))
        return tuple(heads)

    def _role(self, token: Token) -> str | None:
        lemma, following = token.lemma_, _next_lower(token)
        if lemma in self.roles["intent"] and (
            lemma not in self.roles["action"]
            or following in _GERUND_INTENT_EXCEPTIONS
            or following.endswith("ing")
        ):
            return "intent"
        if lemma in ("be", "get", "stay") and following in ("in", "at", "up", "out", "to", "into"):
            return "action"  # "be in bed", "get up": a place or a movement, not a state
        if lemma in _PARTICLE_REMOVALS and following not in _PARTICLE_REMOVALS[lemma]:
            return "action"  # "give my mum a call", "cut my hair": not giving anything up
        for role in ("state", "removal", "mental"):
            if lemma in self.roles[role]:
                return role
        if lemma in self.roles["improvement"]:
            return "improve" if self._vague_object(token) else "action"
        if lemma in self.roles["action"]:
            return "action"
        unknown_verb = self._previous_word(token) in _STRONG_MARKERS and not token.like_num
        if unknown_verb and token.lower_ not in self.function_words | self.states:
            return "action"
        return None

    def _previous_word(self, token: Token) -> str:
        """The word before ``token``, skipping adverbs ("will not smoke" gives "will")."""
        for previous in reversed(token.doc[: token.i]):
            if previous.lower_ not in self.adverbs:
                return previous.lower_
        return ""

    def _vague_object(self, token: Token) -> bool:
        """ "improve my mood": the object is a state, so the verb names no action."""
        rest = [t.lower_ for t in token.doc[token.i + 1 : token.i + 4] if t.is_alpha]
        rest = [word for word in rest if word not in ("my", "our", "the", "on", "with", "out")]
        return not rest or rest[0] in self.state_nouns

    def _governed(self, doc: Doc, token: Token, heads: list[Head], clause: int) -> bool:
        """Under "stop", "quit", "not", or followed by "less": a thing to do less of."""
        before = [t.lower_ for t in doc[max(0, token.i - 2) : token.i]]
        if any(word in _NEGATIONS for word in before):
            return True
        if heads and heads[-1].role == "removal" and heads[-1].clause == clause:
            return token.i - heads[-1].index <= 3
        after = doc[token.i + 1 : token.i + 6]
        for other in after:
            if other.lower_ in self.breaks:
                break
            if other.lower_ in _REDUCERS and _next_lower(other) != "than":
                return True
        return False

    # --- specific and action phrase ----------------------------------------------------
    def _concrete(self, doc: Doc, head: Head) -> bool:
        """A concrete verb with something after it that is not just "better"/"more"."""
        if head.role not in ("action", "removal"):
            return False
        complement = self._complement(doc, head)
        if head.role == "removal":
            return (
                bool(complement)
                and complement[0].lemma_
                not in self.roles["mental"]
                | {
                    "feel",
                    "be",
                }
                and complement[0].lower_ not in self.state_nouns | {"being", "feeling"}
            )
        words = [t.lower_ for t in complement if t.is_alpha or t.like_num]
        if not words:  # "I will walk": a known concrete verb stands on its own
            return doc[head.index].lemma_ in self.roles["action"]
        return not set(words) <= self.vague_complements | self.function_words

    def _complement(self, doc: Doc, head: Head) -> list[Token]:
        tokens: list[Token] = []
        for token in doc[head.index + 1 : head.index + 1 + self.max_action_tokens]:
            if token.lower_ in self.breaks or token.is_punct:
                break
            tokens.append(token)
        return [t for t in tokens if t.lower_ not in ("on", "out", "down", "back", "up")] or tokens

    def _action_text(self, doc: Doc, heads: tuple[Head, ...]) -> str | None:
        head = next((h for h in heads if self._concrete(doc, h) and not h.governed), None)
        head = head or next((h for h in heads if self._concrete(doc, h)), None)
        if head is None:
            return None
        stop = _measure_stops(doc)
        end = head.index + 1
        for token in doc[head.index + 1 : head.index + 1 + self.max_action_tokens]:
            if token.lower_ in self.breaks or token.is_punct or token.idx in stop:
                break
            end = token.i + 1
        while end - 1 > head.index and doc[end - 1].lower_ in self.function_words | {"by"}:
            end -= 1  # "quit smoking by": the "by" belongs to the deadline
        return doc[head.index : end].text

    # --- avoidance -----------------------------------------------------------------------
    def _avoidance(self, doc: Doc, heads: tuple[Head, ...]) -> Finding | None:
        trigger = self._trigger_span(doc, heads) or _bare_trigger(doc)
        if trigger is None or _approach_named(doc, heads):
            return None
        start, end = trigger
        return make_finding("avoidance", "avoidance", doc.text, start, end, doc._.theme)

    def _trigger_span(self, doc: Doc, heads: tuple[Head, ...]) -> tuple[int, int] | None:
        for head in heads:
            if head.role == "removal":
                complement = [
                    t
                    for t in self._complement(doc, head)[:2]
                    if t.lower_ not in self.function_words
                ]
                last = complement[-1] if complement else doc[head.index]
                return doc[head.index].idx, last.idx + len(last.text)
            if head.governed:
                return self._governed_span(doc, head)
        return None

    def _governed_span(self, doc: Doc, head: Head) -> tuple[int, int]:
        """ "not smoke", "drink less", "be less anxious": the words that do the removing."""
        token = doc[head.index]
        start, end = token.idx, token.idx + len(token.text)
        for back in doc[max(0, head.index - 2) : head.index]:
            if back.lower_ in _NEGATIONS or back.lower_ in ("do", "will"):
                start = back.idx
                break
        for other in doc[head.index + 1 : head.index + 6]:
            if other.lower_ in _REDUCERS:
                last = other
                if _next_lower(other) in self.states:
                    last = doc[other.i + 1]
                end = last.idx + len(last.text)
                break
        return start, end


def _approach_named(doc: Doc, heads: tuple[Head, ...]) -> bool:
    """Something to do is named beside the removal, so the goal is not only avoidance."""
    doing = any(not head.governed and head.role in ("action", "state", "improve") for head in heads)
    return doing or any(token.lower_ in ("instead", "replace", "swap") for token in doc)


def _bare_trigger(doc: Doc) -> tuple[int, int] | None:
    """ "no more late nights", "less sugar": removal without a verb to hang it on."""
    for token in doc:
        following = _next_lower(token)
        if token.lower_ == "no" and following in ("more", "longer") and _after(token, 2) != "than":
            end_token = doc[min(len(doc) - 1, token.i + 3)]
            return token.idx, end_token.idx + len(end_token.text)
        if token.lower_ in _REDUCERS and following != "than" and token.i + 1 < len(doc):
            nxt = doc[token.i + 1]
            return token.idx, nxt.idx + len(nxt.text)
    return None


def _measure_stops(doc: Doc) -> set[int]:
    """Character offsets where an action phrase ends: frequencies and deadlines."""
    stops = {match.start for match in doc._.deadlines}
    stops |= {q.start for q in doc._.quantities if q.per is not None and q.unit == "times"}
    stops |= {_per_start(q.text, q.start) for q in doc._.quantities if q.per is not None}
    return stops


def _per_start(text: str, start: int) -> int:
    """Where the "a week" part of "20 pages a week" starts."""
    lowered = text.lower()
    for marker in (" a ", " an ", " per ", " every ", " each ", "/", " daily", " weekly", " x "):
        if marker in lowered:
            return start + lowered.index(marker) + (1 if marker.startswith(" ") else 0)
    return start + len(text)


def _next_lower(token: Token) -> str:
    return token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""


def _after(token: Token, offset: int) -> str:
    index = token.i + offset
    return token.doc[index].lower_ if index < len(token.doc) else ""


def _parsed_object(doc: Doc) -> bool:
    """With a trained parser: a verb with a direct object counts as a concrete action."""
    if not doc.has_annotation("DEP"):
        return False
    vague = word_set("state_verbs") | word_set("improvement_verbs") | word_set("mental_verbs")
    return any(
        token.dep_ == "dobj" and token.head.pos_ == "VERB" and token.head.lemma_ not in vague
        for token in doc
    )


@Language.factory("waypoint_actions", default_config={"max_action_tokens": 6})
def make_actions(nlp: Language, name: str, max_action_tokens: int) -> ActionFinder:
    return ActionFinder(max_action_tokens)
