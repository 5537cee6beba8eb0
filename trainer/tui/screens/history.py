"""History: your rehearsals, a trend per dimension, your weakest dimension and a drill for it."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, DataTable, Header, Static

from trainer.tui.key_footer import KeyFooter
from trainer.tui.widgets.trend_chart import TrendChart

SCENARIO_MIN_WIDTH = 16


class HistoryScreen(Screen):
    """The participant's rehearsals, newest first, with trends over the last fifty."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="history.back"),
        Binding("w", "drill_weakest", "Drill my weakest", id="history.weakest",
                tooltip="Open the scenario that presses hardest on your weakest dimension"),
        Binding("enter", "review", "Review", id="history.review",
                tooltip="Open this rehearsal: notes and score overrides per answer"),
        Binding("c", "compare", "Compare", id="history.compare",
                tooltip="Everyone's scores on this rehearsal's scenario"),
        Binding("a", "toggle_everyone", "All/mine", id="history.everyone",
                tooltip="Show every participant's rehearsals, or only yours"),
        Binding("f4", "app.history", "History", show=False, id="history.history"),
    ]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    """Narrower than 100 columns, the side panel goes under the table: the scenario
    titles need the width."""
    DEFAULT_CSS = """
    HistoryScreen #history-body { height: 1fr; }
    HistoryScreen #history-table { width: 3fr; height: 1fr; scrollbar-gutter: stable; }
    HistoryScreen #history-side { width: 1fr; min-width: 30; max-width: 44; padding: 0 1; }
    HistoryScreen.-narrow #history-body { layout: vertical; }
    HistoryScreen.-narrow #history-table { width: 1fr; }
    HistoryScreen.-narrow #history-side { width: 1fr; max-width: 100%; height: 9;
                                          border-top: hkey $primary 30%; }
    HistoryScreen #weakest { margin-bottom: 1; }
    HistoryScreen #drill-weakest { margin-bottom: 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.weakest: tuple[str, int] | None = None
        self.everyone = False
        self.rows: dict[str, Any] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="history-body"):
            yield DataTable(id="history-table", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="history-side"):
                yield Static("", id="weakest")
                yield Button("Drill my weakest", id="drill-weakest", variant="primary")
                yield Static("", id="trends-title")
        yield KeyFooter()

    def on_mount(self) -> None:
        recorder: Any = getattr(self.app, "store", None)
        self.everyone = bool(getattr(self.app, "history_everyone", False))
        table = self.query_one(DataTable)
        # The scenario comes last and takes the width the others leave, wrapping in it
        for label, key in [("#", "id"), ("Date", "date"), ("Overall", "overall"),
                           ("Turns", "turns"), ("Status", "status")]:
            table.add_column(label, key=key)
        table.add_column("Scenario", key="scenario", width=SCENARIO_MIN_WIDTH)
        if recorder is None or not hasattr(recorder, "store"):
            self.sub_title = "history"
            self.query_one("#weakest", Static).update("History is not being kept in this run.")
            self.query_one("#drill-weakest").display = False
            return
        self._fill(recorder)
        table.focus()
        self.call_after_refresh(self._fit_scenario_column)

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_scenario_column)

    def _fit_scenario_column(self) -> None:
        """Give the scenario column what the table's width leaves, so titles wrap in it
        instead of running off the edge."""
        table = self.query_one(DataTable)
        column = table.columns.get("scenario")  # type: ignore[call-overload]
        if column is None or not table.size.width:
            return
        others = sum(c.get_render_width(table) for c in table.ordered_columns
                     if c is not column)
        scrollbar = table.styles.scrollbar_size_vertical
        width = max(SCENARIO_MIN_WIDTH,
                    table.size.width - others - scrollbar - 2 * table.cell_padding)
        if width != column.width:
            column.width = width
            recorder: Any = getattr(self.app, "store", None)
            if recorder is not None and hasattr(recorder, "store"):
                row = table.cursor_row
                self._fill(recorder)
                table.move_cursor(row=row)

    def _fill(self, recorder: Any) -> None:
        from trainer.reports.dates import local_date
        from trainer.store import queries

        who = recorder.participant
        rows = queries.history(recorder.store, None if self.everyone else who, limit=200)
        scope = "everyone" if self.everyone else who
        self.sub_title = f"history · {scope} · {len(rows)} rehearsal{'s' * (len(rows) != 1)}"
        table = self.query_one(DataTable)
        table.clear()
        self.rows = {str(r.id): r for r in rows}
        for r in rows:
            scenario = r.scenario_title or r.scenario_id
            if self.everyone:
                scenario = f"{r.participant}: {scenario}"
            table.add_row(str(r.id), local_date(r.started_at)[5:],
                          "—" if r.overall is None else str(r.overall), str(r.turn_count),
                          r.status, scenario, key=str(r.id), height=None)
        if self.query("TrendChart"):
            return  # trends and the weakest dimension are the participant's own
        self.weakest = queries.weakest(recorder.store, who)
        note = self.query_one("#weakest", Static)
        if self.weakest:
            name, mean = self.weakest
            note.update(f"Your weakest dimension lately: [b]{name.replace('_', ' ')}[/b] "
                        f"(mean {mean} over your last rehearsals).")
        else:
            note.update("No scored answers yet: rehearse a meeting and come back.")
            self.query_one("#drill-weakest").display = False
        series = queries.trends(recorder.store, who, limit=12)
        side = self.query_one("#history-side")
        if series:
            self.query_one("#trends-title", Static).update("[b]Trends[/b] (last 12 rehearsals)")
        for name in ["overall"] + sorted(k for k in series if k != "overall"):
            points = series.get(name, [])
            if len(points) < 2:
                continue
            # month-day ("11-30"): the day alone read as a score; where the bars are
            # too narrow for one each, the chart puts the first and the last at its ends
            labels = [local_date(t)[5:10] for t, _ in points]
            side.mount(TrendChart(name.replace("_", " "), [v for _, v in points], labels))

    def _selected(self) -> Any:
        table = self.query_one(DataTable)
        if not self.rows or table.cursor_row < 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.rows.get(key)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_review()

    def action_review(self) -> None:
        from trainer.tui.screens.review import ReviewScreen

        row = self._selected()
        if row is not None:
            self.app.push_screen(ReviewScreen(row.id))

    def action_compare(self) -> None:
        from trainer.tui.screens.compare import CompareScreen

        row = self._selected()
        if row is not None:
            self.app.push_screen(CompareScreen(row.scenario_id,
                                               row.scenario_title or row.scenario_id))

    def action_toggle_everyone(self) -> None:
        recorder: Any = getattr(self.app, "store", None)
        if recorder is None or not hasattr(recorder, "store"):
            return
        self.everyone = not self.everyone
        self.app.history_everyone = self.everyone  # type: ignore[attr-defined]
        self._fill(recorder)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "drill-weakest":
            self.action_drill_weakest()

    def action_drill_weakest(self) -> None:
        from trainer.store.practice import scenario_for

        app: Any = self.app
        if not self.weakest:
            self.notify("No scored answers yet.")
            return
        content = getattr(app, "content", None)
        played: dict[str, int] = {}
        recent: list[str] = []
        recorder = getattr(app, "store", None)
        if recorder is not None and hasattr(recorder, "store"):
            from trainer.store import queries

            for r in queries.history(recorder.store, recorder.participant, limit=200):
                played[r.scenario_id] = played.get(r.scenario_id, 0) + 1
                if r.turn_count:
                    recent.append(r.scenario_id)
        scenario_id = scenario_for(_same_track(content, recent), self.weakest[0], played)
        if scenario_id is None:
            self.notify("No scenarios are loaded yet.")
            return
        app.open_briefing(scenario_id)


def _same_track(content: Any, recent: list[str]) -> Any:
    """The content's scenarios on the track of the newest rehearsal with answers (an
    interview after interviews), or all of them when that track is not known."""
    scenarios = getattr(content, "scenarios", None) or {}
    track = next((scenarios[s].track for s in recent if s in scenarios), None)
    same = {k: v for k, v in scenarios.items() if v.track == track}
    return SimpleNamespace(scenarios=same) if same else content
