"""Glossary: the jargon the scorer flags, each with a plain way to say it."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input


def glossary_entries(content: Any) -> list[tuple[str, str]]:
    """(term, plain explanation) from every lexicon entry that has one, sorted by term."""
    seen: dict[str, str] = {}
    for lexicon in content.lexicons.values() if content else []:
        for entry in lexicon.entries:
            plain = entry.plain or entry.suggestion
            if plain and entry.term.lower() not in seen:
                seen[entry.term.lower()] = f"{entry.term}\t{plain}"
    rows = [tuple(v.split("\t", 1)) for v in seen.values()]
    return sorted(rows, key=lambda r: r[0].lower())  # type: ignore[return-value]


class GlossaryScreen(Screen):
    """A filterable table of terms and their plain-English versions."""

    CSS_PATH = "reference.tcss"

    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="glossary.back")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Type to filter terms…", id="glossary-filter")
        yield DataTable(id="glossary", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "glossary"
        table = self.query_one(DataTable)
        table.add_column("Term", key="term", width=24)
        table.add_column("In plain words", key="plain")
        self.entries = glossary_entries(getattr(self.app, "content", None))
        self.refill()
        self.query_one(Input).focus()

    @on(Input.Changed, "#glossary-filter")
    def refill(self) -> None:
        words = self.query_one(Input).value.lower().split()
        table = self.query_one(DataTable)
        table.clear()
        for term, plain in self.entries:
            if all(w in f"{term} {plain}".lower() for w in words):
                table.add_row(term, plain)
        if not self.entries:
            table.add_row("—", "No glossary is loaded yet.")
