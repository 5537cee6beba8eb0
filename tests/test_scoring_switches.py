"""Rules switch off in a rule file, a rubric set, the user's config or per answer."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from trainer.engine.scoring import AnswerContext, load_scorer
from trainer.engine.scoring.config import UserConfig, load_user_config
from trainer.problems import TrainerError

HEDGY = "I think the churn model is maybe broken; we're retraining it by Friday."


def test_context_and_user_config_disable_rules():
    scorer = load_scorer()
    assert scorer.score(HEDGY).has_finding("confidence.hedge")
    assert not scorer.score(HEDGY, AnswerContext(disabled={"confidence.hedge"})).has_finding(
        "confidence.hedge")
    quiet = load_scorer(config=UserConfig(disable=["confidence.hedge"]))
    assert not quiet.score(HEDGY).has_finding("confidence.hedge")


def test_user_config_file_is_validated_with_file_and_line(tmp_path):
    good = tmp_path / "config.yaml"
    good.write_text("disable:\n  - confidence.hedge\n")
    assert load_user_config(good).disable == ["confidence.hedge"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("disable: confidence.hedge\nextra: 1\n")
    with pytest.raises(TrainerError, match=r"bad.yaml:\d+:"):
        load_user_config(bad)
    assert load_user_config(tmp_path / "missing.yaml").disable == []


def test_coach_folder_can_disable_in_a_set_and_switch_off_a_rule_file(tmp_path):
    coach = tmp_path / "coach" / "rubrics"
    (coach / "sets").mkdir(parents=True)
    (coach / "confidence").mkdir()
    src = (ROOT / "rubrics" / "sets" / "incident.yaml").read_text()
    (coach / "sets" / "incident.yaml").write_text(src + "disable: [confidence.hedge]\n")
    rule = (ROOT / "rubrics" / "confidence" / "alarmist.yaml").read_text()
    (coach / "confidence" / "alarmist.yaml").write_text(rule + "enabled: false\n")
    from trainer.content.loader import load_content
    from trainer.engine.scoring import Scorer
    from trainer.locations import content_subdirs

    roots = [ROOT / "rubrics", ROOT / "personas", ROOT / "scenarios",
             *content_subdirs(coach.parent)]
    content = load_content(roots)
    scorer = Scorer(content)
    result = scorer.score(HEDGY + " It's a disaster.")
    assert not result.has_finding("confidence.hedge")
    assert not result.has_finding("confidence.alarmist")
