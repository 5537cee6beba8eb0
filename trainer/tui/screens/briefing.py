"""Briefing: the facts you may use, who you are meeting, and the metric's trend."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Header, Markdown, Static

from trainer.tui.key_footer import KeyFooter
from trainer.tui.widgets import TrendChart


def persona_markdown(persona: Any) -> str:
    cares = ", ".join(p.kpi.replace("_", " ").replace("-", " ") for p in persona.cares_about)
    lines = [f"### {persona.name}, {persona.role}", ""]
    if persona.style:
        lines.append(f"*{persona.style}*")
        lines.append("")
    lines.append(f"**Cares about:** {cares}")
    return "\n".join(lines)


class BriefingScreen(Screen):
    """Read, then start the meeting in practice or exam mode."""

    CSS_PATH = "briefing.tcss"

    BINDINGS = [
        Binding("enter,p", "start('practice')", "Practice", id="briefing.practice",
                tooltip="Start with hints and feedback after every answer"),
        Binding("e", "start('exam')", "Exam", id="briefing.exam",
                tooltip="Start with a timer; feedback is held for the debrief"),
        Binding("r", "resume", "Resume", id="briefing.resume",
                tooltip="Carry on the rehearsal of this scenario that was cut off"),
        Binding("escape", "back", "Back", id="briefing.back"),
    ]

    def __init__(self, scenario_id: str) -> None:
        super().__init__()
        self.scenario_id = scenario_id
        self.cut_off: Any = None
        """The participant's newest rehearsal of this scenario, when it stopped before
        its end with answers given (quit, closed or left): offered to resume."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "resume":  # only when there is something to carry on
            return self.cut_off is not None
        return True

    def compose(self) -> ComposeResult:
        app: Any = self.app
        s = app.content.scenarios[self.scenario_id]
        persona = app.content.personas[s.persona]
        self.cut_off = app.unfinished_for(self.scenario_id)
        yield Header()
        with VerticalScroll(id="briefing-body"):
            yield Static(f"{s.title}", id="briefing-title", markup=False)
            yield Static(f"{s.track} · {s.difficulty} · {s.summary}", classes="muted",
                         markup=False)
            if self.cut_off is not None:
                yield Static(self._resume_text(), id="resume-note", markup=False)
            with Horizontal(id="briefing-columns"):
                yield Markdown(s.briefing, id="briefing-facts")
                with VerticalScroll(id="briefing-side"):
                    yield Markdown(persona_markdown(persona), id="persona")
                    if s.trend is not None:
                        yield TrendChart(s.trend.label, s.trend.points, s.trend.labels,
                                         s.trend.unit, id="trend")
        # Under the briefing, not at its end: a long briefing scrolls above the buttons,
        # which stay in sight on a short terminal
        with Horizontal(id="briefing-buttons"):
            yield Button("Practice", id="practice", variant="primary")
            yield Button("Exam", id="exam")
            if self.cut_off is not None:
                yield Button("Resume", id="resume")
            yield Button("Back", id="back")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "briefing"
        # Practice has the keyboard, but a short terminal shows the briefing from its title
        self.query_one("#practice", Button).focus(scroll_visible=False)

    @on(Button.Pressed, "#practice")
    def _practice(self) -> None:
        self.action_start("practice")

    @on(Button.Pressed, "#exam")
    def _exam(self) -> None:
        self.action_start("exam")

    @on(Button.Pressed, "#resume")
    def _resume(self) -> None:
        self.action_resume()

    def _resume_text(self) -> str:
        from trainer.reports.dates import local_date

        row = self.cut_off
        n = row.turn_count
        mode = "practice" if row.mode == "drill" else row.mode
        return (f"Your last rehearsal of this scenario stopped after {n} answer"
                f"{'s' * (n != 1)} ({mode}, {local_date(row.started_at)}). "
                "Press r to carry on from there, or start again.")

    def action_resume(self) -> None:
        if self.cut_off is not None:
            self.app.resume_rehearsal(self.cut_off.id, self.cut_off.mode)  # type: ignore

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self.app.pop_screen()

    def action_start(self, mode: str) -> None:
        self.app.start_meeting(self.scenario_id, mode)  # type: ignore[attr-defined]

    def commands(self):
        """Palette entries for this screen: (title, help, callback)."""
        yield "Start in practice mode", "Hints and feedback after every answer", \
            lambda: self.action_start("practice")
        yield "Start in exam mode", "A timer; feedback waits for the debrief", \
            lambda: self.action_start("exam")
        if self.cut_off is not None:
            yield "Resume the unfinished rehearsal", \
                "Carry on the rehearsal of this scenario that was cut off", self.action_resume
