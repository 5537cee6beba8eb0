"""Eight processes writing to one new database at once lose no row and see no lock error;
a process killed with SIGKILL keeps every answer it had committed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from trainer.store import open_store
from trainer.store.queries import history, unfinished

HERE = Path(__file__).resolve().parent

WRITER = """
import sys, time
sys.path.insert(0, {here!r})
from store_helpers import turn
from trainer.store import open_store
from trainer.store.review import add_note
start_at, name, n = float(sys.argv[1]), sys.argv[2], int(sys.argv[3])
while time.time() < start_at:  # line the processes up so they really collide
    time.sleep(0.001)
store = open_store(sys.argv[4])
for r in range(2):
    rid = store.start_rehearsal(name, "churn", seed=r)
    for i in range(n):
        store.add_turn(rid, turn(i, f"{{name}} answer {{r}}.{{i}}"))
    add_note(store, rid, 1, "note", "coach")
    store.end_rehearsal(rid, "finished", "good")
store.close()
"""


def test_eight_writers_at_once_lose_nothing(tmp_path):
    db = tmp_path / "shared.sqlite3"  # does not exist yet: the migration races too
    code = WRITER.format(here=str(HERE))
    start_at = time.time() + 1.5
    procs = [subprocess.Popen([sys.executable, "-c", code, str(start_at), f"p{k}", "25", str(db)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for k in range(8)]
    results = [p.communicate(timeout=120) for p in procs]
    for p, (_, err) in zip(procs, results, strict=True):
        assert p.returncode == 0, err
        assert "locked" not in err.lower()
    with open_store(db) as s:
        rows = history(s)
        assert len(rows) == 16
        assert all(r.turn_count == 25 and r.status == "finished" for r in rows)
        total = s.conn.execute("SELECT count(*) FROM turns").fetchone()[0]
        assert total == 8 * 2 * 25
        assert s.conn.execute("SELECT count(*) FROM coach_notes").fetchone()[0] == 16
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


KILLED = """
import sys, time
sys.path.insert(0, {here!r})
from store_helpers import turn
from trainer.store import open_store
store = open_store(sys.argv[1])
rid = store.start_rehearsal("ann", "churn", seed=4)
for i in range(3):
    store.add_turn(rid, turn(i, f"answer {{i}}"))
    print("scored", i, flush=True)
time.sleep(60)
"""


def test_a_killed_rehearsal_keeps_its_answers_and_can_be_resumed(tmp_path):
    db = tmp_path / "h.sqlite3"
    proc = subprocess.Popen([sys.executable, "-c", KILLED.format(here=str(HERE)), str(db)],
                            stdout=subprocess.PIPE, text=True)
    for _ in range(3):
        assert proc.stdout.readline().startswith("scored")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    with open_store(db) as s:
        [row] = unfinished(s, "ann")
        assert row.seed == 4 and row.turn_count == 3
        assert s.answers(row.id) == ["answer 0", "answer 1", "answer 2"]


def test_a_drill_killed_mid_meeting_keeps_every_answer_sent(tmp_path):
    db = tmp_path / "drill.sqlite3"
    env = {k: v for k, v in os.environ.items() if k != "REHEARSE_DB"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "trainer", "drill", "churn-model-drift", "--seed", "3", "--json",
         "--db", str(db), "--user", "kim"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    sent = ["Since May 2 the churn model misclassifies 5% more customers; I own it.",
            "We had no drift monitor, so nobody was alerted."]
    for answer in sent:
        proc.stdin.write(answer + "\n")
        proc.stdin.flush()
        line = proc.stdout.readline()  # the turn is printed after it is recorded
        assert '"type": "turn"' in line, proc.stderr.read() if not line else line
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    with open_store(db) as s:
        [row] = history(s, "kim")
        assert row.status == "in-progress" and row.seed == 3
        assert s.answers(row.id) == sent
