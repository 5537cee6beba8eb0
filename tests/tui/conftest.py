"""App fixtures: the same factory as the CLI, a fixed seed, and helpers to drive a meeting."""

from __future__ import annotations

import pytest

SIZE = (100, 34)
SEED = 7


def engine_ready() -> bool:
    try:
        from trainer.engine.conversation import Rehearsal  # noqa: F401
        from trainer.engine.scoring import Scorer  # noqa: F401
    except ImportError:
        return False
    return True


needs_engine = pytest.mark.skipif(not engine_ready(), reason="the conversation engine is not built")


@pytest.fixture
def make():
    from trainer.tui.app import make_app

    def factory(**kwargs):
        kwargs.setdefault("seed", SEED)
        return make_app(**kwargs)

    return factory


async def settle(app, pilot) -> None:
    """Wait for loading and scoring workers, then for the screen to redraw."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def open_meeting(app, pilot, scenario: str, mode_key: str = "p") -> None:
    """From the home screen into a meeting of ``scenario``: practice (p) or exam (e)."""
    await settle(app, pilot)
    app.open_briefing(scenario)
    await pilot.pause()
    await pilot.press(mode_key)
    await settle(app, pilot)


async def answer(app, pilot, text: str) -> None:
    from trainer.tui.widgets import AnswerBox

    box = app.screen.query_one(AnswerBox)
    box.text = text
    await pilot.press("enter")
    await settle(app, pilot)


def transcript_text(app) -> str:
    """Everything the meeting screen's transcript shows, as plain text."""
    from textual.widgets import Static

    from trainer.tui.widgets import HighlightedAnswer, Transcript

    parts = []
    for widget in app.screen.query_one(Transcript).children:
        if isinstance(widget, HighlightedAnswer):
            parts.append(widget.text)
        elif isinstance(widget, Static):
            parts.append(str(widget.render()))
    return "\n".join(parts)


def no_blink(pilot) -> None:
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False
