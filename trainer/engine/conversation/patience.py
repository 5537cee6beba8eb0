"""How much of the persona's patience an answer spends.

Running over the word budget costs in proportion to the overrun: an answer
twice as long as the budget costs 30% of the persona's patience, so two or
three rambling answers end the meeting, as they would in a real one. Pointing
at others and answers that say almost nothing cost a tenth each.
"""

from __future__ import annotations

import math

OVERRUN_RATE = 0.30
"""Share of the full patience spent per 100% over the budget."""
BLAME_COST = 0.10
EMPTY_COST = 0.10
EMPTY_WORDS = 3
"""An answer of fewer words than this is an evasion, not an answer."""


def cost(*, words: int, budget: int, blame: bool, patience_max: int) -> int:
    """Patience points spent by one answer (0 for a good one)."""
    spent = 0.0
    if budget > 0 and words > budget:
        spent += patience_max * OVERRUN_RATE * (words - budget) / budget
    if blame:
        spent += patience_max * BLAME_COST
    if words < EMPTY_WORDS:
        spent += patience_max * EMPTY_COST
    return math.ceil(spent - 1e-9)
