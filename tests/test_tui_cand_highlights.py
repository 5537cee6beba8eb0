"""Highlights: what was good reads apart from what to fix without telling colours apart
(underlined against filled in), and the legend names every kind it shows."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from textual.app import App

from trainer.tui.widgets import HighlightedAnswer
from trainer.tui.widgets.highlighted_answer import CREDIT_KINDS, FAULT_KINDS, KIND_LABELS, kind_of

ANSWER = "I think maybe we should, so I rolled it back and churn recovered."


def finding(text: str, kind: str, effect: str = "penalty", dimension: str = "", rule: str = ""):
    start = ANSWER.index(text)
    return SimpleNamespace(start=start, end=start + len(text), kind=kind, effect=effect,
                           dimension=dimension, rule=rule)


ACTION = finding("I rolled it back", "solution", "credit", "solution", "solution.action")
HEDGE = finding("I think", "hedge", "penalty", "confidence", "confidence.hedge")
NO_NUMBER = finding("recovered", "structure", "penalty", "structure", "structure.result")


class One(App):
    def __init__(self, findings, theme: str) -> None:
        super().__init__()
        self.findings, self.theme_name = findings, theme

    def compose(self):
        yield HighlightedAnswer(ANSWER, self.findings)

    def on_mount(self) -> None:
        self.theme = self.theme_name


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_good_is_underlined_and_to_fix_is_filled_in(theme):
    app = One([ACTION, HEDGE], theme)
    async with app.run_test(size=(90, 8)):
        widget = app.query_one(HighlightedAnswer)
        styles = {k: widget._style(k) for k in CREDIT_KINDS + FAULT_KINDS}
        plain_background = widget.rich_style.bgcolor
    for kind in CREDIT_KINDS:
        assert styles[kind].underline and styles[kind].bgcolor is None, kind
    for kind in FAULT_KINDS:
        style = styles[kind]
        assert not style.underline, f"{kind} is underlined, as what was good is"
        assert style.bgcolor is not None and style.bgcolor != plain_background, kind
    # the report's example: 'actions' and 'hedging' no longer differ only by a shade of blue
    assert styles["plan"].bgcolor is None and styles["hedge"].bgcolor is not None


def test_a_result_without_a_number_is_named_not_other():
    assert kind_of(NO_NUMBER) == "unmeasured"
    assert KIND_LABELS["unmeasured"] == "unmeasured"


async def test_the_legend_never_says_other():
    from trainer.tui.widgets.highlighted_answer import legend_label

    unknown = finding("we should", "plan", "penalty", "solution", "solution.custom")
    app = One([ACTION, HEDGE, NO_NUMBER, unknown], "textual-dark")
    async with app.run_test(size=(90, 8)):
        legend = app.query_one(HighlightedAnswer).render().plain.splitlines()[-1]
    fix = legend.split("to fix:")[1]
    assert "hedging" in fix and "unmeasured" in fix
    assert "other" not in legend.split()
    assert legend_label("other", [unknown]) == "solution" and "solution" in fix
