"""A meeting quit mid-way (ctrl+q) can be carried on from the app: its briefing says so and
offers r Resume, help explains it, and home shows it as unfinished rather than as a best."""

from __future__ import annotations

import pytest
from store_helpers import turn
from textual.widgets import OptionList

from tests.tui.conftest import SEED, answer, needs_engine, open_meeting, settle
from trainer.store import open_store
from trainer.store.recorder import Recorder

pytestmark = needs_engine

SCENARIO = "fraud-false-positives"


@pytest.fixture
def make():
    from trainer.tui.app import make_app

    return lambda **kwargs: make_app(seed=SEED, **kwargs)


def _card(app, scenario_id: str) -> str:
    option = app.screen.query_one("#scenarios", OptionList).get_option(scenario_id)
    return str(option.prompt)


async def test_a_quit_meeting_is_offered_again_in_its_briefing(make, tmp_path):
    store = open_store(tmp_path / "h.sqlite3")
    app = make(store=Recorder(store, "ann"))
    async with app.run_test(size=(100, 30)) as pilot:
        await open_meeting(app, pilot, SCENARIO)
        for _ in range(2):
            await answer(app, pilot, app.screen.rehearsal.current.exemplar)
        asked = app.screen.rehearsal.current.ceo
        await pilot.press("ctrl+q")  # nothing typed: it quits at once
        await pilot.pause()

    app = make(store=Recorder(store, "ann"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert "unfinished after 2 answers" in _card(app, SCENARIO)
        assert "best" not in _card(app, SCENARIO)
        app.open_briefing(SCENARIO)
        await settle(app, pilot)
        note = str(app.screen.query_one("#resume-note").render())
        assert "stopped after 2 answers" in note and "Press r" in note
        shown = {b.binding.description for b in app.screen.active_bindings.values()
                 if b.binding.show}
        assert "Resume" in shown
        await pilot.press("r")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "MeetingScreen"
        assert len(app.screen.rehearsal.turns) == 2
        assert app.screen.rehearsal.current.ceo == asked
    store.close()


async def test_a_briefing_offers_no_resume_when_nothing_was_cut_off(make, tmp_path):
    store = open_store(tmp_path / "h.sqlite3")
    app = make(store=Recorder(store, "ann"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        app.open_briefing(SCENARIO)
        await settle(app, pilot)
        assert not app.screen.query("#resume-note") and not app.screen.query("#resume")
        keys = {b.binding.action for b in app.screen.active_bindings.values()}
        assert "resume" not in keys
        await pilot.press("r")  # does nothing
        await pilot.pause()
        assert type(app.screen).__name__ == "BriefingScreen"
    store.close()


def test_help_tells_how_to_resume():
    from trainer.tui.screens.help import HELP

    assert "| briefing | `r` | resume" in HELP
    assert "Resume interrupted rehearsal" in HELP


async def test_home_cards_count_finished_rehearsals_only(make, tmp_path):
    store = open_store(tmp_path / "h.sqlite3")
    for overall, answers, status in [(70, 5, "finished"), (81, 2, "abandoned")]:
        rid = store.start_rehearsal("ann", "churn-model-drift")
        for i in range(answers):
            store.add_turn(rid, turn(i, overall=overall))
        store.end_rehearsal(rid, status)
    rid = store.start_rehearsal("ann", SCENARIO)  # a 1-answer browser session, never ended
    store.add_turn(rid, turn(0, overall=87))
    app = make(store=Recorder(store, "ann"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert "best 70 · last 70 · unfinished" in _card(app, "churn-model-drift")
        assert "unfinished after 1 answer" in _card(app, SCENARIO)
        assert "87" not in _card(app, SCENARIO)
    store.close()
