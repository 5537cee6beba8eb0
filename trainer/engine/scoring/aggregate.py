"""From findings to dimension scores, summaries and the overall score."""

from __future__ import annotations

from functools import cache

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
        if cap is not None:
            key = (f.rule, f.effect)
            seen[key] = count = seen.get(key, 0) + 1
            if count > cap and f.points:
                f = f.with_points(0)
        out.append(f)
    return out


def dimension_scores(dims: list[str], findings: list[Finding],
                     rubric_set: RubricSet) -> dict[str, DimensionScore]:
    found: dict[str, list[Finding]] = {dim: [] for dim in dims}
    for f in findings:
        if f.dimension in found:
            found[f.dimension].append(f)
    scores: dict[str, DimensionScore] = {}
    for dim, mine in found.items():
        base = rubric_set.base.get(dim, DEFAULT_BASE.get(dim, 50))  # type: ignore[call-overload]
        gained = sum([f.points for f in mine if f.effect == "credit"])
        lost = sum([f.points for f in mine if f.effect == "penalty"])
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
    groups: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        key = (f.effect, f.rule)
        if key in groups:
            groups[key].append(f)
        else:
            groups[key] = [f]
    parts = []
    # penalties first, each kind in the order it was first found
    for (effect, rule), items in sorted(groups.items(), key=_credit_last):
        points = sum([f.points for f in items])
        quoted = []
        for f in items:
            if f.text.strip():
                quoted.append(f"'{_short(f.text)}'")
                if len(quoted) == 3:
                    break
        sign = "-" if effect == "penalty" else "+"
        if not quoted and effect == "penalty":
            head = f"{sign}{points} {items[0].message.rstrip('.')}"
        else:
            head = f"{sign}{points} {_label(rule)}" + (f" x{len(items)}" if len(items) > 1 else "")
        parts.append(head + (f" ({', '.join(quoted)})" if quoted else ""))
    return "; ".join(parts) if parts else "nothing found either way"


def _credit_last(group: tuple[tuple[str, str], list[Finding]]) -> bool:
    return group[0][0] != "penalty"


@cache
def _label(rule: str) -> str:
    """'confidence.vague_hedge' -> 'vague hedge'."""
    return rule.split(".", 1)[-1].replace("_", " ")


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def overall(scores: dict[str, DimensionScore], weights: dict[str, float]) -> int:
    """The weighted mean of the dimension scores (weight 1 for an unlisted dimension)."""
    total = sum(weights.get(d, 1.0) for d in scores)
    if total <= 0:
        return 0
    return int(round(sum(s.score * weights.get(d, 1.0) for d, s in scores.items()) / total))
