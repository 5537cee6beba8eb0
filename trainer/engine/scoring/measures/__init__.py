"""Measures computed in code; each ``measure`` rule file names one and holds its data.

A measure is ``fn(rule, job)``: it reads the answer (and the findings so far)
and adds findings through ``job.add``. ``LATE`` measures run after every other
rule, because they look at what the others found.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from trainer.engine.scoring.measures import brevity, briefing, evidence, structure
from trainer.engine.scoring.state import Job

Measure = Callable[[Any, Job], None]

MEASURES: dict[str, Measure] = {
    "over_budget": brevity.over_budget,
    "too_short": brevity.too_short,
    "long_sentence": brevity.long_sentence,
    "bottom_line": brevity.bottom_line,
    "quantity": evidence.quantity,
    "metric_link": evidence.metric_link,
    "no_number": evidence.no_number,
    "no_agent": evidence.no_agent,
    "absent": evidence.absent,
    "dated_commitment": evidence.dated_commitment,
    "star_part": structure.star_part,
    "fact_check": briefing.fact_check,
    "kpi": briefing.kpi,
}
LATE = {"too_short", "absent", "dated_commitment", "no_number", "metric_link", "bottom_line"}
