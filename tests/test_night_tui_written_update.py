"""The written update in the app: it is kept in history with its score, w shows it again to
edit (and re-scores it), a cancelled one waits for the next w, and the export has it."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from tests.tui.conftest import SEED, answer, needs_engine, open_meeting, settle
from trainer.store import open_store
from trainer.store.recorder import Recorder

pytestmark = needs_engine

UPDATE = ("Since May 2 we misclassify 5% more customers, about $50,000 a week. Cause: "
          "behaviour changed after the price change; we are still checking other models. "
          "Priya retrains the model by Thursday. Next update: Friday 5 pm.")
ANSWER = "There is a problem with our churn model and my team owns it. We are looking into it."


@pytest.fixture
def make():
    from trainer.tui.app import make_app

    return lambda **kwargs: make_app(seed=SEED, **kwargs)


@pytest.fixture
def recorder(tmp_path):
    store = open_store(tmp_path / "night.sqlite3")
    yield Recorder(store, "ann")
    store.close()


async def _debrief(app, pilot) -> None:
    await open_meeting(app, pilot, "churn-model-drift")
    await answer(app, pilot, ANSWER)
    app.show_debrief(app.screen.rehearsal, "practice")
    await settle(app, pilot)
    assert type(app.screen).__name__ == "DebriefScreen"


async def _open_update(app, pilot) -> TextArea:
    await pilot.press("w")
    await pilot.pause()
    assert type(app.screen).__name__ == "WrittenUpdateDialog"
    return app.screen.query_one("#update-text", TextArea)


async def test_the_update_is_kept_shown_again_edited_and_rescored(make, recorder, tmp_path,
                                                                 monkeypatch):
    monkeypatch.chdir(tmp_path)  # where x writes the export
    app = make(store=recorder)
    async with app.run_test(size=(100, 30)) as pilot:
        await _debrief(app, pilot)
        rehearsal = app.screen.rehearsal
        box = await _open_update(app, pilot)
        assert box.text == ""
        box.text = UPDATE
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        shown = str(app.screen.query_one("#update-result").render())
        kept = recorder.written_update(rehearsal)
        assert kept["text"] == UPDATE and kept["overall"] is not None
        assert f"Written update: {kept['overall']}/100" in shown

        box = await _open_update(app, pilot)  # w again: the update, to edit
        assert box.text == UPDATE
        box.text = "We are looking into it."
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        kept = recorder.written_update(rehearsal)
        assert kept["text"] == "We are looking into it."  # replaced, and re-scored
        assert kept["overall"] == rehearsal.update_score.overall
        assert kept["score"]["stats"]["words"] == 5
        assert f"Written update: {kept['overall']}/100" in str(
            app.screen.query_one("#update-result").render())

        await pilot.press("x")
        await pilot.pause()
    exported = list(tmp_path.glob("rehearse-*.md"))
    assert len(exported) == 1
    assert "We are looking into it." in exported[0].read_text().split("## Written update")[1]


async def test_a_cancelled_update_comes_back_with_the_next_w(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await _debrief(app, pilot)
        box = await _open_update(app, pilot)
        box.text = "Since May 2, 5% more customers"
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "DebriefScreen"
        assert app.unsent_drafts() == ["your written update (6 words)"]
        box = await _open_update(app, pilot)
        assert box.text == "Since May 2, 5% more customers"


async def test_an_update_written_before_a_resume_is_shown_after_it(make, recorder):
    app = make(store=recorder)
    async with app.run_test(size=(100, 30)) as pilot:
        await _debrief(app, pilot)  # left after one answer
        box = await _open_update(app, pilot)
        box.text = UPDATE
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        rid = recorder.rehearsal_id(app.screen.rehearsal)
        kept = recorder.store.written_update(rid)["overall"]
        app.resume_rehearsal(rid)
        await settle(app, pilot)
        assert type(app.screen).__name__ == "MeetingScreen"
        app.show_debrief(app.screen.rehearsal, "practice")
        await settle(app, pilot)
        shown = str(app.screen.query_one("#update-result").render())
        assert f"Written update: {kept}/100" in shown
        box = await _open_update(app, pilot)
        assert box.text == UPDATE
