"""Coach review: one stored rehearsal turn by turn, with notes and score overrides."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from trainer.tui.key_footer import KeyFooter
from trainer.tui.widgets.highlighted_answer import HighlightedAnswer


class ReviewScreen(Screen):
    """Pick a turn on the left; read it, note it or override a score on the right."""

    CSS_PATH = "review.tcss"

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="review.back"),
        Binding("n", "note", "Note", id="review.note", tooltip="Add a coach's note to this turn"),
        Binding("o", "override", "Override", id="review.override",
                tooltip="Override one dimension's score on this turn, with a reason"),
        Binding("x", "export('md')", "Export md", id="review.export_md"),
        Binding("h", "export('html')", "Export html", id="review.export_html"),
    ]

    def __init__(self, rehearsal_id: int) -> None:
        super().__init__()
        self.rehearsal_id = rehearsal_id
        self.turns: list[dict[str, Any]] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="review-body"):
            yield DataTable(id="review-turns", cursor_type="row", zebra_stripes=True)
            yield VerticalScroll(id="review-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, key in [("#", "n"), ("Node", "node"), ("Score", "overall"), ("Coach", "coach")]:
            table.add_column(label, key=key)
        self.reload()

    @property
    def recorder(self) -> Any:
        return getattr(self.app, "store", None)

    def reload(self, keep_row: int = 0) -> None:
        from trainer.store import queries

        store = self.recorder.store
        row = queries.rehearsal(store, self.rehearsal_id)
        self.turns = queries.turns(store, self.rehearsal_id)
        if row is not None:
            self.sub_title = (f"review · #{row.id} {row.scenario_title or row.scenario_id} · "
                              f"{row.participant}")
        table = self.query_one(DataTable)
        table.clear()
        for t in self.turns:
            marks = ("✎" * bool(t["notes"])) + ("±" * bool(t["overrides"]))
            overall = t["effective"].get("overall", t["score"].get("overall"))
            table.add_row(str(t["number"]), t["node_id"], "—" if overall is None else str(overall),
                          marks, key=str(t["number"]))
        if self.turns:
            table.move_cursor(row=min(keep_row, len(self.turns) - 1))
            self._show(self.turns[table.cursor_row])
        else:
            self._detail([Static("No answers were given in this rehearsal.")])
        table.focus()

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if 0 <= event.cursor_row < len(self.turns):
            self._show(self.turns[event.cursor_row])

    def _detail(self, widgets: list) -> None:
        detail = self.query_one("#review-detail", VerticalScroll)
        detail.remove_children()
        detail.mount_all(widgets)

    def _show(self, turn: dict[str, Any]) -> None:
        from trainer.reports.labels import override_status, turn_overall

        score = turn["score"]
        findings = [SimpleNamespace(**f) for f in score.get("findings", [])]
        dims = score.get("dimensions", {})
        lines = []
        for name, d in dims.items():
            now = turn["effective"].get(name, d["score"])
            shown = f"{d['score']} → {now} (coach)" if now != d["score"] else str(d["score"])
            lines.append(f"{name.replace('_', ' '):<11} {shown}")
        widgets: list = [
            Static(f"Turn {turn['number']} · {turn['node_id']}", classes="section"),
            Static(turn["ceo"], markup=False),
            Static("Answer", classes="section"),
            HighlightedAnswer(turn["answer"], findings),
            Static(f"Scores (overall {turn_overall(turn)})", classes="section"),
            Static("\n".join(lines), markup=False),
        ]
        for o in turn["overrides"]:
            widgets.append(Static(f"± {o['dimension']}: {o['original']} → {o['score']} "
                                  f"({o['author']}: {o['reason']}){override_status(o)}",
                                  markup=False))
        if turn["notes"]:
            widgets.append(Static("Coach's notes", classes="section"))
            widgets.extend(Static(f"✎ {n['author']}: {n['note']}", markup=False)
                           for n in turn["notes"])
        self._detail(widgets)

    def _current(self) -> dict[str, Any] | None:
        row = self.query_one(DataTable).cursor_row
        return self.turns[row] if 0 <= row < len(self.turns) else None

    def reviewer(self) -> str:
        """Who signs notes and overrides: the last name signed with in this run of the
        app, else the login name (as 'rehearse review --author' defaults to). Never the
        participant being rehearsed as: a coach reviews other people's answers."""
        app: Any = self.app
        if app.reviewer:
            return app.reviewer
        from trainer.store import default_user

        return default_user()

    def _drafts(self) -> dict[tuple[int, int, str], tuple[str, str]]:
        """What was typed and not saved yet, kept on the app so it outlives this screen."""
        app: Any = self.app
        return app.review_drafts

    def _ask_signed(self, kind: str, again: str, title: str, prompt: str, placeholder: str = "",
                    check: Any = None) -> None:
        from trainer.tui.dialogs.signed import SignedDialog

        turn = self._current()
        if turn is None:
            return
        number = turn["number"]
        drafts, slot, signer = self._drafts(), (self.rehearsal_id, number, kind), self.reviewer()
        text, author = drafts.get(slot, ("", signer))

        def done(result: Any) -> None:
            if result is None:
                return
            if not result.sent:
                if result.text or result.author != signer:
                    drafts[slot] = (result.text, result.author)
                else:
                    drafts.pop(slot, None)
                if result.text:
                    self.notify(f"Kept as a draft: {again} opens it again.")
                return
            drafts[slot] = (result.text, result.author)  # until it is saved
            app: Any = self.app
            app.reviewer = result.author
            self._write(slot, result.text, result.author)

        self.app.push_screen(SignedDialog(f"{title} on turn {number}", prompt, author=author,
                                          text=text, placeholder=placeholder, check=check), done)

    def action_note(self) -> None:
        self._ask_signed("note", "n", "Note", "What should they keep or change?")

    def action_override(self) -> None:
        turn = self._current()
        if turn is None:
            return
        dims = list(turn["score"].get("dimensions", {}))

        def check(text: str) -> str:
            parts = text.split(None, 2)
            if len(parts) < 3 or parts[0] not in dims or not parts[1].isdigit():
                return ("Write: DIMENSION SCORE REASON, e.g. 'ownership 80 owned it "
                        f"in the close'. Dimensions: {', '.join(dims)}.")
            if not 0 <= int(parts[1]) <= 100:
                return "A score is 0 to 100."
            return ""

        self._ask_signed(
            "override", "o", "Override a score",
            "Dimension, new score (0-100) and the reason, kept beside the original.",
            placeholder="ownership 80 owned the miss in the last sentence", check=check)

    @work(thread=True, exclusive=True, group="review-write")
    def _write(self, slot: tuple[int, int, str], text: str, author: str) -> None:
        from trainer.store import review

        recorder = self.recorder
        _, number, kind = slot
        try:
            if kind == "note":
                review.add_note(recorder.store, self.rehearsal_id, number, text, author)
            else:
                dim, value, reason = text.split(None, 2)
                review.add_override(recorder.store, self.rehearsal_id, number, dim, int(value),
                                    reason, author=author)
        except Exception as exc:  # noqa: BLE001 - shown; what was typed stays as a draft
            self.app.call_from_thread(
                self.notify, f"Not saved: {exc}. What you wrote is kept: "
                f"{'n' if kind == 'note' else 'o'} opens it again.", severity="error")
            return

        def saved() -> None:
            if self._drafts().get(slot) == (text, author):
                del self._drafts()[slot]
            self.reload(number - 1)
            self.notify(f"Saved, signed by {author}.")

        self.app.call_from_thread(saved)

    def action_export(self, fmt: str) -> None:
        from trainer.tui.export import export_report

        export_report(self, self.rehearsal_id, fmt)
