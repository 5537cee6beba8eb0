"""A whole meeting driven with Pilot: weak answers take the CEO's branches, strong ones
reach the good ending and the debrief."""

from __future__ import annotations

from tests.tui.conftest import SIZE, answer, needs_engine, settle, transcript_text

pytestmark = needs_engine

BLAME = "The data team broke it. It was their fault, not ours."
JARGON = ("We saw covariate shift and feature drift, so the model's AUC and precision-recall "
          "degraded and the inference pipeline's calibration broke.")
NO_NUMBER = "There is a problem with our churn model and my team owns it. We are looking into it."


async def start(app, pilot, mode_key: str = "p") -> None:
    await settle(app, pilot)
    await pilot.press(*"churn", "enter")
    await pilot.pause()
    await pilot.press(mode_key)
    await settle(app, pilot)
    assert type(app.screen).__name__ == "MeetingScreen"


async def play_exemplars(app, pilot, limit: int = 25) -> None:
    """Answer every remaining question with its exemplar until the meeting ends."""
    for _ in range(limit):
        rehearsal = app.screen.rehearsal
        if rehearsal.finished:
            return
        await answer(app, pilot, rehearsal.current.exemplar)
    raise AssertionError("the meeting did not end")


async def test_blame_branch_then_strong_answers_reach_the_debrief(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await answer(app, pilot, BLAME)
        assert "not interested in whose fault" in transcript_text(app)
        # the answer was redrawn with its findings, and per-dimension scores follow it
        assert app.screen.query("HighlightedAnswer") and app.screen.query("ScoreLine")
        await play_exemplars(app, pilot)
        assert app.screen.rehearsal.outcome == "good"
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "DebriefScreen"
        assert "Overall" in str(app.screen.query_one("#overall").render())
        assert len(app.screen.query(".turn")) == len(app.screen.rehearsal.turns)


async def test_jargon_gets_asked_for_plain_english(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await answer(app, pilot, JARGON)
        assert "plain english" in transcript_text(app).lower()


async def test_no_number_gets_asked_what_it_costs(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await answer(app, pilot, NO_NUMBER)
        assert "what does that cost us" in transcript_text(app).lower()


async def test_live_counters_and_resize_to_80x24(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        box = app.screen.query_one("AnswerBox")
        box.text = "word " * 200
        await pilot.pause()
        budget = app.screen.query_one("#budget")
        assert budget.has_class("-over")
        assert "200/" in budget.caption
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        for selector in ("#transcript", "#budget", "AnswerBox", "#patience"):
            region = app.screen.query_one(selector).region
            assert region.height >= 1 and region.right <= 80 and region.bottom <= 24, selector


async def test_exam_mode_holds_feedback_and_runs_a_timer(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot, "e")
        assert app.screen.query_one("#timer").display
        await answer(app, pilot, BLAME)
        assert not app.screen.query("ScoreLine")
        await pilot.press("f2")
        assert not app.screen.query_one("#hints").display
        # the footer does not offer what exam mode withholds
        shown = {b.binding.action for b in app.screen.active_bindings.values() if b.binding.show}
        assert not {"hints", "exemplar"} & shown
        assert "leave" in shown


async def test_leaving_early_still_gives_a_debrief(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await answer(app, pilot, NO_NUMBER)
        await pilot.press("escape")
        await pilot.pause()
        # the question's own footer, over the meeting's: no "esc Leave" behind "Leave now?"
        from textual.widgets._footer import FooterKey
        shown = {key.description for key in app.screen.query(FooterKey)}
        assert {"Yes", "No"} <= shown and not shown & {"Send", "Leave", "Hints"}
        await pilot.press("y")
        await pilot.pause()
        assert type(app.screen).__name__ == "DebriefScreen"
        await pilot.press("r")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "MeetingScreen"
        assert not app.screen.rehearsal.turns


class FakeRecorder:
    """Stands in for the history store: remembers what the app told it."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def start(self, rehearsal, mode):
        self.calls.append(f"start {mode}")

    def record_turn(self, rehearsal, turn):
        self.calls.append(f"turn {turn.index}")

    def finish(self, rehearsal, status=None):
        self.calls.append("finish")

    def best_and_last(self, scenario_id):
        return (88, 61)


async def test_every_answer_reaches_the_history_store_as_it_is_scored(make):
    store = FakeRecorder()
    app = make(store=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        prompt = app.screen.query_one("#scenarios").get_option("churn-model-drift").prompt
        assert "best 88 · last 61" in str(prompt)
        await start(app, pilot)
        await answer(app, pilot, NO_NUMBER)
        assert store.calls == ["start practice", "turn 0"]
        await answer(app, pilot, BLAME)
        assert store.calls[-1] == "turn 1"


async def _write_update(app, pilot) -> None:
    """One answer, the debrief, then the written-update dialog (key w)."""
    await start(app, pilot)
    await answer(app, pilot, NO_NUMBER)
    app.show_debrief(app.screen.rehearsal, "practice")
    await pilot.pause()
    await pilot.press("w")
    await pilot.pause()


async def test_the_written_update_is_scored_in_the_debrief(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await _write_update(app, pilot)
        app.screen.query_one("#update-text").text = app.screen_stack[-2].scenario \
            .written_update.exemplar
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        shown = str(app.screen.query_one("#update-result").render())
        assert shown.startswith("Written update: ")
        assert "✓" in shown


async def test_the_written_update_counts_words_and_shows_only_its_own_keys(make):
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await _write_update(app, pilot)
        budget = app.screen_stack[-2].scenario.written_update.budget
        counter = app.screen.query_one("#update-count")
        assert f"0 / {budget} words" in counter.render().plain
        await pilot.press(*"Impact", "space", *"37", "space", *"patients")
        await pilot.pause()
        assert f"3 / {budget} words" in counter.render().plain
        # the dialog's own footer, over the debrief's: send and cancel, no debrief keys
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        shown = {key.description for key in footer.query(FooterKey)}
        assert {"Send", "Cancel"} <= shown
        assert not shown & {"Retry", "Write update", "Next scenario", "Export", "Home"}
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "DebriefScreen"


async def test_an_interview_debrief_offers_no_written_update(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press(*"interview-morale", "enter")
        await pilot.pause()
        await pilot.press("p")
        await settle(app, pilot)
        await answer(app, pilot, NO_NUMBER)
        app.show_debrief(app.screen.rehearsal, "practice")
        await pilot.pause()
        keys = {b.binding.action for b in app.screen.active_bindings.values()}
        assert "write_update" not in keys and "retry" in keys
        await pilot.press("w")  # a hidden key does nothing, and says nothing odd
        await pilot.pause()
        assert type(app.screen).__name__ == "DebriefScreen"


async def test_when_the_meeting_ends_the_footer_offers_the_debrief(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        actions = {b.binding.action for b in app.screen.active_bindings.values()}
        assert {"hints", "exemplar", "leave"} <= actions and "debrief" not in actions
        await play_exemplars(app, pilot)
        # the debrief button has focus: its Enter is the one the footer shows
        assert app.focused is not None and app.focused.id == "to-debrief"
        enter = app.screen.active_bindings["enter"].binding
        assert enter.show and enter.description == "Debrief"
        await pilot.press("tab")  # focus wanders off the debrief button
        await pilot.pause()
        actions = {b.binding.action for b in app.screen.active_bindings.values()}
        assert "debrief" in actions and "hints" not in actions
        await pilot.press(*"I'd stop the launch")  # still typing: nothing happens
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingScreen"
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "DebriefScreen"
