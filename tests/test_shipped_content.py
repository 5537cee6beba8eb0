"""Everything that ships loads with zero problems and is listed."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT
from trainer.content.loader import load_content
from trainer.locations import content_roots


def test_shipped_content_has_no_problems():
    content = load_content(content_roots())
    assert [str(p) for p in content.problems] == []
    assert content.scenarios, "no scenario loaded"
    assert {"incident"} <= {s.track for s in content.scenarios.values()}


def test_validate_exits_0_on_shipped_content():
    result = subprocess.run([sys.executable, "-m", "trainer", "validate"],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("ok:")


def test_list_json_lists_scenarios_with_their_fields():
    result = subprocess.run([sys.executable, "-m", "trainer", "list", "--json"],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    rows = json.loads(result.stdout)
    ids = {r["id"] for r in rows}
    assert "churn-model-drift" in ids
    for row in rows:
        assert set(row) == {"id", "title", "track", "difficulty", "persona"}


def test_user_content_folder_adds_a_scenario_and_bad_files_do_not_hide_good_ones(tmp_path):
    user = tmp_path / "mine" / "scenarios"
    user.mkdir(parents=True)
    src = (ROOT / "scenarios" / "churn-model-drift.yaml").read_text()
    (user / "copy.yaml").write_text(src.replace("id: churn-model-drift", "id: my-copy", 1))
    (user / "broken.yaml").write_text("id: [oops\n")
    result = subprocess.run(
        [sys.executable, "-m", "trainer", "--content", str(tmp_path / "mine"), "list", "--json"],
        capture_output=True, text=True, cwd=tmp_path, timeout=60)
    ids = {r["id"] for r in json.loads(result.stdout)}
    assert {"my-copy", "churn-model-drift"} <= ids
    assert "content problem" in result.stderr

    env_result = subprocess.run(
        [sys.executable, "-m", "trainer", "list", "--json"], capture_output=True, text=True,
        cwd=tmp_path, timeout=60, env={"REHEARSE_CONTENT": str(tmp_path / "mine"),
                                       "PATH": "/usr/bin:/bin"})
    assert "my-copy" in {r["id"] for r in json.loads(env_result.stdout)}


def test_the_ceo_says_second_time_only_after_a_first():
    """'That's the second time you've pointed elsewhere' on a first blame is a CEO who was
    not listening: a branch that leads to such a line, or says it, counts an earlier time."""
    content = load_content(content_roots([]))
    for scenario in content.scenarios.values():
        second = {n for n, node in scenario.nodes.items()
                  if any("second time" in line.lower() for line in node.lines)}
        for node_id, node in scenario.nodes.items():
            for branch in node.branches:
                says = branch.say is not None and "second time" in branch.say.lower()
                if branch.next in second or says:
                    assert _counts_earlier(branch.when), f"{scenario.id}/{node_id} -> {branch.next}"


def _counts_earlier(cond) -> bool:
    """Whether a condition (or one it requires) looks at a variable or a visit count."""
    if cond is None:
        return False
    if cond.var is not None or cond.visits is not None:
        return True
    return any(_counts_earlier(c) for c in cond.all or ())
