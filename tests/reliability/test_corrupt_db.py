"""A damaged history database: a clear message, never a traceback, and history goes on."""

from __future__ import annotations

import random
import sqlite3

import pytest

from tests.reliability.procs import rehearse

pytest.importorskip("trainer.store", reason="the history store is not built yet")


def damage(path, how: str) -> None:
    data = bytearray(path.read_bytes())
    rng = random.Random(7)
    if how == "header":
        data[:100] = bytes(rng.randrange(256) for _ in range(100))
    elif how == "truncated":
        data = data[: len(data) // 3]
    elif how == "pages":  # the header is intact: the file opens, its tables do not read
        for at in range(4096, len(data), 512):
            data[at:at + 64] = bytes(rng.randrange(256) for _ in range(64))
    elif how == "junk":
        data = bytearray(b"this is not a database\n" * 100)
    path.write_bytes(bytes(data))


@pytest.fixture
def history_db(tmp_path):
    from trainer.store import open_store

    db = tmp_path / "history.sqlite3"
    with open_store(db) as store:
        for _ in range(3):
            rid = store.start_rehearsal("me", "churn-model-drift")
            for i in range(30):
                store.add_turn(rid, {"index": i, "node": "opening", "answer": f"answer {i} " * 20,
                                     "score": {"overall": 50, "dimensions": {}}})
            store.end_rehearsal(rid, "finished")
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file
    conn.close()
    return db


def check_history_survives(db) -> str:
    proc = rehearse("history", "--db", str(db))
    out, err = proc.communicate(timeout=60)
    assert "Traceback" not in out + err, (out + err)[-1500:]
    return err


@pytest.mark.parametrize("how", ["header", "truncated", "junk"])
def test_an_unreadable_database_is_moved_aside_with_a_message(history_db, how):
    damage(history_db, how)
    err = check_history_survives(history_db)
    assert "moved" in err
    assert list(history_db.parent.glob("history.sqlite3.corrupt-*"))


def test_a_database_with_damaged_pages_gives_a_message(history_db):
    damage(history_db, "pages")
    check_history_survives(history_db)
