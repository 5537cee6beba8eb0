"""The history store: participants, rehearsals and turns, written as they happen.

A rehearsal row is created when the meeting starts; each answer is committed in
its own transaction the moment it is scored, so a killed process loses at most
the answer being typed. Reading helpers live in :mod:`trainer.store.queries`,
coach review in :mod:`trainer.store.review`.
"""

from __future__ import annotations

import json
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from trainer.store.db import StoreError, open_or_recover, write
from trainer.store.migrations import DIMENSIONS, LATEST, migrate, user_version
from trainer.store.paths import resolve_db_path
from trainer.store.summary import refresh_summary

STATUSES = ("in-progress", "finished", "abandoned")


def now() -> str:
    """UTC time as ISO text; it sorts as it reads."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


class Store:
    """One open history database. Safe to share between threads of one process."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if str(path) == ":memory:" else resolve_db_path(path)
        self.conn, self.notices = open_or_recover(self.path)
        self.lock = threading.RLock()
        found = user_version(self.conn)
        if found > LATEST:
            self.conn.close()
            raise StoreError(f"{self.path} was written by a newer rehearse (schema {found}, "
                             f"this one knows {LATEST}); upgrade rehearse or use --db")
        migrate(self.conn)

    def close(self) -> None:
        with self.lock:
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- participants ------------------------------------------------------

    def participant_id(self, name: str) -> int:
        """The id of participant ``name``, created on first use."""
        name = " ".join(name.split()) or "me"
        with self.lock, write(self.conn) as c:
            c.execute("INSERT OR IGNORE INTO participants(name, created_at) VALUES (?, ?)",
                      (name, now()))
            return c.execute("SELECT id FROM participants WHERE name = ?", (name,)).fetchone()[0]

    def participants(self) -> list[str]:
        with self.lock:
            return [r[0] for r in self.conn.execute("SELECT name FROM participants ORDER BY name")]

    # -- rehearsals --------------------------------------------------------

    def start_rehearsal(self, participant: str, scenario_id: str, *, scenario_title: str = "",
                        persona_id: str = "", seed: int = 0, mode: str = "practice") -> int:
        """Create the rehearsal's row (status in-progress) and return its id."""
        pid = self.participant_id(participant)
        with self.lock, write(self.conn) as c:
            cur = c.execute(
                "INSERT INTO rehearsals(participant_id, scenario_id, scenario_title, persona_id,"
                " seed, mode, status, started_at) VALUES (?, ?, ?, ?, ?, ?, 'in-progress', ?)",
                (pid, scenario_id, scenario_title, persona_id, int(seed), mode, now()),
            )
            return int(cur.lastrowid)

    def end_rehearsal(self, rehearsal_id: int, status: str = "finished",
                      outcome: str | None = None) -> None:
        """Mark a rehearsal finished or abandoned."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}")
        with self.lock, write(self.conn) as c:
            c.execute("UPDATE rehearsals SET status = ?, outcome = ?, ended_at = ? WHERE id = ?",
                      (status, outcome, now(), rehearsal_id))

    # -- turns ---------------------------------------------------------------

    def add_turn(self, rehearsal_id: int, turn: Any) -> int:
        """Commit one scored answer; ``turn`` is a conversation Turn or its ``to_dict()``.

        Writing the same turn index twice keeps the first (a resumed rehearsal
        replays answers that are already stored). Returns the turn's row id.
        """
        data = turn.to_dict() if hasattr(turn, "to_dict") else dict(turn)
        score = data.get("score") or {}
        if hasattr(score, "to_dict"):
            score = score.to_dict()
        dims = score.get("dimensions") or {}
        dim_scores = [_dim(dims.get(d)) for d in DIMENSIONS]
        with self.lock, write(self.conn) as c:
            idx = data.get("index")
            if idx is None:
                idx = c.execute("SELECT count(*) FROM turns WHERE rehearsal_id = ?",
                                (rehearsal_id,)).fetchone()[0]
            cols = ", ".join(DIMENSIONS)
            marks = ", ".join("?" * len(DIMENSIONS))
            c.execute(
                f"INSERT INTO turns(rehearsal_id, idx, node_id, ceo, question, answer, next_node,"
                f" reaction, seconds, score_json, overall, {cols}, created_at)"
                f" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, {marks}, ?)"
                " ON CONFLICT(rehearsal_id, idx) DO NOTHING",
                (rehearsal_id, int(idx), _text(data.get("node_id") or data.get("node")),
                 _text(data.get("ceo")), _text(data.get("question")), _text(data.get("answer")),
                 data.get("next_node") or data.get("next"), data.get("reaction"),
                 _number(data.get("seconds")), json.dumps(score, ensure_ascii=False),
                 _dim(score.get("overall")), *dim_scores, now()),
            )
            refresh_summary(c, rehearsal_id)
            return c.execute("SELECT id FROM turns WHERE rehearsal_id = ? AND idx = ?",
                             (rehearsal_id, int(idx))).fetchone()[0]

    def answers(self, rehearsal_id: int) -> list[str]:
        """The answers given so far, in order: what a resumed rehearsal replays."""
        with self.lock:
            return [r[0] for r in self.conn.execute(
                "SELECT answer FROM turns WHERE rehearsal_id = ? ORDER BY idx", (rehearsal_id,))]

    # -- the written update ---------------------------------------------------

    def save_update(self, rehearsal_id: int, text: str, score: Any = None) -> None:
        """Keep the rehearsal's written update: its text, and its score once there is one.

        One update per rehearsal: writing it again (an edit) replaces text and score.
        ``score`` is a ScoreResult or its ``to_dict()``; ``None`` keeps the text alone,
        so what was typed is kept even before (or without) a score.
        """
        if hasattr(score, "to_dict"):
            score = score.to_dict()
        score_json = None if score is None else json.dumps(score, ensure_ascii=False)
        overall = _dim(score.get("overall")) if isinstance(score, dict) else None
        stamp = now()
        with self.lock, write(self.conn) as c:
            c.execute(
                "INSERT INTO written_updates(rehearsal_id, text, score_json, overall, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(rehearsal_id) DO UPDATE SET"
                " text = excluded.text, score_json = excluded.score_json,"
                " overall = excluded.overall, updated_at = excluded.updated_at",
                (rehearsal_id, _text(text), score_json, overall, stamp, stamp))

    def written_update(self, rehearsal_id: int) -> dict[str, Any] | None:
        """``{text, overall, score, created_at, updated_at}`` of the rehearsal's written
        update (``score`` is ``None`` if it was kept before it was scored), else ``None``."""
        with self.lock:
            row = self.conn.execute(
                "SELECT text, score_json, overall, created_at, updated_at FROM written_updates"
                " WHERE rehearsal_id = ?", (rehearsal_id,)).fetchone()
        if row is None:
            return None
        try:
            score = json.loads(row["score_json"]) if row["score_json"] else None
        except ValueError:
            score = None
        return {"text": row["text"], "overall": row["overall"], "score": score,
                "created_at": row["created_at"], "updated_at": row["updated_at"]}

    def reopen(self, rehearsal_id: int) -> None:
        """Mark a killed or abandoned rehearsal in progress again, to resume it."""
        with self.lock, write(self.conn) as c:
            c.execute("UPDATE rehearsals SET status = 'in-progress', ended_at = NULL WHERE id = ?",
                      (rehearsal_id,))


def _dim(value: Any) -> int | None:
    if isinstance(value, dict):
        value = value.get("score")
    if hasattr(value, "score"):
        value = value.score
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return max(0, min(100, round(value)))


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def open_store(path: Path | str | None = None) -> Store:
    """Open (creating or migrating as needed) the history database at ``path``.

    ``None`` means ``$REHEARSE_DB`` or the default in the user data folder.
    Notices about a recovered database are in ``store.notices``.
    """
    return Store(path)
