"""Labelled answer pairs, and how often the scorer ranks the better one higher."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError

from trainer.content.models.base import Strict
from trainer.content.models.scenario import Dimension
from trainer.content.yaml_io import YamlError, load_file
from trainer.engine.scoring.context import AnswerContext
from trainer.problems import TrainerError


class Pair(Strict):
    """Two answers to one question; a coach prefers ``better`` on ``differs_on``."""

    id: str
    question: str | None = None
    better: str
    worse: str
    differs_on: list[Dimension] = Field(min_length=1)
    track: Literal["incident", "interview"] = "incident"
    note: str | None = None


def load_pairs(path: Path) -> list[Pair]:
    """Read and check a pairs file; TrainerError names the file, line and field."""
    try:
        doc = load_file(path)
    except YamlError as exc:
        raise TrainerError(f"{path}:{exc.line}: {exc}") from None
    if not isinstance(doc.data, list) or not doc.data:
        raise TrainerError(f"{path}:1: expected a list of pairs "
                           "({id, question, better, worse, differs_on, track?})")
    pairs = []
    for i, item in enumerate(doc.data):
        if not isinstance(item, dict):
            raise TrainerError(f"{path}:{doc.line_of((i,))}: pair {i + 1} is not a mapping")
        try:
            pairs.append(Pair.model_validate(item))
        except ValidationError as exc:
            err = exc.errors()[0]
            loc = (i, *err["loc"])
            field = ".".join(str(p) for p in err["loc"]) or "pair"
            raise TrainerError(f"{path}:{doc.line_of(loc)}: pair {item.get('id', i + 1)}: "
                               f"{field}: {err['msg']}") from None
    return pairs


def evaluate(scorer: Any, pairs: list[Pair]) -> dict[str, Any]:
    """Pairwise accuracy overall (overall score) and per labelled dimension (its own score).

    A tie counts as wrong: the scorer did not prefer the better answer.
    """
    right = 0
    dims: dict[str, list[int]] = {}
    wrong = []
    for pair in pairs:
        ctx = AnswerContext(track=pair.track, question=pair.question)
        b, w = scorer.score(pair.better, ctx), scorer.score(pair.worse, ctx)
        if b.overall > w.overall:
            right += 1
        else:
            wrong.append({"id": pair.id, "on": "overall", "better": b.overall,
                          "worse": w.overall})
        for dim in pair.differs_on:
            sb, sw = b.score(dim), w.score(dim)
            ok = sb is not None and sw is not None and sb > sw
            row = dims.setdefault(dim, [0, 0])
            row[0] += ok
            row[1] += 1
            if not ok:
                wrong.append({"id": pair.id, "on": dim, "better": sb, "worse": sw})
    return {
        "overall": {"accuracy": right / len(pairs) if pairs else 0.0, "right": right,
                    "total": len(pairs)},
        "dimensions": {d: {"accuracy": r / t, "right": r, "total": t}
                       for d, (r, t) in sorted(dims.items())},
        "wrong": wrong,
    }
