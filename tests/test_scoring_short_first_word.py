"""Lexicon phrases whose first word is shorter than three letters are found too."""

from __future__ import annotations

from trainer.engine.scoring import load_scorer


def test_phrases_opening_with_a_short_word_are_matched():
    result = load_scorer().score("I think we lost a lot of customers. I guess it could be worse.")
    found = {(f.rule, f.text) for f in result.findings}
    assert ("confidence.hedge", "I think") in found
    assert ("confidence.hedge", "I guess") in found
    assert any(rule == "impact.vague" and "a lot" in text for rule, text in found)
