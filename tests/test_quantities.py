"""Numbers and their units as the impact and accuracy rules see them."""

from __future__ import annotations

import pytest

from trainer.engine.scoring.quantities import find_quantities


def found(text: str) -> list[tuple[str, str, bool]]:
    return [(q.text, q.family, q.is_business) for q in find_quantities(text)]


@pytest.mark.parametrize("text, expected", [
    ("error rate from 22% to 15%", [("22%", "percent", True), ("15%", "percent", True)]),
    ("complaints fell from 340 to 40", [("from 340 to 40", "share", True)]),
    ("failed from 7 to 9:40 this morning", [("7", "number", False), ("9:40", "clock", False)]),
    ("from 2019 to 2021", [("2019", "number", False), ("2021", "number", False)]),
    ("$200k a year", [("$200k", "money", True), ("a year", "period", False)]),
    ("down for 3 hours", [("3 hours", "duration", True)]),
    # how sure someone is, not what it costs
    ("I'm 100% sure", [("100%", "odds", False)]),
    ("about 80% likely to recur", [("80%", "odds", False)]),
    ("about 1.2 lakh customers", [("1.2 lakh customers", "count", True)]),
    ("a third of the bookings", [("a third of", "share", True)]),
    # a duration that says when, not how long the harm lasted
    ("two weeks before the deadline", [("two weeks", "when", False)]),
    ("four months into the project", [("four months", "when", False)]),
    ("down for three days before anyone noticed", [("three days", "duration", True)]),
    # money said without a sign: a scaled amount per period, or in words
    ("around 50k a week", [("50k", "money", True), ("a week", "period", False)]),
    ("fifty thousand dollars", [("fifty thousand dollars", "money", True)]),
    ("we have 50k users", [("50k users", "count", True)]),
])
def test_units_and_whether_they_are_a_business_magnitude(text, expected):
    assert found(text) == expected


def test_a_lakh_is_a_hundred_thousand():
    assert find_quantities("1.2 lakh customers")[0].value == 120_000


def test_a_period_is_not_a_magnitude_so_a_vague_amount_beside_it_stays_vague():
    from trainer.engine.scoring import load_scorer

    result = load_scorer().score("We paid the partner a fair amount each year for seats "
                                 "unused for 90 days.")
    assert result.has_finding("impact.vague")
