"""Resuming a rehearsal that was killed or left: replay its stored answers with its seed.

The conversation engine is deterministic for a seed and a list of answers, so
the rebuilt rehearsal stands at the same node with the same patience and
variables; recording then continues into the same database row.
"""

from __future__ import annotations

from typing import Any

from trainer.store.db import StoreError
from trainer.store.recorder import Recorder


def resume(recorder: Recorder, rehearsal_id: int, content: Any, scorer: Any) -> Any:
    """The rebuilt ``Rehearsal`` for ``rehearsal_id``, attached to ``recorder``.

    Raises :class:`StoreError` when the rehearsal, its scenario or its persona is
    missing, or when the meeting had already ended.
    """
    from trainer.engine.conversation import Rehearsal
    from trainer.store import queries

    row = queries.rehearsal(recorder.store, rehearsal_id)
    if row is None:
        raise StoreError(f"no rehearsal {rehearsal_id} in {recorder.store.path}")
    if row.status == "finished":
        raise StoreError(f"rehearsal {rehearsal_id} is finished; see it with "
                         f"'rehearse report {rehearsal_id}'")
    scenario = content.scenarios.get(row.scenario_id)
    if scenario is None:
        raise StoreError(f"rehearsal {rehearsal_id} is of scenario '{row.scenario_id}', "
                         "which is not loaded")
    persona = content.personas.get(row.persona_id or scenario.persona)
    if persona is None:
        raise StoreError(f"rehearsal {rehearsal_id} needs persona '{row.persona_id}', "
                         "which is not loaded")
    rehearsal = Rehearsal.replay(scenario, persona, scorer, recorder.store.answers(rehearsal_id),
                                 seed=row.seed)
    recorder.attach(rehearsal, rehearsal_id)
    return rehearsal
