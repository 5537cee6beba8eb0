"""How fast history opens with 100,000 stored turns (target: under 300 ms).

Fills a temporary database with 100,000 turns (12,500 rehearsals of 8 turns,
20 participants, 10 scenarios), then times, each as the median of several runs:
opening the store, the history list (all and one participant's, as `rehearse
history` and the History screen read it), trends and weakest dimension, the
compare table, one rehearsal's turns, and committing one more answer.

Run: python benchmarks/bench_history.py [--turns N]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from store_helpers import turn  # noqa: E402

from trainer.cli import main as cli_main  # noqa: E402
from trainer.store import open_store, queries  # noqa: E402
from trainer.store.db import write  # noqa: E402
from trainer.store.migrations import DIMENSIONS  # noqa: E402
from trainer.store.summary import refresh_summary  # noqa: E402

TURNS_PER_REHEARSAL = 8
TARGET_MS = 300.0


def fill(path: Path, total_turns: int, seed: int = 1) -> None:
    """Bulk-load rows shaped exactly like those ``Store.add_turn`` writes."""
    rng = random.Random(seed)
    store = open_store(path)
    names = [f"person{i:02d}" for i in range(20)]
    ids = {n: store.participant_id(n) for n in names}
    cols = ", ".join(DIMENSIONS)
    marks = ", ".join("?" * len(DIMENSIONS))
    sample = turn(0)
    score = json.loads(json.dumps(sample["score"]))
    n_rehearsals = total_turns // TURNS_PER_REHEARSAL
    with write(store.conn) as c:
        for r in range(n_rehearsals):
            day = 1 + r * 3650 // n_rehearsals
            started = _date(day, r)
            cur = c.execute(
                "INSERT INTO rehearsals(participant_id, scenario_id, scenario_title, seed, mode,"
                " status, started_at, ended_at) VALUES (?, ?, ?, ?, 'practice', 'finished', ?, ?)",
                (ids[rng.choice(names)], f"scenario-{r % 10}", f"Scenario {r % 10}", r,
                 started, started))
            rid = cur.lastrowid
            rows = []
            for i in range(TURNS_PER_REHEARSAL):
                dims = [rng.randint(20, 100) for _ in DIMENSIONS]
                score["overall"] = round(sum(dims) / len(dims))
                rows.append((rid, i, "start", "What happened?", "What happened?",
                             f"Answer {i} of rehearsal {r}: I own it; churn rose 5%.", "next",
                             None, 20.0, json.dumps(score), score["overall"], *dims, started))
            c.executemany(
                "INSERT INTO turns(rehearsal_id, idx, node_id, ceo, question, answer, next_node,"
                f" reaction, seconds, score_json, overall, {cols}, created_at)"
                f" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, {marks}, ?)", rows)
            refresh_summary(c, rid)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()


def _date(day: int, r: int) -> str:
    from datetime import datetime, timedelta, timezone

    t = datetime(2016, 1, 1, tzinfo=timezone.utc) + timedelta(days=day, seconds=r % 86400)
    return t.isoformat(timespec="milliseconds")


def timed(label: str, action, runs: int = 7) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    median = statistics.median(samples)
    print(f"  {label:<48} {median:8.1f} ms  (min {min(samples):.1f}, max {max(samples):.1f})")
    return median


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "history.sqlite3"
        start = time.perf_counter()
        fill(path, args.turns)
        size = path.stat().st_size / 1e6
        print(f"filled {args.turns:,} turns in {time.perf_counter() - start:.1f} s "
              f"({size:.1f} MB on disk)")

        def open_and_list():
            with open_store(path) as s:
                queries.history(s)

        def screen():  # what the History screen shows on opening
            with open_store(path) as s:
                queries.history(s, "person03", limit=200)
                queries.trends(s, "person03")
                queries.weakest(s, "person03")

        def cli_history():
            with contextlib.redirect_stdout(io.StringIO()):
                cli_main(["history", "--db", str(path)])

        def cli_history_all():
            with contextlib.redirect_stdout(io.StringIO()):
                cli_main(["history", "--all", "--db", str(path)])

        def cli_history_user():
            with contextlib.redirect_stdout(io.StringIO()):
                cli_main(["history", "--user", "person03", "--db", str(path)])

        store = open_store(path)
        print("timings (median of 7):")
        results = {
            "open": timed("open the store (connect, migrations checked)",
                          lambda: open_store(path).close()),
            "list": timed("history list, all 12,500 rehearsals", lambda: queries.history(store)),
            "open+list": timed("open + history list (all)", open_and_list),
            "screen": timed("History screen data: open, list, trends, weakest", screen),
            "cli": timed("rehearse history (newest 50, table printed)", cli_history),
            "cli_user": timed("rehearse history --user person03", cli_history_user),
        }
        timed("rehearse history --all (12,500 rows printed)", cli_history_all)
        timed("compare one scenario", lambda: queries.compare(store, "scenario-3"))
        timed("one rehearsal's turns (report, review)", lambda: queries.turns(store, 777))
        rid = store.start_rehearsal("person03", "scenario-1")
        counter = iter(range(10_000))
        timed("commit one more answer (add_turn, fsync)",
              lambda: store.add_turn(rid, turn(next(counter))), runs=21)
        store.close()
    worst = max(results.values())
    verdict = "ok" if worst < TARGET_MS else "OVER TARGET"
    print(f"history opens in {worst:.1f} ms at worst (target < {TARGET_MS:.0f} ms): {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
