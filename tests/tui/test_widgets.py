"""Widgets on their own: the highlights legend and the trend chart's labels."""

from __future__ import annotations

from types import SimpleNamespace

from textual.app import App

from trainer.tui.widgets import HighlightedAnswer, TrendChart
from trainer.tui.widgets.highlighted_answer import CREDIT_KINDS, FAULT_KINDS, kind_of

ANSWER = "It was the vendor's fault. Within 2 hours we fixed it."


def finding(text: str, kind: str, effect: str = "penalty", dimension: str = ""):
    start = ANSWER.index(text)
    return SimpleNamespace(start=start, end=start + len(text), kind=kind, effect=effect,
                           dimension=dimension)


def test_a_credit_never_shares_a_highlight_with_a_fault():
    for kind in ("number", "solution", "follow_up", "kpi", "ownership", "calibrated", "blame"):
        assert kind_of(finding("we", kind, "credit")) in CREDIT_KINDS
        assert kind_of(finding("we", kind, "penalty")) in FAULT_KINDS
    assert kind_of(finding("we", "number", "penalty", "accuracy")) == "misquoted"
    assert kind_of(finding("we", "follow_up", "penalty", "follow_up")) == "undated"


async def test_the_legend_names_what_was_good_apart_from_what_to_fix():
    findings = [finding("It was the vendor's fault", "blame", dimension="ownership"),
                finding("Within 2 hours", "number", "credit", "impact"),
                finding("we fixed", "solution", "credit", "solution")]

    class One(App):
        def compose(self):
            yield HighlightedAnswer(ANSWER, findings)

    app = One()
    async with app.run_test(size=(80, 10)):
        legend = app.query_one(HighlightedAnswer).render().plain.splitlines()[-1]
    assert legend.startswith("highlights — good:")
    good, fix = legend.split("· to fix:")
    assert "figures" in good and "actions" in good and "blame" in fix
    assert "marked" not in legend and "number" not in legend and "plan" not in legend


async def test_a_trend_label_too_wide_for_its_bar_wraps_instead_of_being_cut():
    class One(App):
        CSS = "TrendChart { width: 28; }"

        def compose(self):
            yield TrendChart("Patients on the wrong heparin entry, per day", [6, 9, 11, 8, 3],
                             ["Mar 3", "Mar 4", "Mar 5", "Mar 6", "Mar 7"], "patients")

    app = One()
    async with app.run_test(size=(40, 20)):
        chart = app.query_one(TrendChart)
        lines = chart.render().plain.splitlines()
        assert chart.size.height == len(lines)
    assert "…" not in lines[0] and "per day" in " ".join(lines[:2])
    assert lines[-2].split() == ["Mar"] * 5 and lines[-1].split() == ["3", "4", "5", "6", "7"]


async def test_the_footer_leaves_out_whole_the_keys_that_do_not_fit():
    from textual.binding import Binding

    from trainer.tui.key_footer import KeyFooter

    class Many(App):
        BINDINGS = [Binding(k, f"notify('{k}')", f"Action {k}") for k in "abcdefgh"]

        def compose(self):
            yield KeyFooter()

    app = Many()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        keys = [k for k in footer.query("FooterKey") if not k.has_class("-command-palette")]
        palette = footer.query_one(".-command-palette")
        shown = [k for k in keys if k.display]
        assert 0 < len(shown) < len(keys)
        assert shown == keys[: len(shown)]  # in order: the first ones stay
        assert all(k.region.right <= palette.region.x for k in shown)
        await pilot.resize_terminal(200, 5)
        await pilot.pause()
        assert all(k.display for k in keys)


def test_a_first_sentence_that_buries_the_point_is_named_not_other():
    from trainer.tui.widgets.highlighted_answer import KIND_LABELS, kind_of

    late = SimpleNamespace(start=0, end=10, kind="structure", effect="penalty",
                           dimension="brevity")
    assert KIND_LABELS[kind_of(late)] == "point-late"


def test_a_vague_amount_or_an_empty_plan_is_labelled_vague_not_hedging():
    from trainer.tui.widgets.highlighted_answer import KIND_LABELS

    empty = SimpleNamespace(start=0, end=10, kind="vague", effect="penalty",
                            dimension="solution")
    assert KIND_LABELS[kind_of(empty)] == "vague"
