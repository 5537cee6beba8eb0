"""What start-up does before and right after the first frame: the quick parse of bare
``rehearse``, the home preview's briefing, and the collector paused for start-up."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest
from textual.widgets import Static

from tests.tui.conftest import SIZE, settle
from trainer.cli import build_parser, parse_args


@pytest.mark.parametrize("argv", [
    [], ["--db", "x.sqlite3"], ["--user", "ann", "--content", "a", "--content", "b"],
    ["--content", "list"],  # a folder named like a command is still a folder
])
def test_bare_rehearse_is_parsed_as_the_full_parser_would(argv):
    assert vars(parse_args(argv)) == vars(build_parser().parse_args(argv))


def test_commands_and_mistakes_go_to_the_full_parser(capsys):
    assert parse_args(["list", "--json"]).command == "list"
    with pytest.raises(SystemExit):
        parse_args(["--db"])
    assert "expected one argument" in capsys.readouterr().err


def test_bare_rehearse_imports_no_command_module():
    code = ("import sys; from trainer.cli import parse_args; parse_args([]);"
            "print(any(m.startswith('trainer.cli.') and m != 'trainer.cli.store_options'"
            " for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False"]


async def test_the_preview_shows_the_briefing_once_the_first_frame_is_drawn(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        briefing = str(app.screen.query_one("#preview-briefing", Static).render())
        assert "What you know before the meeting" in briefing


async def test_a_collector_paused_for_start_up_is_back_on_after_the_first_frame(make):
    app = make()
    gc.disable()  # as bare 'rehearse' does before importing Textual
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()
