"""The real conversation engine recorded turn by turn, then resumed from the store."""

from __future__ import annotations

import pytest

from trainer.store import StoreError, open_store, queries
from trainer.store.recorder import Recorder
from trainer.store.resume import resume

ANSWERS = [
    "Since May 2 our churn model misclassifies 5% more customers; I own it. "
    "About $50,000 a week in renewals is at risk.",
    "Customer behaviour changed after the pricing change and we had no drift monitor.",
    "We retrain on recent data this week, 3 days, and add a drift alert within 2 weeks.",
]


@pytest.fixture(scope="module")
def engine():
    from trainer.content.loader import load_content
    from trainer.engine.conversation import Rehearsal
    from trainer.engine.scoring import load_scorer
    from trainer.locations import content_roots

    content = load_content(content_roots())
    scenario = content.scenarios["churn-model-drift"]
    persona = content.personas[scenario.persona]
    scorer = load_scorer()
    make = lambda seed: Rehearsal(scenario, persona, scorer, seed=seed)  # noqa: E731
    make.content, make.scorer = content, scorer
    return make


def test_recorded_rehearsal_can_be_replayed_from_the_store(tmp_path, engine):
    store = open_store(tmp_path / "h.sqlite3")
    recorder = Recorder(store, "ann")
    live = engine(11)
    rid = recorder.start(live, "practice")
    played = []
    for text in ANSWERS:
        if live.finished:
            break
        played.append(live.answer(text))
        recorder.record_turn(live, played[-1])
    store.close()  # as if the process died here

    with open_store(tmp_path / "h.sqlite3") as store:
        row = queries.rehearsal(store, rid)
        assert (row.participant, row.scenario_id, row.seed) == ("ann", "churn-model-drift", 11)
        stored = queries.turns(store, rid)
        assert [t["answer"] for t in stored] == [t.answer for t in played]
        assert [t["node_id"] for t in stored] == [t.node_id for t in played]
        assert stored[0]["score"] == played[0].score.to_dict()

        resumed = engine(row.seed)
        for text in store.answers(rid):
            resumed.answer(text)
        assert [t.next_node for t in resumed.turns] == [t.next_node for t in played]
        assert [t.score.overall for t in resumed.turns] == [t.score.overall for t in played]
        assert resumed.current.node_id == live.current.node_id or live.finished


def test_resume_continues_the_same_row_at_the_same_node(tmp_path, engine):
    store = open_store(tmp_path / "h.sqlite3")
    recorder = Recorder(store, "ann")
    live = engine(5)
    rid = recorder.start(live)
    recorder.record_turn(live, live.answer(ANSWERS[0]))
    store.close()  # killed here

    recorder = Recorder(open_store(tmp_path / "h.sqlite3"), "ann")
    again = resume(recorder, rid, engine.content, engine.scorer)
    assert again.current.node_id == live.current.node_id and len(again.turns) == 1
    if not again.finished:
        recorder.record_turn(again, again.answer(ANSWERS[1]))
        assert recorder.store.answers(rid) == ANSWERS[:2]
    recorder.finish(again, "finished")
    with pytest.raises(StoreError, match="is finished"):
        resume(recorder, rid, engine.content, engine.scorer)
    with pytest.raises(StoreError, match="no rehearsal 99"):
        resume(recorder, 99, engine.content, engine.scorer)
