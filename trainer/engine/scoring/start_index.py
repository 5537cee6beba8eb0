"""One pass over an answer's word starts for the alternatives of every rule.

Each ``Scanner`` used to search the answer once per alternative: about 35
rules of up to fifty alternatives, each ``search`` walking the whole answer.
Most alternatives start a word with known letters (``\\b(?:I'm|we're) ...``).
A ``StartIndex`` files those under their first one to six letters (keys read
white space as a space and digits as 0, so ``\\s`` and ``\\d`` can be part of
one); per answer, each word start looks its letters up and tries only the
alternatives filed there, with ``match`` at that position. The matches found
are exactly those ``search`` would find: an alternative is indexed only when
its leading assertions rule out any start but a word's first letter (``\\b``
or a look-behind for ``\\w``) and every match begins with one of its filed
keys. Alternatives that cannot be indexed keep the scanner's own path.

Where several alternatives of one scanner match at the same word start, the
scanner's alternation takes the first and skips the others (they start before
the end of its match). So each scanner needs, per word start, only the first
of its alternatives that matches there: the alternatives a scanner files under
the same letters are joined into one regex, ``(?:a1)()|(?:a2)()``, whose
empty group that closes last tells which one matched. One ``match`` per scanner
and word start, and ``re`` tries the alternatives. They are matched on the
lower-cased answer, or on the answer as written when one of them has a
case-sensitive part (``(?-i:IT)``) its lower-cased twin would lose.

The index also holds lexicons' phrase tables, looked up by the first three
letters of each of the answer's words (``Text.word_letters``): one pass over
the words serves every lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import compress
from typing import TYPE_CHECKING, NamedTuple

from trainer.engine.scoring.pattern_facts import _c, _p

if TYPE_CHECKING:
    from trainer.engine.scoring.scanner import Subject

Hit = tuple[int, int, re.Match[str]]
"""(start, alternative, match)."""

KEY_MAX = 6
"""Letters of a key: enough to tell most phrases apart, few enough to expand branches."""
_MAX_KEYS = 64
"""More expansions than this (a long class next): the shorter keys before it must do."""
_WORD_CHARS = re.compile(r"\w+")
"""A run of word characters: each begins at a word start."""
_ALONE = re.compile(r"\(\?P|\\[1-9]|\(\?\(|\(\?[aiLmsux]+\)")
"""Named groups, references to groups and global flags: a regex holding one cannot be
joined to others."""


def start_keys(body: re.Pattern[str]) -> frozenset[str] | None:
    """The strings of 1 to ``KEY_MAX`` characters, none a prefix of another, that every
    match of ``body`` begins with, as keys read it (``_key_char``); ``None`` when they
    cannot be known or a match may begin with anything but a word character."""
    try:
        found = _prefixes(list(_p.parse(body.pattern, body.flags)))
    except (re.error, RecursionError, TypeError, ValueError, AttributeError):
        return None
    if not found:
        return None
    keys = {s[:KEY_MAX] for s, _ in found}
    if any(not s or not (s[0].isascii() and (s[0].isalnum() or s[0] == "_")) for s in keys):
        return None
    # a key that begins another covers it: each word start then finds a part at most once
    return frozenset(k for k in keys if not any(o != k and k.startswith(o) for o in keys))


def starts_words(lead: re.Pattern[str] | None) -> bool:
    """Whether ``lead`` asserts that no word character comes just before the match:
    ``\\b`` (the match starts with one), ``(?<!\\w)`` or ``(?<![\\w@])``."""
    if lead is None:
        return False
    try:
        tree = list(_p.parse(lead.pattern, lead.flags))
    except (re.error, RecursionError, TypeError, ValueError, AttributeError):
        return False
    for op, av in tree:
        if op is _c.AT and av is _c.AT_BOUNDARY:
            return True
        if op is _c.ASSERT_NOT and av[0] == -1:
            inner = list(av[1])
            if len(inner) == 1 and inner[0][0] is _c.IN and (
                    (_c.CATEGORY, _c.CATEGORY_WORD) in inner[0][1]
                    and all(o is not _c.NEGATE for o, _ in inner[0][1])):
                return True
    return False


def _prefixes(items: list) -> set[tuple[str, bool]] | None:
    """(prefix, whole) pairs: every match of the sequence ``items`` begins with one of
    the prefixes; ``whole`` when the prefix is all the sequence can match, so that what
    follows the sequence may extend it."""
    state = {("", True)}
    for item in items:
        if all(not whole or len(s) >= KEY_MAX for s, whole in state):
            break
        options = _options(item)
        nxt = set()
        for s, whole in state:
            if not whole or len(s) >= KEY_MAX:
                nxt.add((s, whole))
            elif options is None:
                nxt.add((s, False))
            else:
                nxt.update(((s + t)[:KEY_MAX], w) for t, w in options)
        if len(nxt) > _MAX_KEYS:  # too many ways on: the prefixes so far must do
            return {(s, False) for s, _ in state}
        state = nxt
    return state


def _options(item) -> set[tuple[str, bool]] | None:
    """What one item of a sequence can begin with, as ``_prefixes`` tells it."""
    op, av = item
    if op is _c.LITERAL:
        return {(_key_char(chr(av)), True)}
    if op is _c.IN:
        if len(av) > 8:
            return None
        chars = set()
        for o, a in av:
            if o is _c.LITERAL:
                chars.add(_key_char(chr(a)))
            elif o is _c.CATEGORY and a in _KEY_CLASSES:
                chars.add(_KEY_CLASSES[a])
            else:
                return None
        return {(c, True) for c in chars}
    if op is _c.SUBPATTERN:
        if av[1] or av[2]:  # inline flags inside: leave it alone
            return None
        return _prefixes(list(av[-1]))
    if op is _c.BRANCH:
        out: set[tuple[str, bool]] = set()
        for alt in av[1]:
            found = _prefixes(list(alt))
            if found is None:
                return None
            out |= found
        return out
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] <= 1:
        low, high, inner = av
        once = _prefixes(list(inner))
        if once is None:
            return None
        # none (when allowed), exactly one, or one and the start of the next
        out = {("", True)} if low == 0 else set()
        out |= once
        if high > 1:
            out |= {(s + t, False) if whole else (s, False)
                    for s, whole in once for t, _ in once}
        return out
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # zero width: it adds no letter
        return {("", True)}
    return None


def _key_char(c: str) -> str:
    """Keys are read with every white-space character as a plain space and every digit
    as a zero, so that ``\\s`` and ``\\d`` in a pattern can be part of a key."""
    return " " if c.isspace() else "0" if c.isdecimal() else c


_KEY_CLASSES = {_c.CATEGORY_SPACE: " ", _c.CATEGORY_DIGIT: "0"}
"""``\\s`` and ``\\d``, as keys read them."""


class Filing(NamedTuple):
    """An alternative as a scanner offers it to the index."""

    lead: re.Pattern[str] | None
    """Its leading assertions, lower-cased."""
    body: re.Pattern[str]
    """The rest, lower-cased."""
    written: re.Pattern[str]
    """The whole alternative as written."""
    relaxed: bool
    """Whether the lower-cased one matches more (it had a case-sensitive part such as
    ``(?-i:IT)``): then the one as written is matched, on the answer itself."""


class _Joined(NamedTuple):
    """The alternatives of one scanner filed under one key, as one regex."""

    scanner: int
    match: Callable[[str, int], re.Match[str] | None]
    exact: bool
    """Whether it is matched on the answer as written (else on its lower-cased copy)."""
    which: dict[int, int]
    """The number of the empty group closing an alternative -> the alternative."""


class _Phrases(NamedTuple):
    """A phrase table's regex for one word's letters."""

    table: int
    match: Callable[[str, int], re.Match[str] | None]
    lowered: bool
    """Whether it is matched on the answer's lower-cased copy."""


class StartIndex:
    """The indexable alternatives of many scanners, filed by the letters they start with,
    and the phrase tables of lexicons, by the first letters of the word they start."""

    def __init__(self) -> None:
        self.tables: list[dict[str, list[tuple[int, int]]]] = [{} for _ in range(KEY_MAX + 1)]
        """Per key length: key -> the (scanner, alternative) pairs filed under it."""
        self.filings: dict[int, dict[int, Filing]] = {}
        """Per scanner, its filed alternatives by number."""
        self._joined: dict[tuple[int, tuple[int, ...]], _Joined] = {}
        self._filed: dict[str, tuple[_Joined, ...]] = {}
        """Key -> ``_file(key)``, filled as answers are read."""
        self._phrases: tuple[dict[str, list[_Phrases]], dict[str, list[_Phrases]]] = ({}, {})
        """A word's first three letters -> the phrase tables' regexes filed under them:
        for an answer as written, and for one whose lower-cased copy can be read."""
        self._numbers = 0

    def file(self, alternatives: list[Filing | None]) -> tuple[int, list[int]] | None:
        """File the alternatives of one scanner (``None``: one it cannot offer): the
        scanner's number and the alternatives filed, or ``None`` if none could be."""
        number = self._numbers
        filings: dict[int, Filing] = {}
        for k, alternative in enumerate(alternatives):
            keys = _keys(alternative) if alternative is not None else None
            if alternative is None or not keys:
                continue
            filings[k] = alternative
            for key in keys:
                self.tables[len(key)].setdefault(key, []).append((number, k))
        if not filings:
            return None
        self._numbers += 1
        self.filings[number] = filings
        self._filed.clear()
        return number, list(filings)

    def file_phrases(self, table: dict[str, tuple[re.Pattern[str], re.Pattern[str] | None]]
                     ) -> int:
        """File a lexicon's phrase table, read a word at a time: a word's first three
        letters, lower-cased (``Text.word_letters``) -> the regex of the phrases whose first
        word starts so, and its lower-cased twin if that finds the same. Its number.

        At each word not inside its previous match, the table's regex for the word's
        letters is tried; its matches come back as (start, 0, match)."""
        number = self._numbers
        self._numbers += 1
        written, lowered = self._phrases
        for key, (regex, twin) in table.items():
            written.setdefault(key, []).append(_Phrases(number, regex.match, False))
            lowered.setdefault(key, []).append(
                _Phrases(number, twin.match, True) if twin is not None
                else _Phrases(number, regex.match, False))
        return number

    def matches(self, subject: Subject) -> dict[int, list[Hit]]:
        """Per scanner and phrase table filed, its matches in the answer."""
        found: dict[int, list[Hit]] = {}
        if subject.faithful and self.filings:
            self._read_starts(subject.text, subject.lower, found)
        if subject.words is not None:
            self._read_words(subject, found)
        return found

    def _read_starts(self, text: str, lower: str, found: dict[int, list[Hit]]) -> None:
        """Per scanner, at each word start where one of its filed alternatives matches:
        (start, the first such alternative, its match), left to right. ``lower`` is the
        lower-cased ``text``, of the same length."""
        filed_under = self._filed
        for w in _WORD_CHARS.finditer(lower):
            p = w.start()
            key = lower[p:p + KEY_MAX]
            filed = filed_under.get(key)
            if filed is None:
                filed = self._file(key)
            for scanner, match, exact, which in filed:
                m = match(text if exact else lower, p)
                if m is not None:
                    found.setdefault(scanner, []).append((p, which[m.lastindex], m))  # type: ignore[index]

    def _read_words(self, subject: Subject, found: dict[int, list[Hit]]) -> None:
        """The phrase tables' matches, left to right, each table resuming after its last."""
        filed_under = self._phrases[subject.faithful]
        text, lower = subject.text, subject.lower
        starts, letters = subject.words  # type: ignore[misc]
        ends = [0] * self._numbers
        # only the words whose letters are filed, picked out without a Python-level loop
        filed = list(map(filed_under.__contains__, letters))
        for start, key in zip(compress(starts, filed), compress(letters, filed), strict=True):
            for number, match, lowered in filed_under[key]:
                if start < ends[number]:
                    continue
                m = match(lower if lowered else text, start)
                if m is not None:
                    ends[number] = m.end()
                    found.setdefault(number, []).append((start, 0, m))

    def _file(self, key: str) -> tuple[_Joined, ...]:
        """Per scanner, its alternatives filed under ``key`` or under a shorter start of
        it, joined. Remembered per key: a property of the rules, not the answer, and the
        keys in use (a word's first six letters) are few."""
        per_scanner: dict[int, list[int]] = {}
        read = "".join(map(_key_char, key))
        for length in range(1, len(read) + 1):
            for scanner, k in self.tables[length].get(read[:length], ()):
                per_scanner.setdefault(scanner, []).append(k)
        filed = tuple(self._join(scanner, tuple(sorted(ks)))
                      for scanner, ks in sorted(per_scanner.items()))
        if len(self._filed) < 100_000:
            self._filed[key] = filed
        return filed

    def _join(self, scanner: int, ks: tuple[int, ...]) -> _Joined:
        """A scanner's alternatives ``ks`` as one regex, each closed by an empty group;
        made once per set of alternatives."""
        joined = self._joined.get((scanner, ks))
        if joined is None:
            filings = [self.filings[scanner][k] for k in ks]
            exact = any(f.relaxed for f in filings)
            regexes = [f.written if exact else _whole(f) for f in filings]
            sources, which, groups = [], {}, 0
            for k, regex in zip(ks, regexes, strict=True):
                sources.append(f"(?:{regex.pattern})()")
                groups += regex.groups + 1
                which[groups] = k
            joined = self._joined[scanner, ks] = _Joined(
                scanner, re.compile("|".join(sources), regexes[0].flags).match, exact, which)
        return joined


def _whole(filing: Filing) -> re.Pattern[str]:
    """The lower-cased lead and body as one regex."""
    lead = filing.lead.pattern if filing.lead is not None else ""
    return re.compile(lead + filing.body.pattern, filing.body.flags)


def _keys(filing: Filing) -> frozenset[str] | None:
    """The keys to file an alternative under, or ``None`` if it cannot be filed."""
    body = filing.body
    if body.flags & re.ASCII or not starts_words(filing.lead):
        return None  # ASCII's \b would also allow a start inside a word
    try:
        whole = _whole(filing)
    except re.error:
        return None
    if _ALONE.search(whole.pattern) or _ALONE.search(filing.written.pattern):
        return None  # it cannot be joined to the scanner's other alternatives
    return start_keys(body)
