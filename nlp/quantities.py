"""Counts, durations and frequencies: "3x a week", "10min", "half an hour", "every morning"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import partial

from nlp.deadlines import DAY_PART, DAY_PART_DEADLINE, WEEKDAY_SET, weekday_set_size
from nlp.findings import Quantity
from nlp.lexicon import word_set
from nlp.normalize import fold
from nlp.numbers import NUMBER, number_value

_UNITS = {
    "x": "times", "time": "times", "times": "times",
    "min": "minutes", "mins": "minutes", "minute": "minutes", "minutes": "minutes", "m": "minutes",
    "hr": "hours", "hrs": "hours", "hour": "hours", "hours": "hours", "h": "hours",
    "sec": "seconds", "secs": "seconds", "second": "seconds", "seconds": "seconds",
    "day": "days", "days": "days", "night": "nights", "nights": "nights",
    "wk": "weeks", "wks": "weeks", "week": "weeks", "weeks": "weeks",
    "mo": "months", "mos": "months", "month": "months", "months": "months",
    "yr": "years", "yrs": "years", "year": "years", "years": "years",
    "km": "km", "kms": "km", "kilometres": "km", "kilometers": "km",
    "mi": "miles", "mile": "miles", "miles": "miles",
    "step": "steps", "steps": "steps", "page": "pages", "pages": "pages", "pg": "pages",
    "%": "%", "percent": "%", "pc": "%", "kg": "kg", "kgs": "kg", "kilos": "kg",
    "lb": "lb", "lbs": "lb", "l": "litres", "litre": "litres", "litres": "litres",
    "liter": "litres", "liters": "litres", "ml": "ml",
    "stone": "stone", "stones": "stone", "pound": "pounds", "pounds": "pounds",
}  # fmt: skip
_MEASURE_UNITS = frozenset(_UNITS.values())
# Words that end a counted noun: "2 glasses of water" counts glasses, "3 with friends" nothing.
_STOP = frozenset(
    "a an the of to in on at by for from with and or but per each every this that these my your"
    " our their his her its it i you we they me more less than before after until till when if"
    " so then also just only about around over under up down out off into is are am be was"
    " were will would can could should must do does did have has had not no every day week"
    " month daily weekly monthly nightly everyday instead while because as same other".split()
)
_PER = {
    "day": "day", "daily": "day", "everyday": "day", "morning": "day", "evening": "day",
    "night": "day", "nightly": "day", "afternoon": "day", "weekday": "day",
    "week": "week", "wk": "week", "weekly": "week", "weekend": "week",
    "month": "month", "monthly": "month", "mo": "month", "mth": "month",
}  # fmt: skip
_PER_WORDS = "|".join(sorted(_PER, key=len, reverse=True))
_CMP = (
    r"(?:(?:at\s+least|at\s+most|no\s+more\s+than|not\s+more\s+than|no\s+less\s+than"
    r"|more\s+than|less\s+than|fewer\s+than|under|over|up\s+to|about|around|roughly|approx\.?"
    r"|approximately|~|max(?:imum)?|min(?:imum)?|only|just)\s*)?"
)
_NUM_AT = re.compile(rf"{_CMP}(?:(?P<cur>[£$€])\s*)?(?P<num>{NUMBER})")
_X_FIRST = re.compile(r"(?<![\w])x\s*(?P<num>\d+)(?!\w)")
_UNIT_AT = re.compile(
    r"\s*(?P<unit>"
    + "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
    + r")(?![\w%])"
)
_K_AT = re.compile(r"k(?![\w])(?P<steps>\s+steps)?")
_NOUN_AT = re.compile(r"\s+(?P<noun>[a-z][a-z'-]*(?:\s+[a-z][a-z'-]*)?)")
_PER_AT = re.compile(
    rf"\s*(?:off\s+(?:(?:work|school|uni|college)\s+)?)?"  # "2 days off a week"
    rf"(?:(?:a|an|per|each|every|/|x|on|in(?:\s+the)?|for)\s*)?"
    rf"(?P<per>{_PER_WORDS})s?(?![\w])"
)
_HOUR_WORDS = re.compile(
    r"(?<![\w])(?:(?P<half>half|a\s+half|quarter|a\s+quarter)\s+(?:of\s+)?an?\s+hour"
    r"|half\s+(?:an\s+)?hour|an?\s+hour(?P<and_half>\s+and\s+a\s+half)?)(?![\w])"
)
_CLOCK = re.compile(
    r"(?<![\w:])(?:(?P<named>midnight|midnite|midday|noon)(?![\w])|(?P<h1>\d{1,2})(?::(?P<m1>\d\d))?\s*(?P<ampm>am|pm|a\.m\.|p\.m\.|o'?clock)"
    r"(?![\w])|(?P<h2>\d{1,2}):(?P<m2>\d\d)(?!\d)"
    r"|(?:bed|sleep|asleep|wake|awake|up|out)\s+(?P<h3>(?:by|at|before)\s+\d{1,2})(?![\w:]))"
)
_CHANGE = re.compile(
    rf"(?<![\w])from\s+(?P<a>{NUMBER})(?P<rest_a>[^.,;!?]{{0,25}}?)\s+(?:down\s+|up\s+)?to\s+"
    rf"(?P<b>{NUMBER})"
)
_FREQ = re.compile(
    r"(?<![\w])(?:(?:every|each)\s+(?:single\s+)?(?P<other>(?:other|alternate|second|2nd"
    r"|third|3rd|fourth|4th)\s+)?"
    r"(?P<unit>day|morning|evening|night|afternoon|arvo|weekday|week|weekend|fortnight|month"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
    r"|(?P<adverb>daily|everyday|nightly|weekly|monthly|weekdays|weeknights)"
    r"(?!\s+(?:life|lives|living|routines?|tasks|chores|struggles?|stress(?:es)?|grind"
    r"|business|needs|existence|activities)(?![\w]))"
    r"|on\s+(?P<plural>(?:mon|tues|wednes|thurs|fri|satur|sun)days|weekends)"
    r"|(?:every|each)\s+(?:single\s+)?(?P<occasion>[a-z]+(?:\s+meeting|\s+session)?))(?![\w])"
)
_FREQ_PER = {
    "day": ("day", 1.0), "morning": ("day", 1.0), "evening": ("day", 1.0),
    "night": ("day", 1.0), "afternoon": ("day", 1.0), "arvo": ("day", 1.0),
    "weekday": ("week", 5.0),
    "week": ("week", 1.0), "weekend": ("week", 1.0), "month": ("month", 1.0),
    "fortnight": ("week", 0.5),
    "daily": ("day", 1.0), "everyday": ("day", 1.0), "nightly": ("day", 1.0),
    "weekly": ("week", 1.0), "monthly": ("month", 1.0), "weekdays": ("week", 5.0),
    "weeknights": ("week", 5.0), "weekends": ("week", 1.0),
}  # fmt: skip
_TIMES_WORDS = frozenset({"once", "twice", "thrice"})
_ORDINAL_ENDINGS = ("st", "nd", "rd", "th")  # "my 18th birthday" names a day, not a count
# "once my husband is home", "once I'm settled": "once" opens a clause; "once more", "once in
# a while", "once and for all" are idioms. None of them counts anything.
_NO_COUNT_AFTER_ONCE = re.compile(
    r"\s+(?:(?:i|i'm|im|i've|you|he|she|it|it's|its|we|they|my|your|his|her|our|their|the"
    r"|this|that|these|those|everything|everyone|things|school|work|term)(?![\w'])"
    r"(?!\s+(?:day|week|weekend|fortnight|month|term|year|morning|evening|night)s?\b)"
    r"|more\b|again\b|in\s+a\s+while\b|and\s+for\s+all\b)"
)
# "not once", "never once", "not even one time": all-or-nothing, not a count of one.
_NEGATED_BEFORE = re.compile(r"(?<![\w'])(?:not|never|n't)\s+(?:even\s+)?(?:a\s+single\s+)?$")
_ONE_TIME = frozenset({"one", "1", "a"})
# "level 2 plumbing", "year 11 exams", "chapter 3", "key stage 2": a number after a word that
# names a grade, a stage or a part is a name, not a count.
_LABEL_BEFORE = re.compile(
    r"(?<![\w'])(?:level|lvl|grade|stage|module|unit|part|book|chapter|ch|season|series"
    r"|episode|ep|phase|section|tier|band|volume|vol|(?:(?:my|in|into|of|start|starting"
    r"|finish|finishing|pass|passing|through|for)\s+)(?:year|yr))\s*$"
)
# "every other friday", "every third week": one occasion in that many.
_EVERY_NTH = {
    "other": 2, "alternate": 2, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4
}  # fmt: skip
# "every 3 days", "every couple of weeks": once per that many days, weeks or months.
_EVERY_N = re.compile(
    rf"(?<![\w])(?:every|each)\s+(?P<num>{NUMBER})\s+(?:of\s+)?"
    r"(?P<unit>day|week|fortnight|month)s?(?![\w])"
)
_EVERY_N_PER = {"day": ("day", 1.0), "week": ("week", 1.0), "fortnight": ("week", 0.5)}
# "for once", "all at once", "just this once": idioms, unless a period follows ("aim for
# once a week").
_IDIOM_BEFORE_ONCE = re.compile(r"(?<![\w])(?:for|at|this)\s+$")
# A count of one with no unit and no period is an article: "join one club", "finish 1
# chapter" is a one-off task. "to one coffee" is a target, so it still counts.
_TARGET_BEFORE = re.compile(r"(?<![\w])to\s+$")
# "1) stop working weekends", "(2)": list markers; "Two things:", "3 goals:": headings;
# "my 3 goals are": a count of goals is not a measure of any of them.
_HEADING_AFTER = re.compile(r"\s*:(?!\d)")
_META_NOUNS = frozenset(
    {"goals", "aims", "objectives", "resolutions", "intentions", "priorities", "main goals"}
)
_LIST_DOT_BEFORE = re.compile(r"(?:^|[:\n])\s*$")
_NUMBERED_LIST = re.compile(r"(?:^|[:\n])\s*1[.)]\s")
# "one week of holiday", "2 days off": an amount of leave, not a measure of anything done.
_LEAVE_AFTER = re.compile(
    r"\s+(?:of\s+(?:[a-z]+\s+)?(?:holidays?|leave|vacation|time\s+off|pto)(?![\w])"
    r"|off(?:\s+(?:work|school|uni|college))?"
    r"(?=\s*(?:$|[^\w\s]|(?:and|but|by|before|in|on|at|this|next|for|to|from|so|with|during"
    r"|over|around|after|until|till|then|i)(?![\w]))))"
)
_LEAVE_UNITS = frozenset({"days", "weeks", "months"})
# "book respite care for one weekend", "go away for a weekend": how long the thing booked
# lasts, not how often ("one weekend a month" still counts: a connector names the period).
_FOR_LENGTH_BEFORE = re.compile(r"(?<![\w])for\s+(?:just\s+|only\s+)?$")
_BARE_WEEKEND_AFTER = re.compile(r"\s+weekends?(?![\w])(?!\s+(?:a|an|per|each|every|in)\s)")
# "as a couple", "as a pair": together, not two of anything.
_AS_BEFORE = re.compile(r"(?<![\w])as\s+$")
_TOGETHER_AFTER = re.compile(r"(?!\s+of(?![\w]))")
# "compare myself 2 anyone", "go 2 the gym", "talk 2 her": chat "2" for "to" before a word
# no number can count.
_TO_ONLY_AFTER = re.compile(
    r"\s+(?:anyone|anybody|everyone|everybody|someone|somebody|no\s*one|nobody|me|him|her"
    r"|them|us|myself|the|my|your|his|their|our|bed|school|work|uni|sleep)(?![\w'])"
)
# "want 2 feel less on edge", "need 2 sleep": chat "2" for "to", before a verb's base form.
_WORD_BEFORE = re.compile(r"(?<![\w'])(?P<word>[a-z']+)\s+$")
_WORD_AFTER = re.compile(r"\s+(?P<word>[a-z]+)(?![\w'])")
# "the last £600 on my card", "all 6 past papers", "my 2 library books": a number inside a
# definite phrase picks out things the client already has; doing something to them is a
# one-off task, not an amount to count ("her" may be an object: "tell her 3 things").
_DEFINITE_BEFORE = re.compile(
    r"(?<![\w'])(?:the|all|my|our|your|his|their|these|those)\s+"
    r"(?:(?:last|remaining|final|other|first|next|outstanding)\s+)?$"
)
# "each other", "every other person", "each and every": no occasion is named, nothing repeats;
# "every few days" leaves the number open (the "few" is a hedge).
_NOT_OCCASIONS = frozenset({"other", "one", "of", "and", "so", "few", "several", "many", "some"})

# "the 4-7-8 breathing", "5-4-3-2-1 grounding": three or more numbers joined by hyphens name
# a technique; a range has two ("3-4 times").
_NAMED_SEQUENCE = re.compile(r"(?<![\w-])\d+(?:-\d+){2,}(?![\w-])")
# "I'm 78", "aged 70", "at 65", "I'm 78 years old": an age is background, not a measure.
_AGE_BEFORE = re.compile(
    r"(?<![\w'])(?:i'm|im|i\s+am|he's|she's|aged?|at\s+the\s+age\s+of|turned|turning)\s+"
    r"(?:now\s+|nearly\s+|almost\s+|over\s+)?$"
)
_OLD_AFTER = re.compile(r"[\s-]*(?:old|of\s+age)(?![\w])|\s*y/?o(?![\w])")
# "Twelve years of nights have wrecked my body clock", "Twenty years inside leaves a mark":
# years gone by, heading a sentence or followed by what filled them, are the client's history.
_SENTENCE_START = re.compile(r"(?:^|[.!?;:\n])\s*$")
_HISTORY_AFTER = re.compile(r"\s+of(?![\w])")
# "ace every exam", "pass every test": an outcome on every occasion is all-or-nothing, not
# how often something is done ("go to every lecture" still counts).
_OUTCOME_BEFORE = re.compile(
    r"(?<![\w'])(?:ace|pass|win|nail|smash|top|get\s+an?\s+a\*?\s+in|get\s+full\s+marks\s+in)"
    r"\s+$"
)

# "stop overthinking every email", "never say yes to every shift", "stop crying every time
# someone says his name": what to stop is scoped by "every", nothing is done that often.
_STOP_WORD = re.compile(
    r"(?<![\w'])(?:stop|stopping|quit|quitting|never|avoid|avoiding|no\s+longer)(?![\w'])"
)
_CLAUSE_BREAK = re.compile(r"[,;.!?()]|(?<![\w])(?:and|but|then|or|n|&|\+)\s")

Span = tuple[int, int]


def _free(start: int, end: int, taken: list[Span]) -> bool:
    return all(end <= s or start >= e for s, e in taken)


def _make(
    original: str, start: int, end: int, value: float, unit: str | None, per: str | None
) -> Quantity:
    end = len(original[:end].rstrip())
    return Quantity(value=value, unit=unit, per=per, text=original[start:end], start=start, end=end)


def _per_at(folded: str, pos: int) -> tuple[str | None, int]:
    found = _PER_AT.match(folded, pos)
    if found is None:
        return None, pos
    return _PER[found.group("per")], found.end()


def _unit_at(folded: str, pos: int, number: str) -> tuple[str | None, int, float]:
    """The unit after a number, its end, and a multiplier ("10k steps" is 10,000 steps)."""
    k = _K_AT.match(folded, pos)
    if k is not None and number[-1:].isdigit():
        return ("steps", k.end(), 1000.0) if k.group("steps") else ("km", k.end(), 1.0)
    unit = _UNIT_AT.match(folded, pos)
    if unit is not None:
        return _UNITS[unit.group("unit")], unit.end(), 1.0
    noun = _NOUN_AT.match(folded, pos)
    if noun is None:
        return None, pos, 1.0
    words = noun.group("noun").split()
    kept: list[str] = []
    for word in words:
        if word in _STOP or word in _PER:
            break
        kept.append(word)
    if not kept:
        return None, pos, 1.0
    end = noun.start("noun") + len(" ".join(kept))
    return " ".join(kept), end, 1.0


def _counted(
    original: str, folded: str, taken: list[Span], in_goal: bool = True
) -> Iterable[Quantity]:
    """Numbers with what they count. ``in_goal``: the text is a goal statement, where "one
    club" or "the last £600" names a task; in a short answer ("1 walk") every number counts.
    """
    for found in _NUM_AT.finditer(folded):
        start, num_end = found.start(), found.end("num")
        if not _free(start, num_end, taken) or folded[num_end : num_end + 2] in _ORDINAL_ENDINGS:
            continue
        number, cur = found.group("num"), found.group("cur")
        compared = start < found.start("cur" if cur else "num")  # "at least one", "only 1"
        bare = number.strip()
        value = number_value(number)
        if value is None or _not_a_count(folded, start, num_end, bare):
            continue
        unit, end, scale = _unit_at(folded, num_end, number)
        if unit is None and bare in _TIMES_WORDS:
            unit = "times"
        unit = cur or unit
        if unit is None and _length_of_a_stay(folded, start, end):
            continue
        if _background(folded, start, end, unit):
            continue
        per, end = _per_at(folded, end)
        counts = _counts(folded, start, end, bare, unit, compared or bool(cur), in_goal)
        if per is None and not counts:
            continue
        taken.append((start, end))
        yield _make(original, start, end, value * scale, unit, per)


def _not_a_count(folded: str, start: int, num_end: int, bare: str) -> bool:
    """A number word that counts nothing here: "for once", a list marker, chat "2" for "to",
    "as a couple"."""
    if bare == "once" and _NO_COUNT_AFTER_ONCE.match(folded, num_end):
        return True
    if _list_marker(folded, start, num_end, bare) or _chat_to(folded, start, num_end, bare):
        return True
    return (
        bare in ("a couple", "a pair")
        and _AS_BEFORE.search(folded, 0, start) is not None
        and _TOGETHER_AFTER.match(folded, num_end) is not None
    )


def _background(folded: str, start: int, end: int, unit: str | None) -> bool:
    """A number about the client's life, not the goal: an age ("I'm 78", "70 years old") or
    years gone by ("Twelve years of nights have...", "Twenty years inside leaves a mark"); or
    one that names rather than counts: "level 2 plumbing", "not once"."""
    if unit not in _MEASURE_UNITS and _LABEL_BEFORE.search(folded, max(0, start - 24), start):
        return True
    if _negated_once(folded, start, end, unit):
        return True
    if unit is None:
        return _AGE_BEFORE.search(folded, 0, start) is not None
    if unit != "years":
        return False
    if _OLD_AFTER.match(folded, end) or _HISTORY_AFTER.match(folded, end):
        return True
    return _SENTENCE_START.search(folded, 0, start) is not None


def _negated_once(folded: str, start: int, end: int, unit: str | None) -> bool:
    """ "not once", "never once skip breakfast", "not even one time"."""
    words = folded[start:end].split()
    if not words or not (words[0] == "once" or (words[0] in _ONE_TIME and unit == "times")):
        return False
    return _NEGATED_BEFORE.search(folded, max(0, start - 24), start) is not None


def _length_of_a_stay(folded: str, start: int, end: int) -> bool:
    """ "book respite care for one weekend": how long something lasts, not a measure."""
    return (
        _FOR_LENGTH_BEFORE.search(folded, 0, start) is not None
        and _BARE_WEEKEND_AFTER.match(folded, end) is not None
    )


def _counts(
    folded: str, start: int, end: int, bare: str, unit: str | None, compared: bool, in_goal: bool
) -> bool:
    """Whether a number with no period after it counts anything (see the idioms above)."""
    if bare == "once":
        return compared or _IDIOM_BEFORE_ONCE.search(folded, 0, start) is None
    if unit == "days" and bare == "one":
        return False  # "one day I'll..." is a someday, not a count
    if unit in _LEAVE_UNITS and _LEAVE_AFTER.match(folded, end):
        return False
    if unit in _MEASURE_UNITS or not in_goal:
        return True  # "one hour", "1 stone"
    if _DEFINITE_BEFORE.search(folded, 0, start):
        return False  # "pay off the last £600", "finish all 6 papers": known things, a task
    if unit is not None and (unit in _META_NOUNS or _HEADING_AFTER.match(folded, end)):
        return False
    if bare in ("one", "1") and not compared:
        return _TARGET_BEFORE.search(folded, 0, start) is not None
    return True


def _chat_to(folded: str, start: int, num_end: int, bare: str) -> bool:
    """ "want 2 feel less on edge", "need 2 sleep more", "going 2 call mum": "2" is "to"
    after a verb of wanting or trying, before a verb's base form. Not "want 2 coffees",
    "walk 2 miles", "have 2 days off"."""
    if bare != "2":
        return False
    if _TO_ONLY_AFTER.match(folded, num_end):
        return True
    before = _WORD_BEFORE.search(folded, 0, start)
    after = _WORD_AFTER.match(folded, num_end)
    if before is None or after is None or before.group("word") not in word_set("chat_to_leads"):
        return False
    word = after.group("word")
    return word in word_set("verbs") and word not in _UNITS


def _list_marker(folded: str, start: int, num_end: int, bare: str) -> bool:
    """ "1) stop working weekends", "(2) gym", "1. walk" at the start of a line or after ":"."""
    if not bare.isdigit() or len(bare) > 2:
        return False
    after = folded[num_end : num_end + 2]
    if after.startswith(")"):
        return True
    if after not in (". ", ".\n"):
        return False
    at_line_start = _LIST_DOT_BEFORE.search(folded, 0, start) is not None
    return at_line_start or (start > 0 and _NUMBERED_LIST.search(folded) is not None)


def _hours_in_words(original: str, folded: str, taken: list[Span]) -> Iterable[Quantity]:
    for found in _HOUR_WORDS.finditer(folded):
        if not _free(found.start(), found.end(), taken):
            continue
        half = found.group("half") or found.group().split()[0]
        minutes = 15.0 if "quarter" in half else 30.0 if "half" in half else 60.0
        minutes += 30.0 if found.group("and_half") else 0.0
        per, end = _per_at(folded, found.end())
        taken.append((found.start(), end))
        yield _make(original, found.start(), end, minutes, "minutes", per)


def _clock_times(original: str, folded: str, taken: list[Span]) -> Iterable[Quantity]:
    for found in _CLOCK.finditer(folded):
        start = found.start("h3") if found.group("h3") else found.start()
        named = found.group("named")
        if named:
            hour = 0 if named.startswith("midn") else 12
        else:
            hour = int(found.group("h1") or found.group("h2") or found.group("h3").split()[-1])
        minute = int(found.group("m1") or found.group("m2") or 0)
        if hour > 24 or minute > 59 or not _free(start, found.end(), taken):
            continue
        ampm = found.group("ampm") or ""
        hour += 12 if ampm.startswith("p") and hour < 12 else 0
        taken.append((start, found.end()))
        yield _make(original, start, found.end(), hour + minute / 60, "o'clock", None)


def _changes(original: str, folded: str, taken: list[Span]) -> Iterable[Quantity]:
    """ "from 3 to 1": two quantities, the start and the target."""
    for found in _CHANGE.finditer(folded):
        a, b = number_value(found.group("a")), number_value(found.group("b"))
        if a is None or b is None or not _free(found.start(), found.end(), taken):
            continue
        unit, a_end, _ = _unit_at(folded, found.end("a"), found.group("a"))
        per, a_end = _per_at(folded, a_end)
        a_end = min(a_end, found.start("b"))
        b_unit, b_end, _ = _unit_at(folded, found.end("b"), found.group("b"))
        b_per, b_end = _per_at(folded, b_end)
        taken.append((found.start(), b_end))
        yield _make(original, found.start("a"), a_end, a, unit or b_unit, per or b_per)
        yield _make(original, found.start("b"), b_end, b, b_unit or unit, b_per or per)


def _frequencies(original: str, folded: str, taken: list[Span]) -> Iterable[Quantity]:
    for found in _FREQ.finditer(folded):
        if not _free(found.start(), found.end(), taken):
            continue
        if found.group("occasion") in _NOT_OCCASIONS:
            continue
        if found.group("occasion") and _not_a_frequency(folded, found.start()):
            continue  # "ace every exam", "stop crying every time": all or nothing
        word = found.group("unit") or found.group("adverb") or found.group("plural") or ""
        # "every lecture": once per occasion, however often those come
        per, value = _FREQ_PER.get(word, ("week", 1.0)) if word else (None, 1.0)
        if found.group("other"):
            value /= _EVERY_NTH[found.group("other").strip()]
        taken.append((found.start(), found.end()))
        yield _make(original, found.start(), found.end(), value, "times", per)


def _not_a_frequency(folded: str, start: int) -> bool:
    """ "every <occasion>" after an outcome ("ace every exam") or in a clause that stops
    something ("stop overthinking every email")."""
    if _OUTCOME_BEFORE.search(folded, 0, start):
        return True
    clause = 0
    for found in _CLAUSE_BREAK.finditer(folded, 0, start):
        clause = found.end()
    return _STOP_WORD.search(folded, clause, start) is not None


def _every_n(original: str, folded: str, taken: list[Span]) -> Iterable[Quantity]:
    """ "every 3 days", "every two weeks": once in that many."""
    for found in _EVERY_N.finditer(folded):
        count = number_value(found.group("num"))
        if not count or not _free(found.start(), found.end(), taken):
            continue
        per, scale = _EVERY_N_PER.get(found.group("unit"), ("month", 1.0))
        taken.append((found.start(), found.end()))
        yield _make(original, found.start(), found.end(), scale / count, "times", per)


def _x_first(original: str, folded: str, taken: list[Span]) -> Iterable[Quantity]:
    for found in _X_FIRST.finditer(folded):
        if _free(found.start(), found.end(), taken):
            per, end = _per_at(folded, found.end())
            taken.append((found.start(), end))
            yield _make(original, found.start(), end, float(found.group("num")), "times", per)


def _weekday_sets(original: str, folded: str, taken: list[Span]) -> Iterable[Quantity]:
    """ "mon wed fri", "tuesdays and thursdays", "sunday to thursday": days a week."""
    for found in WEEKDAY_SET.finditer(folded):
        if _free(found.start(), found.end(), taken):
            taken.append(found.span())
            size = weekday_set_size(found.group())
            yield _make(original, found.start(), found.end(), float(size), "times", "week")


_ONE_DAY_BEFORE = re.compile(r"(?<![\w])(?:this|next|coming)\s+$")  # "this sat morning": once


def _day_parts(original: str, folded: str, taken: list[Span], dates: int = 0) -> Iterable[Quantity]:
    """ "meal prep sun arvo", "call mum on sunday afternoon": a time slot once a week.

    The weekday in it may also be read as a date ("on sunday"); the slot counts all the
    same, so only the quantities found so far (``taken[dates:]``) can stand in its way.
    """
    for found in DAY_PART.finditer(folded):
        start, end = found.span()
        if DAY_PART_DEADLINE.search(folded, max(0, start - 24), start):
            continue  # "finish it by friday night": a deadline, not when it is done
        if _free(start, end, taken[dates:]):
            taken.append((start, end))
            once = _ONE_DAY_BEFORE.search(folded, max(0, start - 12), start) is not None
            yield _make(original, start, end, 1.0, "times", None if once else "week")


# "a week before the deadline", "an hour early": a lead time is a measure.
_LEAD_TIME = re.compile(
    r"(?<![\w])(?:a|an|one)\s+(?P<unit>day|week|hour|month|fortnight)\s+"
    r"(?:before|earlier|early|ahead|in\s+advance|beforehand)(?![\w])"
)
_LEAD_UNITS = {"day": "days", "week": "weeks", "hour": "hours", "month": "months"}


def _lead_times(original: str, folded: str, taken: list[Span]) -> Iterable[Quantity]:
    for found in _LEAD_TIME.finditer(folded):
        end = found.end("unit")
        if _free(found.start(), end, taken):
            taken.append((found.start(), end))
            unit = _LEAD_UNITS.get(found.group("unit"), "weeks")
            value = 2.0 if found.group("unit") == "fortnight" else 1.0
            yield _make(original, found.start(), end, value, unit, None)


_FINDERS = (
    _clock_times,
    _changes,
    _hours_in_words,
    _weekday_sets,
    _day_parts,
    _every_n,
    _x_first,
    _counted,
    _lead_times,
    _frequencies,
)


def find_quantities(
    text: str, blocked: Iterable[Span] = (), in_goal: bool = True
) -> tuple[Quantity, ...]:
    """Every quantity in ``text`` outside the ``blocked`` character ranges (dates, say).

    ``in_goal=False`` reads a short answer, where "1 walk" or "all 23 of them" is a count,
    not the one-off task it would be in a goal ("join one club").
    """
    folded = fold(text)
    taken = list(blocked) + [found.span() for found in _NAMED_SEQUENCE.finditer(folded)]
    finders = [partial(_counted, in_goal=in_goal) if f is _counted else f for f in _FINDERS]
    finders = [partial(_day_parts, dates=len(taken)) if f is _day_parts else f for f in finders]
    found = [quantity for finder in finders for quantity in finder(text, folded, taken)]
    return tuple(sorted(found, key=lambda quantity: quantity.start))


def parse_quantity(text: str) -> Quantity | None:
    """The first quantity in a short answer; "none"/"no"/"never" alone mean 0."""
    found = find_quantities(text, in_goal=False)
    if found:
        return found[0]
    stripped = text.strip()
    if stripped and _zero_answer(stripped):
        start = text.index(stripped)
        return Quantity(0.0, None, None, stripped, start, start + len(stripped))
    return None


def _zero_answer(text: str) -> bool:
    from nlp.numbers import parse_number

    return parse_number(text) == 0.0
