"""The persona file: who asks the questions, what they care about, how they react."""

from __future__ import annotations

from pydantic import Field

from trainer.content.models.base import Slug, Strict


class Priority(Strict):
    """A KPI the persona cares about, with the words that show an answer speaks to it."""

    kpi: Slug = Field(description="revenue, cost, reputation, regulation, retention, ...")
    words: list[str] = Field(min_length=1)


class Reactions(Strict):
    """Lines the persona says when an answer lacks something. One is picked per use."""

    jargon: list[str] = Field(default_factory=list)
    no_number: list[str] = Field(default_factory=list)
    blame: list[str] = Field(default_factory=list)
    hedging: list[str] = Field(default_factory=list)
    over_budget: list[str] = Field(default_factory=list)
    no_solution: list[str] = Field(default_factory=list)
    no_follow_up: list[str] = Field(default_factory=list)
    missing_part: list[str] = Field(
        default_factory=list, description="Interview: a STAR+L part is missing; '{part}' is filled."
    )
    repeated: list[str] = Field(
        default_factory=list, description="The same weakness twice; '{weakness}' is filled."
    )
    patience_lost: list[str] = Field(default_factory=list)
    good: list[str] = Field(default_factory=list)


class Persona(Strict):
    """A CEO (or interviewer) the user rehearses with."""

    id: Slug
    name: str
    role: str
    style: str = Field("", description="How they talk, in a few words.")
    cares_about: list[Priority] = Field(min_length=1)
    patience: int = Field(
        100, ge=10, le=1000, description="Patience points; answers over budget spend them."
    )
    reactions: Reactions = Field(default_factory=Reactions)
