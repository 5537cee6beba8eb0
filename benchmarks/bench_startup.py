"""Cold start to an interactive home screen, against a minimal Textual app.

All run as fresh processes with Textual's headless driver, interleaved so that
machine noise hits them alike. ``REHEARSE_EXIT_WHEN_READY=home`` makes rehearse quit
once the home screen lists the scenarios; the baseline quits after its first refresh.
Rehearse is measured as a user starts it, bare ``rehearse`` (command line, history
database, app); also as the app alone, and with the garbage collector left running
through start-up. A further app, the home screen's widgets with fixed text and no
project code, shows the floor such a layout sets. Prints the medians of wall time and
of CPU time (user + system, steadier on a busy machine) and their ratios. Targets:
ratio <= 1.3, < 1 s.

    python benchmarks/bench_startup.py [-n 15]
"""

from __future__ import annotations

import argparse
import os
import resource  # Unix only, like the pseudo-terminals the app is measured for
import statistics
import subprocess
import sys
import tempfile
import time

BASELINE = """
from textual.app import App
from textual.widgets import Footer, Header

class Minimal(App):
    def compose(self):
        yield Header()
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.exit)

Minimal().run(headless=True)
"""

FLOOR = """
from textual.app import App
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, Input, OptionList, Static

class SameWidgets(App):
    def compose(self):
        yield Header()
        with Horizontal():
            with Vertical():
                yield Input(placeholder="Type to filter scenarios")
                yield OptionList(*[f"Scenario {i}\\nmedium · a persona · best — · last —"
                                   for i in range(14)])
            with VerticalScroll():
                yield Static("A title")
                yield Static("A briefing line. " * 120)
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.exit)

SameWidgets().run(headless=True)
"""
"""The home screen's widgets with fixed text and no project code: what Textual itself
needs to draw such a screen, so the ratio rehearse can reach with this layout."""

APP = """
from trainer.tui.app import make_app

make_app().run(headless=True)
"""
"""The app alone, as the tests build it: no command line and no history database."""

REHEARSE = """
from trainer.cli import main

raise SystemExit(main([]))
"""
"""Bare ``rehearse`` as a user runs it: the command line, the history database (a
scratch one here) and the app, drawn by the headless driver like the others."""

NO_GC_PAUSE = """
import gc

gc.disable = lambda: None
from trainer.cli import main

raise SystemExit(main([]))
"""
"""The same with the garbage collector left running through start-up (``app_cmd``
pauses it until the first frame), to show what that pause is worth."""


def run(code: str, ready: str = "home", db: str = "") -> tuple[float, float]:
    """Wall and CPU seconds of one fresh process, from start to its exit.

    ``COLUMNS``/``LINES`` give the headless run one size, as a real terminal does: without
    them Rich guesses 80x25 while the driver says 80x24, and every app lays out and draws
    its first screen twice.
    """
    env = dict(os.environ, REHEARSE_EXIT_WHEN_READY=ready, COLUMNS="80", LINES="24")
    # A returning user's modules are compiled once (pip compiles them at install, or
    # Python caches them on the first run); Textual's installed .pyc files are always
    # used, so without this only rehearse would be compiled from source on every run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(REHEARSE_DB=db, TEXTUAL_DRIVER="textual.drivers.headless_driver:HeadlessDriver")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=15)
    n = parser.parse_args().n
    apps = {"base": ("minimal Textual app (Header+Footer)", BASELINE),
            "floor": ("the home screen's widgets, no project code", FLOOR),
            "app": ("the app alone (make_app, no history)", APP),
            "ours": ("rehearse to interactive home screen", REHEARSE),
            "gc": ("the same, collector not paused at start-up", NO_GC_PAUSE)}
    runs: dict[str, list[tuple[float, float]]] = {key: [] for key in apps}
    with tempfile.TemporaryDirectory() as scratch:
        db = os.path.join(scratch, "history.sqlite3")
        for _label, code in apps.values():  # warm the file cache, as for a returning user
            run(code, db=db)
        for _ in range(n):  # interleaved so that machine noise hits all alike
            for key, (_label, code) in apps.items():
                runs[key].append(run(code, db=db))
    for pick, unit in ((0, "wall"), (1, "cpu")):
        base = statistics.median(r[pick] for r in runs["base"])
        print(f"{unit} (medians of {n}):")
        for key, (label, _code) in apps.items():
            value = statistics.median(r[pick] for r in runs[key])
            print(f"  {label:45s} {value * 1000:5.0f} ms  x{value / base:.2f}")
    cpu = statistics.median(r[1] for r in runs["ours"])
    cpu_ratio = cpu / statistics.median(r[1] for r in runs["base"])
    wall = statistics.median(r[0] for r in runs["ours"])
    ratio = wall / statistics.median(r[0] for r in runs["base"])
    print(f"targets: ratio <= 1.30x: {'met' if ratio <= 1.3 else 'NOT met'} ({ratio:.2f}x wall, "
          f"{cpu_ratio:.2f}x cpu); under 1 s: {'met' if wall < 1 else 'NOT met'} ({wall:.2f} s)")


if __name__ == "__main__":
    main()
