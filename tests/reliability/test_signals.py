"""Ctrl+C or SIGTERM during a drill, a batch score or the app: nothing scored is lost.

"Acknowledged" means the user saw it: a drill's turn line on stdout, a batch
result line, a scored answer in the app (its row is what the app shows in History).
"""

from __future__ import annotations

import json
import signal
import time

import pytest

from tests.reliability.procs import (
    ANSWERS,
    PtyApp,
    answer_and_wait,
    db_state,
    drill,
    rehearse,
    turns_in,
    wait_until,
)

SIGNALS = [signal.SIGINT, signal.SIGTERM]
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGTERM"), reason="POSIX signals")


@pytest.mark.parametrize("sig", SIGNALS, ids=lambda s: s.name)
def test_signal_while_the_drill_waits_keeps_every_answer(tmp_path, sig):
    db = tmp_path / "h.sqlite3"
    proc = drill(db)
    acked = [answer_and_wait(proc, a) for a in ANSWERS[:2]]
    assert all(acked)
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=30)
    assert "Traceback" not in err, err
    assert proc.returncode == 130, (proc.returncode, err)
    assert "interrupted" in err
    state = db_state(db)
    assert state["integrity"] == "ok"
    assert state["answers"] == ANSWERS[:2]
    assert state["statuses"] == ["abandoned"]  # closed, and resumable


@pytest.mark.parametrize("delay", [0.0, 0.02, 0.1])
@pytest.mark.parametrize("sig", SIGNALS, ids=lambda s: s.name)
def test_signal_while_an_answer_is_scored_loses_nothing_acknowledged(tmp_path, sig, delay):
    db = tmp_path / "h.sqlite3"
    proc = drill(db)
    assert answer_and_wait(proc, ANSWERS[0])
    proc.stdin.write(ANSWERS[1] + "\n")
    proc.stdin.flush()
    time.sleep(delay)
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=30)
    assert "Traceback" not in err, err
    acked = 1 + sum('"type": "turn"' in line for line in out.splitlines())
    state = db_state(db)
    assert state["integrity"] == "ok"
    # every acknowledged answer is stored; at most the one in flight is stored unacknowledged
    assert acked <= state["turns"] <= 2, (acked, state)
    assert state["answers"] == ANSWERS[: state["turns"]]


@pytest.mark.parametrize("sig", SIGNALS, ids=lambda s: s.name)
def test_signal_during_a_batch_score_keeps_the_lines_scored(sig):
    proc = rehearse("score", "--jsonl", "-")
    for i, text in enumerate(ANSWERS):
        proc.stdin.write(json.dumps({"id": i, "answer": text}) + "\n")
    proc.stdin.flush()  # input stays open: the batch is waiting for more when the signal comes
    time.sleep(3)
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=30)
    assert "Traceback" not in err, err
    lines = out.splitlines()
    results = [json.loads(line) for line in lines]  # no half-written line
    assert [r["id"] for r in results] == list(range(len(ANSWERS))), (lines, err)


@pytest.mark.parametrize("sig", SIGNALS, ids=lambda s: s.name)
def test_signal_to_the_app_keeps_the_answers_and_restores_the_terminal(tmp_path, sig):
    db = tmp_path / "app.sqlite3"
    app = PtyApp("--db", str(db), "--user", "signals")
    try:
        # the filter has focus before the first frame that lists the scenarios, and
        # keys are handled in order: no pause is needed between them
        app.wait_for(b"churn", timeout=60)
        app.type("churn")
        app.type("\r")
        app.wait_for(b"Practice", timeout=30)  # the briefing's buttons
        app.type("p")
        app.wait_for(b"Enter sends", timeout=30)
        app.type(ANSWERS[0])
        app.type("\r")
        assert wait_until(lambda: turns_in(db) >= 1, timeout=30), bytes(app.output[-600:])
        before = turns_in(db)
        app.proc.send_signal(sig)
        code = app.proc.wait(timeout=30)
        time.sleep(0.2)
        shown = bytes(app.output)
    finally:
        app.close()
    for noise in (b"Traceback", b"Exception ignored", b"Task was destroyed"):
        assert noise not in shown, shown[-2000:]
    assert code in (0, 130), code
    assert b"\x1b[?1049l" in shown[-3000:], "the terminal was left in the app's screen"
    state = db_state(db)
    assert state["integrity"] == "ok"
    assert state["turns"] == before and state["answers"][0] == ANSWERS[0]
