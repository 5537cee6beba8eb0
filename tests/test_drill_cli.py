"""rehearse drill: answers on standard input, feedback and JSON lines on standard output."""

from __future__ import annotations

import io
import json
import textwrap

import pytest

from trainer.cli import main

SCENARIO = "churn-model-drift"


def drill(monkeypatch, capsys, args: list[str], answers: list[str]) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(a + "\n" for a in answers)))
    code = main(["drill", *args])
    out, err = capsys.readouterr()
    return code, out, err


def exemplar_path(seed: int = 0) -> list[str]:
    """The exemplar answers along the strong path, found by playing it."""
    from trainer.content.loader import load_content
    from trainer.engine.conversation import Rehearsal
    from trainer.engine.scoring import load_scorer
    from trainer.locations import content_roots

    content = load_content(content_roots())
    scenario = content.scenarios[SCENARIO]
    r = Rehearsal(scenario, content.personas[scenario.persona], load_scorer(), seed=seed)
    answers = []
    while not r.finished:
        answers.append(r.current.exemplar)
        r.answer(r.current.exemplar)
    return answers


def test_json_lines_per_turn_then_a_summary(monkeypatch, capsys):
    answers = exemplar_path(seed=4)
    code, out, _ = drill(monkeypatch, capsys, [SCENARIO, "--seed", "4", "--json"], answers)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    turns, summary = rows[:-1], rows[-1]
    assert len(turns) == len(answers)
    for row, answer in zip(turns, answers, strict=True):
        assert {"node", "ceo", "answer", "score", "next"} <= set(row)
        assert row["answer"] == answer
        assert 0 <= row["score"]["overall"] <= 100 and row["score"]["dimensions"]
    assert turns[0]["node"] == "opening"
    assert [t["next"] for t in turns[:-1]] == [t["node"] for t in turns[1:]]
    assert summary["type"] == "summary" and summary["outcome"] == "good"
    assert summary["turns"] == len(answers)


def test_plain_text_shows_line_feedback_and_summary(monkeypatch, capsys):
    code, out, _ = drill(monkeypatch, capsys, [SCENARIO, "--seed", "1"],
                         ["", "We have a problem with a model.", "   "])
    assert code == 0
    # the briefing first: its facts are what the answers' numbers are checked against
    assert out.startswith("Briefing: The churn model went stale\n")
    assert "$50,000 a week in renewals at risk" in out.split("Maya Okafor: ")[0]
    assert "Score " in out and "Not covered:" in out
    assert "What does that cost us?" in out  # no number: the CEO asks for one
    assert "Meeting over: not finished, 1 answer(s)" in out
    assert "Weakest:" in out


def test_written_update_after_the_meeting(monkeypatch, capsys):
    answers = exemplar_path() + [
        "Since May 2 we misclassify 5% more customers, about $50,000 a week. Cause: behaviour "
        "changed after the price change; we are still checking other models. Priya retrains "
        "the model by Thursday. Next update: Friday 5 pm."]
    code, out, _ = drill(monkeypatch, capsys, [SCENARIO, "--seed", "0", "--json"], answers)
    rows = [json.loads(line) for line in out.splitlines()]
    update = next(r for r in rows if r["type"] == "written_update")
    assert [c["passed"] for c in update["score"]["checklist"][:4]] == [True] * 4
    assert rows[-1]["written_update"] == update["score"]["overall"]


def test_no_input_is_no_answers(monkeypatch, capsys):
    code, out, _ = drill(monkeypatch, capsys, [SCENARIO, "--seed", "0"], [])
    assert code == 0 and "No answers given." in out


def test_unknown_scenario_lists_close_ids(monkeypatch, capsys):
    code, out, err = drill(monkeypatch, capsys, ["churn-drift"], ["hi"])
    assert code == 2 and out == ""
    assert "no scenario 'churn-drift'" in err and "churn-model-drift" in err
    assert "Traceback" not in err


def test_unknown_persona(monkeypatch, capsys):
    code, _, err = drill(monkeypatch, capsys, [SCENARIO, "--persona", "nobody"], ["hi"])
    assert code == 2 and "no persona 'nobody'" in err and "maya-revenue" in err


def test_scenario_file_with_a_problem_names_file_and_line(monkeypatch, capsys, tmp_path):
    bad = tmp_path / "broken.yaml"
    bad.write_text(textwrap.dedent("""\
        id: broken
        title: Broken
        track: incident
        difficulty: easy
        persona: maya-revenue
        briefing: b
        start: a
        nodes:
          a:
            ceo: "What happened?"
            branches:
              - next: nowhere
        """))
    code, out, err = drill(monkeypatch, capsys, [str(bad)], ["hi"])
    assert code == 2 and out == ""
    assert "broken.yaml:" in err and "nowhere" in err


def test_scenario_file_runs(monkeypatch, capsys, tmp_path):
    good = tmp_path / "mine.yaml"
    good.write_text(textwrap.dedent("""\
        id: my-own
        title: Mine
        track: incident
        difficulty: easy
        persona: maya-revenue
        briefing: b
        start: a
        nodes:
          a:
            ceo: "What happened, in one sentence?"
            branches:
              - next: done
          done:
            ceo: "Thanks."
            end: true
            outcome: good
        """))
    code, out, _ = drill(monkeypatch, capsys, [str(good), "--seed", "0"], ["My team broke it."])
    assert code == 0
    assert "What happened, in one sentence?" in out and "Maya Okafor: Thanks." in out
    assert "a good ending" in out


def test_missing_file(monkeypatch, capsys, tmp_path):
    code, _, err = drill(monkeypatch, capsys, [str(tmp_path / "none.yaml")], [])
    assert code == 2 and "no such file" in err


def test_db_records_each_turn(monkeypatch, capsys, tmp_path):
    store_module = pytest.importorskip("trainer.store")
    db = tmp_path / "history.sqlite3"
    answers = ["My team's churn model misclassifies 5% more customers: $50,000 a week.",
               "It was never retrained after the price change."]
    code, _, _ = drill(monkeypatch, capsys, [SCENARIO, "--seed", "0", "--db", str(db),
                                             "--user", "sam"], answers)
    assert code == 0
    with store_module.open_store(db) as store:
        rid = store.conn.execute("SELECT max(id) FROM rehearsals").fetchone()[0]
        assert store.answers(rid) == answers


def test_drill_records_into_the_default_history_and_resumes(monkeypatch, capsys, tmp_path):
    from trainer.store import open_store

    db = tmp_path / "default.sqlite3"
    monkeypatch.setenv("REHEARSE_DB", str(db))
    path = exemplar_path(seed=3)
    code, _, _ = drill(monkeypatch, capsys, [SCENARIO, "--seed", "3", "--json"], path[:2])
    assert code == 0
    with open_store(db) as store:
        rid, status = store.conn.execute(
            "SELECT id, status FROM rehearsals ORDER BY id DESC LIMIT 1").fetchone()
        assert status == "abandoned"  # input ended mid-meeting
        assert store.answers(rid) == path[:2]

    code, out, _ = drill(monkeypatch, capsys, ["--resume", str(rid), "--json"], path[2:])
    assert code == 0, out
    turns = [json.loads(line) for line in out.splitlines() if '"type": "turn"' in line]
    assert [t["answer"] for t in turns] == path[2:]
    with open_store(db) as store:
        status = store.conn.execute("SELECT status FROM rehearsals WHERE id = ?",
                                    (rid,)).fetchone()[0]
        assert status == "finished"
        assert store.answers(rid) == path


def test_resume_of_unknown_rehearsal_is_a_clear_error(monkeypatch, capsys):
    code, _, err = drill(monkeypatch, capsys, ["--resume", "999999"], [])
    assert code == 2
    assert "no rehearsal 999999" in err and "Traceback" not in err


def test_drill_needs_a_scenario_or_resume(monkeypatch, capsys):
    code, _, err = drill(monkeypatch, capsys, [], [])
    assert code == 2 and "SCENARIO" in err


@pytest.mark.parametrize("defect, words", [
    ("    branches:\n      - next: nowhere\n", "goes to 'nowhere', which does not exist"),
    ("    branches:\n      - nxt: done\n", "unknown key 'nxt'; did you mean 'next'?"),
])
def test_a_scenario_id_with_problems_says_so_and_lists_them(monkeypatch, capsys, tmp_path,
                                                            defect, words):
    folder = tmp_path / "mine" / "scenarios"
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text(
        "id: my-own\ntitle: Mine\ntrack: incident\ndifficulty: easy\npersona: maya-revenue\n"
        "briefing: b\nstart: a\nnodes:\n  a:\n    ceo: \"What happened?\"\n" + defect
        + "  done: {ceo: Thanks., end: true, outcome: good}\n")
    code, out, err = drill(monkeypatch, capsys,
                           ["my-own", "--content", str(tmp_path / "mine")], ["hi"])
    assert code == 2 and out == ""
    first, *problems = err.splitlines()
    assert first.startswith("rehearse: scenario 'my-own' has ") and "to fix" in first
    assert "rehearse validate" in first and "no scenario" not in err
    assert all(p.startswith(f"{folder / 'mine.yaml'}:") for p in problems)
    assert any(words in p for p in problems)


RAMBLE = ("So basically what happened is that a while ago we built this model and it was "
          "working quite well and then things started to change and we were not really sure "
          "what was going on so we looked at a lot of different things and talked to a few "
          "people and we are still working through all of it before we say anything definite "
          "about what it means or what we should do, because it is complicated and there are "
          "a lot of moving parts and other teams that we have to consider very carefully.")


@pytest.mark.parametrize("as_json", [False, True])
def test_an_early_ending_takes_no_scripted_answer_as_the_written_update(monkeypatch, capsys,
                                                                        as_json):
    answers = [RAMBLE] * 8 + ["My team owns it; Friday at 9 am I send the next update."]
    args = [SCENARIO, "--seed", "0"] + (["--json"] if as_json else [])
    code, out, _ = drill(monkeypatch, capsys, args, answers)
    assert code == 0
    if as_json:
        objects = [json.loads(line) for line in out.splitlines()]
        assert [o["type"] for o in objects].count("written_update") == 0
        summary = objects[-1]
        assert summary["outcome"] == "patience" and summary["written_update"] is None
        assert summary["turns"] < len(answers) - 1
    else:
        assert "ran out of patience" in out
        assert ("The meeting ended early: no written update, and any further input is "
                "not read.") in out
        assert "Optional written update" not in out and "Written update:" not in out
