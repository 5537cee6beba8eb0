"""The briefing's buttons stay in sight on a short terminal; a long briefing scrolls above
them."""

from __future__ import annotations

import pytest

from tests.tui.conftest import SEED, settle


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
async def test_the_briefing_buttons_are_whole_on_screen(size):
    from trainer.tui.app import make_app

    app = make_app(seed=SEED)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        app.open_briefing("interview-wrong-decision")  # the longest briefing
        await settle(app, pilot)
        screen = app.screen
        assert type(screen).__name__ == "BriefingScreen"
        footer = screen.query_one("KeyFooter").region
        for button in screen.query("#briefing-buttons Button"):
            region = button.region
            assert region.height == 3, button.id
            assert region.bottom <= footer.y, f"{button.id} runs under the footer: {region}"
        body = screen.query_one("#briefing-body")
        assert body.region.bottom <= screen.query_one("#briefing-buttons").region.y
        # what does not fit scrolls, and its end can be reached
        body.scroll_end(animate=False)
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
