"""Reports of an interview name the interviewer, not the CEO: Markdown, HTML, and the
app's export alike."""

from __future__ import annotations

import pytest
from store_helpers import turn

from trainer.reports import build_report, render
from trainer.store import open_store


@pytest.fixture(scope="module")
def content():
    from trainer.content.loader import load_content
    from trainer.locations import content_roots

    return load_content(content_roots())


def _stored(tmp_path, scenario: str, persona: str):
    store = open_store(tmp_path / "r.sqlite3")
    rid = store.start_rehearsal("cand", scenario, scenario_title=scenario, persona_id=persona)
    store.add_turn(rid, turn(0) | {"ceo": "Tell me about a decision that went wrong.",
                                   "reaction": "Thank you, that's a good example."})
    return store, rid


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_an_interview_report_names_the_persona_role(tmp_path, content, fmt):
    store, rid = _stored(tmp_path, "interview-wrong-decision", "interviewer-sam")
    text = render(build_report(store, rid, content), fmt)
    assert "CEO" not in text
    if fmt == "md":
        assert "**Hiring manager:** Tell me about a decision" in text
        assert "*Hiring manager's reaction:* Thank you" in text
    else:
        assert "Hiring manager: Tell me about a decision" in text
        assert "Hiring manager's reaction: Thank you" in text


def test_without_its_content_an_interview_report_says_interviewer(tmp_path):
    store, rid = _stored(tmp_path, "interview-wrong-decision", "interviewer-sam")
    report = build_report(store, rid, None)
    assert report["scenario"]["track"] == "interview" and report["speaker"] == "Interviewer"
    md = render(report, "md")
    assert "**Interviewer:**" in md and "CEO" not in md


def test_an_incident_report_still_names_the_ceo(tmp_path, content):
    store, rid = _stored(tmp_path, "churn-model-drift", "maya-revenue")
    md = render(build_report(store, rid, content), "md")
    assert "**CEO:** Tell me about" in md and "*CEO's reaction:*" in md
    assert "**CEO:**" in render(build_report(store, rid, None), "md")
