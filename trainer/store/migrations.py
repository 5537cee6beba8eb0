"""Numbered schema migrations, tracked by SQLite's ``user_version`` pragma.

Each migration runs inside one ``BEGIN IMMEDIATE`` transaction that first
re-reads the version, so several processes opening a new database at once apply
each step exactly once. Never edit a released step: add a new one.
"""

from __future__ import annotations

import sqlite3

from trainer.store.db import write

DIMENSIONS = (
    "brevity", "impact", "ownership", "jargon", "confidence", "solution",
    "follow_up", "structure", "accuracy", "tailoring",
)
"""The scored dimensions, each also a column so history queries need no JSON."""

_DIM_COLUMNS = ",\n    ".join(f"{d} INTEGER" for d in DIMENSIONS)

_V1 = f"""
CREATE TABLE participants (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE TABLE rehearsals (
    id INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participants(id),
    scenario_id TEXT NOT NULL,
    scenario_title TEXT NOT NULL DEFAULT '',
    persona_id TEXT NOT NULL DEFAULT '',
    seed INTEGER NOT NULL DEFAULT 0,
    mode TEXT NOT NULL DEFAULT 'practice',
    status TEXT NOT NULL DEFAULT 'in-progress'
        CHECK (status IN ('in-progress', 'finished', 'abandoned')),
    outcome TEXT,
    started_at TEXT NOT NULL,
    ended_at TEXT
);
CREATE TABLE turns (
    id INTEGER PRIMARY KEY,
    rehearsal_id INTEGER NOT NULL REFERENCES rehearsals(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    node_id TEXT NOT NULL DEFAULT '',
    ceo TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL DEFAULT '',
    answer TEXT NOT NULL,
    next_node TEXT,
    reaction TEXT,
    seconds REAL,
    score_json TEXT NOT NULL,
    overall INTEGER,
    {_DIM_COLUMNS},
    created_at TEXT NOT NULL,
    UNIQUE (rehearsal_id, idx)
);
"""

_V2 = """
CREATE TABLE coach_notes (
    id INTEGER PRIMARY KEY,
    turn_id INTEGER NOT NULL REFERENCES turns(id) ON DELETE CASCADE,
    author TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE score_overrides (
    id INTEGER PRIMARY KEY,
    turn_id INTEGER NOT NULL REFERENCES turns(id) ON DELETE CASCADE,
    dimension TEXT NOT NULL,
    score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    reason TEXT NOT NULL,
    author TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX coach_notes_turn ON coach_notes(turn_id);
CREATE INDEX score_overrides_turn ON score_overrides(turn_id, dimension, id);
"""

# Version 3 keeps each rehearsal's means beside it, refreshed on every write, so
# that listing history reads one row per rehearsal instead of every turn.
_V3 = "\n".join(
    ["ALTER TABLE rehearsals ADD COLUMN turn_count INTEGER NOT NULL DEFAULT 0;",
     "ALTER TABLE rehearsals ADD COLUMN overall INTEGER;"]
    + [f"ALTER TABLE rehearsals ADD COLUMN {d} INTEGER;" for d in DIMENSIONS]
    + ["CREATE INDEX rehearsals_participant ON rehearsals(participant_id, started_at);",
       "CREATE INDEX rehearsals_started ON rehearsals(started_at);",
       "CREATE INDEX rehearsals_scenario ON rehearsals(scenario_id, participant_id);",
       "CREATE INDEX rehearsals_status ON rehearsals(status);"]
)


def _v3_backfill(conn: sqlite3.Connection) -> None:
    from trainer.store.summary import refresh_summary

    for (rid,) in conn.execute("SELECT id FROM rehearsals").fetchall():
        refresh_summary(conn, rid)


# Version 4 changes no table: a coach's override now moves the turn's overall too
# (see trainer.store.summary), so the kept means of reviewed rehearsals are redone.
_V4 = ""


def _v4_overall_with_overrides(conn: sqlite3.Connection) -> None:
    from trainer.store.summary import refresh_summary

    for (rid,) in conn.execute(
            "SELECT DISTINCT t.rehearsal_id FROM score_overrides o"
            " JOIN turns t ON t.id = o.turn_id").fetchall():
        refresh_summary(conn, rid)


# Version 5 keeps the written update promised at the end of an incident meeting: its
# text as typed and its score, one per rehearsal (a rewrite replaces it).
_V5 = """
CREATE TABLE IF NOT EXISTS written_updates (
    rehearsal_id INTEGER PRIMARY KEY REFERENCES rehearsals(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    score_json TEXT,
    overall INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
"""

MIGRATIONS: list[tuple[int, str, object]] = [
    (1, _V1, None),
    (2, _V2, None),
    (3, _V3, _v3_backfill),
    (4, _V4, _v4_overall_with_overrides),
    (5, _V5, None),
]
"""(version, SQL script, optional Python step run after the script)."""

LATEST = MIGRATIONS[-1][0]


def user_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, target: int = LATEST) -> int:
    """Bring the schema up to ``target``; returns the version it ends at.

    A database newer than this program knows is left alone (and refused by the
    caller), since downgrading could lose rows.
    """
    for version, script, step in MIGRATIONS:
        if version > target or user_version(conn) >= version:
            continue
        with write(conn):
            if user_version(conn) >= version:  # another process got here first
                continue
            for statement in _statements(script):
                conn.execute(statement)
            if callable(step):
                step(conn)
            conn.execute(f"PRAGMA user_version = {version}")
    return user_version(conn)


def _statements(script: str) -> list[str]:
    # executescript() would COMMIT our transaction; run statements one by one instead.
    return [s.strip() for s in script.split(";") if s.strip()]
