"""The app's thin bridge to the engine: loading, starting a rehearsal, the debrief figures.

Heavy modules (pydantic models, the scorer) are imported inside these functions so
that the app's first frame does not wait for them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

TRACK_ORDER = ("incident", "interview")
DIFFICULTY_ORDER = {"easy": 0, "medium": 1, "hard": 2}


def load_content(content_dirs: list[str] | None) -> Any:
    """Load shipped content plus the user's folders; problems are collected, not raised."""
    from trainer.content.loader import load_content as _load
    from trainer.locations import content_roots

    return _load(content_roots(content_dirs))


def peek_catalog(content_dirs: list[str] | None) -> Any:
    """The quick catalog for the home screen (see ``trainer.tui.catalog``)."""
    from trainer.locations import content_roots
    from trainer.tui.catalog import cached_catalog

    return cached_catalog(content_roots(content_dirs))


def load_scorer(content: Any) -> Any:
    """The scorer, built from the content already loaded and the user's configuration."""
    from trainer.engine.scoring.config import load_user_config
    from trainer.engine.scoring.scorer import Scorer

    scorer = Scorer(content, load_user_config(None))
    # The first answer compiles the rules' patterns (about 0.15 s); do it here, in the
    # loading worker, so that the user's first answer is as quick as the others.
    from trainer.engine.scoring.context import AnswerContext

    for track in ("incident", "interview"):
        scorer.score("We lost about $5,000 a week because the model drifted; I own it, and "
                     "I will send an update by Friday.", AnswerContext(track=track))
    return scorer


def ordered_scenarios(content: Any) -> list[Any]:
    """Scenarios grouped by track, then by difficulty and title."""
    return sorted(
        content.scenarios.values(),
        key=lambda s: (TRACK_ORDER.index(s.track) if s.track in TRACK_ORDER else 9,
                       DIFFICULTY_ORDER.get(s.difficulty, 9), s.title.lower()),
    )


def start_rehearsal(content: Any, scorer: Any, scenario_id: str, seed: int) -> Any:
    """A new rehearsal of ``scenario_id`` with its persona."""
    try:
        from trainer.engine.conversation import Rehearsal
    except ImportError:  # the package may not re-export it
        from trainer.engine.conversation.session import Rehearsal

    scenario = content.scenarios[scenario_id]
    persona = content.personas[scenario.persona]
    return Rehearsal(scenario, persona, scorer, seed=seed)


@dataclass
class Debrief:
    """What the debrief shows, averaged over the turns of a rehearsal."""

    overall: int
    dimensions: dict[str, int]
    checklist: list[tuple[str, bool, str]] = field(default_factory=list)
    outcome: str | None = None


def debrief_of(rehearsal: Any) -> Debrief:
    """Overall and per-dimension means, and the checklist over the whole meeting.

    A checklist item counts as met when at least half the answers met it
    (``over_meeting``, as in the reports and ``rehearse drill``).
    """
    from trainer.engine.conversation.meeting_checklist import over_meeting

    summary = getattr(rehearsal, "summary", None)
    turns = list(rehearsal.turns)
    if callable(summary):
        s = summary()
        overall, dimensions = s.get("overall") or 0, dict(s.get("dimensions", {}))
        items, outcome = s.get("checklist", []), s.get("outcome")
    else:
        dims: dict[str, list[int]] = {}
        for turn in turns:
            for name, dim in turn.score.dimensions.items():
                dims.setdefault(name, []).append(dim.score)
        overall = round(sum(t.score.overall for t in turns) / len(turns)) if turns else 0
        dimensions = {k: round(sum(v) / len(v)) for k, v in dims.items()}
        items = over_meeting((n, t.score.checklist, t.score.stats.get("weights"))
                             for n, t in enumerate(turns, 1))
        outcome = getattr(rehearsal, "outcome", None)
    checklist = [(f"{c['item']} ({c['passed']}/{c['of']})", c["met"], c["evidence"])
                 for c in items]
    return Debrief(overall=overall, dimensions=dimensions, checklist=checklist, outcome=outcome)
