"""The app's review and history screens show the overall the coach's overrides give."""

from __future__ import annotations

from store_helpers import turn
from textual.widgets import DataTable, Static

from trainer.store import open_store
from trainer.store.recorder import Recorder
from trainer.store.review import add_override


async def test_review_and_history_show_the_overridden_overall(tmp_path):
    from trainer.tui.app import make_app
    from trainer.tui.screens.review import ReviewScreen

    store = open_store(tmp_path / "coach.sqlite3")
    rid = store.start_rehearsal("ann", "churn-model-drift", scenario_title="Churn")
    store.add_turn(rid, turn(0, overall=70, brevity=80, impact=60, ownership=70))
    add_override(store, rid, 1, "impact", 90, "the 5% is impact", "coach")  # 70 + 30 / 3
    add_override(store, rid, 1, "impact", 90, "said again", "coach")
    app = make_app(seed=1, store=Recorder(store, "ann"))
    async with app.run_test(size=(110, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.action_history()
        await pilot.pause()
        history = app.screen.query_one(DataTable)
        assert "80" in [str(c) for c in history.get_row_at(0)]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        table = app.screen.query_one("#review-turns", DataTable)
        assert str(table.get_row_at(0)[2]) == "80"
        texts = [str(w.render()) for w in app.screen.query(Static)]
        assert any("overall 80 (scored 70)" in t for t in texts)
        assert any("the 5% is impact) (replaced)" in t for t in texts)
        assert not any("said again) (replaced)" in t for t in texts)
