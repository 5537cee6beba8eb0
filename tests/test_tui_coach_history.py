"""History's 'All/mine' choice lasts the whole app session: a coach comparing everyone's
rehearsals keeps seeing everyone after f4, a review, or leaving and coming back."""

from __future__ import annotations

from store_helpers import turn
from textual.widgets import DataTable

from trainer.store import open_store
from trainer.store.recorder import Recorder
from trainer.tui.screens.history import HistoryScreen


def _store(tmp_path):
    store = open_store(tmp_path / "coach.sqlite3")
    for who in ("ann", "bob", "cy"):
        rid = store.start_rehearsal(who, "churn-model-drift", scenario_title="Churn")
        store.add_turn(rid, turn(0))
    return store


async def _settle(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


def _listed(app) -> int:
    assert isinstance(app.screen, HistoryScreen)
    return app.screen.query_one(DataTable).row_count


async def test_everyone_stays_chosen_across_f4_review_and_leaving(tmp_path):
    from trainer.tui.app import make_app

    app = make_app(seed=1, store=Recorder(_store(tmp_path), "ann"))
    async with app.run_test(size=(110, 36)) as pilot:
        await _settle(app, pilot)
        await pilot.press("f4")
        await _settle(app, pilot)
        assert _listed(app) == 1 and "· ann ·" in app.screen.sub_title
        await pilot.press("a")
        await _settle(app, pilot)
        assert _listed(app) == 3 and "everyone" in app.screen.sub_title

        await pilot.press("f4")  # already on history: nothing changes
        await _settle(app, pilot)
        assert _listed(app) == 3 and "everyone" in app.screen.sub_title

        await pilot.press("enter")  # a review, then f4 from there
        await _settle(app, pilot)
        assert type(app.screen).__name__ == "ReviewScreen"
        await pilot.press("f4")
        await _settle(app, pilot)
        assert _listed(app) == 3 and "everyone" in app.screen.sub_title

        app.go_home()  # leave, come back
        await _settle(app, pilot)
        await pilot.press("f4")
        await _settle(app, pilot)
        assert _listed(app) == 3 and "everyone" in app.screen.sub_title

        await pilot.press("a")  # and back to mine, which also lasts
        await _settle(app, pilot)
        app.go_home()
        await _settle(app, pilot)
        await pilot.press("f4")
        await _settle(app, pilot)
        assert _listed(app) == 1 and "· ann ·" in app.screen.sub_title
