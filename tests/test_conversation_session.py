"""The rehearsal: branching, variables, variants, reactions, patience, transcript, replay."""

from __future__ import annotations

import json
from itertools import count

import pytest

from tests.conversation_fakes import FakeScorer, chain, persona, scenario
from trainer.engine.conversation import Rehearsal, RehearsalOver

GOOD = "My team owns it: 5% of customers, $50,000 a week; the plan ships Friday."
BLAME = "It was their fault, not ours: 5% wrong, plan by Friday."
JARGON = "Synergy of 5% across the plan, Friday."
VAGUE = "Something went wrong with my team's model; the plan is ready Friday."


def start(nodes, seed=0, **kw) -> Rehearsal:
    who = persona(**kw.pop("persona", {}))
    scorer = kw.pop("scorer", None) or FakeScorer()
    return Rehearsal(scenario(nodes, **kw), who, scorer, seed=seed, clock=count(0, 5).__next__)


OPENING = {
    "opening": {
        "ceo": "What's going on?", "budget": 30,
        "branches": [
            {"when": {"finding": "ownership.blame"}, "set": {"evasions": "+1"},
             "next": "not-blame"},
            {"when": {"dimension": "jargon", "below": 60}, "next": "plain"},
            {"when": {"dimension": "impact", "below": 50}, "next": "cost"},
            {"next": "plan"},
        ],
    },
    "not-blame": {"ceo": "I'm not interested in whose fault it is. What happened?",
                  "branches": [{"next": "plan"}]},
    "plain": {"ceo": "In plain English?", "branches": [{"next": "plan"}]},
    "cost": {"ceo": "What does that cost us?", "branches": [{"next": "plan"}]},
    "plan": {"ceo": "What now?", "branches": [
        {"when": {"var": "evasions", "at_least": 2}, "next": "end-bad"},
        {"when": {"finding": "ownership.blame"}, "set": {"evasions": "+1"}, "next": "plan"},
        {"next": "end-good"}]},
    "end-good": {"ceo": "Good.", "end": True, "outcome": "good"},
    "end-bad": {"ceo": "We're done.", "end": True, "outcome": "bad"},
}


@pytest.mark.parametrize("answer, node", [
    (BLAME, "not-blame"), (JARGON, "plain"), (VAGUE, "cost"), (GOOD, "plan")])
def test_first_branch_that_holds_is_taken(answer, node):
    r = start(OPENING, vars={"evasions": 0})
    turn = r.answer(answer)
    assert turn.next_node == node == r.current.node_id
    assert turn.branch == ["not-blame", "plain", "cost", "plan"].index(node)


def test_set_increments_feed_later_conditions():
    r = start(OPENING, vars={"evasions": 0})
    r.answer(BLAME)
    assert r.vars["evasions"] == 1
    r.answer(GOOD)  # not-blame -> plan
    r.answer(BLAME)  # blamed again at plan: evasions 2, plan again
    assert r.vars["evasions"] == 2 and r.current.node_id == "plan"
    r.answer(GOOD)
    assert r.finished and r.outcome == "bad" and r.final_line == "We're done."


def test_a_good_path_ends_with_the_end_nodes_outcome():
    r = start(OPENING, vars={"evasions": 0})
    r.answer(GOOD)
    r.answer(GOOD)
    assert r.finished and r.outcome == "good" and r.current.end
    with pytest.raises(RehearsalOver):
        r.answer(GOOD)


def test_visits_count_each_entry():
    nodes = {
        "ask": {"ceo": "Again?", "branches": [
            {"when": {"visits": "ask", "at_least": 3}, "next": "done"}, {"next": "ask"}]},
        "done": {"ceo": "Enough.", "end": True, "outcome": "mixed"},
    }
    r = start(nodes)
    r.answer(GOOD)
    r.answer(GOOD)
    assert not r.finished and r.visits["ask"] == 3
    r.answer(GOOD)
    assert r.outcome == "mixed"


def test_the_scorer_gets_the_nodes_context():
    scorer = FakeScorer()
    nodes = {"q": {"ceo": "Tell me. What's the cost?", "question": "What's the cost?",
                   "budget": 33, "talking_points": [{"id": "n", "text": "A number",
                                                     "keywords": ["$50,000"]}],
                   "branches": [{"next": "r"}]},
             "r": {"ceo": "And?", "branches": [{"next": "e"}]},
             "e": {"ceo": "Bye.", "end": True}}
    facts = [{"id": "loss", "label": "weekly loss", "value": 50000, "unit": "$"}]
    r = start(nodes, scorer=scorer, facts=facts)
    assert r.current.budget == 33 and r.current.question == "What's the cost?"
    turn = r.answer(GOOD)
    ctx = scorer.contexts[0]
    assert (ctx.track, ctx.question, ctx.budget) == ("incident", "What's the cost?", 33)
    assert ctx.persona.id == "pat" and ctx.facts[0].id == "loss"
    assert [p.id for p in ctx.talking_points] == ["n"]
    assert [(p.id, p.covered) for p in turn.points] == [("n", True)]
    assert turn.score.points == turn.points
    r.answer(GOOD)
    assert scorer.contexts[1].budget == 60  # the incident track's default
    assert r.outcome == "mixed"  # an end node without an outcome


def test_turn_records_the_exchange_with_timings():
    r = start(OPENING, vars={"evasions": 0})
    turn = r.answer(VAGUE)
    assert (turn.index, turn.node_id, turn.ceo, turn.answer) == (0, "opening", "What's going on?",
                                                                 VAGUE)
    assert turn.seconds == 5 and turn.answered_at - turn.started_at == 5
    data = json.loads(json.dumps(turn.to_dict()))
    assert {"node", "ceo", "answer", "score", "next"} <= set(data)
    assert data["node"] == "opening" and data["next"] == "cost"
    assert data["score"]["dimensions"]["impact"]["score"] == 30


VARIANTS = {
    "ask": {"ceo": ["Line one?", "Line two?", "Line three?", "Line four?"],
            "branches": [{"when": {"visits": "ask", "at_least": 4}, "next": "done"},
                         {"next": "ask"}]},
    "done": {"ceo": "Done.", "end": True, "outcome": "good"},
}


def lines_said(seed: int) -> list[str]:
    r = start(VARIANTS, seed=seed)
    said = []
    while not r.finished:
        said.append(r.current.line)
        r.answer(GOOD)
    return said


def test_variants_are_repeatable_by_seed_and_vary_between_seeds():
    assert lines_said(7) == lines_said(7)
    runs = {tuple(lines_said(seed)) for seed in range(8)}
    assert len(runs) > 1
    # each visit says a line not said yet, so four visits say all four
    assert all(sorted(run) == sorted(VARIANTS["ask"]["ceo"]) for run in runs)


def test_once_nodes_are_passed_over_the_second_time():
    nodes = {
        "hello": {"ceo": "Hello. Before we start: one thing.", "once": True,
                  "branches": [{"next": "ask"}]},
        "ask": {"ceo": "Question?", "branches": [
            {"when": {"visits": "ask", "at_least": 2}, "next": "done"}, {"next": "hello"}]},
        "done": {"ceo": "Done.", "end": True, "outcome": "good"},
    }
    r = start(nodes)
    r.answer(GOOD)
    assert r.current.node_id == "ask"
    r.answer(GOOD)  # back to hello, which is skipped this time
    assert r.current.node_id == "ask" and r.visits["hello"] == 2
    r.answer(GOOD)
    assert r.outcome == "good"


ONCE_COST = {
    "ask": {"ceo": "What happened?", "branches": [
        {"when": {"dimension": "impact", "below": 50}, "next": "cost"}, {"next": "cause"}]},
    "cost": {"ceo": "What does that cost us?", "once": True, "branches": [
        {"when": {"visits": "cause", "at_least": 1}, "say": "Moving on.", "next": "plan"},
        {"next": "cause"}]},
    "cause": {"ceo": "Why?", "branches": [{"next": "ask"}]},
    "plan": {"ceo": "Plan?", "branches": [
        {"when": {"finding": "ownership.blame"}, "next": "end-bad"}, {"next": "end-good"}]},
    "end-good": {"ceo": "Good.", "end": True, "outcome": "good"},
    "end-bad": {"ceo": "No.", "end": True, "outcome": "bad"},
}


def test_a_once_node_seen_before_takes_its_first_branch_that_holds_not_the_fallback():
    r = start(ONCE_COST)
    assert r.answer(VAGUE).next_node == "cost"   # first visit: asked
    assert r.answer(GOOD).next_node == "cause"   # cause not visited yet: fallback
    r.answer(GOOD)                                # cause -> ask
    turn = r.answer(VAGUE)                        # ask -> cost again: passed over
    assert r.visits["cost"] == 2
    assert r.current.node_id == "plan" == turn.next_node  # its 'visits' branch, not 'cause'
    assert turn.reaction == "Moving on." and r.current.ceo == "Moving on. Plan?"


def test_a_passed_over_once_node_judges_its_branches_on_the_answer_that_led_there():
    nodes = {
        "ask": {"ceo": "What happened?", "branches": [{"next": "check"}]},
        "check": {"ceo": "Whose fault?", "once": True, "branches": [
            {"when": {"finding": "ownership.blame"}, "next": "end-bad"}, {"next": "ask"}]},
        "end-bad": {"ceo": "No.", "end": True, "outcome": "bad"},
    }
    r = start(nodes)
    r.answer(GOOD)
    r.answer(GOOD)                    # check -> ask
    turn = r.answer(BLAME)            # ask -> check, passed over on this blaming answer
    assert turn.next_node == "end-bad" and r.outcome == "bad"


def test_reaction_prefixes_the_next_line_unless_the_node_says_it():
    # blame on the fallback branch: the persona says it before the next line
    nodes = chain("a", "b", "c")
    r = start(nodes)
    turn = r.answer(BLAME)
    assert turn.reaction == "I'm not interested in whose fault it is."
    assert r.current.ceo == "I'm not interested in whose fault it is. Question b?"
    assert r.current.line == "Question b?" and r.current.reaction == turn.reaction
    # the blame branch leads to a node that already says it: no double
    r = start(OPENING, vars={"evasions": 0})
    turn = r.answer(BLAME)
    assert turn.reaction == ""
    assert r.current.ceo.count("whose fault") == 1


def test_jargon_reaction_is_not_repeated_by_a_plain_english_node():
    nodes = {"a": {"ceo": "What happened?", "branches": [{"next": "b"}]},
             "b": {"ceo": "In plain English?", "branches": [{"next": "c"}]},
             "c": {"ceo": "Bye.", "end": True}}
    r = start(nodes)
    assert r.answer(JARGON).reaction == ""


def test_repeated_weakness_uses_the_repeated_line():
    r = start(chain("a", "b", "c", "d"))
    first = r.answer(BLAME)
    second = r.answer(BLAME)
    assert first.reaction == "I'm not interested in whose fault it is."
    assert second.reaction == "That's the second time you've pointed elsewhere."
    assert "blame" in second.weaknesses


def test_a_weakness_never_put_to_the_user_is_not_called_a_second_time():
    nodes = chain("a", "b", "c", "d")
    nodes["a"]["branches"] = [{"next": "b", "say": "Noted."}]
    r = start(nodes)
    assert r.answer(BLAME).reaction == "Noted."  # blame seen, never raised
    assert r.answer(BLAME).reaction == "I'm not interested in whose fault it is."


def test_a_weakness_the_scenarios_own_node_raised_counts_as_said():
    r = start({**OPENING, "not-blame": {"ceo": "I'm not interested in whose fault it is.",
                                        "branches": [{"next": "b"}]},
               **chain("b", "c")}, vars={"evasions": 0})
    r.answer(BLAME)
    assert r.answer(BLAME).reaction == "That's the second time you've pointed elsewhere."


def test_branch_say_is_the_reaction():
    nodes = chain("a", "b")
    nodes["a"]["branches"] = [{"next": "b", "say": "Noted."}]
    r = start(nodes)
    assert r.answer(BLAME).reaction == "Noted."
    assert r.final_line == "Noted. Thanks."


def test_patience_runs_out_on_long_answers():
    r = start(chain("a", "b", "c", "d", "e", budget=20))
    assert r.patience == r.patience_max == 100
    rambling = " ".join(["word"] * 60) + " 5% plan Friday"  # three times the budget
    first = r.answer(rambling)
    assert first.patience_spent > 0 and r.patience == 100 - first.patience_spent
    assert first.reaction == "Shorter, please."
    while not r.finished:
        r.answer(rambling)
    assert r.outcome == "patience" and r.patience == 0
    assert r.final_line == "I have to stop you there." == r.turns[-1].reaction
    assert r.turns[-1].next_node is None and len(r.turns) < 4


def test_answers_within_budget_keep_patience():
    r = start(chain("a", "b", "c", budget=20))
    r.answer(GOOD)
    r.answer(GOOD)
    assert r.patience == 100 and r.outcome == "good"


def test_summary_means_and_weakest():
    r = start(chain("a", "b", "c"))
    r.answer(GOOD)
    r.answer(VAGUE)
    s = r.summary()
    assert s["turns"] == 2 and s["outcome"] == "good"
    assert s["dimensions"]["impact"] == 60  # (90 + 30) / 2
    assert s["weakest"] == "follow_up" or s["dimensions"][s["weakest"]] == min(
        s["dimensions"].values())
    assert s["overall"] == round(sum(t.score.overall for t in r.turns) / 2)
    assert s["checklist"] == [{"item": "Has a number", "passed": 1, "of": 2, "met": True,
                               "turn": 1, "evidence": ""}]


def test_replay_gives_the_same_meeting():
    answers = [BLAME, JARGON, VAGUE, GOOD, BLAME, GOOD]
    r1 = start(OPENING | {"plan": {"ceo": ["Now?", "And now?", "Then?"], "branches": [
        {"when": {"finding": "ownership"}, "next": "plan"}, {"next": "end-good"}]}},
        seed=3, vars={"evasions": 0})
    r1.replay_answers(answers)
    r2 = Rehearsal.replay(r1.scenario, r1.persona, FakeScorer(), answers, seed=3)
    strip = [{k: v for k, v in t.to_dict().items() if k != "seconds"} for t in r1.turns]
    assert strip == [{k: v for k, v in t.to_dict().items() if k != "seconds"} for t in r2.turns]
    assert r1.to_dict()["answers"] == r2.to_dict()["answers"]
    assert (r1.outcome, r1.final_line) == (r2.outcome, r2.final_line)
    json.dumps(r1.to_dict())


UPDATE = """Impact: since May 2, 5% more customers are misclassified, about $50,000 a week.
Cause: behaviour changed after the price change; we are still checking other models.
Actions: Priya retrains the model by Thursday.
Next update: Friday 5 pm."""


def test_written_update_is_checked_for_its_four_parts():
    r = start(chain("a", "b"))
    result = r.write_update(UPDATE)
    parts = result.checklist[:4]
    assert [c.passed for c in parts] == [True, True, True, True]
    assert result.dimensions["update"].score == 100
    weak = r.write_update("We had an issue with the model and we are fixing it.")
    assert [c.passed for c in weak.checklist[:4]] == [False, False, False, False]
    assert {f.rule for f in weak.findings if f.effect == "penalty"} >= {
        "update.impact", "update.cause", "update.actions", "update.next_update"}
    assert weak.overall < result.overall
    assert r.summary()["written_update"] == weak.overall


@pytest.mark.parametrize("action", [
    "Lee audits every pump by Friday.",
    "I file the state report by March 17.",
    "My team builds a dose check in 2 weeks.",
])
def test_an_action_outside_software_with_an_owner_and_a_date_counts(action):
    from trainer.engine.conversation.written_update import find_parts
    assert find_parts(action)["actions"] == (0, action)
    assert find_parts("We lost $40,000 since Monday.")["actions"] is None


def test_the_action_part_is_not_the_impact_sentence_that_happens_to_have_a_date():
    from trainer.engine.conversation.written_update import find_parts
    update = ("Impact: since Monday we have refunded 340 customers, about $12,000.\n"
              "Actions: Lee audits every payment run by Friday.")
    assert find_parts(update)["actions"][1] == "Actions: Lee audits every payment run by Friday."


def test_a_next_update_at_noon_is_dated():
    r = start(chain("a", "b"))
    result = r.write_update(UPDATE.replace("Friday 5 pm", "Friday noon"))
    assert not result.has_finding("follow_up.dated")
    assert [c.passed for c in result.checklist[:4]] == [True, True, True, True]


def test_interviewer_probes_for_the_missing_star_part():
    who = {"reactions": {"missing_part": ["And the {part}? What came of it?"]}}
    nodes = chain("q1", "q2", "q3")
    r = start(nodes, track="interview", persona=who)
    assert r.current.budget == 20
    turn = r.answer("The situation and the task were hard; my action was a plan by Friday, 5%.")
    assert "missing_part" in turn.weaknesses
    assert turn.reaction == "And the result? What came of it?"
    assert r.current.ceo.startswith("And the result?")


def test_interview_budget_defaults_to_the_tracks():
    nodes = {"q": {"ceo": "Tell me about a decision that went wrong.", "branches": [{"next": "e"}]},
             "e": {"ceo": "Thank you.", "end": True, "outcome": "good"}}
    assert start(nodes, track="interview").current.budget == 250
    assert start(nodes).current.budget == 60


def test_a_strong_answer_may_earn_the_good_line_but_not_twice_running():
    r = start(chain("a", "b", "c", "d"), persona={"reactions": {"good": ["Clear. Go on."]}})
    first, second = r.answer(GOOD), r.answer(GOOD)
    assert first.reaction == "Clear. Go on." and r.turns[0].weaknesses == []
    assert second.reaction == ""


def test_empty_answers_are_scored_and_cost_patience():
    r = start(chain("a", "b", "c"))
    turn = r.answer("")
    assert turn.answer == "" and turn.patience_spent > 0 and r.current.node_id == "b"


def test_a_point_covered_earlier_lets_a_later_question_skip_it():
    nodes = {
        "cause": {"ceo": "What happened?", "talking_points": [
            {"id": "cost", "text": "What it costs", "keywords": ["$50,000"]}],
            "branches": [{"next": "plan"}]},
        "plan": {"ceo": "What now?", "talking_points": [
            {"id": "date", "text": "When it is fixed", "keywords": ["friday"]}],
            "branches": [
                {"when": {"missing": "cost"}, "next": "ask-cost"},
                {"next": "end"}]},
        "ask-cost": {"ceo": "And what does it cost us?", "branches": [{"next": "end"}]},
        "end": {"ceo": "Thanks.", "end": True},
    }
    said_it = start(nodes, start="cause")
    said_it.answer(GOOD)  # names the $50,000
    said_it.answer("We ship the fix on Friday.")
    assert said_it.finished

    never = start(nodes, start="cause")
    never.answer("Something broke in the model.")
    never.answer("We ship the fix on Friday.")
    assert never.current.node_id == "ask-cost"


def test_blame_is_not_let_pass_when_the_authors_branch_is_about_something_else():
    from tests.test_playthroughs import rehearsal

    r = rehearsal("churn-model-drift")
    r.answer("We saw covariate shift and feature drift, so the model's AUC and the inference "
             "pipeline's calibration degraded.")
    assert r.current.node_id == "plain-english"
    turn = r.answer("Honestly the pricing team changed the prices without telling us, so it's "
                    "really on them.")
    # the author routes a missing number to "What does that cost us?"; the blame is voiced
    assert turn.next_node == "what-does-it-cost"
    assert "whose fault" in turn.reaction


def test_a_question_about_the_update_that_broke_does_not_ask_for_a_report():
    from trainer.engine.conversation.reactions import _ASKS_FOLLOW_UP

    assert not _ASKS_FOLLOW_UP.search("Who approved the update?")
    assert _ASKS_FOLLOW_UP.search("When do I get the next update?")
    assert _ASKS_FOLLOW_UP.search("Keep me posted.")
