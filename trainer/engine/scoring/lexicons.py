"""Lexicon phrases compiled to one regex each, plus near-miss matching for jargon."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from itertools import compress
from operator import ne

from rapidfuzz import fuzz, process

from trainer.content.models.rubric import Lexicon, LexiconEntry
from trainer.engine.scoring.scanner import Scanner, lower_twin
from trainer.engine.scoring.start_index import StartIndex

_SEPARATOR = r"[\s\-‐–/]*"
_APOSTROPHE = re.compile("['’]")
_FUZZY_MIN = 8
"""Shorter terms match exactly only, or 'a test' would be 'AB test'."""
_NOT_A_MISS = partial(ne, -1)
"""Whether a remembered near-miss verdict (a term's number, -1, or ``None`` when there
is none yet) is not a miss."""


def phrase_pattern(phrase: str, plurals: bool = False) -> str:
    """A regex for ``phrase`` tolerant of spacing, hyphens, curly apostrophes and plurals."""
    parts = [p for p in re.split(r"[\s\-]+", phrase.strip()) if p]
    # one pass: replacing "'" and then "’" would rewrite the class the first made
    escaped = [_APOSTROPHE.sub("['’]", re.escape(p)) for p in parts]
    if plurals and parts and parts[-1][-1:].isalpha():
        last = escaped[-1]
        if parts[-1].endswith("y") and len(parts[-1]) > 3:
            escaped[-1] = last[:-1] + "(?:y|ies)"
        else:
            escaped[-1] = last + "(?:e?s)?"
    return _SEPARATOR.join(escaped)


def bounded(alternatives: list[str], flags: int = 0, firsts: str = "") -> Scanner:
    """Alternatives matched on word boundaries, longest first.

    ``firsts`` (the letters the phrases can start with) lets the whole-pattern
    regex skip most positions at once when it has to be used.
    """
    ordered = sorted(alternatives, key=len, reverse=True)
    gate = f"(?=[{re.escape(firsts)}])" if firsts else ""
    # \b is checked far faster than a look-behind; usable when every phrase starts a word
    starts_word = all(a[:1].isalnum() or a.startswith("(") for a in alternatives)
    lead = r"\b(?<!@)" if starts_word else r"(?<![\w@])"
    return Scanner(ordered, flags, lead=lead + gate, trail=r"(?![\w])")


@dataclass
class CompiledLexicon:
    """A lexicon ready for matching: one regex for all, one per entry to tell which."""

    lexicon: Lexicon
    scanner: Scanner
    entry_regexes: list[tuple[re.Pattern[str], LexiconEntry]]
    contexts: dict[int, re.Pattern[str]]
    fuzzy_terms: dict[int, list[tuple[str, LexiconEntry]]]
    """Word count -> (lower-case phrase, entry), for near-miss matching."""
    index: dict[str, re.Pattern[str]] | None = None
    """First three letters of a phrase -> a regex of the phrases starting so; ``None``
    when an entry is a free regex and the whole-text regex must be used."""
    _cache: dict = field(default_factory=dict)
    _filed: tuple[StartIndex, int] | None = None
    """The index its word index is filed in, and its number there."""

    def index_into(self, index: StartIndex) -> None:
        """File the word index in a ``StartIndex`` shared by the rules: the answer's
        words are then read once for every lexicon."""
        if self.index is not None:
            self._filed = (index, index.file_phrases(
                {key: (regex, lower_twin(regex)) for key, regex in self.index.items()}))

    def matches(self, answer) -> list[tuple[int, int, LexiconEntry]]:
        """(start, end, entry) of each phrase in ``text``, left to right, longest first.

        With an index, only word starts are tried, and only against phrases that
        begin with the same three letters: a few dictionary look-ups per word
        instead of a 300-way alternation at every character.
        """
        if self.index is None:
            return [(m.start(), m.end(), self.entry_for(m.group()))
                    for m in self.scanner.finditer(answer.subject)]
        if self._filed is None:  # used on its own, not by a scorer
            self.index_into(StartIndex())
        index, number = self._filed  # type: ignore[misc]
        return [(start, m.end(), self.entry_for(m.group()))
                for start, _, m in answer.subject.start_matches(index).get(number, ())]

    def buckets(self, n: int) -> dict[str, tuple]:
        """n-word fuzzy terms by first letter: (min length - 2, max length + 2, terms, names)."""
        key = ("b", n)
        if key not in self._cache:
            groups: dict[str, list[tuple[str, LexiconEntry]]] = {}
            for term, entry in self.fuzzy_terms.get(n, []):
                groups.setdefault(term[0], []).append((term, entry))
            self._cache[key] = {
                first: (min(len(t) for t, _ in items) - 2, max(len(t) for t, _ in items) + 2,
                        items, [t for t, _ in items])
                for first, items in groups.items()}
        return self._cache[key]

    def anchors(self) -> dict[str, list[int]]:
        """Each word of the fuzzy terms of several words (a phrase with a typo keeps at
        least one) -> the word counts of the terms holding it."""
        anchors = self._cache.get("anchors")
        if anchors is None:
            anchors = self._cache["anchors"] = {}
            for n, terms in self.fuzzy_terms.items():
                for w in {w for t, _ in terms for w in t.split() if len(w) > 3}:
                    if n > 1:
                        anchors.setdefault(w, []).append(n)
        return anchors

    def term_regex(self, entry: LexiconEntry) -> re.Pattern[str]:
        """The entry's term with plurals, any case: compiled once, asked per answer."""
        key = ("term", id(entry))
        regex = self._cache.get(key)
        if regex is None:
            regex = self._cache[key] = re.compile(phrase_pattern(entry.term, True), re.I)
        return regex

    def entry_for(self, matched: str) -> LexiconEntry:
        known = self._cache.setdefault("entry", {})
        entry = known.get(matched)
        if entry is None:
            entry = next((e for regex, e in self.entry_regexes if regex.fullmatch(matched)),
                         self.lexicon.entries[0])
            if len(known) < 10_000:
                known[matched] = entry
        return entry


def compile_lexicon(lexicon: Lexicon, plurals: bool, ignorecase: bool = True) -> CompiledLexicon:
    flags = re.IGNORECASE if ignorecase else 0
    patterns, per_entry, contexts = [], [], {}
    firsts: set[str] | None = set()
    fuzzy: dict[int, list[tuple[str, LexiconEntry]]] = {}
    for entry in lexicon.entries:
        forms = [entry.term, *entry.aliases]
        # acronyms (all capitals) match case-sensitively: "AUC", not "auc"tion
        acronyms = [f for f in forms if f.isupper() and len(f) <= 6 and " " not in f]
        words = [f for f in forms if f not in acronyms]
        if entry.pattern:
            entry_pats = [f"(?:{entry.pattern})"]
            words = []
            firsts = None  # a regex may start with anything
        else:
            entry_pats = [phrase_pattern(f, plurals) for f in words]
            entry_pats += [f"(?-i:{phrase_pattern(f, plurals)})" for f in acronyms]
        patterns.extend(entry_pats)
        if firsts is not None:
            for form in forms:
                first = form.strip()[:1]
                if not first.isalnum():
                    firsts = None
                    break
                firsts.update({first.lower(), first.upper()})
        per_entry.append((re.compile("|".join(entry_pats), flags), entry))
        if entry.context:
            contexts[id(entry)] = re.compile(entry.context, re.IGNORECASE)
        if not entry.exact:
            for form in words:
                if len(form) >= _FUZZY_MIN:
                    low = " ".join(re.split(r"[\s\-]+", form.lower()))
                    fuzzy.setdefault(low.count(" ") + 1, []).append((low, entry))
    scanner = bounded(patterns, flags, "".join(sorted(firsts or "")))
    index = None if firsts is None else _index(lexicon, plurals, flags)
    return CompiledLexicon(lexicon, scanner, per_entry, contexts, fuzzy, index)


def _index(lexicon: Lexicon, plurals: bool, flags: int) -> dict[str, re.Pattern[str]]:
    groups: dict[str, list[str]] = {}
    for entry in lexicon.entries:
        for form in (entry.term, *entry.aliases):
            acronym = form.isupper() and len(form) <= 6 and " " not in form
            pat = phrase_pattern(form, plurals)
            # keyed like the lookup: the first three letters of the first *word*, so
            # that "I think" files under "i", as the answer's word "I" looks it up
            groups.setdefault(form.strip().split()[0][:3].lower(), []).append(
                f"(?-i:{pat})" if acronym else pat)
    return {key: re.compile("(?:" + "|".join(sorted(pats, key=len, reverse=True)) + r")(?![\w])",
                            flags)
            for key, pats in groups.items()}


def near_misses(lex: CompiledLexicon, words, taken: list[tuple[int, int]],
                lows: list[str] | None = None, cutoff: float = 90.0):
    """Yield (start, end, entry) for word n-grams that nearly spell a lexicon phrase.

    Exact matches are found by the regex; this finds typos ("hyperparamter tuning").
    A phrase of several words is tried only where one of its words appears as
    written, and a single word only against terms with its first letter and
    about its length, so the cost stays linear and small.
    """
    if lows is None:  # words are (start, end, text); their lower-case text, once
        lows = [w[2].lower() for w in words]
    memo = lex._cache.setdefault("memo", {})
    count = len(lows)
    # The starts of the n-grams that hold a word of an n-word term, found in one pass
    # (the words picked out in C): only those n-grams are tried.
    anchors = lex.anchors()
    starts_of: dict[int, set[int]] = {n: set() for n in lex.fuzzy_terms}
    for k in compress(range(count), map(anchors.__contains__, lows)):
        for n in anchors[lows[k]]:
            starts_of[n].update(range(max(0, k - n + 1), min(k, count - n) + 1))
    for n in lex.fuzzy_terms:
        buckets = lex.buckets(n)
        if n > 1:
            starts: Iterable[int] = sorted(starts_of[n])
        else:  # a single word: any, but the words judged misses before are passed in C
            starts = compress(range(count), map(_NOT_A_MISS, map(memo.get, lows)))
        for i in starts:
            phrase = " ".join(lows[i:i + n])
            hit = memo.get(phrase)
            if hit is None:
                bucket = buckets.get(phrase[0]) if len(phrase) >= _FUZZY_MIN else None
                hit = -1
                if bucket is not None and bucket[0] <= len(phrase) <= bucket[1]:
                    best = process.extractOne(phrase, bucket[3], scorer=fuzz.ratio,
                                              score_cutoff=cutoff)
                    if best is not None and best[0] != phrase:
                        hit = best[2]
                if len(memo) < 100_000:  # answers share most words: remember each verdict
                    memo[phrase] = hit
            if hit < 0:
                continue
            start, end = words[i][0], words[i + n - 1][1]
            if any(s < end and start < e for s, e in taken):
                continue
            yield start, end, buckets[phrase[0]][2][hit][1]
