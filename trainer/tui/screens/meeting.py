"""Meeting: the CEO asks, you type, the answer is scored off the UI thread."""

from __future__ import annotations

import time
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Button, Header, Static

from trainer.tui.dialogs import ConfirmDialog, TextDialog
from trainer.tui.key_footer import KeyFooter
from trainer.tui.messages import RehearsalFinished, TurnCompleted
from trainer.tui.widgets import AnswerBox, Meter, Transcript
from trainer.tui.widgets.answer_box import WORDS_PER_MINUTE, count_words, speaking_seconds


class _DebriefButton(Button):
    """The button that ends a meeting. Button's own Enter binding is hidden, and as the
    focused widget's binding it would hide the screen's "Debrief" from the footer."""

    BINDINGS = [Binding("enter", "press", "Debrief", id="meeting.debrief-button",
                        tooltip="See how the meeting went, turn by turn")]


class MeetingScreen(Screen):
    """One rehearsal. ``mode`` is ``practice`` (feedback after each answer) or ``exam``."""

    CSS_PATH = "meeting.tcss"
    DRAFT_NAME = "your answer"
    """How the quit question names this screen's unsent text (see ``unsent_draft``)."""

    BINDINGS = [
        Binding("f2", "hints", "Hints", id="meeting.hints",
                tooltip="Show what a strong answer to this question covers"),
        Binding("f3", "exemplar", "Exemplar", id="meeting.exemplar",
                tooltip="Show a model answer to this question"),
        Binding("escape", "leave", "Leave", id="meeting.leave",
                tooltip="End the meeting early and see the debrief"),
        # Enter, not a letter: someone still typing when the meeting ends must not be
        # carried into the debrief (whose letter keys retry, export or go home).
        Binding("enter", "debrief", "Debrief", id="meeting.debrief",
                tooltip="See how the meeting went, turn by turn"),
        # Still works, but the footer's room goes to the meeting's own keys
        Binding("f4", "app.history", "History", show=False, id="meeting.history"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While answering: hints and exemplar (practice only), leave. Once it is over:
        # only the debrief. Exam mode keeps its help out of the footer altogether.
        if action in ("hints", "exemplar"):
            return self.mode == "practice" and not self.rehearsal.finished
        if action == "leave":
            return not self.rehearsal.finished
        if action == "debrief":
            return self.rehearsal.finished
        return True

    def __init__(self, rehearsal: Any, scenario: Any, persona: Any, mode: str = "practice"):
        super().__init__()
        self.rehearsal, self.scenario, self.persona, self.mode = rehearsal, scenario, persona, mode
        self.scoring = False
        self.asked_at = time.monotonic()
        self.hints_shown = False
        self._timer: Any = None
        """The exam clock's interval; stopped when the meeting ends."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="meeting-status"):
            yield Static(self.mode, id="meeting-mode")
            yield Meter("patience", low_is_bad=True, id="patience")
            yield Static("", id="timer")
        yield Transcript(id="transcript")
        yield Static("", id="hints")
        yield Meter("length", id="budget")
        yield AnswerBox(id="answer", placeholder="Type your answer. Enter sends; ctrl+j breaks "
                                                 "the line.")
        yield _DebriefButton("See the debrief", id="to-debrief", variant="primary")
        yield KeyFooter()

    def on_mount(self) -> None:
        # The scenario's title in the header's title, not after "rehearse —": at 80
        # columns the whole title and the mode fit
        self.title, self.sub_title = self.scenario.title, self.mode
        self.query_one("#hints").display = False
        self.query_one("#to-debrief").display = False
        self.query_one("#timer").display = self.mode == "exam"
        self._say(self.rehearsal.current)
        self._new_question()
        if self.mode == "exam":
            self._timer = self.set_interval(1, self._tick)
        self.query_one(AnswerBox).focus()

    # -- live counters -----------------------------------------------------------------

    def _budget_words(self) -> int:
        return int(getattr(self.rehearsal.current, "budget", 0) or 60)

    def _new_question(self) -> None:
        self.asked_at = time.monotonic()
        self._update_counters("")
        self._update_patience()
        if self.hints_shown:
            self._show_hints()
        self._tick()

    @on(AnswerBox.Changed, "#answer")
    def _typed(self, event: AnswerBox.Changed) -> None:
        self._update_counters(event.text_area.text)

    def _update_counters(self, text: str) -> None:
        words, budget = count_words(text), self._budget_words()
        secs, budget_secs = speaking_seconds(words), round(budget * 60 / WORDS_PER_MINUTE)
        self.query_one("#budget", Meter).update(
            words, budget, f"{words}/{budget} words · ~{secs}s of {budget_secs}s")

    def _update_patience(self) -> None:
        left, most = self.rehearsal.patience, self.rehearsal.patience_max
        self.query_one("#patience", Meter).update(left, most, f"{left}/{most}")

    def _tick(self) -> None:
        # once the meeting is over the clock stops at the last answer's time
        if self.mode == "exam" and not self.rehearsal.finished:
            secs = int(time.monotonic() - self.asked_at)
            self.query_one("#timer", Static).update(f"⏱ {secs // 60}:{secs % 60:02d}")

    # -- answering -----------------------------------------------------------------

    @on(AnswerBox.Submitted, "#answer")
    def _submitted(self, event: AnswerBox.Submitted) -> None:
        if self.scoring or self.rehearsal.finished:
            return
        self.scoring = True
        event.answer_box.read_only = True
        self.query_one("#budget", Meter).caption = "scoring…"
        self.score_answer(event.text)

    @work(thread=True, exclusive=True, group="scoring")
    def score_answer(self, text: str) -> None:
        try:
            turn = self.rehearsal.answer(text)
        except Exception as exc:  # noqa: BLE001 - keep the meeting and the typed answer
            self.app.call_from_thread(self._scoring_failed, exc)
            return
        self.app.call_from_thread(self.show_turn, text, turn)

    def _scoring_failed(self, exc: Exception) -> None:
        self.scoring = False
        self.query_one(AnswerBox).read_only = False
        self._update_counters(self.query_one(AnswerBox).text)
        self.notify(f"The answer could not be scored: {type(exc).__name__}: {exc}",
                    title="Scoring failed", severity="error", timeout=15)

    def show_turn(self, text: str, turn: Any) -> None:
        transcript = self.query_one(Transcript)
        transcript.add_answer(text, turn.score if self.mode == "practice" else None)
        box = self.query_one(AnswerBox)
        box.clear()
        box.read_only = False
        self.scoring = False
        self.post_message(TurnCompleted(self.rehearsal, turn, self.mode))
        if self.rehearsal.finished:
            self._finish(turn)
            return
        self._say(self.rehearsal.current)
        self._new_question()

    def _say(self, prompt: Any) -> None:
        """The CEO's reaction (if any) and line, from a Prompt."""
        line = getattr(prompt, "line", "") or prompt.ceo
        self.query_one(Transcript).add_ceo(self.persona.name, line,
                                           getattr(prompt, "reaction", ""))

    def _finish(self, turn: Any) -> None:
        transcript = self.query_one(Transcript)
        current = self.rehearsal.current
        if getattr(current, "end", False) and current.node_id == turn.next_node:
            self._say(current)  # the end node's line
        else:
            final = getattr(self.rehearsal, "final_line", "") or turn.reaction or ""
            if final:
                transcript.add_ceo(self.persona.name, final)
        interview = getattr(self.scenario, "track", "") == "interview"
        transcript.add_note("The interview is over." if interview else "The meeting is over.")
        if self._timer is not None:
            self._timer.stop()
        self._update_patience()
        self.query_one(AnswerBox).display = False
        self.query_one("#budget").display = False
        self.query_one("#hints").display = False
        button = self.query_one("#to-debrief", Button)
        button.display = True
        button.focus()
        self.refresh_bindings()  # the footer now offers the debrief
        self.post_message(RehearsalFinished(self.rehearsal))

    def action_debrief(self) -> None:
        self._to_debrief()

    @on(Button.Pressed, "#to-debrief")
    def _to_debrief(self) -> None:
        self.app.show_debrief(self.rehearsal, self.mode)  # type: ignore[attr-defined]

    # -- help while answering ------------------------------------------------------

    def _practice_only(self) -> bool:
        if self.mode != "practice":
            self.notify("Hints and exemplars are off in exam mode.", severity="warning")
            return False
        return not self.rehearsal.finished

    def action_hints(self) -> None:
        if not self._practice_only():
            return
        self.hints_shown = not self.hints_shown
        self.query_one("#hints").display = self.hints_shown
        if self.hints_shown:
            self._show_hints()

    def _show_hints(self) -> None:
        points = getattr(self.rehearsal.current, "talking_points", []) or []
        lines = [f"• {getattr(p, 'text', p)}" for p in points] or ["• Answer the question first."]
        self.query_one("#hints", Static).update("A strong answer covers:\n" + "\n".join(lines))
        # The panel takes its rows from the transcript: once it is laid out, bring the
        # transcript's end (the question being answered) back into view.
        self.call_after_refresh(self._question_in_view)

    def _question_in_view(self) -> None:
        self.query_one(Transcript).scroll_end(animate=False, immediate=True)

    def action_exemplar(self) -> None:
        if not self._practice_only():
            return
        exemplar = getattr(self.rehearsal.current, "exemplar", None)
        body = exemplar or "This question has no exemplar."
        self.app.push_screen(TextDialog("A strong answer", body))

    def action_leave(self) -> None:
        if self.rehearsal.finished:
            self._to_debrief()
            return

        def answered(leave: bool | None) -> None:
            if not leave:
                return
            if self.rehearsal.turns:
                self._to_debrief()
            else:
                self.app.pop_screen()

        draft = self.unsent_draft()
        detail = f"Your unsent answer ({draft}) is not scored and will be lost." if draft else ""
        self.app.push_screen(ConfirmDialog("Leave the meeting now?", "Leave", "Stay",
                                           detail=detail, safe_no=bool(draft)), answered)

    def unsent_draft(self) -> str:
        """What is typed in the answer box and not sent yet ("12 words"), else ''."""
        if self.rehearsal.finished or self.scoring:
            return ""
        words = count_words(self.query_one(AnswerBox).text)
        if not words:
            return ""
        return f"{words} word{'s' * (words != 1)}"

    def commands(self):
        """Palette entries for this screen: (title, help, callback)."""
        if self.mode == "practice":
            yield "Hints", "Show the talking points for this question", self.action_hints
            yield "Exemplar", "Show a strong answer to this question", self.action_exemplar
        yield "Leave meeting", "End the meeting and see the debrief", self.action_leave
