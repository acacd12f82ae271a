"""The `crisis_language` spaCy component: finds crisis language and records it on the Doc.

Everything it knows lives in data files under `nlp/rules/` so a clinician can review and extend
the rules without reading Python:

- `crisis_lexicon.jsonl`: surface forms (inflections, misspellings, slang spellings) mapped to a
  canonical lemma, plus optional regexes for families with too many misspellings to list. The
  component writes that lemma to `token.lemma_` (a blank pipeline has no lemmatizer), so the
  patterns can match on meaning ("kill" covers kills/killed/killing/kil/killin).
- `crisis_sets.jsonl`: named lemma sets (who, which verbs, which body parts) used as slots.
- `crisis_patterns.jsonl`: rules, each a list of Matcher token patterns with a kind, an
  `immediate` flag and an optional `unless_next` (a list or a set name): lemmas that, right after
  the match, make it ordinary ("cutting corners", "hit me up"), and an optional `unless_near`
  (a list or a set name) with `near` (tokens, default 3): lemmas that, anywhere that close
  before or after the match, make it ordinary ("it hits me", "relapsed on cigarettes"), and an
  optional `only_next` (a list or a set name): the match counts only if the token right after it
  is one of these lemmas; "<end>" in the list stands for the end of the text, punctuation or an
  emoji ("I give up." but not "I give up chocolate"), and an optional `unless_quoted` (true):
  the match does not count inside quotation marks that someone else's words open ("my nan
  always said 'I'll be dead and buried before you tidy that room'", "my mate says 'im gonna
  kms' when he loses"): a saying or a remark reported, not the client's own wish. The client
  quoting themselves ("I told her 'I want to die'") and a quote aimed at the client ("he said
  'I want you dead'") still count. An optional `unless_sentence` (a list or a set name): lemmas
  that anywhere in the match's sentence make it ordinary (a novel, a chapter, a game: "reading a
  novel where he jumps off a bridge in chapter 3"), and an optional `keep_sentence` (a list or a
  set name): lemmas that anywhere in that sentence overrule `unless_sentence`, so the match counts
  after all (a kitchen accident, "chopped onions and didn't cut myself", is ordinary; "chopping
  onions and wanted to cut myself" or "didn't cut myself for two weeks" is not).
- `crisis_net.jsonl` (optional): the safety net, in the same format. Broad, meaning-based rules
  (death and not-existing wishes, no way out, self-harm on the body, pill counts, means,
  goodbyes, burden) that accept false alarms to catch wording the precise rules have not seen.
  Their ids start with "net.".
- `crisis_squashed.jsonl` (optional): regexes run over the text with everything but letters and
  digits removed ("iwanttodie", "kill.my.self"); tried only when no token rule matched. A match
  that lies inside one word the lexicon knows ("overdoses" in "we had three overdoses in on one
  shift") is skipped: the token rules have already judged that word in its context.
- `crisis_distress.jsonl` (optional): the distress tier, in the same format, every rule of kind
  "distress" and id "distress.*". Deliberately broad: first-person despair, hopelessness,
  entrapment, burden, self-hatred, exhaustion with life, wanting everything to stop, feeling
  unsafe, disappearing, giving up, darkness metaphors, goodbye tone. Tried only when the three
  tiers above found nothing; its findings are never immediate and never escalated by cues.

A lexicon entry may list `"fuzzy"` forms: each (five letters or more) then also matches with
doubled letters collapsed, one letter (not the first) missing, or two neighbouring letters (not
the first) swapped ("beter", "wthout", "dissapear"), except the real words in its `"not"` list.

Pattern shorthand (expanded by `expand_token` below; a JSON object is passed to spaCy unchanged):
  "kill"          the lemma kill                "die|dead"   one of these lemmas
  "@WANT"         any lemma of the set WANT     "@I|me"      sets and lemmas mixed
  "to?"           optional token ("*", "+" work too)
  "~3"            up to three tokens of any kind (punctuation included: a gap that crosses a
                  sentence end can only add a false alarm, and a test on it would cost time)

Findings land on `doc._.crisis_findings` as a tuple of `CrisisFinding`, in document order.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

FACTORY = "crisis_language"
EXTENSION = "crisis_findings"
RULES_DIR = Path(__file__).resolve().parent.parent / "rules"

# The documented set of finding kinds. "cue" rules are not findings: they only mark a message as
# urgent (a time, a plan, a means) so that a suicidal or self-harm finding becomes immediate.
KINDS = frozenset({"suicidal", "self_harm", "overdose", "danger_from_others", "distress"})
# The kind of every rule in the distress tier (crisis_distress.jsonl), and only of those.
DISTRESS_KIND = "distress"
DISTRESS_FILE = "crisis_distress.jsonl"
# In `only_next`: the end of the text, a punctuation mark or a token with no letter or digit.
END_MARK = "<end>"
CUE_KIND = "cue"
ESCALATED_KINDS = frozenset({"suicidal", "self_harm"})

_GAP_RE = re.compile(r"^~(\d)$")
_ELONGATION_RE = re.compile(r"(.)\1{2,}")
# Words too common to anchor a pattern on (see CrisisLanguage): a pattern is only tried near
# its most selective required word.
_COMMON_LEMMAS = frozenset(
    "i me my myself you he she they him her them it this that what be 's have do can will would "
    "not no never to the a an of in on at for with and so all go get feel want make take give "
    "say think up out about like just really".split()
)


_DOUBLE_RE = re.compile(r"(.)\1+")
FUZZY_MIN = 5


class RuleError(ValueError):
    """A rules file is malformed; the message names the file and line."""


@dataclass(frozen=True)
class CrisisFinding:
    """One piece of crisis language; `start`/`end` are character offsets into `doc.text`."""

    kind: str
    immediate_danger: bool
    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class _Rule:
    id: str
    kind: str
    immediate: bool
    unless_next: frozenset[str]
    unless_near: frozenset[str] = frozenset()
    near: int = 3
    only_next: frozenset[str] = frozenset()
    unless_quoted: bool = False
    unless_sentence: frozenset[str] = frozenset()
    keep_sentence: frozenset[str] = frozenset()


def _read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise RuleError(f"{path.name}:{number}: not JSON ({error.msg})") from error
            if not isinstance(record, dict):
                raise RuleError(f"{path.name}:{number}: expected a JSON object")
            yield number, record


class Lexicon:
    """Maps a token to the canonical lemma the patterns are written against."""

    def __init__(
        self,
        forms: Mapping[str, str],
        fuzzy: list[tuple[re.Pattern[str], str]],
        near: Mapping[str, str] | None = None,
    ):
        self._forms = dict(forms)
        self._fuzzy = fuzzy
        # collapsed near-miss spelling -> lemma (see "fuzzy" in the module docstring)
        self._near = {
            key: lemma
            for key, lemma in (near or {}).items()
            if self._forms.get(key, lemma) == lemma
        }

    @classmethod
    def load(cls, path: Path) -> Lexicon:
        forms: dict[str, str] = {}
        fuzzy: list[tuple[re.Pattern[str], str]] = []
        near: dict[str, str] = {}
        for number, record in _read_jsonl(path):
            lemma = record.get("lemma")
            if not isinstance(lemma, str) or not lemma:
                raise RuleError(f"{path.name}:{number}: 'lemma' must be a non-empty string")
            for form in record.get("forms", []):
                forms[str(form).lower()] = lemma
            if "regex" in record:
                fuzzy.append((re.compile(record["regex"]), lemma))
            if "fuzzy" in record:
                excluded = {_collapse(str(word).lower()) for word in record.get("not", [])}
                for form in record["fuzzy"]:
                    for variant in _near_misses(str(form).lower()):
                        if variant not in excluded:
                            near.setdefault(variant, lemma)
        return cls(forms, fuzzy, near)

    def knows(self, token: Token) -> bool:
        """Whether the token is a surface form listed in the lexicon (not a guess or a fallback)."""
        text = token.lower_.replace("’", "'")
        return text in self._forms or token.norm_ in self._forms

    def canonical(self, word: str) -> str:
        """The lemma a word stands for in rules: its lexicon lemma, else the word itself."""
        return self._forms.get(word, word)

    def lemma(self, token: Token) -> str:
        text = token.lower_.replace("’", "'")
        found = self._forms.get(text) or self._forms.get(token.norm_)
        if found:
            return found
        if _ELONGATION_RE.search(text):
            # "diiiie", "killlll": squeeze runs of three or more to one and to two letters.
            for squeezed in (_ELONGATION_RE.sub(r"\1", text), _ELONGATION_RE.sub(r"\1\1", text)):
                if squeezed in self._forms:
                    return self._forms[squeezed]
        for regex, lemma in self._fuzzy:
            if regex.match(text):
                return lemma
        if len(text) >= FUZZY_MIN - 1 and text.isalpha():
            near = self._near.get(_collapse(text))
            if near:
                return near
        return token.norm_.replace("’", "'")


def _collapse(word: str) -> str:
    return _DOUBLE_RE.sub(r"\1", word)


def _near_misses(form: str) -> Iterator[str]:
    """Collapsed spellings one slip away from `form` (see "fuzzy" in the module docstring)."""
    if len(form) < FUZZY_MIN or not form.isalpha():
        return
    base = _collapse(form)
    yield base
    for i in range(1, len(base)):
        yield _collapse(base[:i] + base[i + 1 :])
    for i in range(1, len(base) - 1):
        yield _collapse(base[:i] + base[i + 1] + base[i] + base[i + 2 :])


def load_sets(path: Path) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    for number, record in _read_jsonl(path):
        name, lemmas = record.get("set"), record.get("lemmas")
        if not isinstance(name, str) or not isinstance(lemmas, list) or not lemmas:
            raise RuleError(f"{path.name}:{number}: needs 'set' (string) and 'lemmas' (list)")
        sets[name] = [str(lemma).lower() for lemma in lemmas]
    return sets


def expand_token(spec: str | dict[str, Any], sets: Mapping[str, list[str]]) -> dict[str, Any]:
    """Turn one shorthand token (see the module docstring) into a spaCy token pattern."""
    if isinstance(spec, dict):
        return spec
    gap = _GAP_RE.match(spec)
    if gap:
        return {"OP": f"{{0,{gap.group(1)}}}"}
    op = None
    if len(spec) > 1 and spec[-1] in "?*+":
        spec, op = spec[:-1], spec[-1]
    lemmas: list[str] = []
    for part in spec.split("|"):
        if part.startswith("@"):
            if part[1:] not in sets:
                raise RuleError(f"unknown set {part!r}")
            lemmas.extend(sets[part[1:]])
        else:
            lemmas.append(part)
    token: dict[str, Any] = {"LEMMA": lemmas[0] if len(lemmas) == 1 else {"IN": lemmas}}
    if op:
        token["OP"] = op
    return token


def _lemma_list(value: Any, sets: Mapping[str, list[str]], what: str) -> frozenset[str]:
    """A list of lemmas, or the name of a set (for `unless_next` and `unless_near`)."""
    if isinstance(value, str):
        if value not in sets:
            raise RuleError(f"{what} names unknown set {value!r}")
        return frozenset(sets[value])
    if not isinstance(value, list):
        raise RuleError(f"{what} must be a list or a set name")
    lemmas: list[str] = []
    for item in value:
        item = str(item)
        lemmas.extend(sets[item[1:]] if item.startswith("@") and item[1:] in sets else [item])
    return frozenset(lemmas)


def _canonical_token(token: dict[str, Any], lexicon: Lexicon) -> dict[str, Any]:
    lemma = token.get("LEMMA")
    if lemma is None:
        return token
    if isinstance(lemma, str):
        return {**token, "LEMMA": lexicon.canonical(lemma)}
    if "IN" not in lemma:  # {"NOT_IN": [...]} and other tests: canonical forms, same test
        return {**token, "LEMMA": {k: [lexicon.canonical(x) for x in v] for k, v in lemma.items()}}
    canonical = list(dict.fromkeys(lexicon.canonical(x) for x in lemma["IN"]))
    return {**token, "LEMMA": canonical[0] if len(canonical) == 1 else {"IN": canonical}}


_GUARDS = ("unless_next", "unless_near", "only_next", "unless_sentence", "keep_sentence")


def _guards(
    record: dict[str, Any], sets: Mapping[str, list[str]], lexicon: Lexicon | None
) -> dict[str, frozenset[str]]:
    """The rule's guard lists (see the module docstring), keyed by name, in canonical lemmas."""
    guards = {name: _lemma_list(record.get(name, []), sets, name) for name in _GUARDS}
    if guards["keep_sentence"] and not guards["unless_sentence"]:
        raise RuleError("'keep_sentence' needs an 'unless_sentence'")
    if lexicon is not None:
        guards = {name: frozenset(map(lexicon.canonical, v)) for name, v in guards.items()}
    return guards


def _parse_rule(
    number: int,
    record: dict[str, Any],
    sets: Mapping[str, list[str]],
    filename: str,
    lexicon: Lexicon | None = None,
) -> tuple[_Rule, list[list[dict[str, Any]]]]:
    where = f"{filename}:{number}"
    rule_id, kind, patterns = record.get("id"), record.get("kind"), record.get("patterns")
    if not isinstance(rule_id, str) or kind not in KINDS | {CUE_KIND}:
        raise RuleError(f"{where}: needs an 'id' and a 'kind' in {sorted(KINDS | {CUE_KIND})}")
    if (kind == DISTRESS_KIND) != (filename == DISTRESS_FILE):
        raise RuleError(f"{where}: {rule_id}: kind 'distress' belongs in {DISTRESS_FILE} only")
    if not isinstance(patterns, list) or not patterns:
        raise RuleError(f"{where}: {rule_id} needs a non-empty 'patterns' list")
    near = record.get("near", 3)
    if not isinstance(near, int) or not 0 < near <= 10:
        raise RuleError(f"{where}: {rule_id}: 'near' must be a whole number from 1 to 10")
    try:
        guards = _guards(record, sets, lexicon)
        expanded = [[expand_token(spec, sets) for spec in pattern] for pattern in patterns]
        if lexicon is not None:
            expanded = [[_canonical_token(t, lexicon) for t in pattern] for pattern in expanded]
    except RuleError as error:
        raise RuleError(f"{where}: {rule_id}: {error}") from error
    if any(token.get("OP") in ("*", "+") for pattern in expanded for token in pattern):
        # Unbounded operators would make the cost of a match grow with the message length.
        raise RuleError(f"{where}: {rule_id}: use a bounded gap (~N) instead of '*' or '+'")
    immediate = bool(record.get("immediate", False)) and kind != DISTRESS_KIND
    unless_quoted = record.get("unless_quoted", False)
    if not isinstance(unless_quoted, bool):
        raise RuleError(f"{where}: {rule_id}: 'unless_quoted' must be true or false")
    rule = _Rule(
        rule_id,
        kind,
        immediate,
        guards["unless_next"],
        guards["unless_near"],
        near,
        guards["only_next"],
        unless_quoted,
        guards["unless_sentence"],
        guards["keep_sentence"],
    )
    return rule, expanded


def _token_lemmas(token: dict[str, Any]) -> frozenset[str] | None:
    """The lemmas a required token accepts, or None if it is optional or not a lemma list.

    None, not an empty set, for {"NOT_IN": [...]}: a doc never holds a lemma of the empty set,
    so the rule would silently never run.
    """
    lemma = token.get("LEMMA")
    if token.get("OP") or lemma is None:
        return None
    if isinstance(lemma, str):
        return frozenset([lemma])
    return frozenset(lemma["IN"]) if "IN" in lemma else None


def _anchor(pattern: list[dict[str, Any]]) -> frozenset[str]:
    """The most selective required token of a pattern: every match contains one of these."""
    candidates = [lemmas for token in pattern if (lemmas := _token_lemmas(token))]
    if not candidates:
        raise RuleError(f"pattern {pattern} has no required lemma to anchor it")
    return min(candidates, key=lambda lemmas: (len(lemmas & _COMMON_LEMMAS), len(lemmas)))


def _reach(pattern: list[dict[str, Any]]) -> int:
    """The most tokens a match of the pattern can span."""
    total = 0
    for token in pattern:
        gap = re.fullmatch(r"\{0,(\d+)\}", str(token.get("OP", "")))
        total += int(gap.group(1)) if gap else 1
    return total


@dataclass(frozen=True)
class _RuleMatcher:
    rule: _Rule
    matcher: Matcher
    anchors: frozenset[str]
    reach: int
    # the lemmas each required token accepts: a doc lacking any of them cannot match
    required: tuple[frozenset[str], ...] = ()


class CrisisLanguage:
    """Runs the crisis rules over a Doc and stores the findings in `doc._.crisis_findings`.

    The Matcher's cost grows with (patterns x tokens), and set tests run as Python calls, so
    all rules over every token would take close to a millisecond even for a short message.
    Each pattern therefore has its own Matcher and runs only on windows around its anchor
    (its most selective required lemma); most messages contain none.
    """

    def __init__(self, nlp: Language, rules_dir: Path):
        self.lexicon = Lexicon.load(rules_dir / "crisis_lexicon.jsonl")
        # A rule may name any form the lexicon knows ("things", "razor"): it means that lemma.
        sets = {
            name: list(dict.fromkeys(self.lexicon.canonical(lemma) for lemma in lemmas))
            for name, lemmas in load_sets(rules_dir / "crisis_sets.jsonl").items()
        }
        self.rules: list[_RuleMatcher] = []
        self.net: list[_RuleMatcher] = []
        self.cues: list[_RuleMatcher] = []
        self.distress: list[_RuleMatcher] = []
        tiers = {
            "crisis_patterns.jsonl": self.rules,
            "crisis_net.jsonl": self.net,
            DISTRESS_FILE: self.distress,
        }
        # Many patterns test the same lemma sets: one copy of each (about 1 MB).
        interned: dict[frozenset[str], frozenset[str]] = {}
        for name, tier in tiers.items():
            path = rules_dir / name
            if name != "crisis_patterns.jsonl" and not path.exists():
                continue
            for number, record in _read_jsonl(path):
                rule, patterns = _parse_rule(number, record, sets, path.name, self.lexicon)
                group = self.cues if rule.kind == CUE_KIND else tier
                for pattern in patterns:
                    # One Matcher per pattern: only the patterns whose anchor occurs are run,
                    # each on small windows around its own anchor.
                    matcher = Matcher(nlp.vocab, validate=True)
                    try:
                        matcher.add(rule.id, [pattern])
                        anchors = _anchor(pattern)
                    except (ValueError, RuleError) as error:  # MatchPatternError: ValueError
                        raise RuleError(f"{path.name}:{number}: {rule.id}: {error}") from error
                    required = tuple(
                        interned.setdefault(x, x)
                        for t in pattern
                        if (x := _token_lemmas(t)) is not None
                    )
                    anchors = interned.setdefault(anchors, anchors)
                    group.append(_RuleMatcher(rule, matcher, anchors, _reach(pattern), required))
        self.squashed = _load_squashed(rules_dir / "crisis_squashed.jsonl")
        self._by_anchor = _index(self.rules)
        self._net_by_anchor = _index(self.net)
        self._cues_by_anchor = _index(self.cues)
        self._distress_by_anchor = _index(self.distress)

    def __call__(self, doc: Doc) -> Doc:
        positions: dict[str, list[int]] = {}
        for token in doc:
            lemma = self.lexicon.lemma(token)
            token.lemma_ = lemma
            positions.setdefault(lemma, []).append(token.i)
        # The tiers run in turn, each only if the one above found nothing: the precise rules,
        # the safety net, the squashed text, the distress tier. dict.fromkeys: two patterns of
        # one rule may find the same span.
        findings = list(dict.fromkeys(_run_all(self.rules, self._by_anchor, doc, positions)))
        if not findings:
            findings = list(dict.fromkeys(_run_all(self.net, self._net_by_anchor, doc, positions)))
        if not findings and self.squashed:
            findings = list(_run_squashed(self.squashed, doc, self.lexicon))
        if not findings and self.distress:
            found = _run_all(self.distress, self._distress_by_anchor, doc, positions)
            findings = list(dict.fromkeys(found))
        if findings and any(_run_all(self.cues, self._cues_by_anchor, doc, positions)):
            findings = _escalate(findings)
        doc._.set(EXTENSION, tuple(sorted(findings, key=lambda f: (f.start, f.end))))
        return doc


def _index(rules: list[_RuleMatcher]) -> dict[str, list[int]]:
    """Anchor lemma -> positions in `rules` of the rules it anchors."""
    index: dict[str, list[int]] = {}
    for number, rm in enumerate(rules):
        for lemma in rm.anchors:
            index.setdefault(lemma, []).append(number)
    return index


def _run_all(
    rules: list[_RuleMatcher],
    by_anchor: Mapping[str, list[int]],
    doc: Doc,
    positions: Mapping[str, list[int]],
) -> Iterator[CrisisFinding]:
    """Run only the rules whose anchors occur in the doc, each near its anchors."""
    hits: dict[int, list[int]] = {}
    for lemma, where in positions.items():
        for number in by_anchor.get(lemma, ()):
            hits.setdefault(number, []).extend(where)
    present = positions.keys()
    for number, where in sorted(hits.items()):
        rm = rules[number]
        if all(not lemmas.isdisjoint(present) for lemmas in rm.required):
            yield from _run(rm, doc, sorted(where))


def _run(rm: _RuleMatcher, doc: Doc, hits: list[int]) -> Iterator[CrisisFinding]:
    """Match one rule on the merged windows around its anchor hits, honouring `unless_next`."""
    for start, end in _windows(hits, rm.reach, len(doc)):
        for _, first, last in rm.matcher(doc[start:end]):
            after = start + last
            if after < len(doc) and doc[after].lemma_ in rm.rule.unless_next:
                continue
            if rm.rule.unless_near and _near(doc, start + first, after, rm.rule):
                continue
            if rm.rule.only_next and not _next_allowed(doc, after, rm.rule.only_next):
                continue
            if rm.rule.unless_quoted and _quoted_from_others(doc, start + first, after):
                continue
            if rm.rule.unless_sentence and _in_sentence(doc, start + first, after, rm.rule):
                continue
            span = doc[start + first : after]
            yield CrisisFinding(
                rm.rule.kind, rm.rule.immediate, span.start_char, span.end_char, rm.rule.id
            )


def _next_allowed(doc: Doc, after: int, allowed: frozenset[str]) -> bool:
    """Whether the token after a match (or the end of the text) is in `only_next`."""
    if after >= len(doc):
        return END_MARK in allowed
    token = doc[after]
    if token.lemma_ in allowed:
        return True
    return END_MARK in allowed and (token.is_punct or not any(c.isalnum() for c in token.text))


# Quotation marks (the typographic apostrophe is normalised to ' before the pipeline runs).
_QUOTES = frozenset({"'", '"', "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb"})
# Verbs that report someone's words ("she always says '...'", "asked if grandpa is '...'").
_SPEECH = frozenset(
    "say says said saying ask asks asked asking tell tells told quote quotes quoted joke jokes "
    "joked shout shouts shouted yell yells yelled text texted wrote writes put puts goes went "
    "reply replied replies".split()
)
_FIRST_PERSON = frozenset({"i", "i'm", "im", "i've", "i'd", "i'll"})
_SECOND_PERSON = frozenset({"you", "u", "ya", "yourself", "ur", "your"})
_SENTENCE_END = frozenset({".", "!", "?", "\n"})
_QUOTE_REACH = 15  # tokens from a quotation mark to the match, either side
_SPEECH_REACH = 5  # tokens from the speech verb to the opening quotation mark


def _quoted_from_others(doc: Doc, first: int, after: int) -> bool:
    """Whether doc[first:after] lies inside quotation marks opened by someone else's words.

    The quote must open after a speech verb ("said", "asked if ... is") in the same sentence
    whose subject is not the client ("I said ..."), and close after the match; a match that
    speaks to the client ("want you dead") is never treated as quoted.
    """
    if any(t.lower_ in _SECOND_PERSON for t in doc[first:after]):
        return False
    opener = _opening_quote(doc, first, after)
    return opener is not None and _reported_by_others(doc, opener)


def _opening_quote(doc: Doc, first: int, after: int) -> int | None:
    """The nearest quotation mark before doc[first:after], when another closes after it."""
    before = range(first - 1, max(-1, first - _QUOTE_REACH - 1), -1)
    opener = next((i for i in before if doc[i].text in _QUOTES), None)
    following = range(after, min(len(doc), after + _QUOTE_REACH))
    closes = any(doc[i].text in _QUOTES for i in following)
    return opener if closes else None


def _reported_by_others(doc: Doc, opener: int) -> bool:
    """Whether a speech verb shortly before the quote opens it, said by someone not the client."""
    for verb in range(opener - 1, max(-1, opener - _SPEECH_REACH - 1), -1):
        token = doc[verb]
        if token.text in _SENTENCE_END:
            return False
        if token.lower_ in _SPEECH:
            speaker = [*_words_before(doc, verb, 6), *doc[verb + 1 : opener]]
            return not any(t.lower_ in _FIRST_PERSON for t in speaker)
    return False


def _words_before(doc: Doc, index: int, reach: int) -> list[Token]:
    """Up to `reach` tokens before doc[index], nearest first, stopping at a sentence end."""
    words = []
    for token in reversed(doc[max(0, index - reach) : index]):
        if token.text in _SENTENCE_END:
            break
        words.append(token)
    return words


_SENTENCE_REACH = 40  # tokens searched for the sentence's ends, either side of a match


def _in_sentence(doc: Doc, first: int, after: int, rule: _Rule) -> bool:
    """Whether a lemma of `unless_sentence`, and none of `keep_sentence`, occurs in the sentence
    around doc[first:after]."""
    start = first
    while start > max(0, first - _SENTENCE_REACH) and doc[start - 1].text not in _SENTENCE_END:
        start -= 1
    end = after
    while end < min(len(doc), after + _SENTENCE_REACH) and doc[end].text not in _SENTENCE_END:
        end += 1
    lemmas = {token.lemma_ for token in doc[start:end]}
    return not lemmas.isdisjoint(rule.unless_sentence) and lemmas.isdisjoint(rule.keep_sentence)


def _near(doc: Doc, first: int, after: int, rule: _Rule) -> bool:
    """Whether a lemma of `unless_near` is within `near` tokens before or after the match."""
    before = doc[max(0, first - rule.near) : first]
    behind = doc[after : after + rule.near]
    return any(t.lemma_ in rule.unless_near for part in (before, behind) for t in part)


@dataclass(frozen=True)
class _Squashed:
    id: str
    kind: str
    immediate: bool
    regex: re.Pattern[str]


def _load_squashed(path: Path) -> list[_Squashed]:
    if not path.exists():
        return []
    rules = []
    for number, record in _read_jsonl(path):
        rule_id, kind, regexes = record.get("id"), record.get("kind"), record.get("regexes")
        if not isinstance(rule_id, str) or kind not in KINDS or not isinstance(regexes, list):
            raise RuleError(f"{path.name}:{number}: needs 'id', 'kind' and a 'regexes' list")
        try:
            regex = re.compile("|".join(f"(?:{r})" for r in regexes))
        except re.error as error:
            raise RuleError(f"{path.name}:{number}: {rule_id}: {error}") from error
        rules.append(_Squashed(rule_id, kind, bool(record.get("immediate", False)), regex))
    return rules


def _inside_known_word(doc: Doc, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether the characters start:end lie inside a single token the lexicon knows."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) == 1 and lexicon.knows(span[0])


def _run_squashed(rules: list[_Squashed], doc: Doc, lexicon: Lexicon) -> Iterator[CrisisFinding]:
    """Run the squashed regexes over the text reduced to lowercase letters and digits.

    A match inside one token the lexicon knows is skipped: the token rules saw that word whole
    and judged it with its neighbours.
    """
    kept = [(i, c.lower()) for i, c in enumerate(doc.text) if c.isascii() and c.isalnum()]
    if not kept:
        return
    positions = [i for i, _ in kept]
    squashed = "".join(c for _, c in kept)
    for rule in rules:
        for found in rule.regex.finditer(squashed):
            if found.end() > found.start():
                start, end = positions[found.start()], positions[found.end() - 1] + 1
                if _inside_known_word(doc, start, end, lexicon):
                    continue
                yield CrisisFinding(rule.kind, rule.immediate, start, end, rule.id)


def _windows(hits: list[int], reach: int, length: int) -> Iterator[tuple[int, int]]:
    """Merge [hit - reach, hit + reach] windows so no match is cut and none is found twice."""
    window: tuple[int, int] | None = None
    for hit in hits:
        start, end = max(0, hit - reach + 1), min(length, hit + reach)
        if window and start <= window[1]:
            window = (window[0], end)
            continue
        if window:
            yield window
        window = (start, end)
    if window:
        yield window


def _escalate(findings: list[CrisisFinding]) -> list[CrisisFinding]:
    """A time, plan or means anywhere in the text makes suicidal/self-harm findings immediate."""
    return [
        CrisisFinding(f.kind, True, f.start, f.end, f.rule) if f.kind in ESCALATED_KINDS else f
        for f in findings
    ]


if not Doc.has_extension(EXTENSION):
    Doc.set_extension(EXTENSION, default=())


@Language.factory(FACTORY, default_config={"rules_dir": None})
def make_crisis_language(nlp: Language, name: str, rules_dir: str | None) -> CrisisLanguage:
    return CrisisLanguage(nlp, Path(rules_dir) if rules_dir else RULES_DIR)
