"""The store keeps rehearsals, turns, coach notes and overrides, and answers history queries."""

from __future__ import annotations

import pytest
from store_helpers import turn

from trainer.store import StoreError, open_store, queries
from trainer.store.review import add_note, add_override


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "h.sqlite3") as s:
        yield s


def test_a_rehearsal_row_exists_before_any_answer(store):
    rid = store.start_rehearsal("ann", "churn-model-drift", seed=7, mode="exam")
    row = queries.rehearsal(store, rid)
    assert (row.participant, row.scenario_id, row.seed, row.mode, row.status) == (
        "ann", "churn-model-drift", 7, "exam", "in-progress")
    assert row.turn_count == 0 and row.overall is None


def test_each_answer_is_readable_from_another_connection_once_added(store):
    rid = store.start_rehearsal("ann", "s1")
    store.add_turn(rid, turn(0, "first answer"))
    with open_store(store.path) as other:
        assert other.answers(rid) == ["first answer"]


def test_turns_keep_the_score_object_and_the_dimension_columns(store):
    rid = store.start_rehearsal("ann", "s1")
    store.add_turn(rid, turn(0, overall=50, brevity=40, jargon=90))
    store.add_turn(rid, turn(1, overall=70, brevity=60, jargon=70))
    [t0, t1] = queries.turns(store, rid)
    assert t0["score"]["dimensions"]["brevity"]["score"] == 40
    assert t0["score"]["findings"][0]["kind"] == "ownership"
    row = queries.rehearsal(store, rid)
    assert row.overall == 60 and row.dimensions == {"brevity": 50, "jargon": 80}
    assert row.turn_count == 2 and t1["number"] == 2


def test_replaying_a_stored_turn_does_not_duplicate_it(store):
    rid = store.start_rehearsal("ann", "s1")
    store.add_turn(rid, turn(0, "a"))
    store.add_turn(rid, turn(0, "a"))
    assert store.answers(rid) == ["a"]


def test_finish_and_abandon_set_status_and_outcome(store):
    a = store.start_rehearsal("ann", "s1")
    b = store.start_rehearsal("ann", "s1")
    store.end_rehearsal(a, "finished", "good")
    store.end_rehearsal(b, "abandoned")
    assert queries.rehearsal(store, a).outcome == "good"
    assert queries.rehearsal(store, b).status == "abandoned"
    assert [r.id for r in queries.unfinished(store)] == []
    store.reopen(b)
    assert [r.id for r in queries.unfinished(store)] == [b]


def test_history_filters_by_participant_and_lists_newest_first(store):
    a = store.start_rehearsal("ann", "s1")
    b = store.start_rehearsal("bob", "s1")
    c = store.start_rehearsal("ann", "s2")
    assert [r.id for r in queries.history(store)] == [c, b, a]
    assert [r.id for r in queries.history(store, "ann")] == [c, a]
    assert store.participants() == ["ann", "bob"]
    assert queries.latest_id(store, "bob") == b


def test_override_sits_beside_the_original_and_changes_the_means(store):
    rid = store.start_rehearsal("ann", "s1")
    store.add_turn(rid, turn(0, brevity=40))
    add_override(store, rid, 1, "brevity", 75, "Short enough for this CEO", "coach")
    add_note(store, rid, 1, "Lead with the number next time.", "coach")
    [t] = queries.turns(store, rid)
    assert t["score"]["dimensions"]["brevity"]["score"] == 40
    assert t["effective"]["brevity"] == 75
    assert t["overrides"][0] | {"created_at": None} == {
        "dimension": "brevity", "score": 75, "original": 40, "author": "coach",
        "reason": "Short enough for this CEO", "created_at": None, "in_effect": True}
    assert t["notes"][0]["note"] == "Lead with the number next time."
    assert queries.rehearsal(store, rid).dimensions["brevity"] == 75


@pytest.mark.parametrize("args, message", [
    ((2, "brevity", 50, "r"), "no turn 2"),
    ((1, "charm", 50, "r"), "unknown dimension"),
    ((1, "brevity", 150, "r"), "0 to 100"),
    ((1, "brevity", 50, " "), "needs a reason"),
])
def test_bad_overrides_are_refused_with_a_reason(store, args, message):
    rid = store.start_rehearsal("ann", "s1")
    store.add_turn(rid, turn(0))
    with pytest.raises(StoreError, match=message):
        add_override(store, rid, *args, author="coach")


def test_weakest_trends_and_compare(store):
    for name, brevity, jargon in [("ann", 40, 80), ("ann", 50, 90), ("bob", 90, 30)]:
        rid = store.start_rehearsal(name, "churn")
        store.add_turn(rid, turn(0, brevity=brevity, jargon=jargon))
    assert queries.weakest(store, "ann") == ("brevity", 45)
    assert queries.weakest(store, "bob") == ("jargon", 30)
    assert queries.weakest(store, "nobody") is None
    assert [v for _, v in queries.trends(store, "ann")["brevity"]] == [40, 50]
    rows = {r.participant: r for r in queries.compare(store, "churn")}
    assert rows["ann"].rehearsals == 2 and rows["ann"].dimensions["brevity"] == 45
    assert rows["bob"].dimensions["jargon"] == 30
    assert queries.compare(store, "other") == []
