"""Talking-point coverage: fuzzy enough for real answers, strict about numbers."""

from __future__ import annotations

import pytest

from trainer.content.models.scenario import TalkingPoint
from trainer.engine.scoring.talking_points import coverage


def point(*keywords: str, text: str = "a point") -> TalkingPoint:
    return TalkingPoint(id="p", text=text, keywords=list(keywords))


def covered(answer: str, *keywords: str, text: str = "a point") -> bool:
    return coverage(answer, [point(*keywords, text=text)])[0].covered


@pytest.mark.parametrize("answer, keywords", [
    ("We had no alerts on it.", ("no alert",)),
    ("Nobody was monitoring the inputs.", ("monitor",)),
    ("We are retraining it now.", ("retrain",)),
    ("Customer behaviour has changed since May.", ("behaviour changed",)),
    ("Customer behavior changed since May.", ("behaviour changed",)),
    ("It takes three days with one engineer.", ("3 days",)),
    ("About $50k of renewals a week.", ("$50,000",)),
    ("About 50 thousand dollars a week.", ("$50,000",)),
    ("The pricing changed in May.", ("price",)),
    ("We lost revenue.", ("losses", "revenue")),
    ("We didn't have any monitoring on it.", ("no monitoring",)),
    ("Nothing alerted us.", ("no alert",)),
    ("I cannot guarantee it won't recur.", ("can't guarantee",)),
])
def test_rewordings_count(answer, keywords):
    assert covered(answer, *keywords)


@pytest.mark.parametrize("answer, keywords", [
    ("About $5,000 of renewals a week.", ("$50,000",)),
    ("It takes 30 days.", ("3 days",)),
    ("The model is fine.", ("no monitoring",)),
    ("Our monitoring caught it.", ("no monitoring",)),
    ("The cost is low.", ("most",)),
    ("", ("anything",)),
])
def test_different_things_do_not(answer, keywords):
    assert not covered(answer, *keywords)


def test_evidence_is_the_sentence_that_covers_it():
    answer = "The model drifted. We had no drift alert! I'll add one by Friday."
    got = coverage(answer, [point("no alert"), TalkingPoint(id="q", text="t", keywords=["friday"])])
    assert [p.evidence for p in got] == ["We had no drift alert!", "I'll add one by Friday."]
    assert all(p.covered for p in got)


def test_a_phrase_must_come_together_in_one_sentence():
    assert not covered("Behaviour is the same. Nothing changed.", "behaviour changed")


def test_point_without_keywords_is_matched_on_its_text():
    text = "Retrain the churn model on recent data"
    assert covered("We will retrain our churn model on the most recent data.", text=text)
    assert not covered("We will look into it.", text=text)


def test_order_and_ids_follow_the_node():
    points = [TalkingPoint(id="a", text="A", keywords=["alpha"]),
              TalkingPoint(id="b", text="B", keywords=["beta"])]
    got = coverage("Beta only.", points)
    assert [(p.id, p.text, p.covered) for p in got] == [("a", "A", False), ("b", "B", True)]
    assert coverage("anything", []) == []


def test_a_sign_alone_is_covered_by_any_percentage_or_amount():
    assert covered("The error rate went from 8% to 0.1%.", "%")
    assert covered("It saved about $210,000 a year.", "$")
    assert not covered("It went fine in the end.", "%", "$")


def test_score_and_rehearsal_agree_on_coverage():
    from trainer.engine.scoring import AnswerContext, load_scorer

    points = [point("%", text="The result, measured")]
    answer = "Errors fell from 8% to 0.1% within a week."
    scored = load_scorer().score(answer, AnswerContext(track="interview",
                                                       talking_points=points))
    assert scored.points == coverage(answer, points)
    assert scored.points[0].covered
