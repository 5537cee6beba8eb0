"""The nuance checklist over a whole meeting, one verdict for every view.

The debrief, the exported reports and ``rehearse drill`` all show it; they once
each had their own rule (any answer, half the answers, a count), so the same
meeting read differently in each.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from trainer.engine.scoring.checklist import ITEMS
from trainer.engine.scoring.result import UNASKED_WEIGHT

_DIMENSION_OF = {ITEMS[2]: ("solution",), ITEMS[6]: ("follow_up",),
                 ITEMS[5]: ("tailoring", "impact"),
                 "The interviewer's priorities": ("tailoring", "impact")}
"""The items a question may not ask for, and the dimension each is judged on."""


def _field(item: Any, name: str) -> Any:
    """A checklist item is a ``ChecklistItem`` when scored now, a dict when read back."""
    return item.get(name) if isinstance(item, dict) else getattr(item, name, None)


def over_meeting(answers: Iterable[tuple[int, Iterable[Any], Mapping[str, float] | None]]
                 ) -> list[dict[str, Any]]:
    """Each item of the answers' checklists, in first-seen order, as ``{item, passed,
    of, met, evidence, turn}``: met when at least half the answers met it.

    ``answers`` are (turn number, that answer's checklist, its dimension weights or
    ``None``). An answer to a question that did not ask for a plan, an update or the
    business impact (its weight fell below ``UNASKED_WEIGHT``) is left out of that item,
    unless no answer was asked for it. The evidence comes from the first answer that
    agrees with the verdict, so a failed item never shows the evidence of the one answer
    that passed it; ``turn`` says which answer that was.
    """
    answers = list(answers)
    asked_somewhere = {name for _, checklist, weights in answers for item in checklist or ()
                       if _asked(name := str(_field(item, "item") or ""), weights)}
    rows: dict[str, dict[str, Any]] = {}
    passing: dict[str, tuple[int, str]] = {}
    failing: dict[str, tuple[int, str]] = {}
    for turn, checklist, weights in answers:
        for item in checklist or ():
            name = str(_field(item, "item") or "")
            if name in asked_somewhere and not _asked(name, weights):
                continue
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


def _asked(name: str, weights: Mapping[str, float] | None) -> bool:
    """Whether the answer's question asked for what the item judges."""
    dims = _DIMENSION_OF.get(name)
    if not dims or not weights:
        return True
    dim = next((d for d in dims if d in weights), None)
    return dim is None or weights[dim] >= UNASKED_WEIGHT
