"""Readability comes through the scorer with every socket blocked."""

from __future__ import annotations

import socket

from trainer.engine.scoring import load_scorer


def test_readability_through_the_scorer_with_sockets_blocked(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the scorer tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    result = load_scorer().score("Our churn model misclassifies five percent more customers. "
                                 "I recommend retraining it this week.")
    assert 0 <= result.stats["reading_grade"] <= 20
    assert 0 <= result.stats["reading_ease"] <= 100


def test_readability_is_clamped_on_one_huge_word():
    result = load_scorer().score("supercalifragilistic" * 250 + " is the word here.")
    assert 0 <= result.stats.get("reading_grade", 0) <= 20
    assert 0 <= result.stats.get("reading_ease", 0) <= 100
