"""An answer redrawn with its findings highlighted by kind, styled from the theme."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.text import Text
from textual.widget import Widget

KINDS = ("jargon", "hedge", "blame", "passive", "filler", "long", "number", "ownership",
         "plan", "credit", "other")
"""Highlight kinds, each with a component class ``finding--<kind>``."""

KIND_LABELS = {
    "jargon": "jargon", "hedge": "hedge", "blame": "blame", "passive": "passive",
    "filler": "filler", "long": "long sentence", "number": "number", "ownership": "ownership",
    "plan": "plan", "credit": "strength", "other": "other",
}

# The scorer's finding kinds, folded into the highlight kinds above.
_ALIASES = {
    "hedging": "hedge", "vague": "hedge", "apology": "hedge", "alarm": "blame",
    "kpi": "number", "numbers": "number", "long_sentence": "long", "calibrated": "credit",
    "solution": "plan", "follow_up": "plan", "structure": "plan",
}
_WHOLE_ANSWER = ("empty", "over_budget")
"""Kinds about the answer as a whole: listed in the feedback, never painted over the text."""


def kind_of(finding: Any) -> str:
    """The highlight kind of a finding: its own ``kind``, else a guess from its dimension."""
    kind = (getattr(finding, "kind", "") or "").lower()
    kind = _ALIASES.get(kind, kind)
    if kind in KINDS and kind not in ("number", "plan", "credit", "ownership"):
        return kind
    if getattr(finding, "effect", "penalty") == "credit":
        return kind if kind in ("number", "plan", "ownership") else "credit"
    if kind in KINDS:
        return kind
    dim = getattr(finding, "dimension", "")
    return {"jargon": "jargon", "confidence": "hedge", "ownership": "blame"}.get(dim, "other")


def paintable(finding: Any, length: int) -> bool:
    """A finding worth painting: a real span, not the whole answer."""
    if (getattr(finding, "kind", "") or "").lower() in _WHOLE_ANSWER:
        return False
    width = min(length, finding.end) - max(0, finding.start)
    return width > 0 and (length < 40 or width < 0.9 * length)


def highlight(text: str, findings: Iterable[Any], style_for) -> Text:
    """Rich Text of ``text`` with each finding's span styled by ``style_for(kind)``.

    Penalties are applied after credits so that a flaw is never hidden under praise.
    """
    rich = Text(text)
    ordered = sorted(findings, key=lambda f: getattr(f, "effect", "penalty") == "penalty")
    for f in ordered:
        if paintable(f, len(text)):
            rich.stylize(style_for(kind_of(f)), max(0, f.start), min(len(text), f.end))
    return rich


class HighlightedAnswer(Widget):
    """Shows ``text`` with ``findings`` highlighted; the legend lists the kinds present."""

    COMPONENT_CLASSES = {f"finding--{k}" for k in KINDS} | {"finding--legend"}
    DEFAULT_CSS = """
    HighlightedAnswer { height: auto; width: 1fr; }
    HighlightedAnswer > .finding--jargon { background: $warning 35%; text-style: underline; }
    HighlightedAnswer > .finding--hedge { background: $secondary 35%; text-style: italic; }
    HighlightedAnswer > .finding--blame { background: $error 40%; text-style: bold; }
    HighlightedAnswer > .finding--passive { background: $error 20%; text-style: italic; }
    HighlightedAnswer > .finding--filler { background: $foreground 15%; text-style: strike; }
    HighlightedAnswer > .finding--long { text-style: underline; }
    HighlightedAnswer > .finding--plan { background: $primary 20%; }
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
        length = len(self.text)
        kinds = sorted({kind_of(f) for f in self.findings if paintable(f, length)},
                       key=KINDS.index)
        if self.legend and kinds:
            body.append("\n")
            muted = self.get_component_rich_style("finding--legend")
            body.append("marked: ", muted)
            for i, kind in enumerate(kinds):
                if i:
                    body.append(" ", muted)
                body.append(f" {KIND_LABELS[kind]} ", self._style(kind))
        return body
