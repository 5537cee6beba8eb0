"""Best and last count the meetings that reached their end: an abandoned 2-answer
rehearsal's 81 or a 1-answer browser session's 87 is no best. The newest rehearsal of a
scenario, when it was cut off with answers, is what the app offers to resume."""

from __future__ import annotations

from store_helpers import turn

from trainer.store import open_store
from trainer.store.recorder import Recorder


def _rehearsal(store, overall: int, answers: int, status: str | None,
               scenario: str = "churn-model-drift", who: str = "ann") -> int:
    rid = store.start_rehearsal(who, scenario)
    for i in range(answers):
        store.add_turn(rid, turn(i, overall=overall))
    if status is not None:
        store.end_rehearsal(rid, status, "good" if status == "finished" else None)
    return rid


def test_best_and_last_are_of_finished_rehearsals(tmp_path):
    with open_store(tmp_path / "h.sqlite3") as store:
        recorder = Recorder(store, "ann")
        _rehearsal(store, 81, 2, "abandoned")
        assert recorder.best_and_last("churn-model-drift") == (None, None)
        _rehearsal(store, 60, 5, "finished")
        _rehearsal(store, 70, 5, "finished")
        _rehearsal(store, 87, 1, None)  # a browser session never ended: in progress
        _rehearsal(store, 99, 4, "finished", who="bob")  # someone else's
        assert recorder.best_and_last("churn-model-drift") == (70, 70)


def test_the_newest_cut_off_rehearsal_with_answers_is_unfinished(tmp_path):
    with open_store(tmp_path / "h.sqlite3") as store:
        recorder = Recorder(store, "ann")
        assert recorder.unfinished("churn-model-drift") is None
        _rehearsal(store, 60, 5, "finished")
        assert recorder.unfinished("churn-model-drift") is None
        quit_mid_meeting = _rehearsal(store, 80, 2, None)
        found = recorder.unfinished("churn-model-drift")
        assert found.id == quit_mid_meeting and found.turn_count == 2
        assert recorder.unfinished("fraud-false-positives") is None
        _rehearsal(store, 0, 0, None)  # started, no answer: nothing to carry on
        assert recorder.unfinished("churn-model-drift") is None
        left = _rehearsal(store, 50, 1, "abandoned")
        assert recorder.unfinished("churn-model-drift").id == left
        _rehearsal(store, 70, 5, "finished")  # finished since: nothing to resume
        assert recorder.unfinished("churn-model-drift") is None
