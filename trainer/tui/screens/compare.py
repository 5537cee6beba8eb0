"""Compare: for one scenario, each participant's mean score per dimension."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from trainer.tui.key_footer import KeyFooter

_ORDER = ("brevity", "impact", "ownership", "jargon", "confidence", "solution", "follow_up",
          "structure", "accuracy", "tailoring")


class CompareScreen(Screen):
    """Participants side by side on one scenario, for a coaching session.

    The table fits the screen's width with every figure: the dimensions' names are
    shortened when they do not all fit, long names wrap, and when that is not enough
    the dimensions go into a second table (a third...) under the first, each starting
    with the participants again.
    """

    CSS_PATH = "review.tcss"

    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="compare.back")]

    def __init__(self, scenario_id: str, title: str = "") -> None:
        super().__init__()
        self.scenario_id, self.title_text = scenario_id, title or scenario_id
        self.rows: list[Any] = []
        self.dims: list[str] = []
        self._laid_out_for = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="compare-note")
        yield VerticalScroll(id="compare-blocks")
        yield KeyFooter()

    def on_mount(self) -> None:
        from trainer.store import queries

        recorder: Any = getattr(self.app, "store", None)
        self.sub_title = f"compare · {self.title_text}"
        self.rows = queries.compare(recorder.store, self.scenario_id) if recorder else []
        self.dims = [d for d in _ORDER if any(d in r.dimensions for r in self.rows)]
        note = (f"{len(self.rows)} participant(s); means over their rehearsals of this "
                "scenario." if self.rows else "Nobody has rehearsed this scenario yet.")
        self.query_one("#compare-note", Static).update(note)
        self._lay_out()

    def on_resize(self) -> None:
        self._lay_out()

    def _cells(self, short: bool) -> tuple[list[str], list[list[str]]]:
        from trainer.cli.table import SHORT

        headers = ["Participant", "Runs", "Overall"] + [
            SHORT[d] if short else d.replace("_", " ") for d in self.dims]
        rows = [[r.participant, str(r.rehearsals), "—" if r.overall is None else str(r.overall)]
                + [str(r.dimensions.get(d, "—")) for d in self.dims] for r in self.rows]
        return headers, rows

    def _lay_out(self) -> None:
        """One table per block of columns that fits the width (see ``fit_columns``)."""
        from rich.cells import cell_len

        from trainer.cli.table import fit_columns

        if not self.rows or not self.size.width or self.size.width == self._laid_out_for:
            return
        self._laid_out_for = self.size.width
        box = self.query_one("#compare-blocks", VerticalScroll)
        # A cell is padded by one on each side; the scroll bar's gutter is kept free
        room = self.size.width - 2 - box.styles.scrollbar_size_vertical
        for short in (False, True):
            headers, rows = self._cells(short)
            natural = [max(cell_len(c) for c in [h] + [r[i] for r in rows])
                       for i, h in enumerate(headers)]
            key, blocks = fit_columns(natural, room)
            if key[0] == natural[0] and len(blocks) == 1:
                break  # full names fit: no need to shorten them
        focused = isinstance(self.focused, DataTable) or self.focused is None
        keys = ["participant", "runs", "overall", *self.dims]
        box.remove_children()
        tables = []
        for block in blocks:
            table = DataTable(classes="compare-table", zebra_stripes=True, cursor_type="row")
            table.add_column(headers[0], key=keys[0], width=key[0])
            for i in block:
                table.add_column(headers[i], key=keys[i])
            for r in rows:
                table.add_row(r[0], *[r[i] for i in block], key=r[0], height=None)
            tables.append(table)
        box.mount_all(tables)
        if focused:
            tables[0].focus()
