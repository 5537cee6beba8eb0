"""Reading history: the rehearsals list, one rehearsal in full, trends, weakest, compare.

The list, trends and compare read the per-rehearsal means kept on each
rehearsal's row (see :mod:`trainer.store.summary`), so they cost one indexed
row per rehearsal however many turns are stored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from trainer.store.migrations import DIMENSIONS
from trainer.store.store import Store
from trainer.store.summary import effective_scores

_SUMMARY = ", ".join(f"r.{d}" for d in DIMENSIONS)


@dataclass
class RehearsalRow:
    """One line of history: a rehearsal and its mean scores (coach overrides applied)."""

    id: int
    participant: str
    scenario_id: str
    scenario_title: str
    persona_id: str
    seed: int
    mode: str
    status: str
    outcome: str | None
    started_at: str
    ended_at: str | None
    turn_count: int
    overall: int | None
    dimensions: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


_FIXED = ("id", "participant", "scenario_id", "scenario_title", "persona_id", "seed", "mode",
          "status", "outcome", "started_at", "ended_at", "turn_count", "overall")


def _row(r: tuple) -> RehearsalRow:
    # Positional access on plain tuples: history lists thousands of rows.
    fixed = dict(zip(_FIXED, r[:13], strict=True))
    dims = {d: v for d, v in zip(DIMENSIONS, r[13:], strict=True) if v is not None}
    return RehearsalRow(**fixed, dimensions=dims)


def _rows(store: Store, sql: str, params: Any = ()) -> list[RehearsalRow]:
    with store.lock:
        cur = store.conn.cursor()
        cur.row_factory = None
        return [_row(r) for r in cur.execute(sql, params).fetchall()]


_SELECT = (
    "SELECT r.id, p.name AS participant, r.scenario_id, r.scenario_title, r.persona_id, r.seed,"
    " r.mode, r.status, r.outcome, r.started_at, r.ended_at, r.turn_count, r.overall, "
    f"{_SUMMARY} FROM rehearsals r JOIN participants p ON p.id = r.participant_id"
)


def history(store: Store, participant: str | None = None, limit: int | None = None,
            scenario_id: str | None = None) -> list[RehearsalRow]:
    """Rehearsals, newest first; optionally one participant's or one scenario's."""
    where, params = [], []
    if participant:
        where.append("p.name = ?")
        params.append(participant)
    if scenario_id:
        where.append("r.scenario_id = ?")
        params.append(scenario_id)
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY r.started_at DESC, r.id DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return _rows(store, sql, params)


def rehearsal(store: Store, rehearsal_id: int) -> RehearsalRow | None:
    rows = _rows(store, _SELECT + " WHERE r.id = ?", (rehearsal_id,))
    return rows[0] if rows else None


def latest_id(store: Store, participant: str | None = None) -> int | None:
    """The newest rehearsal's id (the participant's, if given)."""
    rows = history(store, participant, limit=1)
    return rows[0].id if rows else None


def turns(store: Store, rehearsal_id: int) -> list[dict[str, Any]]:
    """Every turn in order, with its score object, coach notes and overrides.

    ``number`` counts from 1 in the order the turns were given; ``effective``
    holds each dimension's score after the coach's latest override, and the
    overall recomputed from them; ``scored_overall`` is the overall as scored.
    Each override says whether it is ``in_effect`` (the latest for its dimension)
    or was replaced by a later one.
    """
    with store.lock:
        c = store.conn
        rows = c.execute("SELECT * FROM turns WHERE rehearsal_id = ? ORDER BY idx",
                         (rehearsal_id,)).fetchall()
        notes = c.execute(
            "SELECT n.* FROM coach_notes n JOIN turns t ON t.id = n.turn_id"
            " WHERE t.rehearsal_id = ? ORDER BY n.id", (rehearsal_id,)).fetchall()
        overrides = c.execute(
            "SELECT o.* FROM score_overrides o JOIN turns t ON t.id = o.turn_id"
            " WHERE t.rehearsal_id = ? ORDER BY o.id", (rehearsal_id,)).fetchall()
        effective = effective_scores(c, rehearsal_id)
    result = []
    for number, (r, eff) in enumerate(zip(rows, effective, strict=True), start=1):
        mine = [o for o in overrides if o["turn_id"] == r["id"]]
        # The override in effect for a dimension is its latest; earlier ones were
        # replaced, and one of a dimension the turn was not scored on never applied.
        latest = {o["dimension"]: o["id"] for o in mine}
        result.append({
            "number": number, "index": r["idx"], "node_id": r["node_id"], "ceo": r["ceo"],
            "question": r["question"], "answer": r["answer"], "next_node": r["next_node"],
            "reaction": r["reaction"], "seconds": r["seconds"], "created_at": r["created_at"],
            "score": json.loads(r["score_json"]),
            "scored_overall": r["overall"],
            "effective": {d: v for d, v in eff.items() if v is not None},
            "notes": [{"author": n["author"], "note": n["note"], "created_at": n["created_at"]}
                      for n in notes if n["turn_id"] == r["id"]],
            "overrides": [{"dimension": o["dimension"], "score": o["score"],
                           "original": _original(r, o["dimension"]),
                           "reason": o["reason"], "author": o["author"],
                           "created_at": o["created_at"],
                           "in_effect": (latest[o["dimension"]] == o["id"]
                                         and _original(r, o["dimension"]) is not None)}
                          for o in mine],
        })
    return result


def _original(row: Any, dimension: str) -> int | None:
    return row[dimension] if dimension in DIMENSIONS else None


def trends(store: Store, participant: str | None = None,
           limit: int = 50) -> dict[str, list[tuple[str, int]]]:
    """Per dimension and ``overall``: (started_at, mean) per recent rehearsal, oldest first."""
    rows = [r for r in history(store, participant, limit=limit) if r.turn_count]
    series: dict[str, list[tuple[str, int]]] = {}
    for r in reversed(rows):
        if r.overall is not None:
            series.setdefault("overall", []).append((r.started_at, r.overall))
        for d, v in r.dimensions.items():
            series.setdefault(d, []).append((r.started_at, v))
    return series


def weakest(store: Store, participant: str | None = None,
            last: int = 10) -> tuple[str, int] | None:
    """The dimension with the lowest mean over the last ``last`` rehearsals with answers."""
    rows = [r for r in history(store, participant, limit=last * 3) if r.turn_count][:last]
    sums: dict[str, list[int]] = {}
    for r in rows:
        for d, v in r.dimensions.items():
            sums.setdefault(d, []).append(v)
    if not sums:
        return None
    means = {d: round(sum(v) / len(v)) for d, v in sums.items()}
    # Ties go to the dimension listed first, so the pick is stable.
    name = min(means, key=lambda d: (means[d], DIMENSIONS.index(d)))
    return name, means[name]


@dataclass
class CompareRow:
    participant: str
    rehearsals: int
    overall: int | None
    dimensions: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def compare(store: Store, scenario_id: str) -> list[CompareRow]:
    """For one scenario: each participant's mean scores over their rehearsals with answers."""
    cols = ", ".join(f"round(avg(r.{d}))" for d in DIMENSIONS)
    sql = (f"SELECT p.name, count(*), round(avg(r.overall)), {cols} FROM rehearsals r"
           " JOIN participants p ON p.id = r.participant_id"
           " WHERE r.scenario_id = ? AND r.turn_count > 0 GROUP BY p.id ORDER BY p.name")
    with store.lock:
        rows = store.conn.execute(sql, (scenario_id,)).fetchall()
    result = []
    for r in rows:
        dims = {d: int(r[3 + i]) for i, d in enumerate(DIMENSIONS) if r[3 + i] is not None}
        result.append(CompareRow(r[0], r[1], None if r[2] is None else int(r[2]), dims))
    return result


def unfinished(store: Store, participant: str | None = None) -> list[RehearsalRow]:
    """Rehearsals still marked in progress (for example after the process was killed)."""
    return [r for r in history(store, participant) if r.status == "in-progress"]
