"""Branch conditions, interpreted (never evaluated as code).

Semantics, kind by kind (see ``Condition`` in the scenario model):

- ``dimension`` with ``below``/``above``: the answer's score on that dimension is
  strictly below/above the threshold (both given: between them). A dimension the
  scorer did not score for this answer makes the condition false.
- ``finding``/``no_finding``: a penalty finding of that rule id, or of any rule of
  that dimension, is present/absent (``ScoreResult.has_finding``).
- ``covered``/``missing``: a talking point was covered/not covered. A point of
  this node is judged on this answer; a point of another node counts as covered
  once any earlier answer in the meeting covered it.
- ``mentions``: any of the words or phrases appears as whole words, any case.
- ``visits``: how many times that node has been entered, this visit included.
- ``var``: a session variable; ``at_least``/``at_most`` need a number,
  ``equals`` compares numbers as numbers and anything else as text.
- ``over_budget``: the answer's word count is above the node's budget (true) or
  within it (false).
- ``all``/``any``/``not``: combine the above.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from trainer.content.models.scenario import Condition, Scalar
from trainer.engine.scoring.result import ScoreResult


@dataclass
class Situation:
    """Everything a condition may look at, right after one answer was scored."""

    answer: str
    score: ScoreResult
    words: int
    budget: int
    covered: Mapping[str, bool] = field(default_factory=dict)
    visits: Mapping[str, int] = field(default_factory=dict)
    vars: Mapping[str, Scalar] = field(default_factory=dict)


def holds(cond: Condition | None, s: Situation) -> bool:
    """Whether ``cond`` holds in ``s``; no condition (a fallback branch) always holds."""
    if cond is None:
        return True
    kind = cond.kind
    if kind == "dimension":
        value = s.score.score(cond.dimension)
        if value is None:
            return False
        return ((cond.below is None or value < cond.below)
                and (cond.above is None or value > cond.above))
    if kind == "finding":
        return s.score.has_finding(cond.finding)
    if kind == "no_finding":
        return not s.score.has_finding(cond.no_finding)
    if kind == "covered":
        return bool(s.covered.get(cond.covered, False))
    if kind == "missing":
        return not s.covered.get(cond.missing, False)
    if kind == "mentions":
        return any(_word_pattern(w).search(s.answer or "") for w in cond.mentions)
    if kind == "visits":
        return _compare(s.visits.get(cond.visits, 0), cond)
    if kind == "var":
        return _compare(s.vars.get(cond.var), cond)
    if kind == "over_budget":
        return (s.words > s.budget) == cond.over_budget
    if kind == "all":
        return all(holds(c, s) for c in cond.all)
    if kind == "any":
        return any(holds(c, s) for c in cond.any)
    if kind == "not_":
        return not holds(cond.not_, s)
    raise ValueError(f"unknown condition kind {kind!r}")  # the model rules this out


def _compare(value: Scalar | None, cond: Condition) -> bool:
    number = as_number(value)
    if cond.at_least is not None and (number is None or number < cond.at_least):
        return False
    if cond.at_most is not None and (number is None or number > cond.at_most):
        return False
    if cond.equals is not None:
        wanted = as_number(cond.equals)
        if wanted is not None and number is not None:
            return number == wanted
        return value is not None and str(value).strip().lower() == str(cond.equals).strip().lower()
    return True


def as_number(value: Scalar | None) -> float | None:
    """A number for numbers and numeric text; ``None`` otherwise (booleans are not numbers)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value).strip())
    except ValueError:
        return None


@lru_cache(maxsize=512)
def _word_pattern(word: str) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(w) for w in word.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def apply_set(values: dict[str, Scalar], changes: Mapping[str, Scalar]) -> None:
    """Apply a node's or branch's ``set``: '+N'/'-N' add to a number, anything else replaces."""
    for name, change in changes.items():
        if isinstance(change, str) and re.fullmatch(r"[+-]\d+(?:\.\d+)?", change.strip()):
            base = as_number(values.get(name)) or 0.0
            total = base + float(change)
            values[name] = int(total) if total == int(total) else total
        else:
            values[name] = change


def mentioned_keys(cond: Condition | None) -> set[str]:
    """Dimensions and rule ids a condition tests (used to avoid saying a reaction twice)."""
    if cond is None:
        return set()
    keys = {k for k in (cond.dimension, cond.finding, cond.no_finding) if k}
    keys |= {k.split(".")[0] for k in keys}
    if cond.over_budget:
        keys |= {"over_budget", "brevity"}
    for child in (cond.all or []) + (cond.any or []) + ([cond.not_] if cond.not_ else []):
        keys |= mentioned_keys(child)
    return keys
