"""Each rehearsal's means, kept on its row so history never scans every turn.

A coach's override changes a turn's overall as well as the dimension: the turn's
effective overall is recomputed from its effective dimension scores with the
weights the scorer used (kept in the stored score as ``stats["weights"]``), and a
rehearsal's overall is the mean of its turns' effective overalls.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from trainer.store.migrations import DIMENSIONS


def scored_dimensions(row: Any) -> list[str]:
    """The dimensions a stored turn was scored on (its non-empty score columns)."""
    return [d for d in DIMENSIONS if row[d] is not None]


def effective_overall(scored_overall: int | None, original: dict[str, int],
                      effective: dict[str, int], weights: dict[str, Any] | None) -> int | None:
    """A turn's overall with the coach's overrides in ``effective`` taken into account.

    ``original`` and ``effective`` hold the turn's scored dimensions, as scored and
    after overrides. Unchanged scores keep the overall exactly as the scorer gave it.
    Otherwise the overall is the weighted mean of the effective scores, with the
    weights the scorer stored (weight 1 for a dimension it did not list, as
    :func:`trainer.engine.scoring.aggregate.overall` does).
    """
    if scored_overall is None or not effective or effective == original:
        return scored_overall
    usable = {d: w for d, w in (weights or {}).items()
              if isinstance(w, (int, float)) and not isinstance(w, bool) and w >= 0}
    if usable and all(d in usable for d in effective):
        total = sum(usable[d] for d in effective)
        if total > 0:
            return _clamp(sum(effective[d] * usable[d] for d in effective) / total)
    # Rows scored before the weights were stored with each score (or with damaged
    # weights): the stored overall already carries the scorer's weighting of the
    # dimensions the coach left alone, so move it by the mean change instead of
    # recomputing with equal weights, which would shift it even for untouched ones.
    change = sum(effective[d] - original[d] for d in effective) / len(effective)
    return _clamp(scored_overall + change)


def _clamp(value: float) -> int:
    return max(0, min(100, int(round(value))))


def _weights(score_json: str) -> dict[str, Any] | None:
    try:
        weights = (json.loads(score_json).get("stats") or {}).get("weights")
    except (ValueError, AttributeError):
        return None
    return weights if isinstance(weights, dict) else None


def effective_scores(conn: sqlite3.Connection, rehearsal_id: int) -> list[dict[str, int | None]]:
    """Per turn, each dimension's score with the coach's latest override applied, and
    ``overall`` recomputed from them (see :func:`effective_overall`).

    An override of a dimension the turn was not scored on (possible before review
    refused them) is ignored: there is no score of the answer for it to replace.
    """
    turns = conn.execute(
        f"SELECT id, overall, score_json, {', '.join(DIMENSIONS)} FROM turns "
        "WHERE rehearsal_id = ? ORDER BY idx", (rehearsal_id,),
    ).fetchall()
    overrides: dict[tuple[int, str], int] = {}
    for row in conn.execute(
        "SELECT o.turn_id, o.dimension, o.score FROM score_overrides o "
        "JOIN turns t ON t.id = o.turn_id WHERE t.rehearsal_id = ? ORDER BY o.id",
        (rehearsal_id,),
    ):
        overrides[(row[0], row[1])] = row[2]  # later rows win
    result = []
    for t in turns:
        original = {d: t[d] for d in scored_dimensions(t)}
        effective = {d: overrides.get((t["id"], d), v) for d, v in original.items()}
        weights = _weights(t["score_json"]) if effective != original else None
        scores: dict[str, int | None] = {
            "overall": effective_overall(t["overall"], original, effective, weights)}
        for d in DIMENSIONS:
            scores[d] = effective.get(d)
        result.append(scores)
    return result


def refresh_summary(conn: sqlite3.Connection, rehearsal_id: int) -> None:
    """Recompute the turn count and the means on the rehearsal's row (inside a write)."""
    rows = effective_scores(conn, rehearsal_id)
    means = {}
    for key in ("overall", *DIMENSIONS):
        values = [r[key] for r in rows if r[key] is not None]
        means[key] = round(sum(values) / len(values)) if values else None
    sets = ", ".join(f"{k} = :{k}" for k in means)
    conn.execute(
        f"UPDATE rehearsals SET turn_count = :n, {sets} WHERE id = :id",
        {**means, "n": len(rows), "id": rehearsal_id},
    )
