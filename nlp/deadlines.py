"""Deadlines as calendar dates: "within 6 weeks", "by March 1", "by Friday", "by Christmas".

Conventions (documented because people mean different things by them):
- "by/before/until X" is the date X itself; "by March" is 1 March, "in March" is 31 March.
- "by next week/month/year" is the first day of that period; "next week" alone is its last day.
- "next Friday" and "by Friday" are the first Friday after today.
- A date already past this year rolls to next year. Numeric dates other than ISO
  (2027-03-01) are ambiguous between countries and are not read.
- Seasons and open periods ("by summer", "soon", "in a few weeks") give no date and are
  reported as vague so the client can be asked for a day.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from nlp.normalize import fold
from nlp.numbers import NUMBER, number_value

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "weds": 2,
    "wed": 2, "thursday": 3, "thurs": 3, "thur": 3, "thu": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
_FIXED_HOLIDAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "xmas": (12, 25), "boxing day": (12, 26), "new year's eve": (12, 31),
    "new years eve": (12, 31), "nye": (12, 31), "new year's day": (1, 1),
    "new years day": (1, 1), "new year's": (1, 1), "new years": (1, 1), "new year": (1, 1),
    "halloween": (10, 31), "valentine's day": (2, 14), "valentines day": (2, 14),
    "valentine's": (2, 14), "valentines": (2, 14), "st patrick's day": (3, 17),
    "st patricks day": (3, 17), "bonfire night": (11, 5),
}  # fmt: skip
_UNIT_DAYS = {"day": 1, "week": 7, "wk": 7, "fortnight": 14}
_UNIT_MONTHS = {"month": 1, "mo": 1, "mth": 1, "year": 12, "yr": 12}

_ALT = "|".join
_MONTH = _ALT(sorted(_MONTHS, key=len, reverse=True))
_FULL_MONTH = _ALT(name for name in _MONTHS if len(name) > 3 and name != "may")
_WEEKDAY = _ALT(sorted(_WEEKDAYS, key=len, reverse=True))
_FULL_WEEKDAY = _ALT(name for name in _WEEKDAYS if name.endswith("day"))
_HOLIDAY = _ALT(re.escape(name) for name in sorted(_FIXED_HOLIDAYS, key=len, reverse=True))
# "until" as people type it: "till", "til", "'til", and the misspellings "untill", "untl".
_UNTIL_WORDS = frozenset({"until", "untill", "untl", "till", "til", "'til"})
_UNTIL = f"(?:{_ALT(sorted(_UNTIL_WORDS, key=len, reverse=True))})"
# "before" as people type it: "b4 summer", "bfore friday".
_BEFORE_WORDS = frozenset({"before", "b4", "bfore", "befor"})
_BEFORE = f"(?:{_ALT(sorted(_BEFORE_WORDS, key=len, reverse=True))})"
# "by", "before", "until" in all their spellings: what opens a deadline in every rule below.
_UP_TO = rf"by|{_BEFORE}|{_UNTIL}"
_UP_TO_WORDS = _BEFORE_WORDS | _UNTIL_WORDS | {"by"}
_BY = rf"(?:{_UP_TO}|up\s+to|no\s+later\s+than|on|for|at|through|thru)"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
_PER_AFTER = re.compile(
    r"\s*(?:a|an|per|each|every|/|in\s+a)\s*(?:day|week|wk|month|night|morning|evening)"
)
# Words that make a date a start, not a deadline: "starting March 1", "from Monday".
_START_BEFORE = re.compile(
    r"(?:from|since|starting|start|starts|begin|beginning|begins|after|commencing)\s+(?:on\s+)?$"
)
# "3 days a week": the "a week" says how often, after a count.
_COUNT_BEFORE = re.compile(r"(?:\d|\b(?:times?|x|days?|hours?|hrs?|mins?|minutes?|once|twice))\s*$")
# "2 time for week", "two times in the week": a unit with no count of its own after a count.
_NO_COUNT = re.compile(r"(?:the\s+)?[a-z]+")
_COUNTED_AFTER = re.compile(r"\s*(?:x|times|days|hours|hrs|mins|minutes|pages)\b")
# "ask for one week of holiday", "for 2 days off": the length of what is asked for or taken,
# not how long the goal runs ("for the next 2 weeks of term" still does).
_LENGTH_OF = re.compile(r"\s+(?:of(?!\s+(?:no|not|zero)(?![\w]))|off)(?![\w])")
# "which has gone on for a year", "I've had it for 2 years", "it's been like this for months",
# "it has lasted for a year": a present perfect or "lasted" before "for" tells how long
# something has been so, not how long the goal runs. A few words may come between, not a
# new clause ("I have decided to walk daily for 6 weeks" looks ahead).
_NOT_IN_CLAUSE = r"(?!(?:to|and|but|then|so|will|want|wanna|need|plan|going|gonna)(?![\w']))"
_ONGOING_BEFORE = re.compile(
    r"(?:(?:(?<![\w'])(?:has|have|had)|'ve)\s+(?:been|gone|had|felt|done|kept|lost|[a-z]+ed)"
    r"|(?<![\w'])(?:been|lasted|(?:going|went|dragged|dragging)\s+on))(?![\w'])"
    rf"(?:\s+{_NOT_IN_CLAUSE}[a-z'-]+){{0,3}}\s+$"
)
# "every Friday", "each month", "every other Friday", "every 2nd Tuesday": how often.
_EVERY_BEFORE = re.compile(
    r"(?<![\w])(?:every|each)\s+(?:(?:single|other|alternate|second|2nd|third|3rd|fourth|4th)"
    r"\s+)?$"
)


@dataclass(frozen=True)
class DeadlineMatch:
    """A time expression in the text: a date, or ``vague`` when it names no day."""

    start: int
    end: int
    deadline: date | None
    vague: bool


def add_months(day: date, months: int) -> date:
    """Same day ``months`` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _upcoming(month: int, day: int, today: date) -> date | None:
    """That day this year, or next year if it has passed; None if no such day."""
    for year in (today.year, today.year + 1):
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if found >= today:
            return found
    return None


def _easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _thanksgiving(year: int) -> date:
    """US Thanksgiving: the fourth Thursday of November."""
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


def _next_weekday(today: date, weekday: int, allow_today: bool = False) -> date:
    ahead = (weekday - today.weekday()) % 7
    return today + timedelta(days=ahead if ahead or allow_today else 7)


Handler = Callable[[re.Match[str], date], date | None]


def _iso(found: re.Match[str], today: date) -> date | None:
    try:
        return date(int(found["y"]), int(found["m"]), int(found["d"]))
    except ValueError:
        return None


def _day_month(found: re.Match[str], today: date) -> date | None:
    if _COUNTED_AFTER.match(found.string, found.end()):
        return None  # "in March 3 times a week": the number counts, it is not a day
    month, day = _MONTHS[found["month"]], int(found["day"])
    if found["year"]:
        try:
            return date(int(found["year"]), month, day)
        except ValueError:
            return None
    return _upcoming(month, day, today)


_UPCOMING = frozenset({"next", "coming", "following", "the"})


def _relative(found: re.Match[str], today: date) -> date | None:
    if _PER_AFTER.match(found.string, found.end()):
        return None  # "for 3 days a week" is how often, not how long
    words = found.group().split()
    bare = (found["n"] is None and _NO_COUNT.fullmatch(" ".join(words[1:])) is not None) or (
        found["n"] in ("a", "an") and words[0] == found["n"]  # "3 days a week"
    )
    if bare and _COUNT_BEFORE.search(found.string, 0, found.start()):
        return None
    if words[0] == "for" and _for_not_ahead(found, words):
        return None
    count = number_value(found["n"]) if found["n"] not in (None, "a", "an") else 1.0
    unit = found["unit"]
    if count is None or count > 120:
        return None
    if unit in _UNIT_DAYS:
        return today + timedelta(days=round(count * _UNIT_DAYS[unit]))
    return add_months(today, round(count * _UNIT_MONTHS[unit]))


def _for_not_ahead(found: re.Match[str], words: list[str]) -> bool:
    """A "for <length>" that does not run ahead from today: the length of something asked
    for ("ask for one week of holiday"), the period a thing serves ("meal prep for the
    week"), or how long something has gone on ("which has gone on for a year")."""
    if words[1] not in _UPCOMING and _LENGTH_OF.match(found.string, found.end()):
        return True
    if len(words) == 3 and words[1] == "the":
        return True
    start = found.start()
    return _ONGOING_BEFORE.search(found.string, max(0, start - 60), start) is not None


def _end_of(found: re.Match[str], today: date) -> date | None:
    return _period_end(found["which"] or "", found["period"], today)


def _period_end(which: str, period: str, today: date) -> date:
    """Last day of "the/this/next" week, month, quarter, year or named month."""
    shift = 1 if which.strip() == "next" else 0
    if period in _MONTHS:
        return _month_end(*_roll_month(_MONTHS[period], today))
    if period in ("day", "the day"):
        return today
    if period in ("week", "weekend"):
        return today + timedelta(days=6 - today.weekday() + 7 * shift)
    if period == "month":
        first = add_months(today.replace(day=1), shift)
        return _month_end(first.year, first.month)
    if period == "quarter":  # calendar quarters: March, June, September, December
        last = add_months(today.replace(day=1), 2 - (today.month - 1) % 3 + 3 * shift)
        return _month_end(last.year, last.month)
    return date(today.year + shift, 12, 31)


_QUARTER_WORDS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4
}  # fmt: skip
_QUARTER_STARTS = frozenset({"start", "beginning"})


def _named_quarter(found: re.Match[str], today: date) -> date | None:
    """ "by end of Q3", "in the third quarter", "by Q2 2027": a calendar quarter, read as a
    month is ("by March" is 1 March, "in March" and "end of March" its last day). A bare
    "Q3" ("my Q3 targets") names no deadline."""
    prep, part = found["prep"], found["part"]
    if not prep and not part:
        return None
    quarter = int(found["q"]) if found["q"] else _QUARTER_WORDS[found["qword"]]
    year = int(found["year"]) if found["year"] else today.year
    if not found["year"] and _month_end(year, 3 * quarter) < today:
        year += 1
    first, last = date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter)
    opening = part in _QUARTER_STARTS or (not part and prep not in ("in", "during"))
    return first if opening and first >= today else last  # "by Q3" said in Q3: its end


_ABBREVIATED_ENDS = {"eow": "week", "eom": "month", "eoq": "quarter", "eoy": "year"}


def _abbreviated_end(found: re.Match[str], today: date) -> date | None:
    """ "by eoy", "eom": chat shorthand for the end of this year, month, week or quarter."""
    return _period_end("", _ABBREVIATED_ENDS[found["abbr"]], today)


def _roll_month(month: int, today: date) -> tuple[int, int]:
    """(year, month) of the next time that month ends on or after today."""
    return (today.year if month >= today.month else today.year + 1), month


def _month_only(found: re.Match[str], today: date) -> date | None:
    month, prep = _MONTHS[found["month"]], " ".join(found["prep"].split())
    year, _ = _roll_month(month, today)
    if found["year"]:
        year = int(found["year"])
    if prep in _UP_TO_WORDS or found["part"] == "start":
        first = date(year, month, 1)
        return first if first >= today or found["year"] else date(year + 1, month, 1)
    if found["part"] == "middle":
        return date(year, month, 15)
    return _month_end(year, month)


def _weekday(found: re.Match[str], today: date) -> date | None:
    weekday = _WEEKDAYS[found["weekday"]]
    if found["nextweek"]:
        monday = today + timedelta(days=7 - today.weekday())
        return monday + timedelta(days=weekday)
    return _next_weekday(today, weekday, allow_today=(found["which"] or "").strip() == "this")


_CHAT_WHICH = {"ths": "this", "nxt": "next"}


def _period(found: re.Match[str], today: date) -> date | None:
    by, period = found["by"], found["period"]
    which = _CHAT_WHICH.get(found["which"], " ".join(found["which"].split()))
    if period == "weekend":
        return _next_weekday(today, 5 if by else 6, allow_today=True)
    shift = 0 if which == "this" else 1
    if by and shift:  # "by next week": when that period begins
        if period == "week":
            return today + timedelta(days=7 - today.weekday())
        if period in ("month", "quarter"):
            return _period_end("", period, today) + timedelta(days=1)
        return date(today.year + 1, 1, 1)
    return _period_end(which, period, today)


def _named_day(found: re.Match[str], today: date) -> date | None:
    word = found["word"]
    offset = 2 if "after" in word else 1 if word.startswith("tom") or word in ("tmrw", "tmr") else 0
    return today + timedelta(days=offset)


def _holiday(found: re.Match[str], today: date) -> date | None:
    name = found["holiday"]
    if name in ("easter", "thanksgiving"):
        rule = _easter if name == "easter" else _thanksgiving
        this_year = rule(today.year)
        return this_year if this_year >= today else rule(today.year + 1)
    month, day = _FIXED_HOLIDAYS[name]
    if month == 1 and day == 1:
        return date(today.year + 1, 1, 1)
    return _upcoming(month, day, today)


def _day_only(found: re.Match[str], today: date) -> date | None:
    day = int(found["day"])
    for months in range(3):
        first = add_months(today.replace(day=1), months)
        if day <= calendar.monthrange(first.year, first.month)[1]:
            candidate = first.replace(day=day)
            if candidate >= today:
                return candidate
    return None


def _same_time_next(found: re.Match[str], today: date) -> date | None:
    """ "by this time next month", "this time next year", "same time next week": the same
    day one period on."""
    period = found["period"] or "day"  # "by this time tomorrow"
    if period in _UNIT_DAYS:
        return today + timedelta(days=_UNIT_DAYS[period])
    return add_months(today, _UNIT_MONTHS[period])


def _vague(found: re.Match[str], today: date) -> date | None:
    return None


_Rule = tuple[re.Pattern[str], Handler, bool]
_UNIT = r"(?P<unit>day|week|wk|fortnight|month|mo|mth|year|yr)s?(?:'s?)?"
_COUNT = rf"(?:(?P<n>{NUMBER}|a|an)\s*)?"


def _rule(pattern: str, handler: Handler, vague: bool = False) -> _Rule:
    return re.compile(rf"(?<![\w'])(?:{pattern})(?![\w])"), handler, vague


# Order matters: earlier rules win where matches overlap.
_ANY_RULES: tuple[_Rule, ...] = (
    _rule(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})", _iso),
    _rule(
        rf"(?:the\s+)?(?P<day>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<month>{_MONTH})\.?{_YEAR}",
        _day_month,
    ),
    _rule(
        rf"(?P<month>{_MONTH})\.?\s+(?:the\s+)?(?P<day>\d{{1,2}}){_ORD}(?![\d:]){_YEAR}", _day_month
    ),
    _rule(
        rf"(?:(?P<prep>{_UP_TO}|in|during|through|thru)\s+)?(?:the\s+)?"
        r"(?:(?P<part>end|start|beginning)\s+of\s+)?(?:the\s+)?"
        r"(?:q(?P<q>[1-4])|(?P<qword>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)"
        r"(?:\s+(?:of\s+)?(?P<year>\d{4}))?",
        _named_quarter,
    ),
    _rule(
        rf"(?:(?:{_UP_TO}|at|for|during|over|through|thru)\s+)?(?:the\s+)?"
        r"(?:end|rest|remainder)\s+of\s+"
        rf"(?P<which>the\s+|this\s+|next\s+)?(?P<period>week|weekend|month|quarter|year|day"
        rf"|{_MONTH})",
        _end_of,
    ),
    _rule(rf"(?:(?:{_UP_TO})\s+)?(?P<abbr>eow|eom|eoq|eoy)", _abbreviated_end),
    # "in the new year" is a period with no day in it (said in January it is this year).
    _rule(r"in\s+(?:the\s+)?new\s+year(?!'?s?\s+(?:eve|day))", _vague, vague=True),
    _rule(
        rf"(?:(?:{_UP_TO}|around|at)\s+)?(?:this|(?:the\s+|this\s+)?same)"
        r"\s+(?:time|day|date)\s+(?:next\s+(?P<period>week|fortnight|month|year)|tomorrow)",
        _same_time_next,
    ),
    _rule(
        r"(?:(?:within|in|for|over|inside(?:\s+of)?|during)\s+(?:the\s+)?"
        rf"(?:next\s+|coming\s+|following\s+)?{_COUNT}{_UNIT}(?:\s+time)?)",
        _relative,
    ),
    _rule(rf"{_COUNT}{_UNIT}\s+from\s+(?:now|today)", _relative),
    _rule(
        rf"(?P<by>(?:{_UP_TO})\s+)?(?:the\s+)?"
        r"(?P<which>this|ths|next|nxt|this\s+coming|coming)"
        rf"\s+(?P<period>week|month|quarter|year|weekend)|(?P<by2>(?:{_UP_TO})\s+)?"
        r"(?P<which2>the|this|over\s+the|at\s+the)\s+(?P<weekend>weekend)",
        lambda found, today: _period_any(found, today),
    ),
    _rule(
        rf"(?P<prep>{_UP_TO}|in|during|through|thru|over|for)\s+(?:the\s+)?"
        rf"(?:(?P<part>start|beginning|middle|end)\s+of\s+|mid-?)?(?P<month>{_MONTH})"
        rf"(?!\s+\d){_YEAR}",
        _month_only,
    ),
    _rule(
        rf"(?:(?P<which>{_BY}|this|next|this\s+coming|coming|by\s+next|by\s+this)\s+)"
        rf"(?P<weekday>{_WEEKDAY})(?P<nextweek>\s+next\s+week)?(?!s)"
        rf"|(?P<which_full>)(?P<weekday_full>{_FULL_WEEKDAY})(?!s)",
        lambda found, today: _weekday_any(found, today),
    ),
    _rule(
        r"(?P<word>tomorrow|tmrw|tmr|tomoz|today|tonight|the\s+day\s+after\s+tomorrow"
        r"|day\s+after\s+tomorrow|end\s+of\s+(?:the\s+)?day|eod)(?!'s)",
        _named_day,
    ),
    # "over the christmas holidays" is the open period around the day (a vague rule below).
    _rule(
        rf"(?:the\s+)?(?P<holiday>{_HOLIDAY}|easter|thanksgiving)(?!\s+(?:holidays?|hols|break)\b)",
        _holiday,
    ),
    _rule(rf"(?:{_UP_TO}|on)\s+the\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)", _day_only),
    _rule(
        rf"(?:(?:{_UP_TO}|in|over|during|this|next|for|around|after|through"
        r"|(?:by\s+)?(?:the\s+)?(?:end|start|beginning)\s+of)\s+(?:the\s+)?(?:next\s+|this\s+)?"
        r"(?:(?:summer|spring|autumn|fall|winter)(?:time)?(?:\s+(?:holidays?|hols|break))?"
        r"|(?:christmas|xmas|easter)\s+(?:holidays?|hols|break)|holidays|holiday\s+season"
        r"|new\s+term))"
        r"|later\s+(?:this|in\s+the|next)\s+(?:year|month|week)"
        r"|(?:in|within|over|for)\s+(?:the\s+|a\s+)?(?:next\s+|coming\s+)?(?:few|several|some)"
        r"\s+(?:days|weeks|months|years)|in\s+the\s+(?:coming|next)\s+(?:days|weeks|months)"
        r"|in\s+(?:the\s+)?(?:near\s+|distant\s+)?future|soon|sooner\s+or\s+later|eventually"
        r"|some\s*day|one\s+day|one\s+of\s+these\s+days|at\s+some\s+(?:point|stage)|asap"
        r"|before\s+long|in\s+due\s+course|in\s+time|at\s+some\s+point|later\s+on",
        _vague,
        vague=True,
    ),
)

# In a short answer to "by when?", a bare "6 weeks" or "March" is a deadline too.
_ANSWER_RULES: tuple[_Rule, ...] = (
    _rule(rf"{_COUNT}{_UNIT}", _relative),
    _rule(
        rf"(?P<prep>)(?P<part>)(?P<month>{_FULL_MONTH}){_YEAR}",
        lambda found, today: _month_only_by(found, today),
    ),
)


def _month_only_by(found: re.Match[str], today: date) -> date | None:
    month = _MONTHS[found["month"]]
    year = int(found["year"]) if found["year"] else _roll_month(month, today)[0]
    return _month_end(year, month)


def _period_any(found: re.Match[str], today: date) -> date | None:
    if found["weekend"]:
        return _next_weekday(today, 5 if found["by2"] else 6, allow_today=True)
    return _period(found, today)


def _weekday_any(found: re.Match[str], today: date) -> date | None:
    if found["weekday_full"]:
        return _next_weekday(today, _WEEKDAYS[found["weekday_full"]])
    return _weekday(found, today)


# Days of the week that say how often, not by when: "mon wed fri", "tuesdays and thursdays",
# "sunday to thursday", "mon-fri", "on sunday mornings".
_DAY = rf"(?:{_WEEKDAY})s?"
_DAY_JOIN = r"\s*(?:,|&|\+|/|-|\band\b|\bor\b|\bto\b|\bthrough\b|\bthru\b|\bn\b)?\s*"
WEEKDAY_SET = re.compile(
    rf"(?<![\w'])(?:(?P<days>{_DAY}(?:(?:{_DAY_JOIN}|\s*,\s*(?:and\s+)?){_DAY})+)"
    rf"|(?P<part>{_DAY})\s+(?:mornings|evenings|nights|afternoons|arvos|lunchtimes))(?![\w])"
)
# One part of a named day: "sun arvo", "sat morning", "friday night". A time of day, like a
# clock time; "by friday night" is a deadline instead (``DAY_PART_DEADLINE`` before it).
DAY_PART = re.compile(
    rf"(?<![\w'])(?:{_WEEKDAY})\s+(?:morning|afternoon|arvo|evening|night|lunchtime)(?![\w])"
)
DAY_PART_DEADLINE = re.compile(
    rf"(?<![\w])(?:{_UP_TO}|no\s+later\s+than)\s+(?:the\s+|this\s+|next\s+)?$"
)


def weekday_set_size(matched: str) -> int:
    """How many days a week a ``WEEKDAY_SET`` match names ("mon-fri" is 5)."""
    names = re.findall(rf"(?<![\w]){_DAY}(?![\w])", matched)
    days = [
        _WEEKDAYS[name.rstrip("s")] if name.rstrip("s") in _WEEKDAYS else _WEEKDAYS[name]
        for name in names
    ]
    if len(days) == 2 and re.search(r"-|\bto\b|\bthr(?:ough|u)\b", matched):
        return (days[1] - days[0]) % 7 + 1
    return len(set(days))


def _scan(folded: str, today: date, rules: tuple[_Rule, ...]) -> Iterator[DeadlineMatch]:
    taken = [found.span() for found in WEEKDAY_SET.finditer(folded)]
    for pattern, handler, vague in rules:
        for found in pattern.finditer(folded):
            start, end = found.span()
            if any(start < e and end > s for s, e in taken):
                continue
            if not vague and _START_BEFORE.search(folded, max(0, start - 20), start):
                continue
            if _every_before(folded, start):
                continue
            when = handler(found, today)
            if when is None and not vague:
                continue
            taken.append((start, end))
            yield DeadlineMatch(start, end, when, vague)


def _every_before(folded: str, start: int) -> bool:
    """ "every Friday", "each month", "every other Friday": a frequency, not a deadline."""
    return _EVERY_BEFORE.search(folded, max(0, start - 24), start) is not None


def find_deadlines(text: str, today: date) -> tuple[DeadlineMatch, ...]:
    """Every time expression in a goal statement, in text order."""
    found = _scan(fold(text), today, _ANY_RULES)
    return tuple(sorted(found, key=lambda match: match.start))


def goal_deadline(matches: tuple[DeadlineMatch, ...]) -> date | None:
    """The goal's deadline: the latest day named.

    A goal with several time expressions ("reply within a day, every day this month") is
    done when the last of them is reached.
    """
    return max((match.deadline for match in matches if match.deadline is not None), default=None)


def parse_deadline(text: str, today: date) -> date | None:
    """A deadline from a short answer ("6 weeks", "by Friday"); None if vague or absent."""
    found = find_deadlines(text, today)
    if not found:
        found = tuple(_scan(fold(text), today, _ANSWER_RULES))
    return goal_deadline(found)
