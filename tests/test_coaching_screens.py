"""Team coaching in the app: switch participant, review with notes and overrides, compare,
export, resume, all against a real history database."""

from __future__ import annotations

from store_helpers import turn
from textual.widgets import DataTable

from trainer.store import open_store, queries
from trainer.store.recorder import Recorder


def _store(tmp_path):
    store = open_store(tmp_path / "coach.sqlite3")
    for who, ownership in [("ann", 40), ("bob", 80)]:
        rid = store.start_rehearsal(who, "churn-model-drift", scenario_title="Churn")
        store.add_turn(rid, turn(0, ownership=ownership))
    return store


async def _ready(app, pilot):
    await app.workers.wait_for_complete()
    await pilot.pause()


async def _screen(app, pilot, name: str, tries: int = 50) -> None:
    """Wait until ``name`` is on top: resuming may wait for the scorer to load, which
    takes longer on a busy machine than one pause."""
    for _ in range(tries):
        if type(app.screen).__name__ == name:
            await pilot.pause()  # let it finish mounting before the test goes on or ends
            return
        await app.workers.wait_for_complete()
        await pilot.pause(0.05)
    assert type(app.screen).__name__ == name


async def test_review_keeps_a_note_and_an_override_beside_the_original(tmp_path):
    from trainer.tui.app import make_app
    from trainer.tui.screens.review import ReviewScreen

    store = _store(tmp_path)
    app = make_app(seed=1, store=Recorder(store, "ann"))
    async with app.run_test(size=(110, 36)) as pilot:
        await _ready(app, pilot)
        app.action_history()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Lead with the number.", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        await pilot.press(*"ownership 101 too high", "enter")  # refused: stays open
        await pilot.pause()
        assert type(app.screen).__name__ == "SignedDialog"
        await pilot.press(*["backspace"] * 40)
        await pilot.press(*"ownership 75 owned the miss", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
    rid = queries.history(store, "ann")[0].id
    stored = queries.turns(store, rid)[0]
    assert stored["notes"][0]["note"] == "Lead with the number."
    override = stored["overrides"][0]
    assert (override["dimension"], override["score"], override["original"]) == ("ownership", 75, 40)
    assert stored["effective"]["ownership"] == 75
    assert stored["score"]["dimensions"]["ownership"]["score"] == 40  # the original is kept


async def test_compare_shows_every_participant_and_export_writes_a_report(tmp_path, monkeypatch):
    from trainer.tui.app import make_app
    from trainer.tui.screens.compare import CompareScreen

    monkeypatch.chdir(tmp_path)
    app = make_app(seed=1, store=Recorder(_store(tmp_path), "ann"))
    async with app.run_test(size=(110, 36)) as pilot:
        await _ready(app, pilot)
        app.action_history()
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        table = app.screen.query_one(DataTable)
        assert [table.get_row_at(i)[0] for i in range(table.row_count)] == ["ann", "bob"]
        await pilot.press("escape")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
    reports = list(tmp_path.glob("rehearse-*.html"))
    assert len(reports) == 1 and "The churn model went stale" in reports[0].read_text()


async def test_switching_participant_records_under_the_new_name(tmp_path):
    from trainer.tui.app import make_app

    store = _store(tmp_path)
    recorder = Recorder(store, "ann")
    app = make_app(seed=1, store=recorder)
    async with app.run_test(size=(110, 36)) as pilot:
        await _ready(app, pilot)
        await pilot.press("f6")
        await pilot.pause()
        await pilot.press(*"carol", "enter")
        await pilot.pause()
        assert recorder.participant == "carol"
        assert "rehearsing as carol" in app.screen.sub_title


async def test_an_interrupted_rehearsal_resumes_where_it_stopped(tmp_path):
    from trainer.content.loader import load_content
    from trainer.engine.conversation import Rehearsal
    from trainer.engine.scoring import load_scorer
    from trainer.locations import content_roots
    from trainer.tui.app import make_app

    store = open_store(tmp_path / "r.sqlite3")
    content = load_content(content_roots())
    scenario = content.scenarios["churn-model-drift"]
    recorder = Recorder(store, "ann")
    first = Rehearsal(scenario, content.personas[scenario.persona], load_scorer(), seed=5)
    recorder.start(first)
    recorder.record_turn(first, first.answer(first.current.exemplar))  # then the process "died"
    app = make_app(seed=1, store=recorder)
    async with app.run_test(size=(110, 36)) as pilot:
        await _ready(app, pilot)
        app.action_resume()
        await _screen(app, pilot, "MeetingScreen")
        assert app.screen.rehearsal.current.node_id == first.current.node_id
        assert len(app.screen.rehearsal.turns) == 1
