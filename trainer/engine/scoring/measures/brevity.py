"""Brevity: the word budget, empty answers, long sentences and the bottom line first."""

from __future__ import annotations

import re

from trainer.engine.scoring.measures.evidence import time_answer
from trainer.engine.scoring.state import Job

_PLEASANTRY = re.compile(
    r"^\W*(?:good (?:morning|afternoon|evening)|hi|hello|hey|thanks?|thank you|"
    r"(?:sure|okay|ok|absolutely|of course|certainly|fair|right|understood|yes|no)\b[\s,.!]*$)",
    re.IGNORECASE,
)
_GREETING = re.compile(r"^\W*(?:good (?:morning|afternoon)|thank)", re.IGNORECASE)
_joined: dict[tuple[str, ...], re.Pattern[str]] = {}


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    """A rule's list of regexes as one, compiled once."""
    key = tuple(patterns)
    if key not in _joined:
        _joined[key] = re.compile("|".join(patterns))
    return _joined[key]


def _param(rule, name: str, default):
    return rule.params.get(name, default)


def over_budget(rule, job: Job) -> None:
    """Words past the budget cost points in proportion to the overrun."""
    words = job.text.words
    budget = job.budget
    slack = float(_param(rule, "slack", 0.1))
    if len(words) <= budget * (1 + slack):
        return
    over = len(words) / budget - 1
    points = min(float(_param(rule, "max_points", 70)), rule.weight * over * 10)
    first_extra = words[budget]
    job.add(rule, first_extra.start, words[-1].end, points=points, words=len(words),
            budget=budget, over=len(words) - budget, percent=round(over * 100),
            seconds=round(len(words) * 60 / job.rubric_set.wpm))


def too_short(rule, job: Job) -> None:
    """An answer far under budget is empty, not brief, unless it still carries substance."""
    n = job.text.word_count
    floor = max(float(_param(rule, "min_words", 15)),
                job.budget * float(_param(rule, "ratio", 0.4)))
    if n >= floor:
        return
    substance = sum(1 for f in job.findings if f.effect == "credit" and f.dimension != "brevity")
    if n >= float(_param(rule, "min_words", 15)) and substance >= 3:
        return  # short and full: a number, ownership, a step - brief, not empty
    shortfall = 1 - n / floor
    points = rule.weight * shortfall * (1.0 if substance >= 2 else 2.0)
    end = job.text.words[-1].end if job.text.words else 0
    job.add(rule, 0, end, points=points, words=n, floor=round(floor))


def long_sentence(rule, job: Job) -> None:
    """A sentence over the limit; one twice as long as the limit costs twice as much (a
    70-word digression is harder to follow than a 35-word sentence), up to three times."""
    limit = int(_param(rule, "max_words", 30))
    for s in job.text.sentences:
        n = job.text.words_in(s)
        if n > limit:
            job.add(rule, s.start, s.end, words=n, limit=limit,
                    points=rule.weight * min(3.0, n / limit))


def bottom_line(rule, job: Job) -> None:
    """The first real sentence should carry the answer: impact, ownership, cause or a plan."""
    sentences = [s for s in job.text.sentences[:3] if not _PLEASANTRY.search(s.text)
                 and not _GREETING.match(s.text)]
    if not sentences or job.text.word_count < int(_param(rule, "min_words", 20)):
        return
    first = sentences[0]
    signposts = rule.params.get("signposts", [])
    if signposts and len(sentences) > 1 and _any_of(signposts).fullmatch(first.text.lower()):
        first = sentences[1]  # "Three things." announces the answer; what follows carries it
    cues = rule.params.get("cues", [])
    preamble = rule.params.get("preamble", [])
    low = first.text.lower()
    if preamble and _any_of(preamble).search(low):
        job.add(rule, first.start, first.end)
        return
    if any(q.start >= first.start and q.end <= first.end and q.is_business
           for q in job.quantities):
        return
    if cues and _any_of(cues).search(low):
        return
    if any(f.effect == "credit" and f.rule in _CARRIES and first.start <= f.start < first.end
           for f in job.findings):
        return  # "We're pulling the library off every pump today" is the answer itself
    if _shares_question_words(low, job.ctx.question or ""):
        return
    if first is job.text.sentences[0] and time_answer(job) is not None:
        return  # "Friday at noon." is the whole answer to "When will I hear from you?"
    job.add(rule, first.start, first.end)


_CARRIES = frozenset({"solution.action", "solution.containment", "solution.recommendation",
                      "solution.options", "ownership.accountability", "impact.quantity",
                      "impact.business_metric"})
"""Credits that, found in the first sentence, make it the bottom line."""

_STOP = set("""a an the and or but to of in on at for with is are was were be been it this that
what why how who when where which do does did you your we our i my me they them their there
about from by as if not no so can could would should will just any have has had yet still
happen happened happening going tell me us more its it's thing things""".split())


def _shares_question_words(sentence: str, question: str) -> bool:
    if not question:
        return False
    q = {w for w in re.findall(r"[a-z]{4,}", question.lower()) if w not in _STOP}
    s = {w for w in re.findall(r"[a-z]{4,}", sentence) if w not in _STOP}
    return bool(q & s) or any(w[:5] in sentence for w in q if len(w) >= 6)
