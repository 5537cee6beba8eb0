"""One verdict per checklist item over a meeting, whichever view shows it."""

from __future__ import annotations

from trainer.engine.conversation.meeting_checklist import over_meeting
from trainer.engine.scoring.result import ChecklistItem


def _meeting():
    return [
        (1, [ChecklistItem("Follow-up", True, "'by Friday' puts a time on the update.")], None),
        (2, [ChecklistItem("Follow-up", False, "no promise of an update")], None),
        (3, [ChecklistItem("Follow-up", False, "'I'll get back' gives no time.")], None),
    ]


def test_an_item_met_in_one_answer_of_three_is_not_met_and_says_why():
    [row] = over_meeting(_meeting())
    assert (row["passed"], row["of"], row["met"]) == (1, 3, False)
    assert (row["turn"], row["evidence"]) == (2, "no promise of an update")


def test_stored_answers_read_back_as_dicts_get_the_same_verdict():
    stored = [(n, [{"item": i.item, "passed": i.passed, "evidence": i.evidence} for i in items],
               weights) for n, items, weights in _meeting()]
    assert over_meeting(stored) == over_meeting(_meeting())


def test_half_the_answers_is_enough_and_the_evidence_comes_from_a_passing_one():
    [row] = over_meeting(_meeting()[:2])
    assert row["met"] and row["turn"] == 1 and row["evidence"].startswith("'by Friday'")


def test_an_answer_to_a_question_that_asked_for_no_plan_is_left_out_of_the_plan_item():
    plan, risk = {"solution": 1.3}, {"solution": 0.2}  # "What's the risk?" asks for no plan
    meeting = [
        (1, [ChecklistItem("Solution-oriented", True, "'I recommend' ...")], plan),
        (2, [ChecklistItem("Solution-oriented", False, "no action found")], risk),
        (3, [ChecklistItem("Solution-oriented", False, "no action found")], risk),
    ]
    [row] = over_meeting(meeting)
    assert (row["passed"], row["of"], row["met"]) == (1, 1, True)
    # asked nowhere: every answer counts, so the item still shows
    [row] = over_meeting(meeting[1:])
    assert (row["passed"], row["of"], row["met"]) == (0, 2, False)
