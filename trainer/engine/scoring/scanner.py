"""Finding a rule's matches in an answer without trying every alternative at every character.

A rule is an alternation of up to fifty phrases. Python's ``re`` tries the
whole alternation at each character of the answer, and compares letters
case-insensitively, which together were most of the scoring time. A
``Scanner`` keeps each alternative as its own regex and, per answer:

- reads the alternatives that start words with known letters from a
  ``StartIndex`` shared by all rules, which tries them at the answer's word
  starts in one pass;
- drops the other alternatives whose required words are missing (``pattern_facts``);
- matches a lower-cased copy of each remaining one against the lower-cased
  answer, which ``re`` does several times faster than IGNORECASE;
- moves a leading ``\\b`` or look-behind out of the regex and checks it only
  where the rest matched, so that ``re`` can jump between candidate letters
  (a body that offers nothing to jump to keeps a ``\\b`` lead in front).

The per-alternative matches are merged as the alternation would choose them:
leftmost first, the earlier alternative on a tie, and the scan resumes at the
end of each match. The result is exactly that of ``finditer`` on the whole
pattern (a test compares them on thousands of answers).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence

from trainer.engine.scoring.pattern_facts import (
    FOLDS_OUTSIDE_ASCII,
    facts_of,
    lowered,
    split_alternatives,
    split_lead,
    unwrapped,
)
from trainer.engine.scoring.start_index import Filing, Hit, StartIndex

_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")


def lowers_faithfully(text: str, lower: str) -> bool:
    """Whether a lower-cased pattern matches ``lower`` exactly where the IGNORECASE one
    matches ``text``: true unless a cased letter beyond ASCII is present (there the
    case rules of ``str.lower`` and ``re`` differ)."""
    if text.isascii():
        return True
    return len(lower) == len(text) and all(
        c.lower() == c.upper() for c in set(_BEYOND_ASCII.findall(text)))


class Subject:
    """One answer as the scanners see it: the text, its lower-cased copy, and which
    required words it holds."""

    def __init__(self, text: str, lower: str,
                 words: tuple[list[int], list[str]] | None = None) -> None:
        self.text = text
        self.lower = lower
        self.words = words
        """Each word's start, and its first three letters lower-cased (``Text.word_keys``
        as two lists): what lexicons' phrase tables are read with."""
        self.faithful = lowers_faithfully(text, lower)
        # lower() of these does not give what IGNORECASE matches: rule out no word then
        self.plain_folding = self.faithful or (
            len(lower) == len(text) and not any(c in text for c in FOLDS_OUTSIDE_ASCII))
        self.has_word: dict[str, bool] = {}
        """Whether the lower-cased answer holds a word, filled as the scanners ask."""
        self._starts: dict[StartIndex, dict[int, list[Hit]]] = {}
        """Per index read: usually one, but a measure's scanner shared by two scorers
        is filed in the later one's."""

    def start_matches(self, index: StartIndex) -> dict[int, list[Hit]]:
        """Per scanner and phrase table filed in ``index``, its matches, found once per
        answer."""
        found = self._starts.get(index)
        if found is None:
            found = self._starts[index] = index.matches(self)
        return found


class _Alternative:
    """One alternative: its leading assertions and the rest, as written and lower-cased."""

    __slots__ = ("exact", "need", "nullable", "twin", "_written", "_lowered")

    def __init__(self, lead: str, body: str, flags: int) -> None:
        self.exact = re.compile(lead + body, flags)
        """The whole alternative as written: what a lower-cased match is confirmed with."""
        body_re = re.compile(body, flags)
        lead_re = re.compile(lead, flags) if lead else None
        facts = facts_of(body_re)  # the lead is zero-width: it adds no word and no length
        self.need = facts.need
        self.nullable = facts.nullable
        self.twin: Filing | None = None
        """The lead and body lower-cased, as the start index files them."""
        body_low = lowered(body_re)
        lead_low = lowered(lead_re) if lead_re is not None else (None, False)
        if body_low is not None and lead_low is not None:
            self.twin = Filing(lead_low[0], body_low[0], self.exact, body_low[1] or lead_low[1])
        # What ``first`` searches for, and the lead it checks where that matched. Split
        # off, the lead lets re skip ahead to the body's first letters; a body that
        # offers none is searched whole, where the lead rules out most places at once
        # (split, a body such as "(?:[\w-]+ )?call" matches inside every word, and each
        # of those matches would cost a turn of the loop in ``first``).
        inline = bool(lead) and not facts.skips_ahead
        self._written = (self.exact, None) if inline else (body_re, lead_re)
        self._lowered: tuple[re.Pattern[str], re.Pattern[str] | None] | None = None
        if self.twin is not None:
            twin_lead, twin_body = self.twin.lead, self.twin.body
            self._lowered = ((re.compile((twin_lead.pattern if twin_lead else "")
                                         + twin_body.pattern, twin_body.flags), None)
                             if inline else (twin_body, twin_lead))

    def first(self, subject: Subject, pos: int, hi: int) -> re.Match[str] | None:
        """The leftmost match starting at or after ``pos``."""
        confirm = False
        if subject.faithful and self._lowered is not None:
            body, lead = self._lowered
            confirm = self.twin.relaxed  # type: ignore[union-attr]
            string = subject.lower
        else:
            (body, lead), string = self._written, subject.text
        while True:
            m = body.search(string, pos, hi)
            if m is None:
                return None
            if lead is None or lead.match(string, m.start(), hi):
                if not confirm:
                    return m
                exact = self.exact.match(subject.text, m.start(), hi)
                if exact is not None:
                    return exact
            pos = m.start() + 1


class Scanner:
    """The matches of ``lead(?:a1|a2|...)trail``, found alternative by alternative."""

    def __init__(self, alternatives: list[str], flags: int = 0,
                 lead: str = "", trail: str = "") -> None:
        self.whole = re.compile(lead + "(?:" + "|".join(alternatives) + ")" + trail, flags)
        self._recipe = (alternatives, flags, lead, trail)
        self._parts: list[_Alternative] | None = None
        self._exact_only = False
        self._index: StartIndex | None = None
        self._number = -1
        """The scanner's number in ``_index``."""
        self._searched: list[int] = []
        """The alternatives not filed in ``_index``: searched here even when it is used."""

    def index_into(self, index: StartIndex) -> None:
        """File the alternatives that can be in a ``StartIndex`` shared by many scanners:
        ``finditer`` over a whole answer then reads their matches from it. A scanner
        shared by several rules is filed once; filed in a second index (a second
        scorer), it reads from that one, which gives the same matches."""
        parts = self.parts
        if self._exact_only or self._index is index:
            return
        filed = index.file([part.twin for part in parts])
        if filed is not None:
            self._index, self._number = index, filed[0]
            self._searched = [k for k in range(len(parts)) if k not in filed[1]]

    @property
    def parts(self) -> list[_Alternative]:
        """The alternatives, compiled on first use: a lexicon matched through its word
        index never needs them, and loading the scorer stays quick."""
        if self._parts is None:
            alternatives, flags, lead, trail = self._recipe
            try:
                parts = []
                for alternative in alternatives:
                    # "(?:a|b)|c" is "a|b|c": a phrase's own alternatives are parts too
                    inner = unwrapped(alternative)
                    for piece in split_alternatives(inner) or [inner]:
                        own_lead, body = split_lead(piece)
                        parts.append(_Alternative(lead + own_lead, f"(?:{body}){trail}", flags))
            except re.error:  # an alternative that only compiles beside its neighbours
                parts = [_Alternative("", self.whole.pattern, flags)]
            # empty matches follow finditer's own rules: leave such patterns to it
            self._exact_only = any(p.nullable for p in parts)
            self._parts = parts
        return self._parts

    @classmethod
    def of_pattern(cls, pattern: str, flags: int = 0) -> Scanner:
        return cls(split_alternatives(pattern) or [pattern], flags)

    def finditer(self, subject: Subject, lo: int = 0,
                 hi: int | None = None) -> Iterator[re.Match[str]]:
        """Matches left to right. They may come from the lower-cased answer: use their
        spans, or compare their text without regard to case."""
        hi = len(subject.text) if hi is None else hi
        parts = self.parts
        if self._exact_only:
            yield from self.whole.finditer(subject.text, lo, hi)
            return
        # Over the whole answer, the alternatives filed in the shared index are read from
        # it (one pass over the answer's word starts for every rule); the rest are searched.
        if (self._index is not None and subject.faithful and lo == 0
                and hi == len(subject.text)):
            indexed = subject.start_matches(self._index).get(self._number, ())
            searched: Iterable[int] = self._searched
        else:
            indexed, searched = (), range(len(parts))
        heads = []
        known, lower, folding = subject.has_word, subject.lower, subject.plain_folding
        for k in searched:
            part = parts[k]
            need = part.need
            # skip it unless the answer holds one of its needed words (a hot loop: inline)
            if need is not None and folding:
                for w in need.words:
                    hit = known.get(w)
                    if hit is None:
                        hit = known[w] = w in lower
                    if hit:
                        break
                else:
                    continue
            m = part.first(subject, lo, hi)
            if m is not None:
                heads.append((m.start(), k, m))
        if not heads:  # the index's matches alone: each after the end of the one before
            end = lo
            for start, _, m in indexed:
                if start >= end:
                    yield m
                    end = m.end()
            return

        def advance(k: int, resume: int) -> re.Match[str] | None:
            return parts[k].first(subject, resume, hi)

        yield from _merged(heads, indexed, advance)

    def search(self, subject: Subject) -> re.Match[str] | None:
        return next(self.finditer(subject), None)


def _merged(heads: list[Hit], indexed: Sequence[Hit],
            advance: Callable[[int, int], re.Match[str] | None]) -> Iterator[re.Match[str]]:
    """The alternatives' matches merged as one alternation would give them: leftmost
    first, the earlier alternative on a tie, resuming after each match. ``heads`` holds
    the first match of each alternative searched, and ``advance(k, pos)`` finds
    alternative k's next; ``indexed``, the index's matches, one per start."""
    nxt = 0  # the first of ``indexed`` not yet passed
    while True:
        candidates = heads + [indexed[nxt]] if nxt < len(indexed) else heads
        if not candidates:
            return
        # leftmost, then the earlier alternative, as re would pick; two candidates
        # never share both, so the matches themselves are never compared
        m = min(candidates)[2]
        yield m
        resume = m.end()
        while nxt < len(indexed) and indexed[nxt][0] < resume:
            nxt += 1
        moved = []
        for head in heads:
            if head[0] >= resume:
                moved.append(head)
                continue
            again = advance(head[1], resume)
            if again is not None:
                moved.append((again.start(), head[1], again))
        heads = moved


_TWINS: dict[int, tuple[re.Pattern[str], re.Pattern[str] | None]] = {}
"""id of a regex -> the regex (kept alive, so that its id is not reused) and its twin.
Keyed by id: hashing a compiled pattern hashes all its code, up to 10 us a call."""


def lower_twin(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """The lower-cased twin of an IGNORECASE regex, when it finds exactly the same spans."""
    known = _TWINS.get(id(regex))
    if known is None:
        low = lowered(regex)
        known = _TWINS[id(regex)] = (regex, low[0] if low is not None and not low[1] else None)
    return known[1]


def finditer_in(subject: Subject, regex: re.Pattern[str], lo: int = 0,
                hi: int | None = None) -> Iterator[re.Match[str]]:
    """``regex.finditer`` over the answer, run on the lower-cased copy where that is
    exact and quicker: use the matches' spans, not their text."""
    hi = len(subject.text) if hi is None else hi
    twin = lower_twin(regex) if subject.faithful else None
    if twin is None:
        return regex.finditer(subject.text, lo, hi)
    return twin.finditer(subject.lower, lo, hi)


def search_in(subject: Subject, regex: re.Pattern[str], lo: int = 0,
              hi: int | None = None) -> re.Match[str] | None:
    """``regex.search`` over the answer, as ``finditer_in``."""
    hi = len(subject.text) if hi is None else hi
    twin = lower_twin(regex) if subject.faithful else None
    if twin is None:
        return regex.search(subject.text, lo, hi)
    return twin.search(subject.lower, lo, hi)
