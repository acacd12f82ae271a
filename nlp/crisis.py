"""Crisis-language detection, run on every inbound text before any dialog logic.

`detect_crisis(text)` returns None, or the most urgent `CrisisMatch` in the text. It prefers a
false alarm to a miss (DESIGN.md, decision 3): negation does not clear a match ("I'm not suicidal
but...") and ambiguous phrasing triggers.

Kinds (`CrisisMatch.kind`):
- "suicidal": suicidal thoughts, intent or plans, direct, passive or in slang.
- "self_harm": cutting, burning, hurting oneself, self-harm urges and relapses.
- "overdose": an overdose taken, planned or talked about.
- "danger_from_others": someone hurting, threatening or trapping the client.
- "distress": first-person despair without explicit suicidal wording: hopelessness, entrapment,
  feeling a burden, self-hatred, exhaustion with life, wanting everything to stop, feeling
  unsafe, disappearing, giving up, "can't cope / can't do this anymore", darkness metaphors,
  goodbye tone, "no one would care", "what's the point". Never immediate; the reply shows the
  crisis lines with a gentler opening.

`immediate_danger` is set for plans, means, overdoses and danger from others, and for any
suicidal or self-harm finding in a text that names a time ("tonight"), a plan or a means.

The pipeline is our own `spacy.blank("en")` plus the `crisis_language` component, never the
optional trained model: what is found must not depend on which model a deployer installed.

Four rule tiers, each tried only when the ones above found nothing (`CrisisMatch.rule` says
which): the precise rules (`nlp/rules/crisis_patterns.jsonl`), the safety net
(`crisis_net.jsonl`, ids "net.*": broad meaning-based triggers that accept false alarms), a scan
of the text with spaces and punctuation removed (`crisis_squashed.jsonl`, ids "squashed.*":
"iwanttodie"), and the deliberately broad distress tier (`crisis_distress.jsonl`, ids
"distress.*", kind "distress"): word sets and Matcher patterns with slots, guarded against goal
talk and hyperbole by `unless_next`/`unless_near` and, for bare phrases ("I give up.", "I can't
cope"), by `only_next` (the phrase must end the sentence or be followed by a listed word).
Last, when every rule is silent, the learned tier (`nlp/components/crisis_classifier.py`,
rule LEARNED_RULE, kind "distress", `CrisisMatch.learned`): a bag-of-lemmas text classifier
trained on the labelled corpora. It scores the whole text and each pair of adjacent sentences,
and its match spans whichever scored highest: a line buried in a long, calm note is not
outweighed by the rest of the note.

Labelling decisions (tests/nlp/crisis_corpus.jsonl): feeling like a burden triggers even in goal
talk ("I want to stop feeling like a burden at work"): perceived burdensomeness is a core risk
factor, so the corpus labels it not-crisis but the rules flag it on purpose, and it counts as a
false alarm. The same goes for "I'd rather die than...", "I'm going to die if..." and
"punishing myself": accepted false alarms. Hyperbole about things ("this deadline is killing
me", "my phone died", "end of my rope with this printer") and goals about habits ("cut down",
"quit smoking", "relapsed on cigarettes") stay quiet.

Measured limits (`python bench/crisis_eval.py --cross-batch`): over 20 fresh batches of
messages written blind by others, the rules as they stood before each batch, or a classifier
trained without it, found 94.8% of crisis messages (1,579), with 23.1% false alarms on the
batches' hard lookalikes; 3.9% of held-out goal statements and everyday messages are flagged.
The first runs of the last five batches found 95.8% to 100%. What still slips through: plans
and goodbyes stated as plain facts in new words, and means named without intent. Long, calm
notes that mention death, knives or hospitals draw most of the false alarms. Treat every figure
on the tuned corpus as an upper bound.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.pipeline import TextCategorizer

from nlp.components.crisis_classifier import (
    PIPE,
    THRESHOLD,
    add_trained_classifier,
    strongest_passage,
)
from nlp.components.crisis_language import DISTRESS_KIND, EXTENSION, FACTORY, CrisisFinding
from nlp.pipeline import outgrown

# Telegram caps a message at 4,096 characters; the console transport does not. We scan the
# first MAX_HEAD and the last MAX_TAIL characters of anything longer, which bounds the work per
# message while keeping the end (where people often say what matters) in view.
MAX_HEAD = 16_000
MAX_TAIL = 4_000
# Long texts are scanned in chunks; the overlap keeps a phrase on a boundary inside one chunk.
CHUNK_CHARS = 1_500
CHUNK_OVERLAP = 200
# `CrisisMatch.rule` of a match made by the learned tier; its span is the passage it scored.
LEARNED_RULE = "learned.classifier"

_NEEDS_NORMALISING = re.compile(r"\s{2,}|[^\S ]|[\u200b-\u200d\u2060\ufeff]|^\s|\s$")
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")
_SEVERITY = ("danger_from_others", "overdose", "suicidal", "self_harm", "distress")


@dataclass(frozen=True)
class CrisisMatch:
    """The most urgent crisis language found in a text (always truthy)."""

    kind: str  # one of the kinds in the module docstring
    immediate_danger: bool  # the reply puts the emergency number first
    start: int  # character offsets into the text given to detect_crisis
    end: int
    rule: str  # id of the rule that matched (a file under nlp/rules/), or LEARNED_RULE

    @property
    def learned(self) -> bool:
        """Found by the classifier alone: no rule matched, so the reading is least certain."""
        return self.rule == LEARNED_RULE

    def __bool__(self) -> bool:
        return True


_lock = threading.Lock()
_nlp: Language | None = None


def crisis_pipeline() -> Language:
    """The shared pipeline, built on first use (about 0.1 s) and then reused by all threads."""
    global _nlp
    nlp = _nlp
    if nlp is not None and not outgrown(nlp):
        return nlp
    with _lock:
        if _nlp is None or outgrown(_nlp):
            _nlp = build_pipeline()
        return _nlp


def build_pipeline() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe(FACTORY)
    add_trained_classifier(nlp)
    return nlp


def detect_crisis(text: str) -> CrisisMatch | None:
    """None when no crisis language is found, else the most urgent match (see module doc)."""
    if not text or text.isspace():
        return None
    return find_crisis(text, crisis_pipeline())


def find_crisis(text: str, nlp: Language) -> CrisisMatch | None:
    """`detect_crisis` with a given pipeline (`build_pipeline`, or one from nlp.train_crisis)."""
    findings: list[CrisisFinding] = []
    learned: list[CrisisFinding] = []
    classifier = _classifier(nlp)
    for offset, window in _windows(text):
        clean, origin = _normalise(window)
        for chunk_start, chunk in _chunks(clean):
            doc = nlp(chunk)
            for found in doc._.get(EXTENSION):
                start = offset + origin(chunk_start + found.start)
                end = offset + origin(chunk_start + found.end - 1) + 1
                findings.append(
                    CrisisFinding(found.kind, found.immediate_danger, start, end, found.rule)
                )
            if classifier is None or findings or not chunk:
                continue  # the learned tier speaks only when every rule is silent
            score, passage = strongest_passage(doc, classifier)
            if score >= THRESHOLD:
                start = offset + origin(chunk_start + passage.start_char)
                end = offset + origin(chunk_start + passage.end_char - 1) + 1
                learned.append(CrisisFinding(DISTRESS_KIND, False, start, end, LEARNED_RULE))
    if not findings:
        findings = learned
    if not findings:
        return None
    best = min(findings, key=_urgency)
    return CrisisMatch(best.kind, best.immediate_danger, best.start, best.end, best.rule)


def _classifier(nlp: Language) -> TextCategorizer | None:
    """The learned tier, unless the caller disabled it (`nlp.select_pipes`)."""
    if PIPE not in nlp.pipe_names:
        return None
    pipe = nlp.get_pipe(PIPE)
    assert isinstance(pipe, TextCategorizer)
    return pipe


def _urgency(finding: CrisisFinding) -> tuple[bool, int, int]:
    return (not finding.immediate_danger, _SEVERITY.index(finding.kind), finding.start)


def _windows(text: str) -> Iterator[tuple[int, str]]:
    if len(text) <= MAX_HEAD + MAX_TAIL:
        yield 0, text
        return
    yield 0, text[:MAX_HEAD]
    yield len(text) - MAX_TAIL, text[-MAX_TAIL:]


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """Split at spaces into pieces of about CHUNK_CHARS that overlap by CHUNK_OVERLAP."""
    start = 0
    while len(text) - start > CHUNK_CHARS:
        cut = text.rfind(" ", start + CHUNK_CHARS - CHUNK_OVERLAP, start + CHUNK_CHARS)
        end = cut if cut > start else start + CHUNK_CHARS
        yield start, text[start:end]
        restart = text.find(" ", end - CHUNK_OVERLAP, end)
        start = restart + 1 if restart >= 0 else end
    yield start, text[start:]


class _Origin:
    """Maps an index in the normalised text back to the original text."""

    def __init__(self, positions: list[int] | None):
        self._positions = positions

    def __call__(self, index: int) -> int:
        return index if self._positions is None else self._positions[index]


def _normalise(text: str) -> tuple[str, _Origin]:
    """Collapse whitespace runs and drop invisible characters, remembering where each char was.

    spaCy turns extra whitespace into tokens of its own, which would break "kill  myself" or a
    line break inside a phrase; phone keyboards produce both.
    """
    text = text.replace("’", "'")
    if not _NEEDS_NORMALISING.search(text):
        return text, _Origin(None)
    chars: list[str] = []
    positions: list[int] = []
    for index, char in enumerate(text):
        if char in _INVISIBLE:
            continue
        if char.isspace():
            if not chars or chars[-1] == " ":
                continue
            char = " "
        chars.append(char)
        positions.append(index)
    if chars and chars[-1] == " ":
        chars.pop()
        positions.pop()
    return "".join(chars), _Origin(positions)
