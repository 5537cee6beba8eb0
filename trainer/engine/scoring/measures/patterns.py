"""The measures' regexes, each searched on the lower-cased answer where that is exact."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property

from trainer.engine.scoring.scanner import Subject, lower_twin


class Twinned:
    """An IGNORECASE regex and its lower-cased twin, as ``scanner.finditer_in`` runs it,
    with the twin looked up once: the look-up hashes the whole compiled pattern, which
    costs up to 10 us per call for the largest."""

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex

    @cached_property
    def twin(self) -> re.Pattern[str] | None:
        """Made at first use, so that loading stays quick."""
        return lower_twin(self.regex)

    def finditer(self, subject: Subject, lo: int = 0,
                 hi: int | None = None) -> Iterator[re.Match[str]]:
        """Matches left to right; use their spans, not their text (it may be lower-cased)."""
        hi = len(subject.text) if hi is None else hi
        twin = self.twin if subject.faithful else None
        if twin is None:
            return self.regex.finditer(subject.text, lo, hi)
        return twin.finditer(subject.lower, lo, hi)

    def search(self, subject: Subject, lo: int = 0,
               hi: int | None = None) -> re.Match[str] | None:
        """The first match, as ``finditer`` would give it."""
        hi = len(subject.text) if hi is None else hi
        twin = self.twin if subject.faithful else None
        if twin is None:
            return self.regex.search(subject.text, lo, hi)
        return twin.search(subject.lower, lo, hi)
