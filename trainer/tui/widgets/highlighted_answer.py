"""An answer redrawn with its findings highlighted by kind, styled from the theme."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.text import Text
from textual.widget import Widget

CREDIT_KINDS = ("number", "priority", "ownership", "plan", "credit")
"""What an answer did well, in the legend's order."""
FAULT_KINDS = ("jargon", "hedge", "vague", "alarm", "blame", "passive", "filler", "long",
               "preamble", "misquoted", "undated", "unmeasured", "story", "other")
"""What to change, in the legend's order."""
KINDS = CREDIT_KINDS + FAULT_KINDS
"""Highlight kinds, each with a component class ``finding--<kind>``."""

KIND_LABELS = {
    # what the colour marks, one word each so that a wrapped legend never splits a label
    "number": "figures", "priority": "priorities", "ownership": "ownership",
    "plan": "actions", "credit": "strengths",
    "jargon": "jargon", "hedge": "hedging", "vague": "vague", "alarm": "overstated",
    "blame": "blame",
    "passive": "passive", "filler": "filler", "long": "run-on", "preamble": "point-late",
    "misquoted": "misquoted",
    "undated": "undated", "unmeasured": "unmeasured", "story": "STAR-gap", "other": "other",
}
"""``other`` is named by the dimensions of its findings instead (``legend_label``)."""

# The scorer's finding kinds, folded into the highlight kinds above.
_ALIASES = {
    "hedging": "hedge", "apology": "hedge", "overclaim": "alarm",
    "kpi": "priority", "numbers": "number", "long_sentence": "long", "calibrated": "credit",
    "solution": "plan", "follow_up": "plan", "structure": "plan",
}
_WHOLE_ANSWER = ("empty", "over_budget")
"""Kinds about the answer as a whole: listed in the feedback, never painted over the text."""


def kind_of(finding: Any) -> str:
    """The highlight kind of a finding: a credit's kind is always one of CREDIT_KINDS and
    a penalty's one of FAULT_KINDS, so that a fault never looks like praise."""
    kind = (getattr(finding, "kind", "") or "").lower()
    kind = _ALIASES.get(kind, kind)
    if getattr(finding, "effect", "penalty") == "credit":
        return kind if kind in CREDIT_KINDS else "credit"
    if kind in FAULT_KINDS:
        return kind
    if kind == "number":
        return "misquoted"  # a figure the briefing does not give
    dim = getattr(finding, "dimension", "")
    if dim == "follow_up":
        return "undated"  # a promise of an update that gives no time
    if dim == "brevity":
        return "preamble"  # a first sentence that does not carry the point
    if dim == "structure":
        # a STAR+L part told without what it needs: a result with no number in it
        rule = getattr(finding, "rule", "") or ""
        return "unmeasured" if rule.endswith(".result") else "story"
    if kind in CREDIT_KINDS:
        return "other"
    return {"jargon": "jargon", "confidence": "hedge", "ownership": "blame"}.get(dim, "other")


def legend_label(kind: str, findings: Iterable[Any] = ()) -> str:
    """What the legend calls ``kind``: its label, or for ``other`` the dimensions of the
    findings that fell there ("solution"), so that no colour is left unexplained."""
    if kind != "other":
        return KIND_LABELS[kind]
    dims = sorted({(getattr(f, "dimension", "") or "").replace("_", "-") for f in findings
                   if kind_of(f) == "other"} - {""})
    return "/".join(dims) or "other"


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
    """Shows ``text`` with ``findings`` highlighted; the legend under it names the kinds
    present, what the answer did well apart from what to fix."""

    COMPONENT_CLASSES = {f"finding--{k}" for k in KINDS} | {"finding--legend"}
    # What was good is underlined in its own colour on the answer's background; what to
    # fix is filled in, never underlined: the two read apart without telling hues apart.
    # Fills are the themes' solid "-muted" colours (a percentage would be lost: these
    # styles reach the text without their alpha), told apart within a hue by weight.
    DEFAULT_CSS = """
    HighlightedAnswer { height: auto; width: 1fr; }
    HighlightedAnswer > .finding--number { color: $text-success; text-style: bold underline; }
    HighlightedAnswer > .finding--priority { color: $text-success; text-style: underline; }
    HighlightedAnswer > .finding--ownership { color: $text-primary; text-style: bold underline; }
    HighlightedAnswer > .finding--plan { color: $text-primary; text-style: underline; }
    HighlightedAnswer > .finding--credit { text-style: bold underline; }
    HighlightedAnswer > .finding--jargon { background: $warning-muted; text-style: bold; }
    HighlightedAnswer > .finding--hedge { background: $warning-muted; text-style: italic; }
    HighlightedAnswer > .finding--vague { background: $warning-muted; }
    HighlightedAnswer > .finding--alarm { background: $error-muted; text-style: bold italic; }
    HighlightedAnswer > .finding--blame { background: $error-muted; text-style: bold; }
    HighlightedAnswer > .finding--passive { background: $error-muted; text-style: italic; }
    HighlightedAnswer > .finding--misquoted { background: $error-muted; }
    HighlightedAnswer > .finding--filler { background: $secondary-muted; text-style: strike; }
    HighlightedAnswer > .finding--long { background: $secondary-muted; }
    HighlightedAnswer > .finding--preamble { background: $secondary-muted; text-style: italic; }
    HighlightedAnswer > .finding--undated { background: $primary-muted; text-style: italic; }
    HighlightedAnswer > .finding--unmeasured { background: $primary-muted; }
    HighlightedAnswer > .finding--story { background: $primary-muted; text-style: bold; }
    HighlightedAnswer > .finding--other { background: $accent-muted; text-style: bold; }
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
        painted = [f for f in self.findings if paintable(f, length)]
        kinds = sorted({kind_of(f) for f in painted}, key=KINDS.index)
        if self.legend and kinds:
            # "highlights — good: figures actions · to fix: blame passive", each label in
            # its own colour; credits and faults apart, so neither reads as the other
            muted = self.get_component_rich_style("finding--legend")
            body.append("\nhighlights —", muted)
            groups = [("good:", [k for k in kinds if k in CREDIT_KINDS]),
                      ("to fix:", [k for k in kinds if k in FAULT_KINDS])]
            groups = [(title, group) for title, group in groups if group]
            for i, (title, group) in enumerate(groups):
                body.append(f"{' ·' if i else ''} {title}", muted)
                for kind in group:
                    label = legend_label(kind, painted)
                    # a fault's label is a filled box, as in the answer; a credit's is
                    # underlined, with no spaces underlined around it
                    body.append("  " if kind in CREDIT_KINDS else " ", muted)
                    body.append(label if kind in CREDIT_KINDS else f" {label} ",
                                self._style(kind))
        return body
