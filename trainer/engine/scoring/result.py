"""What scoring an answer produces: findings, dimension scores and the checklist.

These types are the contract between the scorer, the conversation, the app,
the history store and the JSON the CLI prints.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal


@dataclass(frozen=True)
class Finding:
    """One piece of evidence in the answer, with the span it covers."""

    rule: str
    """Rule id, ``<dimension>.<name>`` (for example ``ownership.blame``)."""
    dimension: str
    start: int
    """Character offset where the evidence starts (``answer[start:end] == text``)."""
    end: int
    text: str
    message: str
    """What the answer did, observably."""
    suggestion: str = ""
    effect: Literal["penalty", "credit"] = "penalty"
    """A penalty cost points; a credit is evidence that earned them."""
    kind: str = ""
    """How the app highlights it: jargon, hedge, blame, number, filler, ownership, ..."""
    points: int = 0
    """Points this finding moved its dimension's score (0 past a rule's match cap)."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def with_points(self, points: int) -> Finding:
        """The same finding moving ``points`` instead."""
        return new_finding({**self.__dict__, "points": points})


_new = object.__new__


def new_finding(fields: dict[str, Any]) -> Finding:
    """A ``Finding`` of these fields (all of them), made without the frozen dataclass's
    ``__init__``, which sets each field through ``object.__setattr__``: ~40 per answer."""
    finding = _new(Finding)
    finding.__dict__.update(fields)
    return finding


@dataclass(frozen=True)
class DimensionScore:
    score: int
    """0 to 100, higher is better."""
    summary: str


@dataclass(frozen=True)
class ChecklistItem:
    item: str
    passed: bool
    evidence: str


@dataclass(frozen=True)
class PointCoverage:
    """Whether the answer covered one of the node's talking points."""

    id: str
    text: str
    covered: bool
    evidence: str = ""
    """The sentence of the answer that covers it, if any."""


UNASKED_WEIGHT = 0.3
"""Below this weight a dimension was left out by the question's focus: no tips from it."""


@dataclass
class ScoreResult:
    overall: int
    dimensions: dict[str, DimensionScore]
    findings: list[Finding]
    checklist: list[ChecklistItem]
    points: list[PointCoverage] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)
    """Words, sentences, speaking seconds, budget, longest sentence, ..."""
    notes: list[str] = field(default_factory=list)
    """Anything the user should know about the scoring itself (e.g. the text was capped)."""

    def score(self, dimension: str) -> int | None:
        d = self.dimensions.get(dimension)
        return d.score if d else None

    def has_finding(self, rule_or_dimension: str) -> bool:
        """A penalty finding from this rule id, or from any rule of this dimension."""
        return any(
            f.effect == "penalty" and rule_or_dimension in (f.rule, f.dimension)
            for f in self.findings
        )

    def tips(self, limit: int = 3) -> list[Finding]:
        """The penalties that teach the most, for the feedback shown after an answer.

        Those that quote the answer's own words come first (they say what to change),
        then those in dimensions this question weighs most, then the costliest; none from
        a dimension the question left out.
        """
        weights = self.stats.get("weights", {})
        # A dimension the question did not ask about teaches nothing here: asked how
        # people were kept informed, "no learning" is beside the point.
        penalties = [f for f in self.findings if f.effect == "penalty"
                     and weights.get(f.dimension, 1.0) >= UNASKED_WEIGHT]
        penalties.sort(key=lambda f: (not (f.text and len(f.text) < 60),
                                      -weights.get(f.dimension, 1.0), -(f.points or 0)))
        return penalties[:limit]

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall,
            "dimensions": {k: {"score": v.score, "summary": v.summary}
                           for k, v in self.dimensions.items()},
            "findings": [f.to_dict() for f in self.findings],
            "checklist": [asdict(c) for c in self.checklist],
            "points": [asdict(p) for p in self.points],
            "stats": dict(self.stats),
            "notes": list(self.notes),
        }
