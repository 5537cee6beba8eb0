"""Debrief: the scores, the checklist, and each answer beside a strong one."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Collapsible, Header, Static

from trainer.reports.clip import clip
from trainer.tui.key_footer import KeyFooter
from trainer.tui.session import debrief_of
from trainer.tui.widgets import HighlightedAnswer, Meter, ScoreLine
from trainer.tui.widgets.answer_box import count_words
from trainer.tui.widgets.score_line import dimension_label

OUTCOMES = {"good": "The meeting went well.", "mixed": "The meeting ended with loose ends.",
            "bad": "The meeting went badly.", "patience": "The CEO ran out of patience.",
            None: "The meeting ended early."}
INTERVIEW_OUTCOMES = {"good": "The interview went well.",
                      "mixed": "The interview ended with loose ends.",
                      "bad": "The interview went badly.",
                      "patience": "The interviewer ran out of patience.",
                      None: "The interview ended early."}
"""On the interview track: an interview with an interviewer, not a meeting with a CEO."""


def _stored_result(score: dict | None) -> Any:
    """A stored score (``ScoreResult.to_dict()``) with what the debrief shows of it:
    ``overall``, ``checklist`` (``item``, ``passed``, ``evidence``) and ``notes``."""
    if not score or score.get("overall") is None:
        return None
    from types import SimpleNamespace

    return SimpleNamespace(
        overall=score.get("overall"), notes=list(score.get("notes") or []),
        checklist=[SimpleNamespace(item=c.get("item", ""), passed=c.get("passed", False),
                                   evidence=c.get("evidence", ""))
                   for c in score.get("checklist") or []])


def outcome_text(outcome: str | None, track: str = "incident") -> str:
    said = INTERVIEW_OUTCOMES if track == "interview" else OUTCOMES
    return said.get(outcome, outcome or "")


UPDATE_INVITE = ("Press w to write the update you promised; it is scored on impact, cause, "
                 "actions with owners and dates, and the next update.")


class DebriefScreen(Screen):
    """What went well and what to change, turn by turn."""

    CSS_PATH = "debrief.tcss"
    DRAFT_NAME = "your written update"
    """How the quit question names an update typed, cancelled and not sent."""

    BINDINGS = [
        # In the order the footer shows them; a narrow one drops the last
        Binding("r", "retry", "Retry", id="debrief.retry", tooltip="Rehearse this scenario again"),
        Binding("w", "write_update", "Write update", id="debrief.update",
                tooltip="Write the update you promised, and have it scored"),
        Binding("n", "next", "Next scenario", id="debrief.next"),
        Binding("x", "export", "Export", id="debrief.export",
                tooltip="Write this debrief as a Markdown file in the current folder"),
        Binding("escape,h", "home", "Home", id="debrief.home"),
    ]

    def __init__(self, rehearsal: Any, scenario: Any, persona: Any, mode: str) -> None:
        super().__init__()
        self.rehearsal, self.scenario, self.persona, self.mode = rehearsal, scenario, persona, mode
        self.update_draft = ""
        """The written update as the box held it when its dialog was cancelled: offered
        again by the next ``w``, never dropped."""
        self._update_sent: str = getattr(rehearsal, "update_text", None) or ""
        """The update last sent for scoring: a slower, older scoring is not shown over it."""
        self._update_result: Any = getattr(rehearsal, "update_score", None)

    def compose(self) -> ComposeResult:
        d = debrief_of(self.rehearsal)
        yield Header()
        with VerticalScroll(id="debrief-body"):
            outcome = outcome_text(d.outcome, getattr(self.scenario, "track", ""))
            yield Static(Text.assemble((f"Overall {d.overall}/100", "bold"), "  ", outcome),
                         id="overall")
            with Vertical(id="dimensions"):
                for name, score in d.dimensions.items():
                    meter = Meter(f"{dimension_label(name):<11}", low_is_bad=True)
                    meter.update(score, 100, f"{score:>3}")
                    yield meter
            if d.checklist:
                yield Static("Checklist", classes="section")
                for item, ok, evidence in d.checklist:
                    mark = "✓" if ok else "✗"
                    line = f"{mark} {item}" + (f" — {clip(evidence)}" if evidence else "")
                    yield Static(line, classes="check " + ("-pass" if ok else "-fail"),
                                 markup=False)
            if getattr(self.scenario, "written_update", None) is not None:
                yield Static("The written update", classes="section")
                yield Static(UPDATE_INVITE, id="update-result", classes="muted", markup=False)
            yield Static("Turn by turn", classes="section")
            for turn in self.rehearsal.turns:
                yield from self._turn(turn)
            with Horizontal(id="debrief-buttons"):
                yield Button("Retry", id="retry", variant="primary")
                yield Button("Next scenario", id="next")
                yield Button("Export", id="export")
                yield Button("Home", id="home")
        yield KeyFooter()

    def _turn(self, turn: Any):
        # The whole question, wrapping under the title (see debrief.tcss); plain Content, so
        # a question's "[...]" is not read as markup.
        title = Content(f"{turn.index + 1}. {turn.ceo}  ({turn.score.overall})")
        node = self.scenario.nodes.get(turn.node_id)
        with Collapsible(title=title, collapsed=False, classes="turn"):
            yield ScoreLine(turn.score)
            # what the scorer says about the answer as a whole ("only the first 20,000
            # characters were scored"): above the answer, which may be very long
            for note in getattr(turn.score, "notes", None) or []:
                yield Static(f"Note: {clip(note)}", classes="note", markup=False)
            with Horizontal(classes="side-by-side"):
                with Vertical(classes="yours"):
                    yield Static("Your answer", classes="label")
                    yield HighlightedAnswer(turn.answer, turn.score.findings, classes="answer")
                with Vertical(classes="exemplar"):
                    yield Static("A strong answer", classes="label")
                    yield Static(getattr(node, "exemplar", None) or "—", markup=False)
            for p in turn.points:
                yield Static(("✓ covered: " if p.covered else "✗ missing: ") + p.text,
                             classes="check " + ("-pass" if p.covered else "-fail"), markup=False)
            # one line per rewrite, quoting every phrase it is for
            quotes: dict[str, list[str]] = {}
            for f in [f for f in turn.score.tips(4) if f.suggestion]:
                quote = f"“{f.text}”" if f.text and len(f.text) < 60 else clip(f.message)
                quotes.setdefault(f.suggestion, []).append(quote)
            for suggestion, said in quotes.items():
                yield Static(f"→ {', '.join(said)}: {suggestion}", classes="tip", markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Interview questions promise no written update: hide the key rather than refuse it.
        if action == "write_update":
            return getattr(self.scenario, "written_update", None) is not None
        return True

    def on_mount(self) -> None:
        self.title, self.sub_title = self.scenario.title, "debrief"  # as the meeting's
        if not getattr(self.rehearsal, "update_text", None):
            # a rehearsal left early, its update written, then resumed: the update is in
            # history, not in the rebuilt rehearsal
            kept = self.app.stored_update(self.rehearsal)  # type: ignore[attr-defined]
            if kept and kept.get("text"):
                self.rehearsal.update_text = self._update_sent = kept["text"]
                self._update_result = _stored_result(kept.get("score"))
        if getattr(self.rehearsal, "update_text", None):  # written before (back again)
            self._show_update(self.rehearsal.update_text, self._update_result, scroll=False)
        # Retry has the keyboard, but the summary at the top is what is read first
        self.query_one("#retry", Button).focus(scroll_visible=False)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        action = {"retry": self.action_retry, "next": self.action_next,
                  "export": self.action_export, "home": self.action_home}.get(event.button.id)
        if action:
            action()

    def action_retry(self) -> None:
        self.app.start_meeting(self.scenario.id, self.mode, replace=True)  # type: ignore

    def action_next(self) -> None:
        self.app.next_scenario(self.scenario.id, self.mode)  # type: ignore[attr-defined]

    def action_home(self) -> None:
        self.app.go_home()  # type: ignore[attr-defined]

    def action_export(self) -> None:
        from trainer.tui.export import export_report

        recorder = getattr(self.app, "store", None)
        rid = recorder.rehearsal_id(self.rehearsal) if recorder is not None else None
        export_report(self, rid, "md")

    def action_write_update(self) -> None:
        """Write the update, or edit the one written: the box holds it, and sending
        scores it again. Every update sent is kept with the rehearsal in history."""
        from trainer.tui.dialogs import WrittenUpdateDialog

        task = getattr(self.scenario, "written_update", None)
        if task is None:
            self.notify("This scenario has no written update.")
            return
        text = self.update_draft or getattr(self.rehearsal, "update_text", None) or ""
        dialog = WrittenUpdateDialog(task.prompt, task.budget, text=text)

        def written(sent: str | None) -> None:
            if sent is None:  # cancelled: what the box held waits for the next w
                saved = getattr(self.rehearsal, "update_text", None) or ""
                self.update_draft = "" if dialog.draft.strip() == saved.strip() else dialog.draft
                return
            self.update_draft = ""
            self._update_sent, self._update_result = sent, None
            # the text is kept before it is scored: a scorer that fails loses no words
            self.rehearsal.update_text, self.rehearsal.update_score = sent, None
            self.app.record_update(self.rehearsal, sent)  # type: ignore[attr-defined]
            self._show_update(sent, None)
            self.score_update(sent)

        self.app.push_screen(dialog, written)

    @work(thread=True, group="update")
    def score_update(self, text: str) -> None:
        try:
            result = self.rehearsal.write_update(text)
        except Exception as exc:  # noqa: BLE001 - the text is kept; say why there is no score
            self.app.call_from_thread(self._update_failed, text, exc)
            return
        self.app.call_from_thread(self._update_scored, text, result)

    def _update_scored(self, text: str, result: Any) -> None:
        if text == self._update_sent:
            self._update_result = result
            self.app.record_update(self.rehearsal, text, result)  # type: ignore[attr-defined]
            if self.is_attached:  # the user may have gone on meanwhile
                self._show_update(text, result)
        self._settle_update()

    def _update_failed(self, text: str, exc: Exception) -> None:
        if text == self._update_sent:
            self.app.notify(f"The update is kept but could not be scored: "
                            f"{type(exc).__name__}: {exc}", title="Scoring failed",
                            severity="error", timeout=15)
        self._settle_update()

    def _settle_update(self) -> None:
        """The update sent last is the rehearsal's, whichever scoring finished last."""
        self.rehearsal.update_text = self._update_sent
        self.rehearsal.update_score = self._update_result

    def _show_update(self, text: str, result: Any, scroll: bool = True) -> None:
        place = self.query_one("#update-result", Static)
        words = count_words(text)
        if result is None:
            lines = [f"Written update ({words} words): scoring…"]
        else:
            lines = [f"Written update: {result.overall}/100"]
            lines += [f"{'✓' if c.passed else '✗'} {c.item}"
                      + (f" — {clip(c.evidence)}" if c.evidence else "")
                      for c in result.checklist]
            lines += [f"Note: {clip(n)}" for n in getattr(result, "notes", None) or []]
        lines.append("Press w to read or edit it; sending it again scores it again.")
        place.update("\n".join(lines))
        place.remove_class("muted")
        if scroll:
            place.scroll_visible()

    def unsent_draft(self) -> str:
        """An update typed and cancelled, not sent ("40 words"), for the quit question."""
        words = count_words(self.update_draft)
        return f"{words} word{'s' * (words != 1)}" if words else ""

    def commands(self):
        if getattr(self.scenario, "written_update", None) is not None:
            yield "Write the update", "Write and score the update you promised", \
                self.action_write_update
        yield "Retry scenario", "Rehearse this scenario again", self.action_retry
        yield "Next scenario", "Go on to the next scenario", self.action_next
        yield "Export debrief", "Write the report as Markdown", self.action_export
