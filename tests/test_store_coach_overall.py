"""A coach's overrides move the overall, everywhere an overall is shown; only scored
dimensions can be overridden; a replaced override says so."""

from __future__ import annotations

import json
import sqlite3

import pytest
from store_helpers import turn

from trainer.cli import main
from trainer.engine.scoring.aggregate import overall as weighted_overall
from trainer.engine.scoring.result import DimensionScore
from trainer.store import StoreError, open_store, queries
from trainer.store.db import connect
from trainer.store.migrations import migrate, user_version
from trainer.store.review import add_override


def _weighted_turn(index: int, weights: dict[str, float], **dims: int) -> dict:
    """A stored turn whose score carries the weights the scorer used, as real ones do."""
    data = turn(index, **dims)
    scores = {d: DimensionScore(v, "") for d, v in dims.items()}
    data["score"]["overall"] = weighted_overall(scores, weights)
    data["score"]["stats"]["weights"] = weights
    return data


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.delenv("REHEARSE_DB", raising=False)
    path = tmp_path / "h.sqlite3"
    weights = {"brevity": 1.0, "impact": 2.0, "ownership": 1.0}
    with open_store(path) as s:
        rid = s.start_rehearsal("ann", "churn-model-drift", scenario_title="Churn")
        # (80 + 2*40 + 70) / 4 = 57.5 -> 58; (60 + 2*50 + 80) / 4 = 60
        s.add_turn(rid, _weighted_turn(0, weights, brevity=80, impact=40, ownership=70))
        s.add_turn(rid, _weighted_turn(1, weights, brevity=60, impact=50, ownership=80))
        s.end_rehearsal(rid, "finished", "good")
    return path


def _override(path, *args):
    with open_store(path) as s:
        add_override(s, 1, *args, author="coach")


def test_an_override_recomputes_the_turn_overall_with_the_scorers_weights(db):
    with open_store(db) as s:
        assert queries.rehearsal(s, 1).overall == 59  # (58 + 60) / 2, as scored
    _override(db, 1, "impact", 100, "The 5% is the business impact")
    with open_store(db) as s:
        first, second = queries.turns(s, 1)
        assert (first["scored_overall"], first["effective"]["overall"]) == (58, 88)  # 350 / 4
        assert second["effective"]["overall"] == second["scored_overall"] == 60
        assert queries.rehearsal(s, 1).overall == 74  # (88 + 60) / 2
        [row] = queries.compare(s, "churn-model-drift")
        assert row.overall == 74


def test_the_recomputed_overall_matches_the_real_scorer(tmp_path):
    from trainer.content.loader import load_content
    from trainer.engine.conversation import Rehearsal
    from trainer.engine.scoring import load_scorer
    from trainer.locations import content_roots

    content = load_content(content_roots())
    scenario = content.scenarios["churn-model-drift"]
    meeting = Rehearsal(scenario, content.personas[scenario.persona], load_scorer(), seed=5)
    scored = meeting.answer("The model has been wrong for three weeks and I think it's bad.")
    result = scored.score
    dim = min(result.dimensions, key=lambda d: result.dimensions[d].score)
    with open_store(tmp_path / "h.sqlite3") as s:
        rid = s.start_rehearsal("ann", scenario.id)
        s.add_turn(rid, scored)
        add_override(s, rid, 1, dim, 100, "heard it differently", "coach")
        [t] = queries.turns(s, rid)
    changed = {d: DimensionScore(100 if d == dim else v.score, "")
               for d, v in result.dimensions.items()}
    expected = weighted_overall(changed, result.stats["weights"])
    assert expected != result.overall
    assert t["scored_overall"] == result.overall
    assert t["effective"]["overall"] == expected


def test_rows_without_stored_weights_move_by_the_mean_change(tmp_path):
    with open_store(tmp_path / "h.sqlite3") as s:
        rid = s.start_rehearsal("ann", "s1")
        s.add_turn(rid, turn(0, overall=70, brevity=80, impact=60, ownership=70))  # no weights
        add_override(s, rid, 1, "impact", 90, "r", "coach")
        [t] = queries.turns(s, rid)
        assert t["effective"]["overall"] == 80  # 70 + 30 / 3
        assert queries.rehearsal(s, rid).overall == 80


def test_every_view_shows_the_coachs_overall(db, capsys):
    _override(db, 1, "impact", 100, "The 5% is the business impact")
    capsys.readouterr()
    assert main(["history", "--db", str(db)]) == 0
    line = capsys.readouterr().out.splitlines()[2]
    assert line.split()[7] == "74"  # the overall column (the date is two words)
    assert main(["history", "--json", "--db", str(db)]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["overall"] == 74 and row["turns"][0]["effective"]["overall"] == 88
    assert main(["compare", "churn-model-drift", "--db", str(db)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].split()[:3] == ["ann", "1", "74"]
    assert main(["report", "1", "--format", "json", "--db", str(db)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["overall"], report["original_overall"]) == (74, 59)
    assert report["turns"][0]["effective"]["overall"] == 88
    assert "overrides change scores, not this checklist" in report["checklist_note"]
    assert main(["report", "1", "--format", "md", "--db", str(db)]) == 0
    md = capsys.readouterr().out
    assert "**Overall: 74/100** (as scored 59; coach overrides applied)" in md
    assert "Score 88 (scored 58): " in md
    assert "overrides change scores, not this checklist" in md
    assert main(["report", "1", "--format", "html", "--db", str(db)]) == 0
    page = capsys.readouterr().out
    assert "Overall 74/100" in page and "Score 88 (scored 58)" in page
    assert main(["review", "1", "--db", str(db)]) == 0
    assert "Overall 88 (scored 58): " in capsys.readouterr().out


def test_a_report_without_overrides_says_nothing_about_them(db, capsys):
    assert main(["report", "1", "--format", "md", "--db", str(db)]) == 0
    md = capsys.readouterr().out
    assert "**Overall: 59/100**\n" in md and "as scored" not in md
    assert "not this checklist" not in md and "Score 58: " in md


def test_a_dimension_the_turn_was_not_scored_on_is_refused(db, capsys):
    with open_store(db) as s, pytest.raises(StoreError, match="not scored on structure"):
        add_override(s, 1, 1, "structure", 50, "r", "coach")
    assert main(["review", "1", "--turn", "1", "--override", "structure=50", "--reason", "x",
                 "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "turn 1 was not scored on structure" in err
    assert "brevity, impact, ownership" in err and "None" not in err
    assert main(["history", "--json", "--db", str(db)]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert "structure" not in row["dimensions"]


def test_only_the_latest_override_of_a_dimension_is_in_effect(db, capsys):
    _override(db, 1, "impact", 60, "first")
    _override(db, 1, "impact", 70, "second")
    with open_store(db) as s:
        first, second = queries.turns(s, 1)[0]["overrides"]
        assert (first["in_effect"], second["in_effect"]) == (False, True)
        assert queries.turns(s, 1)[0]["effective"]["impact"] == 70
    capsys.readouterr()
    assert main(["review", "1", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Override: impact 40 -> 60 (coach: first) (replaced)" in out
    assert "Override: impact 40 -> 70 (coach: second)\n" in out
    assert main(["report", "1", "--format", "md", "--db", str(db)]) == 0
    md = capsys.readouterr().out
    assert "impact 40 → 60: first (replaced)" in md and "impact 40 → 70: second\n" in md
    assert main(["report", "1", "--format", "html", "--db", str(db)]) == 0
    page = capsys.readouterr().out
    assert "first (replaced)" in page and "second (replaced)" not in page


def test_opening_an_older_database_redoes_the_overall_of_reviewed_rehearsals(tmp_path):
    path = tmp_path / "v3.sqlite3"
    conn = connect(path)
    migrate(conn, target=3)
    conn.close()
    with open_store(path) as s:
        rid = s.start_rehearsal("ann", "s1")
        s.add_turn(rid, turn(0, overall=70, brevity=80, impact=60, ownership=70))
        add_override(s, rid, 1, "impact", 90, "r", "coach")
    # What version 3 kept: the override in the impact mean, not in the overall.
    raw = sqlite3.connect(path)
    raw.execute("UPDATE rehearsals SET overall = 70")
    raw.execute("PRAGMA user_version = 3")
    raw.commit()
    raw.close()
    with open_store(path) as s:
        assert user_version(s.conn) >= 4
        assert queries.rehearsal(s, rid).overall == 80
