"""The app's History screen: your rehearsals, trends, weakest dimension, drill my weakest."""

from __future__ import annotations

from store_helpers import turn
from textual.widgets import DataTable, Static

from trainer.store import open_store
from trainer.store.recorder import Recorder
from trainer.tui.screens.history import HistoryScreen
from trainer.tui.widgets.trend_chart import TrendChart


async def _open_history(app, pilot):
    await app.workers.wait_for_complete()
    await pilot.pause()
    app.action_history()
    await pilot.pause()
    return app.screen


async def test_history_lists_my_rehearsals_and_my_weakest_dimension(tmp_path):
    from trainer.tui.app import make_app

    store = open_store(tmp_path / "h.sqlite3")
    for brevity, jargon in [(30, 90), (50, 80), (40, 85)]:
        rid = store.start_rehearsal("ann", "churn-model-drift", scenario_title="Churn")
        store.add_turn(rid, turn(0, brevity=brevity, jargon=jargon))
    store.start_rehearsal("bob", "churn-model-drift")  # someone else's: not listed
    app = make_app(seed=1, store=Recorder(store, "ann"))
    async with app.run_test(size=(110, 40)) as pilot:
        screen = await _open_history(app, pilot)
        assert isinstance(screen, HistoryScreen)
        assert screen.query_one(DataTable).row_count == 3
        assert "brevity" in str(screen.query_one("#weakest", Static).render())
        charts = [c.title for c in screen.query(TrendChart)]
        assert charts[0] == "overall" and "brevity" in charts and "jargon" in charts
        await pilot.press("w")
        await pilot.pause()
        assert type(app.screen).__name__ == "BriefingScreen"


async def test_history_with_nothing_stored_says_so(tmp_path):
    from trainer.tui.app import make_app

    app = make_app(seed=1, store=Recorder(open_store(tmp_path / "h.sqlite3"), "new"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_history(app, pilot)
        assert screen.query_one(DataTable).row_count == 0
        assert "No scored answers yet" in str(screen.query_one("#weakest", Static).render())
        assert not screen.query_one("#drill-weakest").display
