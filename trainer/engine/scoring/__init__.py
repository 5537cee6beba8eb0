"""Scoring answers: dimensions, findings with spans, and the nuance checklist."""

from trainer.engine.scoring.context import AnswerContext
from trainer.engine.scoring.result import (
    ChecklistItem,
    DimensionScore,
    Finding,
    PointCoverage,
    ScoreResult,
)
from trainer.engine.scoring.scorer import Scorer, default_scorer, load_scorer, score

__all__ = [
    "AnswerContext", "ChecklistItem", "DimensionScore", "Finding", "PointCoverage",
    "ScoreResult", "Scorer", "default_scorer", "load_scorer", "score",
]
