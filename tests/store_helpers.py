"""Scored turns for store tests, built with the real ScoreResult contract."""

from __future__ import annotations

from typing import Any

from trainer.engine.scoring.result import (
    ChecklistItem,
    DimensionScore,
    Finding,
    PointCoverage,
    ScoreResult,
)


def score(overall: int = 70, **dims: int) -> ScoreResult:
    dims = dims or {"brevity": 80, "impact": 60, "ownership": 70}
    answer = "I own it: churn rose 5%."
    return ScoreResult(
        overall=overall,
        dimensions={k: DimensionScore(v, f"{k} summary") for k, v in dims.items()},
        findings=[Finding("ownership.owns", "ownership", 0, 8, answer[0:8], "Says it owns it",
                          effect="credit", kind="ownership")],
        checklist=[ChecklistItem("Leads with the bottom line", True, "I own it")],
        points=[PointCoverage("cause", "What caused it", False)],
        stats={"words": 6},
    )


def turn(index: int, answer: str = "I own it: churn rose 5%.", node: str = "start",
         **score_kwargs: Any) -> dict[str, Any]:
    """The shape of ``Turn.to_dict()`` from the conversation engine."""
    return {
        "index": index, "node_id": node, "ceo": "What happened?", "question": "What happened?",
        "answer": answer, "score": score(**score_kwargs).to_dict(), "points": [],
        "next_node": "why", "reaction": None, "seconds": 12.5,
    }
