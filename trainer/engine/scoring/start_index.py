"""One pass over an answer's word starts for the alternatives of every rule.

Each ``Scanner`` used to search the answer once per alternative: about 35
rules of up to fifty alternatives, each ``search`` walking the whole answer.
Most alternatives start a word with known letters (``\\b(?:I'm|we're) ...``).
A ``StartIndex`` files those under their first one to three letters; per
answer, each word start looks its letters up and tries only the alternatives
filed there, with ``match`` at that position. The matches found are exactly
those ``search`` would find: an alternative is indexed only when its leading
assertions rule out any start but a word's first letter (``\\b`` or a
look-behind for ``\\w``) and every match begins with one of its filed keys.
Alternatives that cannot be indexed keep the scanner's own path.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from trainer.engine.scoring.pattern_facts import _c, _p

KEY_MAX = 6
"""Letters of a key: enough to tell most phrases apart, few enough to expand branches."""
_MAX_KEYS = 64
"""More expansions than this (a long class in front): not worth indexing."""
_KEYS = re.compile(rf"\b(?=(\w.{{0,{KEY_MAX - 1}}}))", re.DOTALL)
"""At each word start, its first ``KEY_MAX`` characters (fewer at the end of the text)."""


def start_keys(body: re.Pattern[str]) -> frozenset[str] | None:
    """The strings of 1 to ``KEY_MAX`` characters, none a prefix of another, that every
    match of ``body`` begins with; ``None`` when they cannot be known or a match may
    begin with anything but a word character."""
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
        if len(nxt) > _MAX_KEYS:
            return None
        state = nxt
    return state


def _options(item) -> set[tuple[str, bool]] | None:
    """What one item of a sequence can begin with, as ``_prefixes`` tells it."""
    op, av = item
    if op is _c.LITERAL:
        return {(chr(av), True)}
    if op is _c.IN:
        if len(av) > 8 or any(o is not _c.LITERAL for o, _ in av):
            return None
        return {(chr(a), True) for _, a in av}
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
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
        found = _prefixes(list(av[2]))
        return None if found is None else found | {("", True)}
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # zero width: it adds no letter
        return {("", True)}
    return None


class StartIndex:
    """The indexable alternatives of many scanners, filed by the letters they start with."""

    def __init__(self) -> None:
        self.tables: list[dict[str, list[int]]] = [{} for _ in range(KEY_MAX + 1)]
        self.regexes: list[re.Pattern[str]] = []
        """Per indexed alternative: its lead and body as one lower-case regex."""
        self._filed: dict[str, tuple[tuple[int, Callable], ...]] = {}
        """Key -> ``_file(key)``, filled as answers are read."""

    def add(self, lead: re.Pattern[str] | None, body: re.Pattern[str]) -> int | None:
        """File a lower-cased alternative; its number, or ``None`` if it cannot be filed."""
        if body.flags & re.ASCII or not starts_words(lead):
            return None  # ASCII's \b would also allow a start inside a word
        keys = start_keys(body)
        if not keys:
            return None
        try:
            regex = re.compile(lead.pattern + body.pattern, body.flags)  # type: ignore[union-attr]
        except re.error:
            return None
        number = len(self.regexes)
        self.regexes.append(regex)
        self._filed.clear()
        for key in keys:
            self.tables[len(key)].setdefault(key, []).append(number)
        return number

    def matches(self, lower: str) -> dict[int, list[re.Match[str]]]:
        """Per filed alternative, its matches in ``lower`` at word starts, left to right."""
        found: dict[int, list[re.Match[str]]] = {}
        filed_under = self._filed
        for w in _KEYS.finditer(lower):
            key = w.group(1)
            filed = filed_under.get(key)
            if filed is None:
                filed = self._file(key)
            if not filed:
                continue
            p = w.start()
            for n, match in filed:
                m = match(lower, p)
                if m is not None:
                    got = found.get(n)
                    if got is None:
                        found[n] = [m]
                    else:
                        got.append(m)
        return found

    def _file(self, key: str) -> tuple[tuple[int, Callable], ...]:
        """The alternatives filed under ``key`` or under a shorter start of it, with their
        regexes' ``match``. Remembered per key: a property of the rules, not the answer,
        and the keys in use (a word's first three letters) are few."""
        numbers = sorted(n for length in range(1, len(key) + 1)
                         for n in self.tables[length].get(key[:length], ()))
        filed = tuple((n, self.regexes[n].match) for n in numbers)
        if len(self._filed) < 100_000:
            self._filed[key] = filed
        return filed
