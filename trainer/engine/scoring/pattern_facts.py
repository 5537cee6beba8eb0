"""What a regex needs in order to match, and how to split and lower-case it safely.

Read from the parse tree behind ``re``. The scanner uses these facts to skip a
rule's alternatives that cannot match an answer. Every fact errs on the safe
side: when a pattern is beyond this module, the answer is "needs nothing" or
"cannot be rewritten", never a wrong "cannot match".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

try:  # the parser behind ``re``: a private module, so guard against it moving
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_REPEATS = tuple(op for op in (_c.MAX_REPEAT, _c.MIN_REPEAT,
                               getattr(_c, "POSSESSIVE_REPEAT", None)) if op is not None)

FOLDS_OUTSIDE_ASCII = frozenset("\u0130\u0131\u017f\u212a")
"""The characters outside ASCII that ``re.IGNORECASE`` equates with an ASCII letter
(dotted capital I, dotless i, long s, the Kelvin sign). An answer holding one is
scanned without the literal shortcut, which compares lower-cased text."""


@dataclass(frozen=True)
class Need:
    """Every match holds one of ``words`` (lower-case)."""

    words: tuple[str, ...]


@dataclass(frozen=True)
class Facts:
    need: Need | None
    """What an answer must hold for the pattern to match; ``None``: nothing known."""
    nullable: bool
    """Whether the pattern can match an empty string."""
    skips_ahead: bool = False
    """Whether ``re`` can skip straight to the places a match may start: the pattern
    begins with a literal, a class or a choice of literals."""


def facts_of(pattern: re.Pattern[str]) -> Facts:
    try:
        tree = _p.parse(pattern.pattern, pattern.flags)
        return Facts(_best(_requirements(list(tree))), tree.getwidth()[0] == 0,
                     _skips_ahead(list(tree)))
    except (re.error, RecursionError, TypeError, ValueError, AttributeError):
        return Facts(None, True)


def _skips_ahead(items: list) -> bool:
    """As ``re`` tells it when compiling: what the first item (inside any groups) is."""
    while items and items[0][0] is _c.SUBPATTERN:
        items = list(items[0][1][-1])
    if not items:
        return False
    op, av = items[0]
    if op is _c.BRANCH:
        return all(alt and alt[0][0] is _c.LITERAL for alt in av[1])
    return op in (_c.LITERAL, _c.IN)


_COMMON = frozenset("a an and are as at be but by for have i in is it it's its my not of on or "
                    "our so that that's the they this to was we we're will with you".split())


def _telling(need: Need) -> int:
    """How rare the rarest-looking word of a need is, roughly: its length, less for
    everyday words that almost every answer holds."""
    def rarity(word: str) -> int:
        core = word.strip()
        return len(core) - (4 if core in _COMMON else 0)
    return min(rarity(w) for w in need.words)


def _best(needs) -> Need | None:
    best = max(needs, key=_telling, default=None)
    return best if best is not None and _telling(best) >= 3 else None


_MAX_SPELLINGS = 8
"""More ways to spell a stretch than this: the stretch so far is a need of its own."""


def _requirements(items: list):
    """Each required piece of a sequence: a stretch of ASCII literals, or of small
    choices between them (``(?:was|is) (?:mine|my own)``: four spellings), or a choice
    between the alternatives' own pieces."""
    runs = {""}  # the spellings of the stretch read so far
    for item in items:
        spelled = _spellings(item)
        if spelled is not None and len(runs) * len(spelled) <= _MAX_SPELLINGS:
            runs = {r + s for r in runs for s in spelled}
            continue
        if "" not in runs:
            yield Need(tuple(sorted(runs)))
        runs = {""}
        if spelled is not None:  # too many ways on: a new stretch starts here
            runs = spelled
            continue
        op, av = item
        if op is _c.SUBPATTERN:
            yield from _requirements(list(av[-1]))
        elif op is _c.BRANCH:
            choice = [_best(_requirements(list(alt))) for alt in av[1]]
            if choice and all(choice):
                yield Need(tuple(sorted({w for need in choice for w in need.words})))  # type: ignore[union-attr]
        elif op in _REPEATS and av[0] >= 1:
            yield from _requirements(list(av[2]))
    if "" not in runs:
        yield Need(tuple(sorted(runs)))


def _spellings(item) -> set[str] | None:
    """The lower-cased strings one item of a sequence can match, when they are a few
    spelled in ASCII letters; else ``None``."""
    op, av = item
    if op is _c.LITERAL:
        ch = chr(av)
        return {ch.lower()} if ch.isascii() else None
    if op is _c.IN:  # re turns "(?:d|e)" into "[de]"
        if not all(o is _c.LITERAL and chr(a).isascii() for o, a in av):
            return None
        return {chr(a).lower() for _, a in av}
    if op is _c.SUBPATTERN:
        return None if av[1] or av[2] else _sequence_spellings(list(av[-1]))
    if op in _REPEATS and av[:2] == (0, 1):
        once = _sequence_spellings(list(av[2]))
        return None if once is None else once | {""}
    if op is _c.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            found = _sequence_spellings(list(alt))
            if found is None:
                return None
            out |= found
        return out if len(out) <= _MAX_SPELLINGS else None
    return None


def _sequence_spellings(items: list) -> set[str] | None:
    """What ``_spellings`` tells of a whole sequence."""
    out = {""}
    for item in items:
        spelled = _spellings(item)
        if spelled is None or len(out) * len(spelled) > _MAX_SPELLINGS:
            return None
        out = {r + s for r in out for s in spelled}
    return out


def split_alternatives(pattern: str) -> list[str] | None:
    """The top-level ``|`` alternatives of ``pattern``, or ``None`` if it cannot be split
    safely (it has no alternatives, groups referred to by name or number, or global flags)."""
    if re.search(r"\(\?P|\\[1-9]|\(\?[aiLmsux]+\)", pattern):
        return None
    out, start = [], 0
    for i, ch, depth in _structure(pattern):
        if ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    out.append(pattern[start:])
    return out if len(out) > 1 else None


def split_lead(alternative: str) -> tuple[str, str]:
    """(leading assertions, the rest) of an alternative: ``\\b``, look-behinds and
    look-aheads in front. ``re`` cannot jump ahead to a likely letter when a pattern
    starts with an assertion; checked separately, they cost nothing."""
    i = 0
    while True:
        if alternative.startswith("\\b", i):
            i += 2
        elif alternative.startswith(("(?<!", "(?<=", "(?=", "(?!"), i):
            end = _group_end(alternative, i)
            if end is None:
                break
            i = end
        else:
            break
    return alternative[:i], alternative[i:]


def unwrapped(pattern: str) -> str:
    """``pattern`` without a non-capturing group around all of it."""
    while pattern.startswith("(?:") and _group_end(pattern, 0) == len(pattern):
        pattern = pattern[3:-1]
    return pattern


def _group_end(pattern: str, i: int) -> int | None:
    """The index just past the group that opens at ``pattern[i]``."""
    for j, ch, depth in _structure(pattern, i):
        if ch == ")" and depth == 0:
            return j + 1
    return None


def _structure(pattern: str, i: int = 0):
    """(index, character, depth after it) of each '(', ')' and '|' from ``pattern[i]``
    on, skipping escapes and character classes, where they are literal."""
    depth, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(pattern, i)
            continue
        if ch in "()|":
            depth += (ch == "(") - (ch == ")")
            yield i, ch, depth
        i += 1


def _class_end(pattern: str, i: int) -> int:
    """The index just past the character class that opens at ``pattern[i]``."""
    n = len(pattern)
    i += 1
    if i < n and pattern[i] == "^":
        i += 1
    if i < n and pattern[i] == "]":  # a ']' first is a literal bracket
        i += 1
    while i < n and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1


_NOT_LOWERABLE = re.compile(r"\(\?(?:[aiLmsux]+(?:-[aiLmsux]+)?|-[aiLmsux]*[aLmsux][aiLmsux]*)[:)]"
                            r"|\(\?P[<=][^>)]*[A-Z]|\\[xuUN0-7]")
"""Inline flags (other than a case-sensitive group), group names with capitals and
escapes that may spell a capital letter."""


def lowered(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], bool] | None:
    """A case-sensitive twin of an IGNORECASE pattern, for the lower-cased answer,
    and whether its matches must be confirmed with ``pattern``.

    ``re`` compares characters case-insensitively far more slowly than exactly:
    lower-casing the answer once and matching a lower-cased pattern finds the same
    spans. A case-sensitive group such as ``(?-i:IT)`` becomes ``(?:it)``, which
    matches more: such a twin only proposes where to look. ``None`` when the
    pattern cannot be lowered safely.
    """
    if not pattern.flags & re.IGNORECASE or _NOT_LOWERABLE.search(pattern.pattern):
        return None
    source, out, i = pattern.pattern, [], 0
    relaxed = "(?-i:" in source
    source = source.replace("(?-i:", "(?:")
    while i < len(source):
        ch = source[i]
        if ch == "\\":  # \S, \W, \B, \A and \Z are classes and anchors, not letters
            out.append(source[i:i + 2])
            i += 2
            continue
        if source.startswith("(?P", i):  # a named group keeps its capital P
            out.append("(?P")
            i += 3
            continue
        out.append(ch.lower())
        i += 1
    try:
        return re.compile("".join(out), pattern.flags & ~re.IGNORECASE), relaxed
    except re.error:
        return None
