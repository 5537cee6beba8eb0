"""Cleaning, capping and splitting an answer, keeping character offsets intact."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property
from typing import NamedTuple

from trainer.engine.scoring.scanner import Subject

MAX_CHARS = 20_000
"""Longer answers are cut here (with a note): scoring stays well under a second."""

# Control characters become spaces of the same length, so every span stays valid.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_WORD = re.compile(r"[$€£]?[^\W_]+(?:['’.,\-/@&][^\W_]+)*%?")
# A sentence ends at . ! ? (plus closing quotes) before a space, or at a line break.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)|\n\s*")
_NOT_END = re.compile(r"(?:\b(?:e\.g|i\.e|vs|etc|approx|mr|ms|dr|no|fig|p\.m|a\.m|inc|corp)"
                      r"|\b[A-Za-z])\.$", re.IGNORECASE)


class Span(NamedTuple):
    """A stretch of the answer: a word or a sentence."""

    start: int
    end: int
    text: str


_tuple = tuple.__new__


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
        # tuple.__new__ makes the same Span without NamedTuple's Python-level __new__
        self.words = [_tuple(Span, (m.start(), m.end(), m.group()))
                      for m in _WORD.finditer(self.clean)]
        self.sentences = _sentences(self.clean)
        self._starts = [s.start for s in self.sentences]
        self._word_starts = [w.start for w in self.words]

    @cached_property
    def subject(self) -> Subject:
        """The answer as every rule's scanner reads it."""
        return Subject(self.clean, self.lower)

    @cached_property
    def word_keys(self) -> list[tuple[int, str]]:
        """Each word's start and first three letters in lower case: how the lexicons'
        word indexes look phrases up, computed once for all of them."""
        return [(w.start, w.text[:3].lower()) for w in self.words]

    @cached_property
    def word_lows(self) -> list[str]:
        """Each word in lower case, for the look-ups that compare words."""
        return [w.text.lower() for w in self.words]

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
        if m.group().startswith(".") and _NOT_END.search(text[max(0, m.start() - 5):m.end()]):
            # "e.g." or an initial: only a line break still ends the sentence
            if "\n" not in m.group():
                continue
        _add(spans, text, start, m.end())
        start = m.end()
    _add(spans, text, start, len(text))
    return spans


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped or not any(c.isalnum() for c in stripped):
        return
    lead = len(chunk) - len(chunk.lstrip())
    s, e = start + lead, start + lead + len(stripped)
    spans.append(Span(s, e, text[s:e]))
