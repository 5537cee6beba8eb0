"""What the scorer knows about an answer besides its text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from trainer.content.models.persona import Persona
from trainer.content.models.scenario import Fact, TalkingPoint


@dataclass
class AnswerContext:
    """The question, track and scenario details an answer is scored against.

    Everything is optional: with no context an answer is scored as an incident
    answer to an unknown question, with the track's default word budget.
    """

    track: Literal["incident", "interview"] = "incident"
    question: str | None = None
    budget: int | None = None
    """Words; ``None`` means the rubric set's default (60 incident, 250 interview)."""
    facts: list[Fact] = field(default_factory=list)
    """The briefing's numbers; with them, quoted numbers are checked (accuracy)."""
    persona: Persona | None = None
    """Who is asking; with one, the answer is scored on their priorities (tailoring)."""
    rubric: str | None = None
    """Rubric set id; ``None`` means the set named like the track."""
    disabled: set[str] = field(default_factory=set)
    """Rule ids switched off for this answer only."""
    briefing: str = ""
    """The briefing's text: a number it states is never marked wrong when quoted."""
    focus: list[str] = field(default_factory=list)
    """Dimensions the question asks for (a node's ``focus``); empty means guess from
    the question's wording."""
    talking_points: list[TalkingPoint] = field(default_factory=list)
    """The node's talking points; the result says which the answer covered."""
    parts: list[str] | None = None
    """Interview track: the STAR+L parts the question asks for (a node's ``parts``);
    ``None`` means all five, unless ``focus`` leaves structure out."""
