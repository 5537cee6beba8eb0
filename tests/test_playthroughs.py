"""Scripted playthroughs, in the manner of YarnSpinner's test plans, with the real scorer.

Each file in ``tests/playthroughs/`` names a scenario (and optionally a seed and
persona) and lists steps, one key each:

- ``answer: TEXT`` answers the current line; ``answer_exemplar: true`` answers
  with the node's exemplar; ``answer_repeat: {times, text}`` answers the same
  text until the meeting ends or ``times`` answers are given.
- ``expect_node: ID``, ``expect_ceo_contains: TEXT`` (the line now shown, or the
  last line once the meeting is over; any case), ``expect_reaction_contains``.
- ``expect_finding: RULE-OR-DIMENSION`` / ``expect_no_finding`` on the last answer.
- ``expect_covered: POINT`` / ``expect_missing: POINT`` on the last answer.
- ``expect_var: {NAME: VALUE}``, ``expect_outcome: good|mixed|bad|patience``.

Besides the plans, every shipped scenario is played along its exemplar answers
and must reach its good ending.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from trainer.engine.conversation import Rehearsal

PLANS = sorted((Path(__file__).parent / "playthroughs").glob("*.yaml"))
MAX_TURNS = 40


@lru_cache(maxsize=1)
def content() -> Any:
    from trainer.content.loader import load_content
    from trainer.locations import content_roots

    return load_content(content_roots())


@lru_cache(maxsize=1)
def scorer() -> Any:
    from trainer.engine.scoring import Scorer
    from trainer.engine.scoring.config import UserConfig

    return Scorer(content(), UserConfig())  # the user's own config must not change results


def rehearsal(scenario_id: str, seed: int = 0, persona_id: str | None = None) -> Rehearsal:
    scenario = content().scenarios[scenario_id]
    persona = content().personas[persona_id or scenario.persona]
    return Rehearsal(scenario, persona, scorer(), seed=seed)


def shown(r: Rehearsal) -> str:
    return (r.final_line if r.finished and r.final_line else r.current.ceo).lower()


def run_step(r: Rehearsal, step: dict[str, Any]) -> None:
    assert isinstance(step, dict) and len(step) == 1, f"a step has exactly one key: {step!r}"
    (key, value), = step.items()
    last = r.turns[-1] if r.turns else None
    where = f"at node {r.current.node_id!r}"
    if key in ("answer", "answer_exemplar", "answer_repeat"):
        assert not r.finished, f"the meeting is already over ({r.outcome}) {where}"
    if key == "answer":
        r.answer(value)
    elif key == "answer_exemplar":
        assert r.current.exemplar, f"no exemplar {where}"
        r.answer(r.current.exemplar)
    elif key == "answer_repeat":
        for _ in range(int(value["times"])):
            if r.finished:
                break
            r.answer(value["text"])
    elif key == "expect_node":
        assert r.current.node_id == value, f"expected node {value!r}, {where}; path: {path(r)}"
    elif key == "expect_ceo_contains":
        assert value.lower() in shown(r), f"expected {value!r} in {shown(r)!r} {where}"
    elif key == "expect_reaction_contains":
        assert last and value.lower() in last.reaction.lower(), f"reaction: {last.reaction!r}"
    elif key in ("expect_finding", "expect_no_finding"):
        assert last, "no answer yet"
        rules = sorted({f.rule for f in last.score.findings if f.effect == "penalty"})
        assert last.score.has_finding(value) == (key == "expect_finding"), (
            f"{key} {value!r} on the answer at {last.node_id!r}; penalties: {rules}")
    elif key in ("expect_covered", "expect_missing"):
        assert last, "no answer yet"
        got = {p.id: p.covered for p in last.points}
        assert value in got, f"no talking point {value!r} at {last.node_id!r}"
        assert got[value] == (key == "expect_covered"), f"{key} {value!r}: {got}"
    elif key == "expect_var":
        for name, wanted in value.items():
            assert r.vars.get(name) == wanted, f"var {name} is {r.vars.get(name)!r}"
    elif key == "expect_outcome":
        assert r.outcome == value, f"outcome {r.outcome!r}, expected {value!r}; path: {path(r)}"
    else:
        raise AssertionError(f"unknown step {key!r}")


def path(r: Rehearsal) -> str:
    nodes = [t.node_id for t in r.turns] + ([r.current.node_id] if r.current else [])
    return " -> ".join(nodes)


@pytest.mark.parametrize("plan_file", PLANS, ids=[p.stem for p in PLANS])
def test_playthrough(plan_file: Path):
    plan = yaml.safe_load(plan_file.read_text(encoding="utf-8"))
    if plan["scenario"] not in content().scenarios:
        pytest.fail(f"{plan_file.name}: no scenario {plan['scenario']!r}")
    r = rehearsal(plan["scenario"], plan.get("seed", 0), plan.get("persona"))
    for number, step in enumerate(plan["steps"], 1):
        try:
            run_step(r, step)
        except AssertionError as exc:
            raise AssertionError(f"{plan_file.name}, step {number} {step}: {exc}") from None


def test_every_scenario_has_a_plan():
    planned = {yaml.safe_load(p.read_text(encoding="utf-8"))["scenario"] for p in PLANS}
    missing = sorted(set(content().scenarios) - planned)
    assert not missing, f"scenarios without a playthrough plan: {missing}"


def play_exemplars(r: Rehearsal) -> None:
    for _ in range(MAX_TURNS):
        if r.finished:
            return
        assert r.current.exemplar, f"node {r.current.node_id!r} has no exemplar"
        r.answer(r.current.exemplar)
    raise AssertionError(f"no end after {MAX_TURNS} answers: {path(r)}")


def scenario_ids() -> list[str]:
    return sorted(content().scenarios)


@pytest.mark.parametrize("scenario_id", scenario_ids())
@pytest.mark.parametrize("seed", [0, 1])
def test_exemplar_path_reaches_the_good_ending(scenario_id: str, seed: int):
    r = rehearsal(scenario_id, seed)
    play_exemplars(r)
    assert r.outcome not in ("bad", "patience"), f"{scenario_id}: {r.outcome} via {path(r)}"
    assert r.outcome == "good", f"{scenario_id}: {r.outcome} via {path(r)}"
    assert r.patience > 0 and r.current.end


WEAK = {
    "jargon": ("We saw covariate shift and feature drift, so the model's AUC and precision-recall "
               "degraded and the inference pipeline's calibration broke.", ["plain english"]),
    "no_number": ("There is a problem with one of our systems and my team owns it. We are "
                  "looking into it.", ["cost", "number", "how much", "how many"]),
    "blame": ("The data team broke it. It was their fault, not ours.",
              ["whose fault", "blame", "what did you own", "pointed elsewhere"]),
}


@pytest.mark.parametrize("weakness", sorted(WEAK))
@pytest.mark.parametrize("scenario_id", [s for s in scenario_ids()
                                         if content().scenarios[s].track == "incident"])
def test_opening_weak_answers_get_the_ceo_reacting(scenario_id: str, weakness: str):
    """Whatever the scenario, its CEO reacts to jargon, a missing number and blame."""
    text, cues = WEAK[weakness]
    r = rehearsal(scenario_id)
    persona_lines = [line.lower() for line in getattr(r.persona.reactions, weakness)]
    r.answer(text)
    now = shown(r)
    assert any(cue in now for cue in cues) or any(line in now for line in persona_lines), (
        f"{scenario_id}: after a {weakness} answer the CEO says {now!r}")


@pytest.mark.parametrize("scenario_id", [s for s in scenario_ids() if s.startswith("interview-")])
def test_a_hedged_last_answer_does_not_end_on_praise(scenario_id: str):
    r = rehearsal(scenario_id)
    for _ in range(MAX_TURNS):
        if r.finished:
            break
        last = any("end-good" in str(b.next) for b in r.node.branches)
        r.answer("I think maybe I would probably sort of talk to them, I guess, and hopefully "
                 "it would perhaps help a bit, I suppose." if last else r.current.exemplar)
    assert r.finished and r.outcome != "good", f"{scenario_id}: {path(r)}"


@pytest.mark.parametrize("scenario_id", [s for s in scenario_ids()
                                         if not s.startswith("interview-")])
def test_an_undated_last_promise_does_not_end_as_a_clear_plan(scenario_id: str):
    r = rehearsal(scenario_id)
    for _ in range(MAX_TURNS):
        if r.finished:
            break
        last = any(getattr(b.next, "startswith", lambda _: False)("end-no-date")
                   for b in r.node.branches)
        r.answer("Sure, I'll keep you posted as things progress." if last
                 else r.current.exemplar)
    assert r.finished and r.outcome != "good", f"{scenario_id}: {path(r)}"
