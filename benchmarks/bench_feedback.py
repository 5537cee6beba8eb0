"""Time from sending a 300-word answer to its feedback on screen, measured with Pilot.

The clock starts when the Enter key event is posted to the app and stops when the
highlighted answer is first rendered for the screen (its ``render`` is what paints it).
Pilot's ``press`` is not used for timing: it also waits for the app to go idle, which
adds about 100 ms that a user never sees. Target: under 100 ms (median).

    python benchmarks/bench_feedback.py [-n 10]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

ANSWER = (
    "Our churn model, which picks who gets a retention offer, has gone stale since the "
    "May 2 price change. It misclassifies 5% more customers, which puts about $50,000 of "
    "renewals at risk each week. I think the data team maybe changed some features, but "
    "honestly it is my team's model and my responsibility. "
)


def words(n: int) -> str:
    tokens = ANSWER.split()
    return " ".join((tokens * (n // len(tokens) + 1))[:n])


async def one_run(text: str) -> float:
    from textual import events

    from trainer.tui.app import make_app
    from trainer.tui.widgets import AnswerBox, HighlightedAnswer

    painted: list[float] = []
    original = HighlightedAnswer.render

    def render(self):
        painted.append(time.perf_counter())
        return original(self)

    HighlightedAnswer.render = render  # type: ignore[method-assign]

    app = make_app(seed=1)
    async with app.run_test(size=(100, 34)) as pilot:
        while app.scorer is None:  # content and scorer load in workers
            await app.workers.wait_for_complete()
            await pilot.pause()
        scenario = next(iter(app.content.scenarios))
        app.start_meeting(scenario, "practice")
        await pilot.pause()
        app.screen.query_one(AnswerBox).text = text
        await pilot.pause()
        start = time.perf_counter()
        app.post_message(events.Key("enter", "\r"))
        while not painted:
            await asyncio.sleep(0.001)
        HighlightedAnswer.render = original  # type: ignore[method-assign]
        return painted[0] - start


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=10)
    n = parser.parse_args().n
    text = words(300)
    times = [await one_run(text) for _ in range(n)]
    med = statistics.median(times)
    print(f"feedback after a {len(text.split())}-word answer: median {med * 1000:.0f} ms, "
          f"max {max(times) * 1000:.0f} ms over {n} runs (target < 100 ms)")


if __name__ == "__main__":
    asyncio.run(main())
