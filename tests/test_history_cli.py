"""rehearse history, review and compare, as a user runs them."""

from __future__ import annotations

import json

import pytest
from store_helpers import turn

from trainer.cli import main
from trainer.store import open_store


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.delenv("REHEARSE_DB", raising=False)
    monkeypatch.setenv("COLUMNS", "200")  # one table, whatever terminal runs the tests
    path = tmp_path / "h.sqlite3"
    with open_store(path) as s:
        a = s.start_rehearsal("ann", "churn-model-drift", scenario_title="Churn", seed=1)
        s.add_turn(a, turn(0, "We lost 5% of predictions.", brevity=40, jargon=90))
        s.add_turn(a, turn(1, "I own it.", brevity=60, jargon=70))
        s.end_rehearsal(a, "finished", "good")
        b = s.start_rehearsal("bob", "churn-model-drift", seed=2)
        s.add_turn(b, turn(0, "The data team broke it.", brevity=90, jargon=20))
    return path


def test_history_lists_every_rehearsal_with_scores(db, capsys):
    assert main(["history", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split()[:7] == ["id", "participant", "scenario", "date", "status", "turns",
                                    "overall"]
    assert "brev" in lines[0] and "jargon" in lines[0]
    bob, ann = lines[2], lines[3]  # newest first
    assert bob.split()[:2] == ["2", "bob"] and "in-progress" in bob
    assert ann.split()[:3] == ["1", "ann", "churn-model-drift"]
    assert ann.split()[-2:] == ["50", "80"]  # brevity and jargon means


def test_history_fits_a_narrow_terminal_without_losing_a_figure(db, capsys, monkeypatch):
    with open_store(db) as s:
        c = s.start_rehearsal("Christopher Montgomery-Smithson", "churn-model-drift", seed=3)
        s.add_turn(c, turn(0, "I own it.", brevity=77, impact=61, ownership=88, jargon=93,
                           confidence=84, solution=72, follow_up=55))
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["history", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert max(map(len, out.splitlines())) <= 80, out
    for figure in ("77", "61", "88", "93", "84", "72", "55", "Montgomery-Smithson"):
        assert figure in out


def test_history_json_includes_each_turn_and_filters_by_user(db, capsys):
    assert main(["history", "--json", "--user", "ann", "--db", str(db)]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["participant"] == "ann" and row["status"] == "finished"
    assert row["dimensions"] == {"brevity": 50, "jargon": 80}
    assert [t["answer"] for t in row["turns"]] == ["We lost 5% of predictions.", "I own it."]
    assert row["turns"][0]["score"]["dimensions"]["brevity"]["score"] == 40


def test_history_uses_the_environment_variable(db, capsys, monkeypatch):
    monkeypatch.setenv("REHEARSE_DB", str(db))
    assert main(["history", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2


def test_empty_history_says_how_to_start(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("REHEARSE_DB", str(tmp_path / "new.sqlite3"))  # a first run
    assert main(["history"]) == 0
    assert "No rehearsals yet" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["history"], ["history", "--json"], ["report", "last"],
                                  ["compare", "churn-model-drift"], ["review", "1"]])
def test_reading_a_db_path_that_does_not_exist_creates_nothing(tmp_path, capsys, argv):
    missing = tmp_path / "typo.sqlite3"
    assert main(argv + ["--db", str(missing)]) == 2
    assert f"no history database at {missing}" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_compare_names_an_unknown_scenario(db, capsys):
    assert main(["compare", "nosuch", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "unknown scenario 'nosuch'" in err and "rehearse list" in err
    assert main(["compare", "churn-model-drif", "--db", str(db)]) == 2
    assert "did you mean 'churn-model-drift'?" in capsys.readouterr().err


def test_compare_of_a_known_scenario_nobody_played_says_so(db, capsys):
    from trainer.content.loader import load_content
    from trainer.locations import content_roots

    other = next(i for i in load_content(content_roots()).scenarios if i != "churn-model-drift")
    assert main(["compare", other, "--db", str(db)]) == 0
    assert "No scored rehearsals" in capsys.readouterr().out


def test_an_empty_note_is_refused(db, capsys):
    for note in ["", "   "]:
        assert main(["review", "1", "--turn", "1", "--note", note, "--db", str(db)]) == 2
        assert "the note is empty" in capsys.readouterr().err
    with open_store(db) as s:
        assert s.conn.execute("SELECT count(*) FROM coach_notes").fetchone()[0] == 0


def test_corrupt_database_is_reported_and_history_still_runs(tmp_path, capsys):
    path = tmp_path / "h.sqlite3"
    path.write_bytes(b"\x00garbage" * 500)
    assert main(["history", "--db", str(path)]) == 0
    captured = capsys.readouterr()
    assert "could not be read" in captured.err and "moved to" in captured.err
    assert "No rehearsals yet" in captured.out
    assert list(tmp_path.glob("h.sqlite3.corrupt-*"))


def test_review_adds_a_note_and_an_override_kept_beside_the_original(db, capsys):
    assert main(["review", "1", "--turn", "1", "--note", "Lead with the 5%.",
                 "--author", "coach", "--db", str(db)]) == 0
    assert main(["review", "1", "--turn", "1", "--override", "brevity=70",
                 "--reason", "Fine for this CEO", "--author", "coach", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["review", "1", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Note (coach): Lead with the 5%." in out
    assert "Override: brevity 40 -> 70 (coach: Fine for this CEO)" in out
    assert main(["history", "--json", "--user", "ann", "--db", str(db)]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["dimensions"]["brevity"] == 65  # (70 + 60) / 2, the coach's view
    assert row["turns"][0]["score"]["dimensions"]["brevity"]["score"] == 40


@pytest.mark.parametrize("argv, message", [
    (["review", "9", "--turn", "1", "--note", "x"], "no rehearsal 9"),
    (["review", "1", "--turn", "5", "--note", "x"], "no turn 5"),
    (["review", "1", "--note", "x"], "--turn N"),
    (["review", "1", "--turn", "1", "--override", "brevity=70"], "needs a reason"),
    (["review", "1", "--turn", "1", "--override", "brevity", "--reason", "r"], "DIMENSION=SCORE"),
    (["review", "1", "--turn", "1", "--override", "charm=7", "--reason", "r"], "unknown dimension"),
    (["review", "abc"], "SESSION is a rehearsal number"),
])
def test_review_mistakes_get_a_message_and_exit_2(db, capsys, argv, message):
    assert main(argv + ["--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_compare_shows_participants_by_dimension(db, capsys):
    assert main(["compare", "churn-model-drift", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line.split() for line in out.splitlines()[3:]}
    assert out.splitlines()[2].split()[:4] == ["participant", "rehearsals", "overall", "brev"]
    assert rows["ann"][1] == "1" and rows["ann"][3] == "50" and rows["bob"][3] == "90"
    assert main(["compare", "churn-model-drift", "--json", "--db", str(db)]) == 0
    data = {r["participant"]: r for r in json.loads(capsys.readouterr().out)}
    assert data["bob"]["dimensions"]["jargon"] == 20
    assert main(["compare", "nothing-here", "--db", str(db)]) == 2  # not a scenario at all
    assert "unknown scenario 'nothing-here'" in capsys.readouterr().err


def test_the_table_shows_the_newest_fifty_unless_asked_for_all(tmp_path, capsys):
    path = tmp_path / "many.sqlite3"
    with open_store(path) as s:
        for _ in range(55):
            s.start_rehearsal("ann", "churn-model-drift")
    assert main(["history", "--db", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 + 50 + 1 and "--all shows every rehearsal" in out[-1]
    assert out[2].split()[0] == "55"
    assert main(["history", "--all", "--db", str(path)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2 + 55
    assert main(["history", "--json", "--db", str(path)]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 55
