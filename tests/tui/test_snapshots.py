"""Snapshots of home, meeting and debrief at a fixed size and seed (pytest-textual-snapshot).

Update them with ``pytest tests/tui/test_snapshots.py --snapshot-update`` after a
deliberate change, and look at the report before committing.
"""

from __future__ import annotations

from tests.tui.conftest import SEED, SIZE, needs_engine, no_blink, settle
from trainer.tui.app import make_app

WEAK = "The data team broke it. It was their fault, not ours."


def snapshot_app():
    return make_app(seed=SEED)


async def _home(pilot):
    await settle(pilot.app, pilot)
    no_blink(pilot)


async def _meeting(pilot):
    await settle(pilot.app, pilot)
    await pilot.press(*"churn", "enter")
    await pilot.pause()
    await pilot.press("p")
    await settle(pilot.app, pilot)
    pilot.app.screen.query_one("AnswerBox").text = WEAK
    await pilot.press("enter")
    await settle(pilot.app, pilot)
    no_blink(pilot)


async def _debrief(pilot):
    await _meeting(pilot)
    for _ in range(25):
        rehearsal = pilot.app.screen.rehearsal
        if rehearsal.finished:
            break
        pilot.app.screen.query_one("AnswerBox").text = rehearsal.current.exemplar
        await pilot.press("enter")
        await settle(pilot.app, pilot)
    await pilot.press("enter")
    await settle(pilot.app, pilot)


def test_home_snapshot(snap_compare):
    assert snap_compare(snapshot_app(), terminal_size=SIZE, run_before=_home)


@needs_engine
def test_meeting_snapshot(snap_compare):
    assert snap_compare(snapshot_app(), terminal_size=SIZE, run_before=_meeting)


@needs_engine
def test_debrief_snapshot(snap_compare):
    assert snap_compare(snapshot_app(), terminal_size=SIZE, run_before=_debrief)
