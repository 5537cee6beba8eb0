"""Benchmark: the conversation engine's own cost per answer, beside the scorer's.

    python benchmarks/bench_conversation.py [--n 300]

Plays every shipped scenario along its exemplar answers ``n`` times in all and
prints the milliseconds per answer for talking-point coverage alone, for the
whole ``Rehearsal.answer`` (scoring included), and for a replay of a saved
rehearsal from its answers.
"""

from __future__ import annotations

import argparse
import statistics
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=300, help="answers to time")
    args = parser.parse_args()

    from trainer.content.loader import load_content
    from trainer.engine.conversation import Rehearsal
    from trainer.engine.scoring import Scorer
    from trainer.engine.scoring.config import UserConfig
    from trainer.engine.scoring.talking_points import coverage
    from trainer.locations import content_roots

    content = load_content(content_roots())
    scorer = Scorer(content, UserConfig())
    cases = [(n.exemplar, n.talking_points) for s in content.scenarios.values()
             for n in s.nodes.values() if n.exemplar]
    per_point: list[float] = []
    for i in range(args.n):
        text, points = cases[i % len(cases)]
        t0 = time.perf_counter()
        coverage(text, points)
        per_point.append((time.perf_counter() - t0) * 1000)

    per_answer: list[float] = []
    saved: list[tuple] = []
    while len(per_answer) < args.n:
        for scenario in content.scenarios.values():
            r = Rehearsal(scenario, content.personas[scenario.persona], scorer,
                          seed=len(per_answer))
            while not r.finished:
                t0 = time.perf_counter()
                r.answer(r.current.exemplar or "")
                per_answer.append((time.perf_counter() - t0) * 1000)
            saved.append((scenario, r.persona, [t.answer for t in r.turns], r.seed))

    t0 = time.perf_counter()
    for scenario, persona, answers, seed in saved:
        Rehearsal.replay(scenario, persona, scorer, answers, seed=seed)
    replay_ms = (time.perf_counter() - t0) * 1000 / len(saved)

    def show(label: str, values: list[float]) -> None:
        ordered = sorted(values)
        p99 = ordered[min(len(ordered) - 1, round(0.99 * len(ordered)))]
        print(f"{label:<34} p50 {statistics.median(values):7.3f} ms   p99 {p99:7.3f} ms")

    print(f"{len(content.scenarios)} scenario(s), {len(per_answer)} answers")
    show("talking-point coverage", per_point)
    show("Rehearsal.answer (with scoring)", per_answer)
    print(f"{'replay of a whole rehearsal':<34} {replay_ms:7.1f} ms")


if __name__ == "__main__":
    main()
