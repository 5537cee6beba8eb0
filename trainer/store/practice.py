"""What to practise next: the scenario that stresses a dimension the most."""

from __future__ import annotations

from typing import Any


def _mentions(condition: Any, dimension: str) -> int:
    """How many tests in a branch condition look at ``dimension`` (nested ones included)."""
    if condition is None:
        return 0
    count = 0
    if getattr(condition, "dimension", None) == dimension:
        count += 1
    for key in ("finding", "no_finding"):
        value = getattr(condition, key, None) or ""
        if value == dimension or value.startswith(dimension + "."):
            count += 1
    for key in ("all", "any"):
        count += sum(_mentions(c, dimension) for c in getattr(condition, key, None) or [])
    return count + _mentions(getattr(condition, "not_", None), dimension)


def stress(scenario: Any, dimension: str) -> int:
    """How hard a scenario leans on ``dimension``: branches that react to it, and its tags."""
    total = sum(_mentions(b.when, dimension)
                for node in scenario.nodes.values() for b in node.branches)
    tags = {t.lower().replace("-", "_") for t in scenario.tags}
    return total + (2 if dimension in tags else 0)


def scenario_for(content: Any, dimension: str, played: dict[str, int] | None = None) -> str | None:
    """The scenario id to drill ``dimension``: most stress, then least played, then by id."""
    played = played or {}
    scenarios = list(getattr(content, "scenarios", {}).values())
    if not scenarios:
        return None
    best = min(scenarios, key=lambda s: (-stress(s, dimension), played.get(s.id, 0), s.id))
    return best.id
