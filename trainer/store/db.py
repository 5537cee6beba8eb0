"""Opening the history database: WAL, busy timeout, write transactions, corrupt files.

Every write goes through :func:`write`, which takes the write lock up front
(``BEGIN IMMEDIATE``) so two processes never deadlock upgrading a read lock, and
retries if another writer held the lock for longer than the busy timeout.
"""

from __future__ import annotations

import contextlib
import os
import random
import sqlite3
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

BUSY_TIMEOUT_S = 10.0
WRITE_ATTEMPTS = 8


class StoreError(Exception):
    """The database cannot be used; the message says why and what to do."""


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    # FULL: an answer acknowledged to the user survives a power cut, not only a kill -9.
    # One fsync per answer is cheap at the pace people type.
    conn.execute("PRAGMA synchronous = FULL")
    if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        with_retries(lambda: conn.execute("PRAGMA journal_mode = WAL"))


def with_retries(action, attempts: int = WRITE_ATTEMPTS):
    """Run ``action`` again, after a short random pause, while the database is busy."""
    for attempt in range(attempts):
        try:
            return action()
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or attempt == attempts - 1:
                raise
            time.sleep(random.uniform(0.02, 0.1) * (attempt + 1))
    raise AssertionError("unreachable")


@contextlib.contextmanager
def write(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One committed write transaction, started with ``BEGIN IMMEDIATE``.

    The body must be safe to run again: if taking the lock fails with "busy" the
    transaction has not started, and the caller's ``with`` body has not run yet.
    """
    with_retries(lambda: conn.execute("BEGIN IMMEDIATE"))
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        with_retries(lambda: conn.execute("COMMIT"))


def connect(path: Path | str) -> sqlite3.Connection:
    """A configured connection in autocommit mode (transactions are explicit)."""
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
    )
    conn.row_factory = sqlite3.Row
    try:
        _configure(conn)
        # Reading the schema is what fails on a file that is not a database.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        # A file with an intact header but damaged pages opens fine and fails later,
        # mid-command; quick_check finds it now (about 1 ms per MB of history).
        if str(path) != ":memory:":
            verdict = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
            if verdict != "ok":
                raise sqlite3.DatabaseError(f"database disk image is malformed ({verdict})")
    except BaseException:
        conn.close()
        raise
    return conn


def open_or_recover(path: Path) -> tuple[sqlite3.Connection, list[str]]:
    """Open ``path``; a corrupt or unreadable file is moved aside and a fresh one made.

    Returns the connection and notices for the user (empty when all went well).
    If even a fresh file cannot be made there, history is kept in memory for this
    run and a notice says so, so that the app still starts.
    """
    notices: list[str] = []
    if str(path) != ":memory:":
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return _memory(notices, f"cannot create the folder {path.parent}: {exc.strerror}")
    try:
        return connect(path), notices
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError) and _is_busy(exc):
            raise StoreError(f"{path}: the database stays locked by another program") from exc
        reason = str(exc)
    try:
        aside = move_aside(path)
    except OSError as exc:
        return _memory(notices, f"{path} is unreadable ({reason}) and could not be moved "
                                f"aside ({exc.strerror})")
    notices.append(f"{path} could not be read ({reason}); it was moved to {aside.name} "
                   "and a new, empty history was started")
    try:
        return connect(path), notices
    except sqlite3.DatabaseError as exc:
        return _memory(notices, f"{path}: {exc}")


def _memory(notices: list[str], why: str) -> tuple[sqlite3.Connection, list[str]]:
    notices.append(f"{why}; history is kept in memory only and will not be saved this time")
    return connect(":memory:"), notices


def move_aside(path: Path) -> Path:
    """Rename a bad database (and its WAL and shared-memory files) to ``*.corrupt-<time>``."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    os.replace(path, aside)
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            os.replace(extra, aside.with_name(aside.name + suffix))
    return aside
