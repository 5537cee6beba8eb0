"""An answer redrawn with its findings highlighted by kind, styled from the theme."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.text import Text
from textual.widget import Widget

KINDS = ("jargon", "hedge", "blame", "filler", "number", "ownership", "credit", "other")
"""Highlight kinds, each with a component class ``finding--<kind>``."""

KIND_LABELS = {
    "jargon": "jargon", "hedge": "hedge", "blame": "blame", "filler": "filler",
    "number": "number", "ownership": "ownership", "credit": "strength", "other": "other",
}


def kind_of(finding: Any) -> str:
    """The highlight kind of a finding: its own ``kind``, else a guess from its dimension."""
    kind = (getattr(finding, "kind", "") or "").lower()
    if kind in KINDS:
        return kind
    if kind in ("hedging", "vague"):
        return "hedge"
    if kind in ("numbers", "metric", "impact"):
        return "number"
    if getattr(finding, "effect", "penalty") == "credit":
        return "credit"
    dim = getattr(finding, "dimension", "")
    return {"jargon": "jargon", "confidence": "hedge", "ownership": "blame"}.get(dim, "other")


def highlight(text: str, findings: Iterable[Any], style_for) -> Text:
    """Rich Text of ``text`` with each finding's span styled by ``style_for(kind)``.

    Penalties are applied after credits so that a flaw is never hidden under praise.
    """
    rich = Text(text)
    ordered = sorted(findings, key=lambda f: getattr(f, "effect", "penalty") == "penalty")
    for f in ordered:
        start, end = max(0, f.start), min(len(text), f.end)
        if end > start:
            rich.stylize(style_for(kind_of(f)), start, end)
    return rich


class HighlightedAnswer(Widget):
    """Shows ``text`` with ``findings`` highlighted; the legend lists the kinds present."""

    COMPONENT_CLASSES = {f"finding--{k}" for k in KINDS} | {"finding--legend"}
    DEFAULT_CSS = """
    HighlightedAnswer { height: auto; width: 1fr; }
    HighlightedAnswer > .finding--jargon { background: $warning 35%; text-style: underline; }
    HighlightedAnswer > .finding--hedge { background: $secondary 35%; text-style: italic; }
    HighlightedAnswer > .finding--blame { background: $error 40%; text-style: bold; }
    HighlightedAnswer > .finding--filler { background: $foreground 15%; text-style: strike; }
    HighlightedAnswer > .finding--number { background: $success 30%; text-style: bold; }
    HighlightedAnswer > .finding--ownership { background: $primary 30%; }
    HighlightedAnswer > .finding--credit { text-style: bold underline; }
    HighlightedAnswer > .finding--other { background: $accent 25%; }
    HighlightedAnswer > .finding--legend { color: $text-muted; }
    """

    def __init__(self, text: str, findings: Iterable[Any] = (), *, legend: bool = True,
                 id: str | None = None, classes: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id, classes=classes)
        self.text = text
        self.findings = list(findings)
        self.legend = legend

    def _style(self, kind: str):
        return self.get_component_rich_style(f"finding--{kind}", partial=True)

    def render(self) -> Text:
        body = highlight(self.text, self.findings, self._style)
        kinds = sorted({kind_of(f) for f in self.findings}, key=KINDS.index)
        if self.legend and kinds:
            body.append("\n")
            muted = self.get_component_rich_style("finding--legend")
            body.append("marked: ", muted)
            for i, kind in enumerate(kinds):
                if i:
                    body.append(" ", muted)
                body.append(f" {KIND_LABELS[kind]} ", self._style(kind))
        return body
