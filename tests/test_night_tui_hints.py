"""With hints open (f2), the CEO's latest line stays in view: the panel takes rows from the
transcript, and "In plain English?" used to scroll out of sight until f2 closed it."""

from __future__ import annotations

import pytest

from tests.tui.conftest import SEED, answer, needs_engine, open_meeting, settle
from trainer.tui.widgets import Transcript

pytestmark = needs_engine

JARGON = ("We saw covariate shift and feature drift, so the model's AUC and precision-recall "
          "degraded and the inference pipeline's calibration broke.")


@pytest.fixture
def make():
    from trainer.tui.app import make_app

    return lambda **kwargs: make_app(seed=SEED, **kwargs)


def _latest_line_in_view(app) -> bool:
    transcript = app.screen.query_one(Transcript)
    line = list(transcript.query(".line"))[-1]
    view = transcript.content_region
    return view.y <= line.region.y and line.region.bottom <= view.bottom


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
async def test_the_ceos_question_stays_in_view_with_hints_open(make, size):
    app = make()
    async with app.run_test(size=size) as pilot:
        await open_meeting(app, pilot, "churn-model-drift")
        await answer(app, pilot, JARGON)
        line = str(list(app.screen.query_one(Transcript).query(".line"))[-1].render())
        assert "plain English" in line
        assert _latest_line_in_view(app)
        await pilot.press("f2")
        await settle(app, pilot)
        assert app.screen.query_one("#hints").display
        assert _latest_line_in_view(app), "hints hid the CEO's question"
        await answer(app, pilot, "I own it: we send retention offers to the wrong customers.")
        assert _latest_line_in_view(app), "the next question is hidden by the hints"
