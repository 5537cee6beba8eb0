"""From findings to dimension scores, summaries and the overall score."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

from trainer.content.models.rubric import RubricSet
from trainer.engine.scoring.result import DimensionScore, Finding

DEFAULT_BASE: dict[str, float] = {
    "brevity": 100, "impact": 40, "ownership": 65, "jargon": 100, "confidence": 85,
    "solution": 25, "follow_up": 30, "structure": 0, "accuracy": 100, "tailoring": 40,
}
"""A dimension's score before evidence: full marks where only faults cost points."""


def cap_points(findings: list[Finding], caps: dict[str, int]) -> list[Finding]:
    """Matches past a rule's ``max_matches`` still show, but move no points."""
    seen: dict[tuple[str, str], int] = {}
    out = []
    for f in findings:
        cap = caps.get(f.rule)
        key = (f.rule, f.effect)
        seen[key] = seen.get(key, 0) + 1
        if cap is not None and seen[key] > cap and f.points:
            f = replace(f, points=0)
        out.append(f)
    return out


def dimension_scores(dims: list[str], findings: list[Finding],
                     rubric_set: RubricSet) -> dict[str, DimensionScore]:
    scores: dict[str, DimensionScore] = {}
    for dim in dims:
        base = rubric_set.base.get(dim, DEFAULT_BASE.get(dim, 50))  # type: ignore[call-overload]
        mine = [f for f in findings if f.dimension == dim]
        gained = sum(f.points for f in mine if f.effect == "credit")
        lost = sum(f.points for f in mine if f.effect == "penalty")
        score = int(max(0, min(100, round(base + gained - lost))))
        scores[dim] = DimensionScore(score, _summary(mine))
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


def _summary(findings: list[Finding]) -> str:
    """'-24 hedge x2 ('I think', 'maybe'); +10 calibrated ('about 80%')'."""
    groups: OrderedDict[tuple[str, str], list[Finding]] = OrderedDict()
    for f in sorted(findings, key=lambda f: f.effect != "penalty"):
        groups.setdefault((f.effect, f.rule), []).append(f)
    parts = []
    for (effect, rule), items in groups.items():
        points = sum(f.points for f in items)
        label = rule.split(".", 1)[-1].replace("_", " ")
        quoted = [f"'{_short(f.text)}'" for f in items if f.text.strip()][:3]
        sign = "-" if effect == "penalty" else "+"
        head = f"{sign}{points} {label}" + (f" x{len(items)}" if len(items) > 1 else "")
        if not quoted and effect == "penalty":
            head = f"{sign}{points} {items[0].message.rstrip('.')}"
        parts.append(head + (f" ({', '.join(quoted)})" if quoted else ""))
    return "; ".join(parts) if parts else "nothing found either way"


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def overall(scores: dict[str, DimensionScore], weights: dict[str, float]) -> int:
    """The weighted mean of the dimension scores (weight 1 for an unlisted dimension)."""
    total = sum(weights.get(d, 1.0) for d in scores)
    if total <= 0:
        return 0
    return int(round(sum(s.score * weights.get(d, 1.0) for d, s in scores.items()) / total))
