"""Bare ``rehearse``: open the full-screen app."""

from __future__ import annotations

import argparse
import sys


def run(args: argparse.Namespace) -> int:
    try:
        from trainer.tui.app import run_app
    except ImportError:
        print("rehearse: the app is not built yet; try 'rehearse --help'", file=sys.stderr)
        return 1
    return run_app(args)
