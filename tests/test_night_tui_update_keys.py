"""ctrl+s in the written update sends what the box holds, even when it comes right after
the last keys typed (a quick typist, a terminal that delivers keys in one burst)."""

from __future__ import annotations

import pytest
from textual import events

from tests.test_night_tui_written_update import UPDATE, _debrief, _open_update
from tests.tui.conftest import SEED, needs_engine, settle

pytestmark = needs_engine


@pytest.fixture
def make():
    from trainer.tui.app import make_app

    return lambda **kwargs: make_app(seed=SEED, **kwargs)


def _burst(app, text: str, then: str = "ctrl+s") -> None:
    """``text`` typed as a terminal delivers a quick typist's keys, then ``then``: all
    queued before any of them is handled."""
    from textual.keys import _character_to_key

    for char in text:
        key = char if char.isalnum() else _character_to_key(char)
        app._driver.send_message(events.Key(key, char))
    app._driver.send_message(events.Key(then, None))


async def test_ctrl_s_right_after_typing_scores_every_word_typed(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await _debrief(app, pilot)
        await _open_update(app, pilot)
        _burst(app, UPDATE)
        await settle(app, pilot)
        await settle(app, pilot)
        assert type(app.screen).__name__ == "DebriefScreen", "ctrl+s sent nothing"
        assert app.screen.rehearsal.update_text == UPDATE
        assert app.screen.rehearsal.update_score.stats["words"] == len(UPDATE.split())
