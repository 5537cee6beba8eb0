"""Coach review: a note on a turn, or a dimension's score overridden with a reason.

Both are added beside the original score, never in place of it; the rehearsal's
means, and the overall of the turn and of the rehearsal, are refreshed so history
shows the coach's view. Only a dimension the turn was scored on can be overridden.
"""

from __future__ import annotations

from trainer.store.db import StoreError, write
from trainer.store.migrations import DIMENSIONS
from trainer.store.store import Store, now
from trainer.store.summary import refresh_summary, scored_dimensions


def _turn_id(store: Store, rehearsal_id: int, number: int) -> int:
    """The row id of turn ``number`` (counting from 1) of a rehearsal."""
    rows = store.conn.execute("SELECT id FROM turns WHERE rehearsal_id = ? ORDER BY idx",
                              (rehearsal_id,)).fetchall()
    if not rows:
        raise StoreError(f"rehearsal {rehearsal_id} has no answers to review")
    if not 1 <= number <= len(rows):
        raise StoreError(f"rehearsal {rehearsal_id} has turns 1 to {len(rows)}; "
                         f"there is no turn {number}")
    return rows[number - 1][0]


def add_note(store: Store, rehearsal_id: int, number: int, note: str, author: str) -> None:
    """Keep a coach's note on turn ``number``."""
    if not note.strip():
        raise StoreError("the note is empty")
    with store.lock, write(store.conn) as c:
        tid = _turn_id(store, rehearsal_id, number)
        c.execute("INSERT INTO coach_notes(turn_id, author, note, created_at) VALUES (?,?,?,?)",
                  (tid, author, note.strip(), now()))


def add_override(store: Store, rehearsal_id: int, number: int, dimension: str, score: int,
                 reason: str, author: str) -> None:
    """Override one dimension's score on turn ``number``; the reason is required."""
    if dimension not in DIMENSIONS:
        raise StoreError(f"unknown dimension {dimension!r}; one of: {', '.join(DIMENSIONS)}")
    if not 0 <= score <= 100:
        raise StoreError(f"a score is 0 to 100, not {score}")
    if not reason.strip():
        raise StoreError("an override needs a reason (--reason TEXT)")
    with store.lock, write(store.conn) as c:
        tid = _turn_id(store, rehearsal_id, number)
        row = c.execute(f"SELECT {', '.join(DIMENSIONS)} FROM turns WHERE id = ?",
                        (tid,)).fetchone()
        scored = scored_dimensions(row)
        if dimension not in scored:
            # Nothing of the answer was scored there, so there is no score to replace.
            raise StoreError(
                f"turn {number} was not scored on {dimension}; its scored dimensions are "
                f"{', '.join(scored) if scored else 'none'}")
        c.execute("INSERT INTO score_overrides(turn_id, dimension, score, reason, author,"
                  " created_at) VALUES (?,?,?,?,?,?)",
                  (tid, dimension, int(score), reason.strip(), author, now()))
        refresh_summary(c, rehearsal_id)
