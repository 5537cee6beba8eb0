"""Good answers (the seeds' own among them) raise no ownership, confidence or jargon finding."""

from __future__ import annotations

import pytest
import yaml

from tests.conftest import DATA
from trainer.engine.scoring import AnswerContext, load_scorer

FILE = DATA / "good_answers.yaml"
ANSWERS = yaml.safe_load(FILE.read_text(encoding="utf-8")) if FILE.exists() else []


@pytest.fixture(scope="module")
def scorer():
    return load_scorer()


def test_there_are_at_least_30_good_answers():
    assert len(ANSWERS) >= 30


@pytest.mark.parametrize("item", ANSWERS, ids=[a["id"] for a in ANSWERS])
def test_no_ownership_confidence_or_jargon_finding(scorer, item):
    ctx = AnswerContext(track=item.get("track", "incident"), question=item.get("question"))
    result = scorer.score(item["answer"], ctx)
    found = [(f.rule, f.text) for f in result.findings
             if f.effect == "penalty" and f.dimension in ("ownership", "confidence", "jargon")]
    assert found == []
    assert result.overall >= 55
