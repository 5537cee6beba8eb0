"""A candidate's interview meeting: nothing typed is lost to ctrl+q or a leave, a meeting
left before any answer leaves nothing behind to 'resume', and the exam clock stops when
the interview is over."""

from __future__ import annotations

import pytest

from tests.tui.conftest import SEED, SIZE, answer, needs_engine, open_meeting
from trainer.store import open_store, queries
from trainer.store.recorder import Recorder

pytestmark = needs_engine


@pytest.fixture
def make():
    from trainer.tui.app import make_app

    return lambda **kwargs: make_app(seed=SEED, **kwargs)

DRAFT = "I chose to ship the new model early"


async def _interview(app, pilot, scenario: str = "interview-wrong-decision",
                     mode_key: str = "p") -> None:
    await open_meeting(app, pilot, scenario, mode_key)
    assert type(app.screen).__name__ == "MeetingScreen"


def _watch_exit(app) -> list[bool]:
    exits: list[bool] = []
    app.exit = lambda *args, **kwargs: exits.append(True)  # the test goes on to look
    return exits


async def test_ctrl_q_with_an_unsent_answer_asks_first_and_keeps_it(make):
    app = make()
    exits = _watch_exit(app)
    async with app.run_test(size=SIZE) as pilot:
        await _interview(app, pilot)
        box = app.screen.query_one("AnswerBox")
        box.text = DRAFT
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not exits
        assert app.screen.id == "quit-dialog"
        detail = str(app.screen.query_one("#confirm-detail").render())
        assert "your answer (8 words)" in detail
        # Enter on the question must not lose the draft: "Stay" has the keyboard
        await pilot.press("enter")
        await pilot.pause()
        assert not exits and type(app.screen).__name__ == "MeetingScreen"
        assert app.screen.query_one("AnswerBox").text == DRAFT
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert exits


async def test_ctrl_q_twice_quits_and_an_empty_answer_box_quits_at_once(make):
    app = make()
    exits = _watch_exit(app)
    async with app.run_test(size=SIZE) as pilot:
        await _interview(app, pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert exits == [True]
        app.screen.query_one("AnswerBox").text = DRAFT
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.screen.id == "quit-dialog" and exits == [True]
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert exits == [True, True]


async def test_the_leave_question_says_the_unsent_answer_is_lost(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await _interview(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query("#confirm-detail")  # nothing typed: nothing to say
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("AnswerBox").text = DRAFT
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmDialog"
        detail = str(app.screen.query_one("#confirm-detail").render())
        assert "unsent answer (8 words)" in detail and "lost" in detail


async def test_a_meeting_left_before_any_answer_leaves_nothing_to_resume(make, tmp_path):
    store = open_store(tmp_path / "h.sqlite3")
    recorder = Recorder(store, "cand")
    app = make(store=recorder)
    async with app.run_test(size=SIZE) as pilot:
        await _interview(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert queries.history(store, "cand") == []  # history and resume agree: nothing
        notes: list[str] = []
        app.notify = lambda message, **kwargs: notes.append(message)
        app.action_resume()
        assert notes == ["No interrupted rehearsal to resume."]


async def test_the_first_answer_makes_the_history_row_in_its_mode(make, tmp_path):
    store = open_store(tmp_path / "h.sqlite3")
    app = make(store=Recorder(store, "cand"))
    async with app.run_test(size=SIZE) as pilot:
        await _interview(app, pilot, mode_key="e")
        assert queries.history(store, "cand") == []
        await answer(app, pilot, app.screen.rehearsal.current.exemplar)
        rows = queries.history(store, "cand")
        assert [(r.mode, r.status, r.turn_count) for r in rows] == [("exam", "in-progress", 1)]
        await answer(app, pilot, "And then I told the team what I had learned.")
        assert queries.history(store, "cand")[0].turn_count == 2
        assert len(queries.history(store, "cand")) == 1


async def test_the_exam_clock_stops_when_the_interview_is_over(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await _interview(app, pilot, "interview-morale", "e")
        for _ in range(12):
            if app.screen.rehearsal.finished:
                break
            await answer(app, pilot, app.screen.rehearsal.current.exemplar)
        screen = app.screen
        assert screen.rehearsal.finished
        timer = screen.query_one("#timer")
        shown = str(timer.render())
        screen.asked_at -= 65  # a minute passes while the candidate reads the ending
        await pilot.pause(1.3)
        assert str(timer.render()) == shown
