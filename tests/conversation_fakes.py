"""A predictable stand-in scorer and a small scenario, for the conversation engine's unit tests.

The fake scores by plain markers so a test can say exactly which weakness an
answer has: 'their fault' is blame, 'synergy' is jargon, no digit means no
number, 'maybe' is a hedge, 'plan' is a solution, 'friday' a follow-up; in an
interview, each STAR+L part is there when its name is.
"""

from __future__ import annotations

import re
from typing import Any

from trainer.content.models.persona import Persona
from trainer.content.models.scenario import Scenario
from trainer.engine.scoring.result import ChecklistItem, DimensionScore, Finding, ScoreResult


class FakeScorer:
    def __init__(self) -> None:
        self.contexts: list[Any] = []

    def score(self, answer: str, ctx: Any = None) -> ScoreResult:
        self.contexts.append(ctx)
        low = answer.lower()
        findings: list[Finding] = []
        dims = {"brevity": 90, "impact": 90 if re.search(r"\d", answer) else 30,
                "ownership": 90, "jargon": 95, "confidence": 85,
                "solution": 80 if "plan" in low else 30,
                "follow_up": 80 if "friday" in low else 20}
        for word, rule, kind, dim, value in (
            ("their fault", "ownership.blame", "blame", "ownership", 30),
            ("synergy", "jargon.glossary", "jargon", "jargon", 20),
            ("maybe", "confidence.hedge", "hedge", "confidence", 40),
        ):
            at = low.find(word)
            if at >= 0:
                findings.append(Finding(rule, dim, at, at + len(word), answer[at:at + len(word)],
                                        f"'{word}' found", kind=kind))
                dims[dim] = value
        stats: dict[str, Any] = {"words": len(answer.split())}
        if getattr(ctx, "track", "incident") == "interview":
            missing = [p for p in ("situation", "task", "action", "result", "learning")
                       if p not in low]
            stats["missing_parts"] = missing
            dims["structure"] = 100 - 20 * len(missing)
        overall = round(sum(dims.values()) / len(dims))
        return ScoreResult(
            overall=overall,
            dimensions={k: DimensionScore(v, k) for k, v in dims.items()},
            findings=findings,
            checklist=[ChecklistItem("Has a number", dims["impact"] > 50, "")],
            stats=stats,
        )


PERSONA = {
    "id": "pat", "name": "Pat", "role": "CEO",
    "cares_about": [{"kpi": "revenue", "words": ["revenue"]}],
    "patience": 100,
    "reactions": {
        "jargon": ["In plain English?"],
        "blame": ["I'm not interested in whose fault it is."],
        "no_number": ["What does that cost us?"],
        "over_budget": ["Shorter, please."],
        "repeated": ["That's the second time {weakness}."],
        "patience_lost": ["I have to stop you there."],
    },
}


def persona(**changes: Any) -> Persona:
    return Persona.model_validate({**PERSONA, **changes})


def scenario(nodes: dict[str, Any], **changes: Any) -> Scenario:
    data = {"id": "test", "title": "Test", "track": "incident", "difficulty": "easy",
            "persona": "pat", "briefing": "b", "start": next(iter(nodes)), "nodes": nodes}
    data.update(changes)
    return Scenario.model_validate(data)


def chain(*ids: str, budget: int = 20) -> dict[str, Any]:
    """Nodes asking in turn, each falling through to the next; the last one ends well."""
    nodes: dict[str, Any] = {}
    for here, there in zip(ids, ids[1:], strict=False):
        nodes[here] = {"ceo": f"Question {here}?", "budget": budget,
                       "branches": [{"next": there}]}
    nodes[ids[-1]] = {"ceo": "Thanks.", "end": True, "outcome": "good"}
    return nodes
