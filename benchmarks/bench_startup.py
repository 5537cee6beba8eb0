"""Cold start to an interactive home screen, against a minimal Textual app.

Both run as fresh processes with Textual's headless driver, interleaved so that
machine noise hits both alike. ``REHEARSE_EXIT_WHEN_READY=home`` makes rehearse quit
once the home screen lists the scenarios; the baseline quits after its first refresh.
Prints medians and their ratio. Targets: ratio <= 1.3, < 1 s.

    python benchmarks/bench_startup.py [-n 15]
"""

from __future__ import annotations

import argparse
import os
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

REHEARSE = """
from trainer.tui.app import make_app

make_app().run(headless=True)
"""


def run(code: str, ready: str = "home") -> float:
    env = dict(os.environ, REHEARSE_EXIT_WHEN_READY=ready)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=15)
    n = parser.parse_args().n
    run(BASELINE), run(REHEARSE)  # warm the file cache once, as a returning user would have
    base, ours = [], []
    for _ in range(n):  # interleaved so that machine noise hits both alike
        base.append(run(BASELINE))
        ours.append(run(REHEARSE))
    b, o = statistics.median(base), statistics.median(ours)
    print(f"minimal Textual app (Header+Footer): median {b * 1000:.0f} ms over {n} runs")
    print(f"rehearse to interactive home screen: median {o * 1000:.0f} ms over {n} runs")
    print(f"ratio: {o / b:.2f}x (target <= 1.30x)   absolute: {o:.2f} s (target < 1 s)")


if __name__ == "__main__":
    main()
