"""The answer box's word counter counts words as the scorer does: a bullet ("-", "•") or a
dash is not a word, so the counter and the feedback's "N words" agree."""

from __future__ import annotations

import pytest

from trainer.engine.scoring.text import Text
from trainer.tui.widgets.answer_box import count_words

BULLETS = ("- We lost $50k a week since May 2\n• I own it, and my team's fix ships Friday\n"
           "- Next update: Thursday 5 pm — or sooner")


@pytest.mark.parametrize("text", [
    BULLETS,
    "",
    "  \n ",
    "We lost 5% of renewals (about $50,000) — that's on me.",
    "e.g. the A/B test at 9:30 a.m. on 2024-05-02 ... ok?",
    "* one\n* two\n1. three\n2) four\n-- five --",
    "ünïcödé wörds, 日本語 and emoji 🙂 count too",
    "ctrl\x00chars\x1fsplit words",
])
def test_the_counter_counts_what_the_scorer_counts(text):
    assert count_words(text) == Text(text).word_count


def test_bullets_are_not_words():
    assert count_words(BULLETS) == 24
    assert count_words("- one\n• two\n– three") == 3


async def test_the_meeting_counter_ignores_bullets():
    from tests.tui.conftest import SEED, needs_engine, open_meeting

    if needs_engine.args[0]:
        pytest.skip("the conversation engine is not built")
    from trainer.tui.app import make_app

    app = make_app(seed=SEED)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_meeting(app, pilot, "churn-model-drift")
        app.screen.query_one("#answer").text = BULLETS
        await pilot.pause()
        assert "24/" in app.screen.query_one("#budget").render().plain
