"""Glossary: the jargon the scorer flags, each with a plain way to say it."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input

from trainer.tui.key_footer import KeyFooter

TERM_WIDTH = 24


def glossary_entries(content: Any) -> list[tuple[str, str, str]]:
    """(term, plain explanation, other spellings) from every lexicon entry that has a
    plain explanation, sorted by term."""
    seen: dict[str, tuple[str, str, str]] = {}
    for lexicon in content.lexicons.values() if content else []:
        for entry in lexicon.entries:
            plain = entry.plain or entry.suggestion
            if plain and entry.term.lower() not in seen:
                seen[entry.term.lower()] = (entry.term, plain, ", ".join(entry.aliases))
    return sorted(seen.values(), key=lambda r: r[0].lower())


class GlossaryScreen(Screen):
    """A filterable table of terms and their plain-English versions."""

    CSS_PATH = "reference.tcss"

    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="glossary.back")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Type to filter terms…", id="glossary-filter")
        yield DataTable(id="glossary", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "glossary"
        table = self.query_one(DataTable)
        table.add_column("Term", key="term", width=TERM_WIDTH)
        table.add_column("In plain words", key="plain", width=self._plain_width())
        self.entries = glossary_entries(getattr(self.app, "content", None))
        self.refill()
        self.query_one(Input).focus()

    def _plain_width(self) -> int:
        # the explanation wraps inside the window rather than running off its edge
        return max(20, self.app.size.width - TERM_WIDTH - 8)

    def on_resize(self) -> None:
        table = self.query_one(DataTable)
        column = table.columns.get("plain")  # type: ignore[call-overload]
        if column is not None and column.width != self._plain_width():
            column.width = self._plain_width()
            self.refill()

    @on(Input.Changed, "#glossary-filter")
    def refill(self) -> None:
        words = self.query_one(Input).value.lower().split()
        table = self.query_one(DataTable)
        table.clear()
        for term, plain, aliases in self.entries:
            # other spellings are searched too: "consumer lag" finds its entry
            if all(w in f"{term} {plain} {aliases}".lower() for w in words):
                shown = Text(plain)
                if words and not all(w in f"{term} {plain}".lower() for w in words):
                    # found by another spelling: show which
                    shown.append("\nalso: " + _first(aliases, 6), style="dim")
                table.add_row(term, shown, height=None)
        if not self.entries:
            table.add_row("—", "No glossary is loaded yet.")


def _first(aliases: str, n: int) -> str:
    names = aliases.split(", ")
    return ", ".join(names[:n]) + (" …" if len(names) > n else "")
