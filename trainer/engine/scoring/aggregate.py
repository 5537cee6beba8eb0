"""From findings to dimension scores, summaries and the overall score."""

from __future__ import annotations

from functools import cache
from operator import attrgetter

from trainer.content.models.rubric import RubricSet
from trainer.engine.scoring.result import DimensionScore, Finding

DEFAULT_BASE: dict[str, float] = {
    "brevity": 100, "impact": 40, "ownership": 65, "jargon": 100, "confidence": 85,
    "solution": 25, "follow_up": 30, "structure": 0, "accuracy": 100, "tailoring": 40,
}
"""A dimension's score before evidence: full marks where only faults cost points."""

_POINTS = attrgetter("points")


class FindingGroups(dict[tuple[str, str, str], list[Finding]]):
    """An answer's findings by (dimension, effect, rule), the groups in the order their
    first findings show: what the scores, their summaries and the checklist read."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__()
        self._firsts: dict[tuple[str, str], Finding] = {}
        for f in findings:
            key = (f.dimension, f.effect, f.rule)
            group = self.get(key)
            if group is None:
                self[key] = [f]
                self._firsts.setdefault((f.dimension, f.effect), f)
            else:
                group.append(f)

    def first(self, dim: str, effect: str, rule: str | None = None) -> Finding | None:
        """The first ``effect`` finding of ``dim`` (and of ``rule``, if named)."""
        if rule is None:
            return self._firsts.get((dim, effect))
        group = self.get((dim, effect, rule))
        return group[0] if group else None


def dimension_scores(dims: list[str], groups: FindingGroups,
                     rubric_set: RubricSet) -> dict[str, DimensionScore]:
    """Each dimension's score (its base, plus credits, less penalties) and its summary:
    "-24 hedge x2 ('I think', 'maybe'); +10 calibrated ('about 80%')"."""
    gained = dict.fromkeys(dims, 0)
    lost = dict.fromkeys(dims, 0)
    # a summary tells the penalties first, each rule where it first showed
    penalties: dict[str, list[str]] = {dim: [] for dim in dims}
    others: dict[str, list[str]] = {dim: [] for dim in dims}
    for (dim, effect, rule), items in groups.items():
        if dim not in gained:
            continue
        points = sum(map(_POINTS, items))
        if effect == "penalty":
            lost[dim] += points
            penalties[dim].append(_part("-", points, rule, items))
        else:
            if effect == "credit":
                gained[dim] += points
            others[dim].append(_part("+", points, rule, items))
    bases = rubric_set.base
    scores: dict[str, DimensionScore] = {}
    for dim in dims:
        base = bases.get(dim, DEFAULT_BASE.get(dim, 50))  # type: ignore[call-overload]
        score = int(max(0, min(100, round(base + gained[dim] - lost[dim]))))
        summary = "; ".join(penalties[dim] + others[dim]) or "nothing found either way"
        scores[dim] = DimensionScore(score, summary)
    return scores


SUBSTANCE_WORDS = 15
"""Under this many words there is too little to judge: every score is scaled down."""


def scale_for_length(scores: dict[str, DimensionScore], words: int,
                     notes: list[str]) -> dict[str, DimensionScore]:
    """An answer of a few words is empty, not brief: no dimension keeps a high score.

    Dimensions that only lose points for faults (confidence) would otherwise give an
    empty answer full marks; jargon and accuracy are the exception (``UNSCALED``).
    """
    if words >= SUBSTANCE_WORDS:
        return scores
    factor = 0.5 + 0.5 * words / SUBSTANCE_WORDS
    notes.append(f"Only {words} word(s): every score but jargon and accuracy is scaled by "
                 f"{factor:.2f}, since there is too little to judge.")
    note = f"; x{factor:.2f} for a very short answer"
    return {d: s if d in UNSCALED
            else DimensionScore(int(round(s.score * factor)), s.summary + note)
            for d, s in scores.items()}


UNSCALED = frozenset({"jargon", "accuracy"})
"""Kept as they are in a very short answer: two plain words hold no jargon and no wrong
number, and a jargon score scaled down would read as jargon (and set off the CEO's
'in plain English?')."""


def _part(sign: str, points: int, rule: str, items: list[Finding]) -> str:
    """One rule's share of a summary: "-24 hedge x2 ('I think', 'maybe')"."""
    quoted = []
    for f in items:
        words = f.text.split()
        if words:  # up to three quotes, each on one line and at most 40 characters
            quote = " ".join(words)
            quoted.append(f"'{quote}'" if len(quote) <= 40 else f"'{quote[:39]}…'")
            if len(quoted) == 3:
                break
    head = f"{sign}{points} {_label(rule)}" + (f" x{len(items)}" if len(items) > 1 else "")
    if quoted:
        return f"{head} ({', '.join(quoted)})"
    # nothing to quote (a part left out): the penalty's message says what is missing
    return f"{sign}{points} {items[0].message.rstrip('.')}" if sign == "-" else head


@cache
def _label(rule: str) -> str:
    """'confidence.vague_hedge' -> 'vague hedge'."""
    return rule.split(".", 1)[-1].replace("_", " ")


def overall(scores: dict[str, DimensionScore], weights: dict[str, float]) -> int:
    """The weighted mean of the dimension scores (weight 1 for an unlisted dimension)."""
    total = sum(weights.get(d, 1.0) for d in scores)
    if total <= 0:
        return 0
    return int(round(sum(s.score * weights.get(d, 1.0) for d, s in scores.items()) / total))
