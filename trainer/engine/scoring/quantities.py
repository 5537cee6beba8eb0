"""Numbers with their units, and time expressions, found in an answer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from trainer.engine.scoring.scanner import Subject, lower_twin

_SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen twenty").split()
_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90, "hundred": 100}
WORD_VALUES: dict[str, float] = {w: float(i) for i, w in enumerate(_SMALL)}
WORD_VALUES.update({k: float(v) for k, v in _TENS.items()})
WORD_VALUES.update({"a": 1.0, "an": 1.0, "half": 0.5, "a half": 0.5, "a dozen": 12.0,
                    "dozen": 12.0, "a couple of": 2.0, "a few": 3.0})
_WORDNUM = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
            r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
            r"sixty|seventy|eighty|ninety|a hundred|hundred|half|a dozen|a couple of|a few)")
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SCALE = r"(?:\s?(?:k|m|bn|b|mm)\b|\s(?:thousand|million|billion|lakh|crore)\b)"
_COUNT_NOUNS = (
    r"customers?|users?|accounts?|clients?|people|subscribers?|members?|patients?|orders?|"
    r"transactions?|payments?|tickets?|complaints?|sessions?|visits?|renewals?|deals?|"
    r"leads?|signups?|sign-ups?|calls?|requests?|records?|rows?|emails?|offers?|loans?|"
    r"claims?|invoices?|shipments?|stores?|merchants?|drivers?|employees?|engineers?|"
    r"analysts?|installs?|downloads?|incidents?|outages?|bugs?|errors?|alerts?|"
    r"markets?|regions?|countries|models?|products?|items?|units?|cases?|applications?|"
    # goods and the people and places a business serves, outside software too
    r"tonnes?|tons?|kilos?|kilograms?|kg|litres?|liters?|gallons?|barrels?|pallets?|"
    r"crates?|containers?|truckloads?|deliveries|bookings?|flights?|passengers?|"
    r"students?|fans?|guests?|donors?|households?|homes?|vehicles?|shifts?|meals?|beds?"
)
_DURATION = r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|quarters?|years?)"

# What follows the number in the alternatives that start with one, in the families'
# order. None of these begins with a digit, ',' or '.' (see _AT_DIGIT).
_AFTER_NUMBER: list[tuple[str, str]] = [
    ("money", rf"{_SCALE}?\s?(?:dollars|usd|euros?|eur|pounds|gbp|rupees|inr)\b"),
    # "40k in revenue": the unit is the money it names
    ("money", rf"{_SCALE}\s(?:in|of)\s(?:lost\s)?(?:revenue|sales|refunds|bookings|"
              rf"costs?|fees|fines|losses|income|spend|savings)\b"),
    # "50k a week", "1.2m a year": a scaled amount per period is money, said without a sign
    ("money", r"(?:\s?(?:k|m|bn)\b|\s(?:thousand|million|billion)\b)(?=\s(?:a|an|per|each|every)\s"
              r"(?:day|week|month|quarter|year)\b)"),
    ("pp", r"\s?(?:pp\b|percentage points?\b|basis points\b|bps\b)"),
    ("percent", r"\s?(?:%|percent\b|per cent\b)"),
    ("ratio", rf"\s(?:[a-z-]+\s){{0,2}}(?:in|out of)\s(?:every\s)?{_NUM}\b"),
    ("count", rf"{_SCALE}?\s(?:(?:new|more|fewer|active|paying|existing|affected|"
              rf"high-value|premium|enterprise|of (?:our|the|those|these))\s)?"
              rf"(?:{_COUNT_NOUNS})\b"),
    ("duration", rf"(?:\s?-\s?|\s)?{_DURATION}\b"),
]


# What follows a number word ("two", "a few") in the families that take one. Each begins
# with a space, and no number word is another one and a space (see _AT_WORD).
_AFTER_WORD: list[tuple[str, str]] = [
    ("money", r"\s(?:thousand\s|million\s|billion\s)?(?:dollars|pounds|euros|rupees)\b"),
    ("percent", r"\s(?:percent|per cent)\b"),
    ("count", rf"\s(?:a\s)?(?:thousand\s|million\s|billion\s|lakh\s)?(?:{_COUNT_NOUNS})\b"),
    ("duration", rf"\s{_DURATION}\b"),
]


def _number_led(family: str) -> str:
    return "|".join(rf"\b{_NUM}{after}" for name, after in _AFTER_NUMBER if name == family)


def _word_led(family: str) -> str:
    return "|".join(rf"\b{_WORDNUM}{after}" for name, after in _AFTER_WORD if name == family)


_CLOCK_DIGITS = r"\b\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d{2}\b"
_BARE_NUMBER = rf"\b{_NUM}(?:{_SCALE})?x?\b"
_PATTERNS: list[tuple[str, str]] = [
    ("money", rf"[$€£₹]\s?{_NUM}{_SCALE}?|{_number_led('money')}"),
    ("pp", rf"[-+−]?{_number_led('pp')}"),
    ("percent", rf"[-+−]?{_number_led('percent')}|{_word_led('percent')}"),
    ("ratio", _number_led("ratio")),
    ("count", rf"{_number_led('count')}|{_word_led('count')}"),
    ("duration", rf"{_number_led('duration')}|{_word_led('duration')}"),
    # "a year", "each week": a rate's period or a time frame, no magnitude in itself
    ("period", r"\b(?:a|an|one|per|each|every)\s(?:day|week|month|quarter|year|hour)\b"),
    ("clock", rf"{_CLOCK_DIGITS}|\bnoon\b"),
    # a share or a multiple said in words: "a third of", "twice as many", "down by a quarter"
    ("share", r"\b(?:a|one|two|three|four)[\s-](?:half|third|quarter|fifth|tenth)s?\s+of\b"
              r"|\b(?:twice|three times|four times|ten times|half) as (?:many|much|long|often)\b"
              r"|\b(?:down|up|fell|rose|dropped|grew|cut)\s+by\s+(?:a|one|two)[\s-]"
              r"(?:half|third|quarter|fifth|tenth)s?\b|\b(?:doubled|halved|tripled)\b"
              # "complaints fell from 340 to 40": the change is the magnitude
              # (not clock times "from 7 to 9:40 am", nor years "from 2019 to 2021")
              rf"|\bfrom\s+(?!(?:19|20)\d\d\b){_NUM}\s+(?:down\s+|up\s+)?to\s+"
              rf"(?!(?:19|20)\d\d\b){_NUM}\b"
              r"(?!\s*(?:%|percent|per cent|am\b|pm\b|a\.m|p\.m|o'clock)|[:.]\d)"),
    ("number", rf"{_BARE_NUMBER}|\b(?:×|x)\d+(?:\.\d+)?\b"),
]
_FAMILY_RE = re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in _PATTERNS), re.IGNORECASE)


def _read_once(lead: str, endings: list[tuple[str, str]]) -> str:
    """``lead`` read once, then each family's ending in turn; a family's group is named
    family_i, as group names must differ."""
    return rf"\b{lead}(?:" + "|".join(f"{after}(?P<{name}_{i}>)"
                                      for i, (name, after) in enumerate(endings)) + ")"


# Where a quantity starts with a digit or a number word, only some alternatives can
# match: _AT_DIGIT and _AT_WORD hold those, in _FAMILY_RE's order, but read the number
# once and then try each family's ending, where _FAMILY_RE reads it again (backtracking
# included) for every family. At most one reading of the number can be followed by an
# ending (an ending after digits never begins with a digit, ',' or '.', so only the
# longest reading; one after a number word begins with a space, which only one of the
# words reaches), so both find the same first match; these in half the time.
_AT_DIGIT = re.compile(f"{_read_once(_NUM, _AFTER_NUMBER)}"
                       f"|(?P<clock>{_CLOCK_DIGITS})|(?P<number>{_BARE_NUMBER})", re.IGNORECASE)
_AT_WORD = re.compile(_read_once(_WORDNUM, _AFTER_WORD) + "".join(
    f"|(?P<{name}>{pat})" for name, pat in _PATTERNS if name in ("period", "clock", "share")),
    re.IGNORECASE)
_DIGITS = re.compile(_NUM)
_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "million": 1e6, "b": 1e9,
           "bn": 1e9, "billion": 1e9, "lakh": 1e5, "crore": 1e7}
# the longest number word present gives the value: "a dozen" over "a", "hundred" over "one"
_LONGEST_FIRST = [(re.compile(rf"\b{re.escape(w)}\b"), v)
                  for w, v in sorted(WORD_VALUES.items(), key=lambda kv: -len(kv[0]))]
_SCALE_WORD = re.compile(r"(?:\d|\s)(k|m|mm|bn|b|thousand|million|billion|lakh|crore)\b",
                         re.IGNORECASE)
_DURATION_DAYS = {"second": 1 / 86400, "sec": 1 / 86400, "minute": 1 / 1440, "min": 1 / 1440,
                  "hour": 1 / 24, "hr": 1 / 24, "day": 1, "week": 7, "month": 30,
                  "quarter": 91, "year": 365}


def by_first_letter(alternatives: list[str]) -> str:
    """``(?:a1|a2|...)`` for an IGNORECASE pattern, its members grouped by first letter.

    ``re`` tries an alternation's members one by one at every position; grouped, it
    tests one letter per group instead. The first member that fits still wins: members
    that begin with other letters cannot match there, and each letter's members keep
    their order. Unless every member begins with a plain letter (not quantified), the
    alternation stays as given.
    """
    if not all(a[:1].isascii() and a[:1].isalpha() and a[1:2] not in ("*", "+", "?", "{")
               for a in alternatives):
        return "(?:" + "|".join(alternatives) + ")"
    groups: dict[str, list[str]] = {}
    for a in alternatives:
        groups.setdefault(a[0].lower(), []).append(a[1:])
    return "(?:" + "|".join(f"{k}(?:{'|'.join(rest)})" for k, rest in groups.items()) + ")"


_WEEKDAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri)"
_MONTHS = (r"(?:january|february|march|april|may|june|july|august|september|october|"
           r"november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)")
_HOURS = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}"
TIME_EXPRESSION = re.compile(
    rf"\b(?:by|before|on|at|until|till|no later than)\s+(?:the\s+)?(?:end of\s+)?(?:the\s+)?"
    rf"(?:{_WEEKDAYS}|today|tonight|tomorrow|noon|midday|eod|eow|cob|close of business|"
    rf"(?:this|next)\s+(?:week|month|quarter|{_WEEKDAYS})|end\s+of\s+(?:the\s+)?(?:day|week|month|quarter)|"
    rf"{_MONTHS}\s+\d{{1,2}}|\d{{1,2}}(?::\d{{2}})?\s?(?:am|pm|a\.m\.|p\.m\.))"
    rf"(?:\s+(?:at\s+)?\d{{1,2}}(?::\d{{2}})?\s?(?:am|pm|a\.m\.|p\.m\.))?"
    rf"|\b(?:within|in|over)\s+(?:the\s+next\s+)?(?:{_NUM}|{_WORDNUM}|an?)\s+{_DURATION}\b"
    rf"|\b(?:today|tom+or+ow|tmrw|tmw|2moro|tonight|this afternoon|this evening|"
    rf"end of (?:the )?(?:day|week))\b"
    rf"|\b(?:next|this)\s+(?:week|month|{_WEEKDAYS})\b"
    rf"|\b\d{{1,2}}(?::\d{{2}})?\s?(?:am|pm|a\.m\.|p\.m\.)"
    rf"|\b(?:every|each)\s+(?:day|morning|evening|night|hour|week|{_WEEKDAYS}|\d+\s+hours?|"
    rf"(?:one|two|three|four|six|twelve)\s+hours)\b"
    rf"|\b(?:{_NUM}|{_WORDNUM}|a)\s+{_DURATION}\s+(?:later|after(?:wards)?|on)\b"
    # "to Tuesday's leadership meeting", "at 11, then", "by 12:30"
    rf"|\b(?:{_WEEKDAYS}|tomorrow|tonight|today)['’]s\s+\w+"
    rf"|\b(?:at|by|before|until)\s+(?:\d{{1,2}}:\d{{2}}|(?:1[0-2]|[1-9])(?=\s*(?:[,.;]|$|then\b|"
    rf"today\b|tomorrow\b|tonight\b|this\b|sharp\b|to confirm\b|at the latest\b|latest\b|with\b)))"
    # spoken and British clock times: "half five", "quarter past ten", "six o'clock"
    rf"|\b(?:by|before|at|until|till)\s+(?:half|quarter)\s+(?:past\s+|to\s+)?(?:{_HOURS})\b"
    rf"|\b(?:{_HOURS})\s+o['’]clock\b"
    # a bare weekday closing a clause, as said aloud: "I'll send you the numbers Thursday",
    # "Friday morning"; not "the Monday report"
    rf"|\b(?:{_WEEKDAYS})(?=\s*(?:[,.;!?]|$|morning\b|afternoon\b|evening\b|night\b|at\b|"
    rf"noon\b|midday\b|\d))"
    rf"|\b(?:first thing|later today|end of play|"
    rf"(?:by|before|after) lunch(?:time)?|(?:on|by) the \d{{1,2}}(?:st|nd|rd|th))\b",
    re.IGNORECASE,
)
_SINCE = (rf"\s+(?:the\s+)?(?:{_WEEKDAYS}|{_MONTHS}(?:\s+\d{{1,2}})?|yesterday|last\s+\w+|launch|"
          rf"the\s+\w+(?:\s+\w+)?\s+(?:change|release|launch|update))\b")
TIME_FRAME = re.compile(r"\b" + by_first_letter(
    [w + _SINCE for w in ("since", "from", "starting")]
    + [rf"{w}\s+(?:week|month|quarter|year|day)\b" for w in "this last per a each every".split()]
    + [rf"{w}\b" for w in ("so far", "to date", "year to date", "annuali[sz]ed", "a year",
                           "per year")]),
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    """A number in the answer: its span, value and unit family."""

    start: int
    end: int
    text: str
    family: str
    """money, percent, pp, ratio ("1 in 60"), count, duration, period ("a week"), clock,
    odds ("80% likely"), when ("two weeks before the deadline": a moment, not a cost),
    share ("a third of", "twice as many") or number."""
    value: float | None
    """In base units: dollars, percent, days for durations."""

    @property
    def is_business(self) -> bool:
        """A magnitude a CEO can act on (not a bare number or a time of day)."""
        return self.family in _BUSINESS


_BUSINESS = frozenset(("money", "percent", "pp", "ratio", "count", "duration", "share"))
_new = object.__new__


def _quantity(start: int, end: int, text: str, family: str, value: float | None) -> Quantity:
    """A ``Quantity`` made without the frozen dataclass's ``__init__``, which sets each
    field through ``object.__setattr__``."""
    q = _new(Quantity)
    q.__dict__.update(start=start, end=end, text=text, family=family, value=value)
    return q


# Where a quantity can start: the first digit of a run (every pattern needs \b before a
# digit), with the sign or currency sign just before it; or a number word.
_DIGIT_RUN = re.compile(r"\d+")
_SIGNS = frozenset("$€£₹+-−")
_WORD_START = re.compile(r"\b" + by_first_letter(
    [r"from(?=\s+\d)"] + [rf"{w}\b" for w in (
        _WORDNUM[3:-1].split("|") + "a an per each every noon twice doubled halved tripled".split()
        + [rf"{verb}\s+by" for verb in "down up fell rose dropped grew cut".split()])]),
    re.IGNORECASE)


@cache
def _lower_twins() -> tuple[re.Pattern[str], ...] | None:
    """The patterns' twins for the lower-cased answer (made at first use: loading stays
    quick), or ``None`` when any cannot be lowered exactly."""
    twins = tuple(lower_twin(rx) for rx in (_FAMILY_RE, _AT_WORD, _AT_DIGIT, _WORD_START))
    return None if None in twins else twins  # type: ignore[return-value]


_SURENESS = re.compile(r"\s+(?:sure|certain|confident|likely|unlikely|chance|probability|odds)\b",
                       re.IGNORECASE)
_ANCHORED = re.compile(r"\s+(?:before|after|later|ago|earlier|into|in advance|prior to)\b",
                       re.IGNORECASE)
"""After a duration, what makes it a moment ("two weeks before the deadline", "four months
into the project", "three days later") rather than how long the harm lasted."""
_LASTED = re.compile(r"\b(?:for|over|lasted|lasting|took|taking|ran|running|went on|"
                     r"continued|of)\s+(?:about\s+|nearly\s+|almost\s+|roughly\s+)?$",
                     re.IGNORECASE)
"""Before a duration, what makes it the harm's length again: "down for three days before
anyone noticed"."""


def find_quantities(text: str, subject: Subject | None = None) -> list[Quantity]:
    """Every number with a recognised unit (and bare numbers as family 'number').

    The patterns are tried only where a number can start (a digit with the sign just
    before it, or a number word), and only those that can match there, which keeps
    this fast on long answers. With the answer's ``subject``, the patterns run on its
    lower-cased copy where that is exact.
    """
    subject = subject or Subject(text, text.lower())
    twins = _lower_twins() if subject.faithful else None
    if twins is not None:
        string, (whole, at_word, at_digit, word_start) = subject.lower, twins
    else:
        string, whole, at_word, at_digit, word_start = (text, _FAMILY_RE, _AT_WORD, _AT_DIGIT,
                                                        _WORD_START)
    starts = []
    for m in _DIGIT_RUN.finditer(string):
        i = m.start()
        starts.append(i - 1 if i and string[i - 1] in _SIGNS else i)
    starts.extend(m.start() for m in word_start.finditer(string))
    starts.sort()
    found = []
    pos = 0
    for start in starts:
        if start < pos:
            continue
        ch = string[start]
        family_re = at_word if ch.isalpha() else whole if ch in _SIGNS else at_digit
        m = family_re.match(string, start)
        if m is None:
            continue
        end = m.end()
        if end == start:
            continue
        family = (m.lastgroup or "number").partition("_")[0]
        if family == "percent" and _SURENESS.match(string, end):
            family = "odds"  # "80% likely", "100% sure": how sure, not what it costs
        elif (family == "duration" and _ANCHORED.match(string, end)
              and not _LASTED.search(string, max(0, start - 24), start)):
            family = "when"
        s = text[start:end]
        found.append(_quantity(start, end, s, family, _value(s, family)))
        pos = end
    return found


@lru_cache(maxsize=4096)
def _scale_of(word: str) -> float:
    """The multiplier of a scale word as IGNORECASE matched it, which may be spelt with
    letters that ``lower`` keeps ("thouſand", "millıon"): those are looked up by match."""
    known = _SCALES.get(word.lower())
    if known is None:
        known = next((v for k, v in _SCALES.items()
                      if re.fullmatch(re.escape(k), word, re.IGNORECASE)), 1)
    return known


def _value(s: str, family: str) -> float | None:
    if family == "share":
        return None  # "a third of" what: nothing to check against a briefing's figure
    low = s.lower().replace("−", "-")
    m = _DIGITS.search(low)
    if m:
        value = float(m.group().replace(",", ""))
    else:
        value = next((v for w, v in _LONGEST_FIRST if w.search(low)), None)
        if value is None:
            return None
    scale = _SCALE_WORD.search(low)
    if scale and family in ("money", "count", "number"):
        value *= _scale_of(scale.group(1))
    if family == "duration":
        unit = re.search(r"(second|sec|minute|min|hour|hr|day|week|month|quarter|year)", low)
        if unit:
            value *= _DURATION_DAYS[unit.group(1)]
    if low.startswith("-"):
        value = -value
    return value
