"""Cold start to an interactive home screen, against a minimal Textual app.

Both run as fresh processes with Textual's headless driver, interleaved so that
machine noise hits both alike. ``REHEARSE_EXIT_WHEN_READY=home`` makes rehearse quit
once the home screen lists the scenarios; the baseline quits after its first refresh.
A third app, the home screen's widgets with fixed text and no project code, shows
the floor this layout sets. Prints the medians of wall time and of CPU time (user +
system, steadier on a busy machine) and their ratios. Targets: ratio <= 1.3, < 1 s.

    python benchmarks/bench_startup.py [-n 15]
"""

from __future__ import annotations

import argparse
import os
import resource  # Unix only, like the pseudo-terminals the app is measured for
import statistics
import subprocess
import sys
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

REHEARSE = """
from trainer.tui.app import make_app

make_app().run(headless=True)
"""


def run(code: str, ready: str = "home") -> tuple[float, float]:
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
    run(BASELINE), run(FLOOR), run(REHEARSE)  # warm the file cache, as for a returning user
    runs: dict[str, list[tuple[float, float]]] = {"base": [], "floor": [], "ours": []}
    for _ in range(n):  # interleaved so that machine noise hits all alike
        runs["base"].append(run(BASELINE))
        runs["floor"].append(run(FLOOR))
        runs["ours"].append(run(REHEARSE))
    labels = {"base": "minimal Textual app (Header+Footer)",
              "floor": "the home screen's widgets, no project code",
              "ours": "rehearse to interactive home screen"}
    for pick, unit in ((0, "wall"), (1, "cpu")):
        base = statistics.median(r[pick] for r in runs["base"])
        print(f"{unit} (medians of {n}):")
        for key, label in labels.items():
            value = statistics.median(r[pick] for r in runs[key])
            print(f"  {label:45s} {value * 1000:5.0f} ms  x{value / base:.2f}")
    wall = statistics.median(r[0] for r in runs["ours"])
    ratio = wall / statistics.median(r[0] for r in runs["base"])
    print(f"targets: ratio <= 1.30x: {'met' if ratio <= 1.3 else 'NOT met'} ({ratio:.2f}x wall); "
          f"under 1 s: {'met' if wall < 1 else 'NOT met'} ({wall:.2f} s)")

if __name__ == "__main__":
    main()
