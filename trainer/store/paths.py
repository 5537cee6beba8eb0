"""Where the history database lives and who is rehearsing by default."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

DB_ENV = "REHEARSE_DB"
"""Overrides the default database path (``--db`` overrides this in turn)."""


def default_db_path() -> Path:
    """``$REHEARSE_DB`` if set, else ``history.sqlite3`` in the user data folder."""
    env = os.environ.get(DB_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    import platformdirs

    return platformdirs.user_data_path("rehearse") / "history.sqlite3"


def resolve_db_path(cli_value: str | os.PathLike | None) -> Path:
    """The database a command uses: ``--db``, then ``$REHEARSE_DB``, then the default."""
    if cli_value:
        return Path(cli_value).expanduser()
    return default_db_path()


def default_user() -> str:
    """The OS user name, or ``me`` where there is none (some containers)."""
    try:
        name = getpass.getuser().strip()
    except Exception:  # getpass raises various errors when no user is known
        name = ""
    return name or "me"
