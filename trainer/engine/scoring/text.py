"""Cleaning, capping and splitting an answer, keeping character offsets intact."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property
from itertools import accumulate, repeat
from operator import itemgetter
from typing import NamedTuple

from trainer.engine.scoring.scanner import Subject

MAX_CHARS = 20_000
"""Longer answers are cut here (with a note): scoring stays well under a second."""

# Control characters become spaces of the same length, so every span stays valid.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_WORD = re.compile(r"([$€£]?[^\W_]+(?:['’.,\-/@&][^\W_]+)*%?)")
"""A word, captured so that ``split`` hands back the words between the gaps."""
# A sentence ends at . ! ? (plus closing quotes) before a space, or at a line break.
# Spelled out per first character: re then skips straight to those characters.
_SENTENCE_END = re.compile("|".join(rf"{re.escape(c)}[.!?…]*[\"'”’)\]]*(?=\s|$)" for c in ".!?…")
                           + r"|\n\s*")
_NOT_END = re.compile(r"(?:\b(?:e\.g|i\.e|vs|etc|approx|mr|ms|dr|no|fig|p\.m|a\.m|inc|corp)"
                      r"|\b[A-Za-z])\.$", re.IGNORECASE)


class Span(NamedTuple):
    """A stretch of the answer: a word or a sentence."""

    start: int
    end: int
    text: str


_tuple = tuple.__new__
_FIRST_THREE = itemgetter(slice(0, 3))
_ALNUM = re.compile(r"[^\W_]")
"""A letter or digit: what ``str.isalnum`` accepts, one character at a time."""


class Text:
    """An answer prepared for scoring: cleaned text, words and sentences with offsets."""

    def __init__(self, raw: str, max_chars: int = MAX_CHARS) -> None:
        raw = raw if isinstance(raw, str) else str(raw)
        self.capped = len(raw) > max_chars
        self.original_length = len(raw)
        self.raw = raw[:max_chars]
        # Curly apostrophes (phones, Word, Slack) read as straight ones, so that every
        # rule's "I'll" or "that's" matches; one character for one keeps the spans.
        self.clean = _CONTROL.sub(" ", self.raw).replace("\u2019", "'").replace("\u2018", "'")
        self.lower = self.clean.lower()
        # split() gives gap, word, gap, ..., gap: the running sums of their lengths are
        # the words' offsets, so no match object is made per word
        pieces = _WORD.split(self.clean)
        offsets = list(accumulate(map(len, pieces)))
        self._word_texts = pieces[1::2]
        self._word_starts = offsets[0:-1:2]
        # tuple.__new__ makes the same Span without NamedTuple's Python-level __new__
        self.words = list(map(_tuple, repeat(Span), zip(
            self._word_starts, offsets[1::2], self._word_texts, strict=True)))
        self.sentences = _sentences(self.clean)
        self._starts = [s.start for s in self.sentences]

    @cached_property
    def subject(self) -> Subject:
        """The answer as every rule's scanner reads it."""
        return Subject(self.clean, self.lower, (self._word_starts, self.word_letters))

    @cached_property
    def word_keys(self) -> list[tuple[int, str]]:
        """Each word's start and first three letters in lower case: how the lexicons'
        word indexes look phrases up."""
        return list(zip(self._word_starts, self.word_letters, strict=True))

    @cached_property
    def word_letters(self) -> list[str]:
        """Each word's first three letters in lower case, computed once for all lexicons."""
        if len(self.lower) == len(self.clean):  # every letter lower-cases to one
            return list(map(_FIRST_THREE, self.word_lows))
        return list(map(str.lower, map(_FIRST_THREE, self._word_texts)))

    @cached_property
    def word_lows(self) -> list[str]:
        """Each word in lower case, for the look-ups that compare words."""
        return list(map(str.lower, self._word_texts))

    @property
    def word_count(self) -> int:
        return len(self.words)

    def sentence_index(self, pos: int) -> int:
        """The index of the sentence holding character ``pos`` (or the nearest before it)."""
        return max(0, bisect_right(self._starts, pos) - 1)

    def sentence_at(self, pos: int) -> Span:
        if not self.sentences:
            return Span(0, len(self.clean), self.clean)
        return self.sentences[self.sentence_index(pos)]

    def window(self, pos: int, following: int = 0) -> str:
        """The sentence holding ``pos`` plus ``following`` sentences after it."""
        if not self.sentences:
            return self.clean
        i = self.sentence_index(pos)
        last = self.sentences[min(len(self.sentences) - 1, i + following)]
        return self.clean[self.sentences[i].start:last.end]

    def words_in(self, span: Span) -> int:
        starts = self._word_starts
        return bisect_left(starts, span.end) - bisect_left(starts, span.start)


def _sentences(text: str) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        mark, end = m.group(), m.end()
        # "e.g." or an initial: only a line break still ends the sentence
        if mark[0] == "." and "\n" not in mark and _NOT_END.search(text[max(0, m.start() - 5):end]):
            continue
        _add(spans, text, start, end)
        start = end
    _add(spans, text, start, len(text))
    return spans


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if _ALNUM.search(stripped) is None:
        return
    s = start + len(chunk) - len(chunk.lstrip())
    spans.append(_tuple(Span, (s, s + len(stripped), stripped)))
