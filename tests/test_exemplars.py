"""Every exemplar answer is a strong answer by the scorer's own measure.

An exemplar is shown to the user as the answer to aim for; if the scorer gives
it less than 75 ("proficient" on exec.com's tiers), either the exemplar or the
scorer is wrong, and the user would be taught the wrong thing.
"""

from __future__ import annotations

import pytest

from tests.test_playthroughs import content, rehearsal, scorer

PASS = 75


def node_cases() -> list[tuple[str, str]]:
    return [(sid, nid) for sid, s in sorted(content().scenarios.items())
            for nid, node in s.nodes.items() if not node.end]


@pytest.mark.parametrize("scenario_id, node_id", node_cases(),
                         ids=[f"{s}:{n}" for s, n in node_cases()])
def test_exemplar_scores_75_or_more(scenario_id: str, node_id: str):
    r = rehearsal(scenario_id)
    node = r.scenario.nodes[node_id]
    assert node.exemplar, f"{scenario_id}:{node_id} has no exemplar"
    result = scorer().score(node.exemplar, r.context(node_id))
    weak = {k: v.score for k, v in result.dimensions.items() if v.score < PASS}
    penalties = sorted({f.rule for f in result.findings if f.effect == "penalty"})
    overall = result.overall
    assert overall >= PASS, (
        f"{scenario_id}:{node_id} exemplar scores {overall}; low: {weak}; "
        f"penalties: {penalties}")


def update_cases() -> list[str]:
    return [sid for sid, s in sorted(content().scenarios.items()) if s.written_update]


@pytest.mark.parametrize("scenario_id", update_cases())
def test_written_update_exemplar_has_all_four_parts(scenario_id: str):
    r = rehearsal(scenario_id)
    task = r.scenario.written_update
    assert task.exemplar, f"{scenario_id}: the written update has no exemplar"
    result = r.write_update(task.exemplar)
    missing = [c.item for c in result.checklist[:4] if not c.passed]
    assert not missing, f"{scenario_id}: the exemplar update lacks {missing}"
    assert result.overall >= PASS, f"{scenario_id}: the exemplar update scores {result.overall}"


def test_every_incident_scenario_asks_for_a_written_update():
    lacking = sorted(sid for sid, s in content().scenarios.items()
                     if s.track == "incident" and s.written_update is None)
    assert not lacking, f"incident scenarios without a written update: {lacking}"


@pytest.mark.parametrize("scenario_id, node_id", node_cases(),
                         ids=[f"{s}:{n}" for s, n in node_cases()])
def test_exemplar_covers_its_talking_points_without_jargon(scenario_id: str, node_id: str):
    """The answer to aim for says every point the node lists, in words the listener follows."""
    r = rehearsal(scenario_id)
    node = r.scenario.nodes[node_id]
    result = scorer().score(node.exemplar, r.context(node_id))
    assert [p.id for p in result.points if not p.covered] == []
    assert [f.text for f in result.findings
            if f.dimension == "jargon" and f.effect == "penalty"] == []
