"""The nuance checklist over a whole meeting, one verdict for every view.

The debrief, the exported reports and ``rehearse drill`` all show it; they once
each had their own rule (any answer, half the answers, a count), so the same
meeting read differently in each.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def _field(item: Any, name: str) -> Any:
    """A checklist item is a ``ChecklistItem`` when scored now, a dict when read back."""
    return item.get(name) if isinstance(item, dict) else getattr(item, name, None)


def over_meeting(answers: Iterable[tuple[int, Iterable[Any]]]) -> list[dict[str, Any]]:
    """Each item of the answers' checklists, in first-seen order, as ``{item, passed,
    of, met, evidence, turn}``: met when at least half the answers met it.

    ``answers`` are (turn number, that answer's checklist). The evidence comes from the
    first answer that agrees with the verdict, so a failed item never shows the
    evidence of the one answer that passed it; ``turn`` says which answer that was.
    """
    rows: dict[str, dict[str, Any]] = {}
    passing: dict[str, tuple[int, str]] = {}
    failing: dict[str, tuple[int, str]] = {}
    for turn, checklist in answers:
        for item in checklist or ():
            name = str(_field(item, "item") or "")
            row = rows.setdefault(name, {"item": name, "passed": 0, "of": 0})
            row["of"] += 1
            evidence = str(_field(item, "evidence") or "")
            if _field(item, "passed"):
                row["passed"] += 1
                passing.setdefault(name, (turn, evidence))
            else:
                failing.setdefault(name, (turn, evidence))
    for name, row in rows.items():
        row["met"] = 2 * row["passed"] >= row["of"]
        row["turn"], row["evidence"] = (passing if row["met"] else failing)[name]
    return list(rows.values())
