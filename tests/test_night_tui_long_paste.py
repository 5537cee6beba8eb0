"""A 28,000-character paste at 80x24: the app says that only the first 20,000 characters
were scored, where the answer's feedback is shown, and no evidence line quotes the whole
answer (the debrief's checklist did, over hundreds of lines). The reports cut it too."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from tests.tui.conftest import SEED, answer, needs_engine, open_meeting, settle, transcript_text
from trainer.reports.clip import LINE_MAX, clip

pytestmark = needs_engine

SENTENCE = ("the nightly job that loads sales data stalled on thursday and my team did not "
            "notice so the board saw old revenue and ")
PASTE = (SENTENCE * 300)[:28000]
NOTE = "only the first 20,000 were scored"


@pytest.fixture
def make():
    from trainer.tui.app import make_app

    return lambda **kwargs: make_app(seed=SEED, **kwargs)


def _lines(widget: Static) -> int:
    return widget.region.height


async def test_a_long_paste_gets_its_note_and_short_evidence_lines(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meeting(app, pilot, "stale-board-dashboard")
        await answer(app, pilot, PASTE)
        assert NOTE in transcript_text(app)  # in practice, beside the answer's feedback

        app.show_debrief(app.screen.rehearsal, "practice")
        await settle(app, pilot)
        screen = app.screen
        assert type(screen).__name__ == "DebriefScreen"
        notes = [str(w.render()) for w in screen.query(".note")]
        assert any(NOTE in n for n in notes), notes
        lines = list(screen.query(".check")) + list(screen.query(".tip"))
        assert lines
        for widget in lines:
            assert _lines(widget) <= 3, str(widget.render())[:200]


def test_clip_keeps_short_evidence_and_cuts_long_quotes():
    short = "'it is my team's': 'it is my team's' takes ownership."
    assert clip(short) == short
    assert clip("'$50,000' is tied to a business measure ('conversion').") == \
        "'$50,000' is tied to a business measure ('conversion')."
    long = f"only '{PASTE}'; no business impact put in numbers"
    cut = clip(long)
    assert len(cut) <= LINE_MAX and cut.endswith("'; no business impact put in numbers")
    assert "…" in cut
    assert len(clip(PASTE)) <= LINE_MAX
    assert "\n" not in clip("line one\n\nline two")


def test_the_reports_cut_long_evidence_and_show_the_note(tmp_path):
    from store_helpers import turn

    from trainer.reports import build_report, render
    from trainer.store import open_store

    row = turn(0, PASTE)
    row["score"]["checklist"] = [{"item": "Brevity", "passed": False,
                                  "evidence": f"'{PASTE[:20000]}': 3897 words for a 60-word "
                                              "budget"}]
    row["score"]["findings"][0]["text"] = PASTE[:20000]
    row["score"]["notes"] = ["The answer was 28,000 characters; only the first 20,000 were "
                             "scored."]
    with open_store(tmp_path / "h.sqlite3") as store:
        rid = store.start_rehearsal("ann", "stale-board-dashboard")
        store.add_turn(rid, row)
        report = build_report(store, rid)
    md = render(report, "md")
    assert NOTE in md
    answer_lines = [line for line in md.splitlines() if line.startswith("> ")]
    others = [line for line in md.splitlines() if not line.startswith("> ")]
    assert max(len(line) for line in answer_lines) >= 28000  # the answer is kept whole
    assert max(len(line) for line in others) <= 2 * LINE_MAX
    html = render(report, "html")
    assert NOTE in html
    import re

    items = re.findall(r"<li[^>]*>.*?</li>", html)  # checklist and findings
    assert items and max(len(item) for item in items) <= 2 * LINE_MAX
