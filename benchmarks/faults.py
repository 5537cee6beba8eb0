"""The reliability figures: generated documents and answers, injected faults, rows lost.

    python benchmarks/faults.py            # about 5,000 documents, 6,000 answers, ~4 minutes
    python benchmarks/faults.py --quick    # a smaller run, under a minute

Faults, each against real ``rehearse`` processes and a real SQLite file:
- killed: a drill is sent answers, then SIGKILL at a random moment (often mid-scoring);
- interrupted: the same with SIGINT or SIGTERM;
- concurrent writers: 8 drills, then 8 raw store writers, on one new database at once;
- corrupt database: a copy of the history is damaged (header, truncation, pages, junk)
  and ``rehearse history`` / ``rehearse drill`` are run on it.
A row is lost when an answer the user saw acknowledged is not in the database.
Exit status 1 when any row is lost, any traceback is printed or any check fails.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED = 20240502
ACKED: Counter[str] = Counter()
"""Answers acknowledged on stdout by faulted drills, and rows by raw store writers."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller run")
    parser.add_argument("--kills", type=int, help="drills to kill (default 20, quick 6)")
    args = parser.parse_args()
    kills = args.kills or (6 if args.quick else 20)
    rng = random.Random(SEED)
    figures: dict[str, object] = {}
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="rehearse-faults-") as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        fuzz(0.25 if args.quick else 2.5, figures, failures)
        faults = Counter()
        lost = 0
        lost += kill_drills(work, kills, rng, faults, failures)
        lost += interrupt_drills(work, max(2, kills // 2), rng, faults, failures)
        lost += concurrent_writers(work, 2 if args.quick else 3, faults, failures)
        corrupt_databases(work, faults, failures)
        figures["seconds"] = time.perf_counter() - started
    report(figures, faults, lost, failures)
    return 1 if lost or failures else 0


# -- fuzzing: the reliability tests, at a larger scale -------------------------------


def fuzz(scale: float, figures: dict, failures: list[str]) -> None:
    import pytest

    os.environ["REHEARSE_FUZZ_SCALE"] = str(scale)
    from tests.reliability import fuzzing

    args = ["-q", "-p", "no:cacheprovider", "-p", "no:warnings", "--no-header", "-x",
            "tests/reliability/test_fuzz_content.py", "tests/reliability/test_fuzz_answers.py",
            "-k", "not linearly and not jsonl and not readable and not utf8"]
    code = pytest.main([str(ROOT / a) if a.startswith("tests/") else a for a in args])
    if code != 0:
        failures.append(f"the fuzzing tests failed (pytest exit {int(code)})")
    figures["documents"] = fuzzing.COUNTS["documents"]
    figures["answers"] = fuzzing.COUNTS["answers"]
    figures["slowest_document_s"] = fuzzing.SLOWEST["document_s"]


# -- processes ------------------------------------------------------------------------


def _count_acks(lines: list[str]) -> int:
    return sum(1 for line in lines if line.startswith('{"type": "turn"'))


def _rows_for(db: Path, user: str) -> tuple[int, str]:
    conn = sqlite3.connect(db, timeout=30)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'turns'").fetchone():
            return 0, conn.execute("PRAGMA integrity_check").fetchone()[0]  # killed early
        rows = conn.execute(
            "SELECT count(*) FROM turns t JOIN rehearsals r ON r.id = t.rehearsal_id "
            "JOIN participants p ON p.id = r.participant_id WHERE p.name = ?", (user,)
        ).fetchone()[0]
        return rows, conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _drill_until_fault(db: Path, user: str, sig: int, rng: random.Random,
                       failures: list[str]) -> int:
    """Answer, then send ``sig`` at a random moment; return acknowledged answers not stored."""
    from tests.reliability.procs import ANSWERS, answer_and_wait, drill

    proc = drill(db, user=user, seed=rng.randrange(1000))
    acked = 0
    for text in ANSWERS[: rng.randrange(0, 3)]:
        if answer_and_wait(proc, text) is None:
            break
        acked += 1
    # one more answer in flight, then the fault: before, during or after its scoring
    proc.stdin.write(ANSWERS[3] + "\n")
    proc.stdin.flush()
    time.sleep(rng.choice([0, 0.001, 0.01, 0.03, 0.1, 0.3]))
    os.killpg(proc.pid, sig) if sig == signal.SIGKILL else proc.send_signal(sig)
    out, err = proc.communicate(timeout=60)
    acked += _count_acks(out.splitlines())
    ACKED["answers"] += acked
    if "Traceback" in err:
        failures.append(f"traceback after {signal.Signals(sig).name}: {err[-300:]}")
    rows, integrity = _rows_for(db, user)
    if integrity != "ok":
        failures.append(f"integrity after {signal.Signals(sig).name}: {integrity}")
    return max(0, acked - rows)


def kill_drills(work: Path, n: int, rng: random.Random, faults: Counter,
                failures: list[str]) -> int:
    db = work / "killed.sqlite3"
    lost = 0
    for i in range(n):
        lost += _drill_until_fault(db, f"killed-{i}", signal.SIGKILL, rng, failures)
        faults["killed (SIGKILL)"] += 1
    return lost


def interrupt_drills(work: Path, n: int, rng: random.Random, faults: Counter,
                     failures: list[str]) -> int:
    db = work / "interrupted.sqlite3"
    lost = 0
    for i in range(n):
        sig = signal.SIGINT if i % 2 else signal.SIGTERM
        lost += _drill_until_fault(db, f"interrupted-{i}", sig, rng, failures)
        faults["interrupted (SIGINT/SIGTERM)"] += 1
    return lost


_WRITER = """
import sys, time
from trainer.store import open_store
start_at, name, n, db = float(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
while time.time() < start_at:
    time.sleep(0.001)
store = open_store(db)
rid = store.start_rehearsal(name, "churn-model-drift")
for i in range(n):
    store.add_turn(rid, {"index": i, "node": "opening", "answer": f"{name} {i}",
                         "score": {"overall": 50, "dimensions": {}}})
    print(i, flush=True)
store.end_rehearsal(rid, "finished")
"""


def concurrent_writers(work: Path, rounds: int, faults: Counter, failures: list[str]) -> int:
    """8 drills at once, then 8 raw store writers at once, on one new database per round."""
    from tests.reliability.procs import ANSWERS, drill

    lost = 0
    for r in range(rounds):
        db = work / f"shared-{r}.sqlite3"  # new: the schema migration races too
        procs = [drill(db, user=f"writer-{r}-{k}", seed=k) for k in range(8)]
        for p in procs:
            p.stdin.write("\n".join(ANSWERS) + "\n")
            p.stdin.close()
        for k, p in enumerate(procs):
            out = p.stdout.read()
            err = p.stderr.read()
            p.wait(timeout=120)
            if p.returncode != 0 or "Traceback" in err or "locked" in err.lower():
                failures.append(f"drill writer {k} (round {r}): exit {p.returncode}: {err[-300:]}")
            rows, integrity = _rows_for(db, f"writer-{r}-{k}")
            ACKED["answers"] += _count_acks(out.splitlines())
            lost += max(0, _count_acks(out.splitlines()) - rows)
            if integrity != "ok":
                failures.append(f"integrity after concurrent drills: {integrity}")
        faults["concurrent drill writers"] += 8

        start_at = time.time() + 1.0
        n = 100
        writers = [subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(start_at), f"raw-{r}-{k}", str(n), str(db)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for k in range(8)]
        for k, w in enumerate(writers):
            out, err = w.communicate(timeout=300)
            if w.returncode != 0 or "locked" in err.lower():
                failures.append(f"store writer {k}: exit {w.returncode}: {err[-300:]}")
            rows, _ = _rows_for(db, f"raw-{r}-{k}")
            ACKED["rows"] += len(out.split())
            lost += max(0, len(out.split()) - rows)
        faults["concurrent store writers"] += 8
    return lost


# -- corrupt databases ----------------------------------------------------------------


def _damage(path: Path, how: str, rng: random.Random) -> None:
    data = bytearray(path.read_bytes())
    if how == "header":
        data[:100] = bytes(rng.randrange(256) for _ in range(100))
    elif how == "truncated":
        data = data[: len(data) // 3]
    elif how == "pages":
        for _ in range(64):
            at = rng.randrange(4096, max(4097, len(data)))
            data[at:at + 64] = bytes(rng.randrange(256) for _ in range(64))
    elif how == "junk":
        data = bytearray(b"this is not a database\n" * 100)
    elif how == "empty":
        data = bytearray()
    path.write_bytes(bytes(data))


def corrupt_databases(work: Path, faults: Counter, failures: list[str]) -> None:
    """Each damaged copy: `history` gives a clear message (no traceback), and a drill still
    records into the path (the bad file moved aside, or a clear refusal)."""
    from tests.reliability.procs import ANSWERS, rehearse

    source = work / "killed.sqlite3"
    rng = random.Random(SEED)
    for how in ("header", "truncated", "pages", "junk", "empty"):
        db = work / f"corrupt-{how}.sqlite3"
        conn = sqlite3.connect(source)
        conn.execute(f"VACUUM INTO '{db}'")  # a clean single-file copy, no WAL
        conn.close()
        _damage(db, how, rng)
        faults["corrupt database"] += 1
        proc = rehearse("history", "--db", str(db))
        out, err = proc.communicate(timeout=60)
        if "Traceback" in out + err:
            failures.append(f"corrupt database ({how}): history printed a traceback: "
                            f"{(out + err)[-400:]}")
            continue
        proc = rehearse("drill", "churn-model-drift", "--json", "--db", str(db), "--user", "after")
        out, err = proc.communicate(ANSWERS[0] + "\n", timeout=60)
        if "Traceback" in out + err:
            failures.append(f"corrupt database ({how}): drill printed a traceback: {err[-400:]}")
            continue
        try:
            rows, integrity = _rows_for(db, "after")
        except sqlite3.DatabaseError as exc:
            failures.append(f"corrupt database ({how}): still unreadable after a drill: {exc}")
            continue
        if rows != _count_acks(out.splitlines()) or integrity != "ok":
            failures.append(f"corrupt database ({how}): after recovery {rows} row(s), "
                            f"integrity {integrity}")
        faults["corrupt database recovered"] += 1


# -- the table ------------------------------------------------------------------------


def report(figures: dict, faults: Counter, lost: int, failures: list[str]) -> None:
    rows = [
        ("documents tried", f"{figures.get('documents', 0):,}"),
        ("answers tried", f"{figures.get('answers', 0):,}"),
        ("faults injected", f"{sum(v for k, v in faults.items() if 'recovered' not in k):,}"),
        *((f"  {kind}", f"{count:,}") for kind, count in faults.items()),
        ("acknowledged answers checked", f"{ACKED['answers']:,}"),
        ("acknowledged store rows checked", f"{ACKED['rows']:,}"),
        ("rows lost", f"{lost:,}"),
        ("failed checks", f"{len(failures):,}"),
    ]
    width = max(len(k) for k, _ in rows) + 2
    print()
    print(f"rehearse reliability ({figures.get('seconds', 0):.0f} s, seed {SEED}, "
          f"{os.cpu_count()} CPU)")
    for key, value in rows:
        print(f"  {key:<{width}}{value:>8}")
    print(f"  (slowest single document: {figures.get('slowest_document_s', 0):.2f} s)")
    for failure in failures:
        print(f"FAILED: {failure}")
    print(json.dumps({"documents": figures.get("documents", 0),
                      "answers": figures.get("answers", 0), "faults": dict(faults),
                      "acknowledged": dict(ACKED), "rows_lost": lost,
                      "failed_checks": len(failures)}))


if __name__ == "__main__":
    sys.exit(main())
