"""What the app and the drill record through: one participant's rehearsals, turn by turn.

The caller hands over the conversation engine's objects as they come (a
rehearsal, then each scored turn); this keeps the matching database rows.
"""

from __future__ import annotations

from typing import Any

from trainer.store.store import Store


class Recorder:
    """Records rehearsals of one participant into a :class:`Store`."""

    def __init__(self, store: Store, participant: str) -> None:
        self.store = store
        self.participant = participant
        self._ids: dict[int, tuple[Any, int]] = {}

    @property
    def notices(self) -> list[str]:
        """Problems met opening the database (for example a corrupt file moved aside)."""
        return self.store.notices

    def start(self, rehearsal: Any, mode: str = "practice") -> int:
        """Create the rehearsal's row now, before any answer; returns its id."""
        found = self._ids.get(id(rehearsal))
        if found and found[0] is rehearsal:
            return found[1]
        scenario = getattr(rehearsal, "scenario", None)
        persona = getattr(rehearsal, "persona", None)
        rid = self.store.start_rehearsal(
            self.participant, getattr(scenario, "id", "") or "unknown",
            scenario_title=getattr(scenario, "title", "") or "",
            persona_id=getattr(persona, "id", "") or getattr(scenario, "persona", "") or "",
            seed=int(getattr(rehearsal, "seed", 0) or 0), mode=mode,
        )
        self._ids[id(rehearsal)] = (rehearsal, rid)
        return rid

    def attach(self, rehearsal: Any, rehearsal_id: int) -> None:
        """Continue recording into an existing row (a resumed rehearsal)."""
        self.store.reopen(rehearsal_id)
        self._ids[id(rehearsal)] = (rehearsal, rehearsal_id)

    def record_turn(self, rehearsal: Any, turn: Any) -> int:
        """Commit one scored answer; a finished rehearsal is marked finished too."""
        rid = self.start(rehearsal)
        self.store.add_turn(rid, turn)
        if getattr(rehearsal, "finished", False):
            self.finish(rehearsal)
        return rid

    def finish(self, rehearsal: Any, status: str | None = None) -> None:
        """Mark the rehearsal finished (or ``abandoned`` when the user left early)."""
        found = self._ids.get(id(rehearsal))
        if not found or found[0] is not rehearsal:
            return
        if status is None:
            status = "finished" if getattr(rehearsal, "finished", False) else "abandoned"
        self.store.end_rehearsal(found[1], status, getattr(rehearsal, "outcome", None))

    def record_update(self, rehearsal: Any, text: str, score: Any = None) -> int | None:
        """Keep the written update of a rehearsal recorded here (text now, score when
        there is one); returns the rehearsal's id, or ``None`` if it has no row."""
        rid = self.rehearsal_id(rehearsal)
        if rid is not None:
            self.store.save_update(rid, text, score)
        return rid

    def written_update(self, rehearsal: Any) -> dict[str, Any] | None:
        """The stored written update of a rehearsal recorded here, else ``None``."""
        rid = self.rehearsal_id(rehearsal)
        return None if rid is None else self.store.written_update(rid)

    def rehearsal_id(self, rehearsal: Any) -> int | None:
        found = self._ids.get(id(rehearsal))
        return found[1] if found and found[0] is rehearsal else None

    def best_and_last(self, scenario_id: str) -> tuple[int | None, int | None]:
        """This participant's best and latest overall score on a scenario, over the
        meetings that reached their end: half a meeting (left, quit or cut off) is no best."""
        with self.store.lock:
            rows = self.store.conn.execute(
                "SELECT r.overall FROM rehearsals r JOIN participants p ON p.id = r.participant_id"
                " WHERE p.name = ? AND r.scenario_id = ? AND r.status = 'finished'"
                " AND r.overall IS NOT NULL ORDER BY r.started_at DESC, r.id DESC",
                (self.participant, scenario_id)).fetchall()
        scores = [r[0] for r in rows]
        return (max(scores), scores[0]) if scores else (None, None)

    def unfinished(self, scenario_id: str | None = None) -> Any:
        """This participant's newest rehearsal (of ``scenario_id``, if given) when it did
        not reach its end and has answers to carry on from (a ``RehearsalRow``), else
        ``None``: what the briefing offers to resume."""
        from trainer.store import queries

        rows = queries.history(self.store, self.participant, limit=1, scenario_id=scenario_id)
        if rows and rows[0].status != "finished" and rows[0].turn_count:
            return rows[0]
        return None
