"""Compare: for one scenario, each participant's mean score per dimension."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from trainer.tui.key_footer import KeyFooter

_ORDER = ("brevity", "impact", "ownership", "jargon", "confidence", "solution", "follow_up",
          "structure", "accuracy", "tailoring")


class CompareScreen(Screen):
    """Participants side by side on one scenario, for a coaching session."""

    CSS_PATH = "review.tcss"

    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="compare.back")]

    def __init__(self, scenario_id: str, title: str = "") -> None:
        super().__init__()
        self.scenario_id, self.title_text = scenario_id, title or scenario_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="compare-note")
        yield DataTable(id="compare-table", zebra_stripes=True, cursor_type="row")
        yield KeyFooter()

    def on_mount(self) -> None:
        from trainer.store import queries

        recorder: Any = getattr(self.app, "store", None)
        self.sub_title = f"compare · {self.title_text}"
        rows = queries.compare(recorder.store, self.scenario_id) if recorder else []
        dims = [d for d in _ORDER if any(d in r.dimensions for r in rows)]
        table = self.query_one(DataTable)
        table.add_column("Participant", key="participant")
        table.add_column("Runs", key="runs")
        table.add_column("Overall", key="overall")
        for d in dims:
            table.add_column(d.replace("_", " "), key=d)
        for r in rows:
            table.add_row(r.participant, str(r.rehearsals),
                          "—" if r.overall is None else str(r.overall),
                          *[str(r.dimensions.get(d, "—")) for d in dims], key=r.participant)
        note = (f"{len(rows)} participant(s); means over their rehearsals of this scenario."
                if rows else "Nobody has rehearsed this scenario yet.")
        self.query_one("#compare-note", Static).update(note)
        table.focus()
