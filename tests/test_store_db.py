"""Opening the database: WAL, busy timeout, and what happens to a corrupt file."""

from __future__ import annotations

import os
import sqlite3

from store_helpers import turn

from trainer.store import DB_ENV, default_db_path, open_store, resolve_db_path
from trainer.store.queries import history


def test_database_uses_wal_and_a_busy_timeout(tmp_path):
    with open_store(tmp_path / "h.sqlite3") as s:
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        assert s.notices == []


def test_db_path_precedence(tmp_path, monkeypatch):
    monkeypatch.delenv(DB_ENV, raising=False)
    assert default_db_path().name == "history.sqlite3"
    monkeypatch.setenv(DB_ENV, str(tmp_path / "env.sqlite3"))
    assert resolve_db_path(None) == tmp_path / "env.sqlite3"
    assert resolve_db_path(str(tmp_path / "cli.sqlite3")) == tmp_path / "cli.sqlite3"


def test_missing_folders_are_created(tmp_path):
    path = tmp_path / "a" / "b" / "h.sqlite3"
    with open_store(path) as s:
        s.start_rehearsal("ann", "s1")
    assert path.exists()


def test_random_bytes_are_moved_aside_and_a_fresh_history_starts(tmp_path):
    path = tmp_path / "history.sqlite3"
    junk = os.urandom(8192)
    path.write_bytes(junk)
    with open_store(path) as s:
        assert len(s.notices) == 1
        assert "could not be read" in s.notices[0] and "moved to" in s.notices[0]
        rid = s.start_rehearsal("ann", "s1")
        s.add_turn(rid, turn(0))
        assert len(history(s)) == 1
    [aside] = list(tmp_path.glob("history.sqlite3.corrupt-*"))
    assert aside.read_bytes() == junk  # kept for the user, untouched


def test_a_damaged_header_is_handled_like_random_bytes(tmp_path):
    path = tmp_path / "history.sqlite3"
    with open_store(path) as s:
        s.start_rehearsal("ann", "s1")
    data = bytearray(path.read_bytes())
    data[0:16] = b"not a database!!"
    path.write_bytes(bytes(data))
    for extra in tmp_path.glob("history.sqlite3-*"):
        extra.unlink()
    with open_store(path) as s:
        assert s.notices and history(s) == []


def test_a_folder_where_the_file_should_be_is_moved_aside(tmp_path):
    path = tmp_path / "history.sqlite3"
    path.mkdir()
    with open_store(path) as s:
        assert s.notices
        s.start_rehearsal("ann", "s1")
    assert path.is_file()


def test_a_database_from_a_newer_version_is_refused_not_changed(tmp_path):
    path = tmp_path / "h.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    try:
        open_store(path)
    except Exception as exc:
        assert "newer rehearse" in str(exc)
    else:
        raise AssertionError("a newer schema must be refused")
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 999
