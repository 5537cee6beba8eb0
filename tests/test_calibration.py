"""The scorer agrees with the labelled pairs: >= 0.9 overall, >= 0.85 on every dimension."""

from __future__ import annotations

import pytest

from tests.conftest import DATA
from trainer.engine.scoring import load_scorer
from trainer.engine.scoring.calibration import Pair, evaluate, load_pairs
from trainer.problems import TrainerError

PAIRS = DATA / "calibration" / "pairs.yaml"


@pytest.mark.skipif(not PAIRS.exists(), reason="labelled pairs not written yet")
def test_pairwise_accuracy_meets_the_bar():
    report = evaluate(load_scorer(), load_pairs(PAIRS))
    assert report["overall"]["total"] >= 60
    assert report["overall"]["accuracy"] >= 0.9, report["wrong"]
    for dim, row in report["dimensions"].items():
        assert row["accuracy"] >= 0.85, (dim, [w for w in report["wrong"] if w["on"] == dim])


HELD_OUT = sorted((DATA / "answers").glob("*_pairs.yaml"))


@pytest.mark.parametrize("path", HELD_OUT, ids=lambda p: p.stem)
def test_held_out_sets_stay_above_the_bar(path):
    """Sets written by others after the rules (blind_pairs.yaml without sight of them):
    small per dimension, so only the overall bar is held."""
    report = evaluate(load_scorer(), load_pairs(path))
    assert report["overall"]["accuracy"] >= 0.9, report["wrong"]


def test_subtle_pairs_do_not_slip_back():
    """Blind set 6: two competent answers, one realistic flaw apart. The scorer is weak
    here (0.65 when first run); the floor holds what has been won, not a target."""
    report = evaluate(load_scorer(), load_pairs(DATA / "subtle" / "blind6_pairs.yaml"))
    assert report["overall"]["accuracy"] >= 0.83, report["wrong"]


def test_a_tie_counts_as_wrong():
    same = "We rolled back the model; I'll update you by 5 pm."
    pair = Pair(id="tie", better=same, worse=same, differs_on=["solution"])
    report = evaluate(load_scorer(), [pair])
    assert report["overall"]["accuracy"] == 0
    assert report["dimensions"]["solution"]["accuracy"] == 0


def test_a_bad_pairs_file_names_the_line(tmp_path):
    path = tmp_path / "pairs.yaml"
    path.write_text("- id: a\n  better: x\n  worse: y\n  differs_on: [charm]\n")
    with pytest.raises(TrainerError, match=r"pairs.yaml:4: pair a: differs_on"):
        load_pairs(path)
