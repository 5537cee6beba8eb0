"""Which of a node's talking points an answer covered, matched fuzzily.

A point is covered when one sentence of the answer carries one of its keyword
phrases. Matching forgives what people actually type: plurals and verb endings
("alerts", "retraining"), British or American spelling ("behaviour"), word
order and words in between ("behaviour has changed"), numbers written as
digits, words or with a unit ("three days", "$50k" for "$50,000"). Numbers must
match exactly: 5,000 is not 50,000. A point with no keywords is matched on the
content words of its text.

Each keyword word is compared with all the answer's words in one
``rapidfuzz.process.extract`` call (no Python loop over pairs), so coverage
stays well under a millisecond.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from trainer.content.models.scenario import TalkingPoint
from trainer.engine.scoring.result import PointCoverage

WORD_SCORE = 88
"""rapidfuzz ratio two word stems need to count as the same word."""
SHORT_WORD = 3
"""Stems this short (or numbers) must match exactly: 'cost' is not 'most'."""

_SMALL_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20,
    "thirty": 30, "fifty": 50, "hundred": 100,
}
_STOP = frozenset(
    "a an the of to in on at for and or is are was were be been it its this that with as "
    "per our we i my me you your has have had do does did so".split()
)
_NEGATIONS = frozenset("no not never nothing nobody none without cannot lack lacked".split())
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_MULTIPLIER = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "million": 1_000_000,
               "mn": 1_000_000, "bn": 1_000_000_000, "billion": 1_000_000_000}
_SCALED = re.compile(r"(\d+(?:\.\d+)?)\s?(k|thousand|mn|m|million|bn|billion)\b")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "es", "ed", "ly", "s")


def normalise(text: str) -> str:
    """Lower case, straight quotes, digits without separators, scaled numbers expanded."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    text = _SCALED.sub(lambda m: _format(float(m.group(1)) * _MULTIPLIER[m.group(2)]), text)
    return text


def _format(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def stem(word: str) -> str:
    """A crude stem: enough to equate 'alerts'/'alert' and 'monitoring'/'monitor'."""
    if word in _SMALL_NUMBERS:
        return str(_SMALL_NUMBERS[word])
    if word in _NEGATIONS or word.endswith("n't"):
        return "no"  # "no alert" is covered by "nothing alerted us" and "we didn't alert"
    if word.endswith("ss"):
        return word
    word = word.removesuffix("'s")
    for suffix in _SUFFIXES:
        shortest = 3 if suffix == "s" else 4
        if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> list[str]:
    return [stem(t) for t in _TOKEN.findall(normalise(text))]


def sentences(answer: str) -> list[str]:
    """The answer's sentences (and clauses after a semicolon), stripped and non-empty."""
    return [s.strip() for s in _SENTENCE_END.split(answer) if s and s.strip()]


@dataclass(frozen=True)
class _Phrase:
    point: int
    words: tuple[str, ...]
    needed: int
    """How many of ``words`` one sentence must contain."""
    sign: str = ""
    """A keyword with no word in it ("%", "$"): a sentence holding it covers the point
    (a percentage, an amount of money)."""


def _phrases(points: Sequence[TalkingPoint]) -> list[_Phrase]:
    out = []
    for i, point in enumerate(points):
        for keyword in point.keywords:
            words = tokens(keyword)
            content = tuple(w for w in words if w not in _STOP) or tuple(words)
            if content:
                out.append(_Phrase(i, content, len(content) if len(content) <= 2
                                   else -(-2 * len(content) // 3)))
            elif keyword.strip():
                out.append(_Phrase(i, (), 1, sign=keyword.strip()))
        if not point.keywords:
            content = tuple(dict.fromkeys(w for w in tokens(point.text) if w not in _STOP))
            if content:
                out.append(_Phrase(i, content, max(1, -(-3 * len(content) // 5))))
    return out


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    if a.isdigit() or b.isdigit() or min(len(a), len(b)) <= SHORT_WORD:
        return False
    return fuzz.ratio(a, b) >= WORD_SCORE


def coverage(answer: str, points: Sequence[TalkingPoint]) -> list[PointCoverage]:
    """Point by point, whether ``answer`` covers it and the sentence that does."""
    if not points:
        return []
    phrases = _phrases(points)
    found: dict[int, str] = {}
    parts = sentences(answer or "")
    part_words = [set(tokens(s)) for s in parts]
    vocabulary = sorted(set().union(*part_words)) if part_words else []
    wanted = sorted({w for p in phrases for w in p.words})
    matches: dict[str, set[str]] = {w: {w} & set(vocabulary) for w in wanted}
    if vocabulary:
        for word in wanted:
            if word.isdigit() or len(word) <= SHORT_WORD:
                continue  # exact matches only, already found above
            for other, _score, _ in process.extract(word, vocabulary, scorer=fuzz.ratio,
                                                    score_cutoff=WORD_SCORE, limit=None):
                if _same_word(word, other):
                    matches[word].add(other)
    for phrase in phrases:
        if phrase.point in found:
            continue
        for sentence, words in zip(parts, part_words, strict=True):
            if phrase.sign:
                hits = int(phrase.sign in sentence)
            else:
                hits = sum(1 for w in phrase.words if matches[w] & words)
            if hits >= phrase.needed:
                found[phrase.point] = sentence
                break
    return [PointCoverage(p.id, p.text, i in found, found.get(i, ""))
            for i, p in enumerate(points)]
