"""Compare fits the width it has, in the app and in 'rehearse compare': several
participants, long names and every dimension, with no figure cut off or left out."""

from __future__ import annotations

import pytest
from store_helpers import turn
from textual.widgets import DataTable

from trainer.cli import main
from trainer.store import open_store, queries
from trainer.store.migrations import DIMENSIONS
from trainer.store.recorder import Recorder

NAMES = ["Christopher Montgomery-Smithson", "alice", "bob", "Dana Okonkwo-Villanueva"]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "coach.sqlite3"
    with open_store(path) as store:
        for k, who in enumerate(NAMES):
            rid = store.start_rehearsal(who, "churn-model-drift", scenario_title="Churn")
            # every dimension, each participant with figures of their own
            store.add_turn(rid, turn(0, **{d: 10 + 7 * k + j for j, d in enumerate(DIMENSIONS)}))
    return path


def _expected(path) -> dict[str, list[str]]:
    with open_store(path) as store:
        rows = queries.compare(store, "churn-model-drift")
    assert len(rows[0].dimensions) == len(DIMENSIONS) == 10
    return {r.participant: [str(r.rehearsals), str(r.overall)]
            + [str(r.dimensions[d]) for d in DIMENSIONS] for r in rows}


@pytest.mark.parametrize("width", [80, 110])
async def test_the_app_shows_every_figure_within_the_screen(db, width):
    from trainer.tui.app import make_app
    from trainer.tui.screens.compare import CompareScreen

    app = make_app(seed=1, store=Recorder(open_store(db), "alice"))
    async with app.run_test(size=(width, 34)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.push_screen(CompareScreen("churn-model-drift", "Churn"))
        await pilot.pause()
        await pilot.pause()
        tables = list(app.screen.query(DataTable))
        assert tables
        seen: dict[str, list[str]] = {}
        for table in tables:
            assert table.region.right <= width
            assert table.virtual_size.width <= table.scrollable_content_region.width
            assert table.max_scroll_x == 0  # nothing off to the right
            for i in range(table.row_count):
                name, *cells = [str(c) for c in table.get_row_at(i)]
                seen.setdefault(name, []).extend(cells)
    assert seen == _expected(db)  # every figure, in the order of the columns


@pytest.mark.parametrize("width", [80, 110])
def test_the_command_fits_the_terminal(db, capsys, monkeypatch, width):
    monkeypatch.setenv("COLUMNS", str(width))
    assert main(["compare", "churn-model-drift", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= width
    figures: dict[str, list[str]] = {}
    for block in out.split("\n\n")[1:]:  # after the title: one or more tables
        lines = block.splitlines()
        header = lines[0]
        for line in lines[2:]:
            cells = line.split()
            if cells[-1].isdigit():  # a participant's line, not a wrapped name's rest
                name = next(n for n in NAMES if n.startswith(line[:header.index("  ")].strip()))
                figures.setdefault(name, []).extend(
                    cells[-(len(header.split()) - 1):])
    assert figures == _expected(db)


def test_piped_output_is_one_table_as_before(db, capsys, monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    assert main(["compare", "churn-model-drift", "--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 + 2 + len(NAMES)
    assert lines[2].split()[:4] == ["participant", "rehearsals", "overall", "brev"]


def test_fit_columns_wraps_the_names_before_it_stacks():
    from trainer.cli.table import fit_columns

    widths = [30, 4, 4, 4]  # 30 + 3 * (2 + 4) = 48
    assert fit_columns(widths, 0) == ([30], [[1, 2, 3]])
    assert fit_columns(widths, 48) == ([30], [[1, 2, 3]])
    assert fit_columns(widths, 40) == ([22], [[1, 2, 3]])  # names wrap, one table
    # stacked: one figure a block even with the names at the floor (12), so they get 14
    assert fit_columns(widths, 20) == ([14], [[1], [2], [3]])
    assert fit_columns([12] + [6] * 10, 50) == ([12], [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10]])


def test_render_fit_wraps_a_long_name_under_itself():
    from trainer.cli.table import render_fit

    rows = [["Ann Marie Long-Name", "1", "2"], ["bo", "3", "4"]]
    assert render_fit(["who", "a", "b"], rows, {1, 2}, width=18).splitlines() == [
        "who           a  b",
        "------------  -  -",
        "Ann Marie     1  2",
        "Long-Name",
        "bo            3  4",
    ]
