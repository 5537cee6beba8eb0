"""An interview's screens at 80 columns: whole titles in the header, whole questions in the
debrief's turns, an outcome about the interview, and help that lists the debrief's keys."""

from __future__ import annotations

import re

import pytest

from tests.tui.conftest import SEED, answer, needs_engine, open_meeting, settle

pytestmark = needs_engine

LONGEST = "interview-rollback-call"
"""The scenario with the longest title."""


@pytest.fixture
def make():
    from trainer.tui.app import make_app

    return lambda **kwargs: make_app(seed=SEED, **kwargs)


async def _meeting(app, pilot, scenario: str = LONGEST) -> None:
    await open_meeting(app, pilot, scenario)
    assert type(app.screen).__name__ == "MeetingScreen"


async def _debrief(app, pilot, scenario: str = LONGEST) -> None:
    await _meeting(app, pilot, scenario)
    await answer(app, pilot, "I rolled it back on Friday and told the VP why, with the numbers.")
    app.show_debrief(app.screen.rehearsal, "practice")
    await settle(app, pilot)
    assert type(app.screen).__name__ == "DebriefScreen"


def _header(app) -> tuple[str, int]:
    """The header's title as it reads, and the columns it has."""
    title = app.screen.query_one("HeaderTitle")
    return str(title.render()), title.content_region.width


@pytest.mark.parametrize("screen", ["MeetingScreen", "DebriefScreen"])
async def test_at_80_columns_the_header_shows_the_whole_title_and_the_screen(make, screen):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        if screen == "MeetingScreen":
            await _meeting(app, pilot)
            name = "practice"
        else:
            await _debrief(app, pilot)
            name = "debrief"
        shown, room = _header(app)
        title = app.content.scenarios[LONGEST].title
        assert title in shown and shown.endswith(name)
        assert len(shown) <= room, f"{shown!r} is cut to {room} columns"


@pytest.mark.parametrize("width", [80, 100])
async def test_a_debrief_turn_shows_its_whole_question(make, width):
    app = make()
    async with app.run_test(size=(width, 30)) as pilot:
        await _debrief(app, pilot, "interview-wrong-decision")
        titles = list(app.screen.query(".turn > CollapsibleTitle"))
        assert titles
        question = app.screen.rehearsal.turns[0].ceo
        for title in titles:
            text = str(title.render())
            assert question in text
            # it wraps within the screen: every character has a cell
            assert title.region.right <= width
            assert title.content_region.width * title.content_region.height >= len(text)
            assert title.content_region.height >= 2


async def test_an_interview_debrief_speaks_of_the_interview(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await _debrief(app, pilot)
        overall = str(app.screen.query_one("#overall").render())
        assert "interview" in overall and "meeting" not in overall


def test_outcomes_on_each_track():
    from trainer.tui.screens.debrief import outcome_text

    assert outcome_text("good", "interview") == "The interview went well."
    assert outcome_text("patience", "interview") == "The interviewer ran out of patience."
    assert outcome_text("good", "incident") == "The meeting went well."
    assert outcome_text("patience", "incident") == "The CEO ran out of patience."


def _help_keys(where: str) -> set[str]:
    from trainer.tui.screens.help import HELP

    keys: set[str] = set()
    for line in HELP.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 3 and cells[0] == where:
            keys |= set(re.findall(r"`([^`]+)`", cells[1]))
    return keys


async def test_help_lists_the_keys_an_interview_debrief_offers(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await _debrief(app, pilot)
        offered = {b.binding.key.split(",")[0] for b in app.screen.active_bindings.values()
                   if b.binding.show and b.binding.id and b.binding.id.startswith("debrief.")}
    listed = _help_keys("debrief")
    assert "w" not in listed, "help offers w where an interview debrief does nothing"
    assert offered - {"escape"} <= listed
    assert "w" in _help_keys("debrief, incident meetings")
