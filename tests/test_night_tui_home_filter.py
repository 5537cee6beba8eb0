"""Back home after a meeting, the filter starts clear and lists every scenario, with the one
just rehearsed highlighted: typing "fraud" finds fraud (it gave "boardfraud" and "No
scenario matches the filter"). Back from a briefing alone, the filter is kept."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList

from tests.tui.conftest import SEED, answer, needs_engine, settle

pytestmark = needs_engine


@pytest.fixture
def make():
    from trainer.tui.app import make_app

    return lambda **kwargs: make_app(seed=SEED, **kwargs)


def _ids(app) -> list[str]:
    options = app.screen.query_one("#scenarios", OptionList)
    return [o.id for o in (options.get_option_at_index(i) for i in range(options.option_count))
            if o.id]


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
async def test_after_a_meeting_home_starts_with_a_clear_filter(make, size):
    app = make()
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        everything = _ids(app)
        await pilot.press(*"board", "enter")
        await pilot.pause()
        await pilot.press("p")
        await settle(app, pilot)
        await answer(app, pilot, "The board saw old revenue; my team owns the pipeline.")
        app.show_debrief(app.screen.rehearsal, "practice")
        await settle(app, pilot)
        await pilot.press("escape")  # the debrief's Home
        await settle(app, pilot)
        assert type(app.screen).__name__ == "HomeScreen"
        assert app.screen.query_one("#filter", Input).value == ""
        assert _ids(app) == everything
        assert app.screen.highlighted_id() == "stale-board-dashboard"
        await pilot.press(*"fraud")
        await pilot.pause()
        assert app.screen.query_one("#filter", Input).value == "fraud"
        assert _ids(app) == ["fraud-false-positives"]


async def test_back_from_a_briefing_the_filter_is_kept(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press(*"churn", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "BriefingScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#filter", Input).value == "churn"
