"""The written update promised at the end of an incident meeting is kept with the rehearsal:
in the history database (a migration adds its table), in every report, in history's JSON,
and from ``rehearse drill`` too."""

from __future__ import annotations

import io
import json

from store_helpers import score, turn

from trainer.cli import main
from trainer.reports import build_report, render
from trainer.store import open_store
from trainer.store.db import connect
from trainer.store.migrations import migrate, user_version
from trainer.store.recorder import Recorder

UPDATE = ("Since May 2 we misclassify 5% more customers, about $50,000 a week. Cause: "
          "behaviour changed after the price change; we are still checking other models. "
          "Priya retrains the model by Thursday. Next update: Friday 5 pm.")


def _rehearsal(store) -> int:
    rid = store.start_rehearsal("ann", "churn-model-drift", scenario_title="Churn", seed=3)
    store.add_turn(rid, turn(0))
    store.end_rehearsal(rid, "finished", "good")
    return rid


def test_an_update_is_kept_first_as_text_then_with_its_score_and_an_edit_replaces_it(tmp_path):
    with open_store(tmp_path / "h.sqlite3") as store:
        rid = _rehearsal(store)
        assert store.written_update(rid) is None
        store.save_update(rid, "Since Monday, 5% more.")  # before it is scored
        kept = store.written_update(rid)
        assert kept["text"] == "Since Monday, 5% more." and kept["score"] is None
        assert kept["overall"] is None
        store.save_update(rid, UPDATE, score(78))
        kept = store.written_update(rid)
        assert kept["text"] == UPDATE and kept["overall"] == 78
        assert kept["score"]["overall"] == 78
        assert store.conn.execute("SELECT count(*) FROM written_updates").fetchone()[0] == 1


def test_a_version_4_database_gains_the_table_and_keeps_its_rows(tmp_path):
    path = tmp_path / "h.sqlite3"
    conn = connect(path)
    migrate(conn, target=4)
    conn.close()
    with open_store(path) as store:
        assert user_version(store.conn) >= 5
        rid = _rehearsal(store)
        store.save_update(rid, UPDATE, score(80))
    with open_store(path) as store:  # and it is still there after reopening
        assert store.written_update(rid)["text"] == UPDATE


def test_the_recorder_keeps_the_update_of_the_rehearsal_it_recorded(tmp_path):
    class Rehearsal:  # what the recorder reads of the engine's rehearsal
        scenario = persona = None
        seed, finished, outcome = 1, True, "good"

    with open_store(tmp_path / "h.sqlite3") as store:
        recorder = Recorder(store, "ann")
        rehearsal, stranger = Rehearsal(), Rehearsal()
        rid = recorder.start(rehearsal)
        assert recorder.record_update(rehearsal, UPDATE, score(70)) == rid
        assert recorder.written_update(rehearsal)["overall"] == 70
        assert recorder.record_update(stranger, "not recorded here") is None


def test_every_report_format_shows_the_update(tmp_path):
    with open_store(tmp_path / "h.sqlite3") as store:
        rid = _rehearsal(store)
        result = score(78)
        store.save_update(rid, UPDATE, result)
        report = build_report(store, rid)
    assert report["written_update"]["text"] == UPDATE
    md = render(report, "md")
    assert "## Written update" in md and "78/100" in md.split("## Written update")[1]
    assert "Priya retrains the model by Thursday" in md
    html = render(report, "html")
    assert "Written update" in html and "Priya retrains the model by Thursday" in html
    data = json.loads(render(report, "json"))
    assert data["written_update"]["text"] == UPDATE and data["written_update"]["overall"] == 78


def test_a_report_without_an_update_says_nothing_of_one(tmp_path):
    with open_store(tmp_path / "h.sqlite3") as store:
        report = build_report(store, _rehearsal(store))
    assert report["written_update"] is None
    assert "Written update" not in render(report, "md")
    assert "Written update" not in render(report, "html")


def test_the_drill_keeps_its_written_update_in_history(monkeypatch, capsys, tmp_path):
    db = tmp_path / "drill.sqlite3"
    from tests.test_drill_cli import exemplar_path  # the churn scenario's strong path

    answers = exemplar_path() + [UPDATE]
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(a + "\n" for a in answers)))
    assert main(["drill", "churn-model-drift", "--seed", "0", "--json", "--db", str(db)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    scored = next(r for r in rows if r["type"] == "written_update")["score"]["overall"]
    with open_store(db) as store:
        rid = store.conn.execute("SELECT max(id) FROM rehearsals").fetchone()[0]
        kept = store.written_update(rid)
    assert kept["text"] == UPDATE and kept["overall"] == scored

    assert main(["history", "--json", "--db", str(db)]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0]["written_update"]["text"] == UPDATE
    assert main(["report", "last", "--db", str(db)]) == 0
    assert "Priya retrains the model by Thursday" in capsys.readouterr().out
