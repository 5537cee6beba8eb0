"""History for a candidate: trend labels that read as dates, and the next rehearsal offered
on the track the candidate practises (an interview after interviews)."""

from __future__ import annotations

import pytest
from store_helpers import turn
from textual.app import App

from tests.tui.conftest import SEED, needs_engine, settle
from trainer.store import open_store
from trainer.store.recorder import Recorder
from trainer.tui.widgets.trend_chart import TrendChart

INTERVIEWS = ["interview-morale", "interview-postmortems", "interview-wrong-decision"]


def _interview_history(tmp_path, days: list[str]):
    """Interview rehearsals, one a day, weakest at following up (an incident skill)."""
    store = open_store(tmp_path / "h.sqlite3")
    for n, day in enumerate(days):
        scenario = INTERVIEWS[n % len(INTERVIEWS)]
        rid = store.start_rehearsal("cand", scenario, scenario_title=scenario)
        store.add_turn(rid, turn(0, overall=60 + n, follow_up=20 + n, structure=70 + n,
                                 brevity=80))
        with store.lock:
            store.conn.execute("UPDATE rehearsals SET started_at = ? WHERE id = ?",
                               (f"2026-{day}T12:00:00.000+00:00", rid))
            store.conn.commit()
    return store


def _axis(chart: TrendChart) -> str:
    return chart.render().plain.splitlines()[-1]


async def test_many_rehearsals_label_the_trend_with_dates_at_its_ends():
    class One(App):
        CSS = "TrendChart { width: 28; }"

        def compose(self):
            yield TrendChart("overall", list(range(60, 72)),
                             [f"11-{d:02d}" for d in range(19, 31)])

    app = One()
    async with app.run_test(size=(40, 20)):
        axis = _axis(app.query_one(TrendChart))
    assert axis.split() == ["11-19", "11-30"]  # not twelve "1"s or "30"s under the bars
    assert axis.startswith("11-19") and len(axis) <= 28


async def test_a_few_rehearsals_get_a_date_under_each_bar():
    class One(App):
        CSS = "TrendChart { width: 28; }"

        def compose(self):
            yield TrendChart("overall", [60, 70, 65], ["11-28", "11-29", "11-30"])

    app = One()
    async with app.run_test(size=(40, 20)):
        assert _axis(app.query_one(TrendChart)).split() == ["11-28", "11-29", "11-30"]


@needs_engine
@pytest.mark.parametrize("size", [(100, 30), (110, 40)])
async def test_history_trends_read_as_dates(tmp_path, size):
    from trainer.tui.app import make_app

    store = _interview_history(tmp_path, [f"11-{d:02d}" for d in range(23, 31)])
    app = make_app(seed=SEED, store=Recorder(store, "cand"))
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        app.action_history()
        await settle(app, pilot)
        charts = list(app.screen.query(TrendChart))
        assert charts
        for chart in charts:
            words = _axis(chart).split()
            assert words and all(len(w) == 5 and w[2] == "-" for w in words), words
            assert words[-1] == "11-30"


@needs_engine
async def test_drill_my_weakest_stays_on_the_interview_track(tmp_path):
    from trainer.tui.app import make_app

    store = _interview_history(tmp_path, ["11-28", "11-29", "11-30"])
    app = make_app(seed=SEED, store=Recorder(store, "cand"))
    async with app.run_test(size=(110, 36)) as pilot:
        await settle(app, pilot)
        app.action_history()
        await settle(app, pilot)
        assert app.screen.weakest[0] == "follow_up"
        await pilot.press("w")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "BriefingScreen"
        assert app.content.scenarios[app.screen.scenario_id].track == "interview"


@needs_engine
async def test_next_scenario_after_the_last_interview_is_an_interview():
    from trainer.tui.app import make_app
    from trainer.tui.session import ordered_scenarios

    app = make_app(seed=SEED)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        interviews = [s.id for s in ordered_scenarios(app.content) if s.track == "interview"]
        incidents = [s.id for s in ordered_scenarios(app.content) if s.track == "incident"]
        app.next_scenario(interviews[-1], "practice")
        await pilot.pause()
        assert app.screen.scenario_id == interviews[0]
        app.next_scenario(interviews[0], "practice")
        await pilot.pause()
        assert app.screen.scenario_id == interviews[1]
        app.next_scenario(incidents[-1], "practice")
        await pilot.pause()
        assert app.screen.scenario_id == incidents[0]
