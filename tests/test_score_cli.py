"""`rehearse score` and `rehearse calibrate` from the command line."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from tests.conftest import ROOT
from trainer.cli import main

ANSWER = ("Our churn model misclassifies 5% more customers since May 2, about $50,000 of "
          "renewals a week. It's my team's model. I'll send an update by Friday 5 pm.")


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "trainer", *args], input=stdin,
                          capture_output=True, text=True, cwd=ROOT, timeout=60)


def test_score_json_has_the_documented_shape():
    result = run("score", "--json", ANSWER)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data["overall"], int)
    assert set(data["dimensions"]) == {"brevity", "impact", "ownership", "jargon", "confidence",
                                       "solution", "follow_up"}
    for f in data["findings"]:
        assert {"rule", "dimension", "start", "end", "text", "message", "suggestion"} <= set(f)
        assert ANSWER[f["start"]:f["end"]] == f["text"]
    assert {"item", "passed", "evidence"} == set(data["checklist"][0])


def test_score_reads_stdin_and_prints_a_readable_report():
    result = run("score", "--track", "interview", "--question", "Tell me about a failure.", "-",
                 stdin="I think the data team didn't check it, maybe.")
    assert result.returncode == 0, result.stderr
    assert "Overall" in result.stdout and "ownership.blame" in result.stdout
    assert "\x1b[" not in result.stdout  # not a terminal: no colour codes
    assert "structure" in result.stdout


def test_score_with_scenario_node_adds_accuracy_and_tailoring(capsys):
    code = main(["score", "--json", "--scenario", "churn-model-drift", "--node", "opening",
                 "The model misclassifies 15% more customers; renewals are at risk."])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert "accuracy" in data["dimensions"] and "tailoring" in data["dimensions"]
    assert any("15%" in f["message"] and "5%" in f["message"] for f in data["findings"])
    assert {p["id"] for p in data["points"]} >= {"what-broke", "impact-number"}


def test_an_end_node_is_not_scored():
    end = run("score", "--scenario", "churn-model-drift", "--node", "end-good", ANSWER)
    assert end.returncode == 2 and "Traceback" not in end.stderr
    assert "node 'end-good' ends the meeting and asks nothing to answer" in end.stderr


def test_unknown_scenario_or_node_is_a_clear_error():
    bad = run("score", "--scenario", "nope", "--node", "opening", ANSWER)
    assert bad.returncode == 2 and "unknown scenario 'nope'" in bad.stderr
    bad_node = run("score", "--scenario", "churn-model-drift", "--node", "nope", ANSWER)
    assert bad_node.returncode == 2 and "no node 'nope'" in bad_node.stderr
    assert "Traceback" not in bad.stderr + bad_node.stderr


def test_jsonl_scores_each_line_and_reports_bad_lines_with_their_id(monkeypatch, capsys):
    lines = "\n".join([
        json.dumps({"id": "a", "answer": ANSWER}),
        "{not json",
        json.dumps({"id": "c", "answer": 42}),
        json.dumps({"id": "d", "answer": "Sort of fine, I think.", "track": "interview"}),
    ])
    monkeypatch.setattr(sys, "stdin", io.StringIO(lines))
    assert main(["score", "--jsonl", "-"]) == 0
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [o.get("id") for o in out] == ["a", None, "c", "d"]
    assert "overall" in out[0] and "error" in out[1] and "error" in out[2]
    assert "structure" in out[3]["dimensions"]


def test_jsonl_with_a_scenario_node_scores_every_line_against_it(monkeypatch, capsys):
    lines = "\n".join([json.dumps({"id": "a", "answer": ANSWER}),
                       json.dumps({"id": "b", "answer": ANSWER, "track": "interview"})])
    monkeypatch.setattr(sys, "stdin", io.StringIO(lines))
    assert main(["score", "--jsonl", "-", "--scenario", "churn-model-drift",
                 "--node", "opening"]) == 0
    a, b = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert {"accuracy", "tailoring"} <= set(a["dimensions"])
    assert a["points"], "the node's talking points are checked"
    assert b == {"id": "b", "line": 2,
                 "error": "'track' must be 'incident', the scenario's"}


def test_calibrate_prints_accuracy_and_rejects_a_bad_file(tmp_path):
    pairs = tmp_path / "p.yaml"
    pairs.write_text(
        "- id: one\n  question: What happened?\n"
        "  better: We lost $50,000 this week; I own it and I'm retraining the model by Friday.\n"
        "  worse: Something happened, maybe.\n  differs_on: [impact, confidence]\n")
    ok = run("calibrate", str(pairs))
    assert ok.returncode == 0, ok.stderr
    assert "overall    1.000" in ok.stdout and "impact" in ok.stdout
    broken = tmp_path / "b.yaml"
    broken.write_text("id: [unclosed\n")
    bad = run("calibrate", str(broken))
    assert bad.returncode == 2 and "b.yaml:" in bad.stderr and "Traceback" not in bad.stderr


def _tips(capsys, answer: str, rule: str) -> list[str]:
    """The suggestions ``rule`` gives ``answer`` at the churn scenario's opening."""
    assert main(["score", "--json", "--scenario", "churn-model-drift", "--node", "opening",
                 answer]) == 0
    return [f["suggestion"] for f in json.loads(capsys.readouterr().out)["findings"]
            if f["rule"] == rule]


def test_the_priorities_tip_names_the_personas_own_priorities(capsys):
    assert _tips(capsys, "Something went wrong with the model.", "tailoring.priorities") == [
        "Tie the impact to one of their priorities (revenue, retention) and put a number on it."]


def test_with_a_briefing_the_missing_number_tip_quotes_its_own_figures(capsys):
    said = "We have a problem with the model and we are looking into it now."
    assert _tips(capsys, said, "impact.no_number") == [
        "Put the briefing's figures in, e.g. 5% (increase in misclassified customers) and "
        "$50,000 (renewals at risk each week)."]
