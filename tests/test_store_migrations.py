"""Numbered migrations: from an empty file, and from each older version to the latest."""

from __future__ import annotations

import json
import sqlite3

from trainer.store import open_store
from trainer.store.db import connect
from trainer.store.migrations import DIMENSIONS, LATEST, MIGRATIONS, migrate, user_version
from trainer.store.queries import history, rehearsal


def _tables(conn):
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_versions_are_numbered_one_by_one():
    assert [m[0] for m in MIGRATIONS] == list(range(1, LATEST + 1))


def test_an_empty_file_reaches_the_latest_version(tmp_path):
    with open_store(tmp_path / "h.sqlite3") as s:
        assert user_version(s.conn) == LATEST
        assert {"participants", "rehearsals", "turns", "coach_notes",
                "score_overrides"} <= _tables(s.conn)


def test_migrating_twice_changes_nothing(tmp_path):
    conn = connect(tmp_path / "h.sqlite3")
    assert migrate(conn) == LATEST
    before = conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    assert migrate(conn) == LATEST
    assert conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == before


def test_version_1_with_data_migrates_and_keeps_every_row(tmp_path):
    path = tmp_path / "h.sqlite3"
    conn = connect(path)
    assert migrate(conn, target=1) == 1
    assert "coach_notes" not in _tables(conn)
    conn.execute("INSERT INTO participants(id, name, created_at) VALUES (1, 'ann', 't')")
    conn.execute("INSERT INTO rehearsals(id, participant_id, scenario_id, started_at)"
                 " VALUES (1, 1, 'churn', '2024-01-01T00:00:00')")
    for idx, (overall, brevity) in enumerate([(60, 40), (80, 60)]):
        conn.execute(
            "INSERT INTO turns(rehearsal_id, idx, answer, score_json, overall, brevity,"
            " created_at) VALUES (1, ?, ?, ?, ?, ?, 't')",
            (idx, f"answer {idx}", json.dumps({"overall": overall}), overall, brevity))
    conn.close()

    with open_store(path) as s:
        assert user_version(s.conn) == LATEST
        assert s.answers(1) == ["answer 0", "answer 1"]
        row = rehearsal(s, 1)  # means filled in for rows written before version 3
        assert (row.turn_count, row.overall, row.dimensions) == (2, 70, {"brevity": 50})
        assert len(history(s, "ann")) == 1


def test_each_intermediate_version_migrates(tmp_path):
    for start in range(1, LATEST):
        path = tmp_path / f"v{start}.sqlite3"
        conn = connect(path)
        migrate(conn, target=start)
        assert user_version(conn) == start
        conn.close()
        with open_store(path) as s:
            assert user_version(s.conn) == LATEST
            cols = {r[1] for r in s.conn.execute("PRAGMA table_info(rehearsals)")}
            assert set(DIMENSIONS) <= cols


def test_the_user_version_pragma_is_what_records_the_version(tmp_path):
    path = tmp_path / "h.sqlite3"
    open_store(path).close()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == LATEST
