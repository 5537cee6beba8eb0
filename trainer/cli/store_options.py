"""The ``--db`` and ``--user`` options, and opening the history database for a command."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from trainer.problems import TrainerError


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="PATH",
        help="history database (default: $REHEARSE_DB, else history.sqlite3 in your data folder)",
    )


def add_user_option(parser: argparse.ArgumentParser, help_text: str | None = None) -> None:
    parser.add_argument(
        "--user", metavar="NAME",
        help=help_text or "participant name (default: your login name)",
    )


def user_of(args: argparse.Namespace) -> str:
    from trainer.store import default_user

    return (getattr(args, "user", None) or "").strip() or default_user()


def open_for_cli(args: argparse.Namespace, must_exist: bool = False) -> Any:
    """Open the store named by ``--db``; notices go to stderr, failures become messages.

    ``must_exist``: for commands that only read history (or annotate what is in it),
    a ``--db`` file that does not exist is a mistake to report, not an empty
    database to create there.
    """
    import sqlite3
    from pathlib import Path

    from trainer.store import StoreError, open_store

    db = getattr(args, "db", None)
    if must_exist and db and db != ":memory:" and not Path(db).expanduser().exists():
        raise TrainerError(f"there is no history database at {db} (check --db)", 2)
    try:
        store = open_store(getattr(args, "db", None))
    except (StoreError, sqlite3.Error, OSError) as exc:
        raise TrainerError(f"history database: {exc}") from exc
    for notice in store.notices:
        print(f"rehearse: {notice}", file=sys.stderr)
    return store


def session_id(store: Any, text: str, participant: str | None = None) -> int:
    """A rehearsal id from ``SESSION``: a number, or ``last`` for the newest."""
    from trainer.store import queries

    if text.strip().lower() in ("last", "latest"):
        rid = queries.latest_id(store, participant)
        if rid is None:
            raise TrainerError(f"no rehearsals yet in {store.path}", 2)
        return rid
    try:
        rid = int(text.lstrip("#"))
    except ValueError:
        raise TrainerError(f"SESSION is a rehearsal number from 'rehearse history' or 'last', "
                           f"not {text!r}", 2) from None
    if queries.rehearsal(store, rid) is None:
        raise TrainerError(f"no rehearsal {rid} in {store.path} (see 'rehearse history')", 2)
    return rid
