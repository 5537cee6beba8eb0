"""Branch conditions: each kind, as the scenario format documents it."""

from __future__ import annotations

import pytest

from trainer.content.models.scenario import Condition
from trainer.engine.conversation.conditions import (
    Situation,
    apply_set,
    holds,
    mentioned_keys,
)
from trainer.engine.scoring.result import DimensionScore, Finding, ScoreResult


def result(findings=(), **dims: int) -> ScoreResult:
    return ScoreResult(overall=70, dimensions={k: DimensionScore(v, "") for k, v in dims.items()},
                       findings=list(findings), checklist=[])


BLAME = Finding("ownership.blame", "ownership", 0, 4, "they", "points elsewhere", kind="blame")
CREDIT = Finding("solution.plan", "solution", 0, 4, "plan", "has a plan", effect="credit")


def situation(**kw) -> Situation:
    base = dict(answer="We retrain the model by Friday.", score=result([BLAME, CREDIT], jargon=40,
                impact=80), words=6, budget=10)
    base.update(kw)
    return Situation(**base)


def check(cond: dict, **kw) -> bool:
    return holds(Condition.model_validate(cond), situation(**kw))


@pytest.mark.parametrize("cond, expected", [
    ({"dimension": "jargon", "below": 60}, True),
    ({"dimension": "jargon", "below": 40}, False),  # strictly below
    ({"dimension": "impact", "above": 70}, True),
    ({"dimension": "impact", "above": 80}, False),
    ({"dimension": "impact", "above": 50, "below": 90}, True),
    ({"dimension": "structure", "below": 100}, False),  # not scored: false
    ({"dimension": "structure", "above": 0}, False),
])
def test_dimension_thresholds(cond, expected):
    assert check(cond) is expected


def test_finding_by_rule_or_dimension_and_credits_do_not_count():
    assert check({"finding": "ownership.blame"})
    assert check({"finding": "ownership"})
    assert not check({"finding": "jargon.glossary"})
    assert not check({"finding": "solution.plan"})  # a credit, not a penalty
    assert check({"no_finding": "jargon"})
    assert not check({"no_finding": "ownership.blame"})


def test_covered_and_missing_talking_points():
    covered = {"cause": True, "plan": False}
    assert check({"covered": "cause"}, covered=covered)
    assert not check({"covered": "plan"}, covered=covered)
    assert check({"missing": "plan"}, covered=covered)
    assert not check({"missing": "cause"}, covered=covered)
    assert check({"missing": "not-on-this-node"}, covered=covered)
    assert not check({"covered": "not-on-this-node"}, covered=covered)


def test_mentions_whole_words_any_case():
    assert check({"mentions": ["friday"]})
    assert check({"mentions": ["nothing", "RETRAIN"]})
    assert not check({"mentions": ["train"]})  # inside 'retrain'
    assert check({"mentions": ["the   model"]}, answer="We fix the model.")
    assert not check({"mentions": ["$50"]}, answer="It costs $500.")
    assert check({"mentions": ["$50"]}, answer="It costs $50 a week.")


def test_visits_counts():
    visits = {"cause": 2}
    assert check({"visits": "cause", "at_least": 2}, visits=visits)
    assert not check({"visits": "cause", "at_least": 3}, visits=visits)
    assert check({"visits": "cause", "at_most": 2}, visits=visits)
    assert check({"visits": "cause", "equals": 2}, visits=visits)
    assert check({"visits": "never", "equals": 0}, visits=visits)


def test_vars_numbers_and_text():
    values = {"evasions": 2, "mood": "angry", "flag": True}
    assert check({"var": "evasions", "at_least": 2}, vars=values)
    assert not check({"var": "evasions", "at_most": 1}, vars=values)
    assert check({"var": "evasions", "equals": "2"}, vars=values)
    assert check({"var": "mood", "equals": "Angry"}, vars=values)
    assert not check({"var": "mood", "at_least": 1}, vars=values)  # not a number
    assert not check({"var": "unset", "at_least": 0}, vars=values)
    assert check({"var": "flag", "equals": True}, vars=values)


def test_over_budget():
    assert check({"over_budget": True}, words=11)
    assert not check({"over_budget": True}, words=10)
    assert check({"over_budget": False}, words=10)


def test_all_any_not_nest():
    cond = {"all": [{"finding": "ownership.blame"},
                    {"any": [{"dimension": "jargon", "above": 90}, {"mentions": ["friday"]}]},
                    {"not": {"over_budget": True}}]}
    assert check(cond)
    assert not check(cond, words=50)
    assert not check({"not": {"finding": "ownership"}})


def test_set_adds_to_numbers_and_replaces_the_rest():
    values = {"evasions": 1, "score": 2.5}
    apply_set(values, {"evasions": "+1", "score": "-1", "fresh": "+2", "mood": "calm"})
    assert values == {"evasions": 2, "score": 1.5, "fresh": 2, "mood": "calm"}
    apply_set(values, {"evasions": 0})
    assert values["evasions"] == 0


def test_mentioned_keys_name_dimensions_of_rules():
    cond = Condition.model_validate({"any": [{"finding": "ownership.blame"},
                                             {"not": {"dimension": "jargon", "below": 50}}]})
    assert {"ownership.blame", "ownership", "jargon"} <= mentioned_keys(cond)
    assert mentioned_keys(None) == set()
