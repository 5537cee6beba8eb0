"""The history database: every scored answer, kept the moment it is scored.

Plain Python and SQLite; nothing here imports Textual.
"""

from trainer.store.db import StoreError
from trainer.store.paths import DB_ENV, default_db_path, default_user, resolve_db_path
from trainer.store.store import Store, open_store

__all__ = ["DB_ENV", "Store", "StoreError", "default_db_path", "default_user",
           "open_store", "resolve_db_path"]
