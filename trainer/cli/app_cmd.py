"""Bare ``rehearse``: open the full-screen app."""

from __future__ import annotations

import argparse
import sys


def run(args: argparse.Namespace) -> int:
    import gc

    # Importing Textual and building the first screen allocate a great many objects
    # and free few: the collector would scan them again and again (about 20 ms before
    # the first frame). The app freezes them and turns collection back on once that
    # frame is drawn; ``finally`` covers a start that fails before it.
    gc.disable()
    try:
        try:
            from trainer.tui.app import run_app
        except ImportError:
            print("rehearse: the app is not built yet; try 'rehearse --help'", file=sys.stderr)
            return 1
        args.store = _recorder(args)
        return run_app(args)
    finally:
        gc.enable()


def _recorder(args: argparse.Namespace):
    """The history the app records into; a database problem never stops the app."""
    from trainer.cli.store_options import user_of
    from trainer.store import open_store
    from trainer.store.recorder import Recorder

    try:
        store = open_store(getattr(args, "db", None))
    except Exception as exc:  # e.g. a newer schema: keep history in memory for this run
        store = open_store(":memory:")
        store.notices.append(f"history database: {exc}; this run is not saved")
    return Recorder(store, user_of(args))
