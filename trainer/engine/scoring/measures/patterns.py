"""How a measure names the scanners it reads whole answers with.

A measure that scans the whole answer with a ``Scanner`` declares it, per rule,
so that the scorer files it in its shared ``StartIndex``: the answer's word
starts are then read once for every rule and measure, where a regex of its own
would walk the whole answer again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from trainer.engine.scoring.scanner import Scanner

M = TypeVar("M", bound=Callable[..., None])


def reads_with(scanners_of: Callable[[Any], Iterable[Scanner]]) -> Callable[[M], M]:
    """Mark a measure with ``scanners_of(rule)``: the scanners it reads whole answers
    with for that rule (the scorer's runner exposes them as ``scanners``)."""
    def mark(measure: M) -> M:
        measure.scanners = scanners_of  # type: ignore[attr-defined]
        return measure
    return mark
