"""Each rehearsal's means, kept on its row so history never scans every turn."""

from __future__ import annotations

import sqlite3

from trainer.store.migrations import DIMENSIONS


def effective_scores(conn: sqlite3.Connection, rehearsal_id: int) -> list[dict[str, int | None]]:
    """Per turn, each dimension's score with the coach's latest override applied."""
    turns = conn.execute(
        f"SELECT id, overall, {', '.join(DIMENSIONS)} FROM turns "
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
        scores: dict[str, int | None] = {"overall": t["overall"]}
        for d in DIMENSIONS:
            scores[d] = overrides.get((t["id"], d), t[d])
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
