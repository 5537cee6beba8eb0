"""Running ``rehearse`` in child processes and checking what they left in the database.

Shared by tests/reliability/test_signals.py and benchmarks/faults.py.
"""

from __future__ import annotations

import fcntl
import os
import pty
import sqlite3
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = "churn-model-drift"
ANSWERS = [
    "Our churn model misclassifies 5% more customers since May 2, about $50,000 of renewals "
    "a week at risk. It's my team's model and I own the fix.",
    "The model learned from January's customers and behaviour changed after the price change; "
    "we had no drift alert. I should have asked for one.",
    "I'm retraining it on recent data this week, which takes three days, and adding a drift "
    "monitor with an alert within two weeks.",
    "I'll send you a written update by Friday 5 pm with the retrained model's numbers.",
    "We rolled back the offers list to last month's and I recommend we pause the campaign.",
]


def rehearse(*args: str, **kwargs) -> subprocess.Popen:
    """``python -m trainer ARGS`` with pipes, in its own process group."""
    return subprocess.Popen(
        [sys.executable, "-m", "trainer", *args], cwd=ROOT, stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        start_new_session=True, **kwargs)


def drill(db: Path, user: str = "signals", seed: int = 1) -> subprocess.Popen:
    return rehearse("drill", SCENARIO, "--json", "--seed", str(seed), "--db", str(db),
                    "--user", user)


def answer_and_wait(proc: subprocess.Popen, text: str) -> dict | None:
    """Send one answer to a ``drill --json`` and read until its turn is acknowledged."""
    import json

    proc.stdin.write(text + "\n")
    proc.stdin.flush()
    while True:
        line = proc.stdout.readline()
        if not line:
            return None
        if line.startswith("{"):
            item = json.loads(line)
            if item.get("type") == "turn":
                return item


def db_state(db: Path) -> dict:
    """Integrity, and the rows a user would count on, read by a fresh connection."""
    conn = sqlite3.connect(db, timeout=30)
    try:
        return {
            "integrity": conn.execute("PRAGMA integrity_check").fetchone()[0],
            "turns": conn.execute("SELECT count(*) FROM turns").fetchone()[0],
            "answers": [r[0] for r in conn.execute("SELECT answer FROM turns ORDER BY id")],
            "statuses": [r[0] for r in conn.execute("SELECT status FROM rehearsals ORDER BY id")],
        }
    finally:
        conn.close()


class PtyApp:
    """The full-screen app in a pseudo-terminal, driven by keystrokes."""

    def __init__(self, *args: str, size: tuple[int, int] = (100, 34)) -> None:
        master, slave = pty.openpty()
        cols, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(cols), LINES=str(rows))
        self.proc = subprocess.Popen([sys.executable, "-m", "trainer", *args], cwd=ROOT,
                                     stdin=slave, stdout=slave, stderr=slave, env=env,
                                     start_new_session=True, close_fds=True)
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            self.output.extend(data)

    def wait_for(self, text: bytes, timeout: float = 30) -> None:
        start = len(self.output)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.output[max(0, start - 200):] or text in self.output:
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        raise AssertionError(f"the app never showed {text!r}; it showed: "
                             f"{bytes(self.output[-600:])!r}")

    def type(self, text: str) -> None:
        os.write(self.master, text.encode())
        time.sleep(0.05)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        os.close(self.master)
        self._reader.join(timeout=2)


def wait_until(predicate, timeout: float = 30, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False


def turns_in(db: Path) -> int:
    try:
        return db_state(db)["turns"]
    except sqlite3.Error:
        return -1
