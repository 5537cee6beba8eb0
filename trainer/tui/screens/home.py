"""Home: the scenarios by track, a filter, and the highlighted scenario's briefing."""

from __future__ import annotations

import re
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from trainer.tui.key_footer import KeyFooter
from trainer.tui.messages import ContentReady


def briefing_text(markdown: str) -> Text:
    """The briefing's light Markdown (bold, bullets) as Rich Text, without a Markdown parser.

    The full Markdown widget costs a tenth of a second to import; the briefing screen uses it.
    """
    text = Text()
    for line in _paragraph_lines(markdown):
        stripped = line.lstrip()
        if stripped.startswith(("- ", "* ")):
            line = line[: len(line) - len(stripped)] + "• " + stripped[2:]
        for i, part in enumerate(re.split(r"\*\*", line)):
            text.append(part, "bold" if i % 2 else "")
        text.append("\n")
    return text


def _paragraph_lines(markdown: str) -> list[str]:
    """Lines as Markdown would show them: a wrapped line continues the one before it."""
    lines: list[str] = []
    for line in markdown.strip().splitlines():
        stripped = line.strip()
        starts_block = not stripped or stripped.startswith(("- ", "* ", "#", "|", ">")) or (
            stripped[:1].isdigit() and ". " in stripped[:4])
        if lines and lines[-1].strip() and not starts_block:
            lines[-1] = f"{lines[-1].rstrip()} {stripped}"
        else:
            lines.append(line)
    return lines


class HomeScreen(Screen):
    """Pick a scenario. Typing filters; up/down move; Enter opens its briefing."""

    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False, id="home.up"),
        Binding("down", "move(1)", "Down", show=False, id="home.down"),
        Binding("enter", "open", "Open", id="home.open", tooltip="Open the scenario's briefing"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="home.clear"),
        Binding("f6", "app.switch_participant", "Who", id="home.participant",
                tooltip="Switch who is rehearsing (for a coaching session)"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._resumed = False
        self._meetings_seen = 0
        """The app's count of meetings when this screen was last shown."""
        self._filled: tuple[int, str] | None = None
        self._shown: tuple[str | None, int] | None = None
        self._drawn = False
        """Whether the first frame is on screen: until then the preview shows only the
        title and summary, and the briefing (wrapped text that needs a scroll bar, so a
        second layout) follows right after, so the list is usable sooner."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="home-body"):
            with Vertical(id="home-left"):
                yield Input(placeholder="Type to filter scenarios…", id="filter")
                yield OptionList(id="scenarios")
            with VerticalScroll(id="preview"):
                yield Static("", id="preview-title")
                yield Static("", id="preview-briefing")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#filter", Input).focus()
        # The app reads the quick catalog before this screen mounts: listing it now
        # makes the first frame the finished one, with no loading state in between.
        catalog = getattr(self.app, "catalog", None)
        if catalog is not None:
            self.show_catalog(catalog)
        self.call_after_refresh(self._first_frame_drawn)

    def _first_frame_drawn(self) -> None:
        self._drawn = True
        self._shown = None
        self._show(self.highlighted_id())

    @on(ContentReady)
    def content_ready(self, message: ContentReady) -> None:
        self.show_catalog(message.content)

    def show_catalog(self, catalog: Any) -> None:
        count = len(catalog.scenarios)
        who = getattr(getattr(self.app, "store", None), "participant", None)
        self.sub_title = f"{count} scenario{'' if count == 1 else 's'}" + (
            f" · rehearsing as {who}" if who else "")
        keep = self.highlighted_id()
        self.refill()
        if keep:
            self.select(keep)

    def on_screen_resume(self) -> None:
        if not self._resumed:  # the first showing: ContentReady fills the list
            self._resumed = True
            return
        # Back from a meeting: best and last scores may have changed, and the filter
        # typed to find that scenario is done with: it starts clear, so typing finds the
        # next one (not "alertfraud"), with the scenario just rehearsed highlighted.
        keep = self.highlighted_id()
        meetings = getattr(self.app, "meetings_started", 0)
        if meetings != self._meetings_seen:
            self._meetings_seen = meetings
            self.query_one("#filter", Input).value = ""
            self.query_one("#filter", Input).focus()
        self.refill(force=True)
        if keep:
            self.select(keep)

    @on(Input.Changed, "#filter")
    def filter_changed(self) -> None:
        self.refill()

    def refill(self, force: bool = False) -> None:
        """List the scenarios that match the filter; each fill costs a redraw of the
        list, so an unchanged catalog and filter are not filled twice."""
        app: Any = self.app
        if app.catalog is None:
            return
        from trainer.tui.session import ordered_scenarios

        value = self.query_one("#filter", Input).value
        if not force and self._filled == (id(app.catalog), value):
            return
        self._filled = (id(app.catalog), value)
        words = value.lower().split()
        options: list[Option | None] = []
        track = None
        for s in ordered_scenarios(app.catalog):
            persona = app.catalog.personas.get(s.persona)
            haystack = " ".join([s.title, s.track, s.difficulty, s.summary, s.id, *s.tags,
                                 persona.name if persona else ""]).lower()
            if not all(w in haystack for w in words):
                continue
            if s.track != track:
                track = s.track
                options.append(Option(Text(track.upper(), style="bold"), disabled=True))
            options.append(Option(self._prompt(s, persona), id=s.id))
        option_list = self.query_one("#scenarios", OptionList)
        option_list.clear_options()
        option_list.add_options(options)
        first = next((i for i, o in enumerate(options) if o and not o.disabled), None)
        option_list.highlighted = first
        # filled now, not when the highlight message arrives: one frame, not two
        self._show(None if first is None else options[first].id)  # type: ignore[union-attr]

    def _prompt(self, s: Any, persona: Any) -> Text:
        app: Any = self.app
        best, last = app.scores_for(s.id)  # of the meetings that reached their end
        cut_off = app.unfinished_for(s.id)
        text = Text(s.title, style="bold")
        who = persona.name if persona else s.persona
        fmt = lambda v: "—" if v is None else str(v)  # noqa: E731
        # One line each, so that a narrow list wraps between them rather than mid-phrase
        text.append(f"\n{s.difficulty} · {who}", "dim")
        if best is None and last is None:
            scores = "not rehearsed yet"
        else:
            scores = f"best {fmt(best)} · last {fmt(last)}"
        if cut_off is not None:  # half a meeting is no best: say what it is instead
            n = cut_off.turn_count
            cut = f"unfinished after {n} answer{'s' * (n != 1)}"
            scores = cut if best is None and last is None else f"{scores} · unfinished"
        text.append(f"\n{scores}", "dim")
        return text

    @on(OptionList.OptionHighlighted, "#scenarios")
    def highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(event.option.id)

    @on(OptionList.OptionSelected, "#scenarios")
    def selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.open_briefing(event.option.id)  # type: ignore[attr-defined]

    def _show(self, scenario_id: str | None) -> None:
        app: Any = self.app
        if (scenario_id, id(app.catalog)) == self._shown:
            return
        self._shown = (scenario_id, id(app.catalog))
        title = self.query_one("#preview-title", Static)
        briefing = self.query_one("#preview-briefing", Static)
        if scenario_id is None:
            title.update("No scenario matches the filter." if app.content else "")
            briefing.update("")
            return
        s = app.catalog.scenarios[scenario_id]
        title.update(Text(f"{s.title}\n{s.summary}", style="bold"))
        if self._drawn:
            briefing.update(briefing_text(s.briefing))

    def action_move(self, step: int) -> None:
        option_list = self.query_one("#scenarios", OptionList)
        if step > 0:
            option_list.action_cursor_down()
        else:
            option_list.action_cursor_up()

    def action_open(self) -> None:
        option_list = self.query_one("#scenarios", OptionList)
        if option_list.highlighted is not None:
            option = option_list.get_option_at_index(option_list.highlighted)
            if option.id:
                self.app.open_briefing(option.id)  # type: ignore[attr-defined]

    @on(Input.Submitted, "#filter")
    def filter_submitted(self) -> None:
        self.action_open()

    def action_clear_filter(self) -> None:
        self.query_one("#filter", Input).value = ""

    def select(self, scenario_id: str) -> None:
        option_list = self.query_one("#scenarios", OptionList)
        try:
            option_list.highlighted = option_list.get_option_index(scenario_id)
        except Exception:  # noqa: BLE001 - it was filtered out or dropped as invalid
            pass

    def highlighted_id(self) -> str | None:
        option_list = self.query_one("#scenarios", OptionList)
        if option_list.highlighted is None:
            return None
        return option_list.get_option_at_index(option_list.highlighted).id
