"""The scenario file: a CEO conversation as a tree of named nodes.

Branch conditions are data (never an evaluated expression); the conversation
engine interprets them in order and the first that holds picks the next node.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, field_validator, model_validator

from trainer.content.models.base import Slug, Strict

Track = Literal["incident", "interview"]
Dimension = Literal[
    "brevity", "impact", "ownership", "jargon", "confidence", "solution",
    "follow_up", "structure", "accuracy", "tailoring",
]
DIMENSIONS: tuple[str, ...] = Dimension.__args__  # type: ignore[attr-defined]
StarPart = Literal["situation", "task", "action", "result", "learning"]
STAR_PARTS: tuple[str, ...] = StarPart.__args__  # type: ignore[attr-defined]
Scalar = int | float | str | bool
CHANGE = re.compile(r"[+-]\d+(?:\.\d+)?")
"""A ``set`` value that adds to a variable (as the conversation engine reads it)."""


def _a_change(value: Scalar) -> Scalar:
    """``"+1"`` adds one, but ``"+one"`` would replace the number with text: a value that
    starts with a sign must be a number after it."""
    if isinstance(value, str) and value.strip()[:1] in ("+", "-") \
            and not CHANGE.fullmatch(value.strip()):
        raise ValueError(f"'{value}' starts with a sign but is not a number to add: write "
                         f"\"+1\", \"-2\" or \"+0.5\" (digits after the sign), or a plain value")
    return value


SetValue = Annotated[Scalar, AfterValidator(_a_change)]


class Fact(Strict):
    """A number from the briefing that an answer may quote and is checked against."""

    id: Slug
    label: str = Field(description="What the number is, as the briefing says it.")
    value: float = Field(description="The number itself, without its unit.")
    unit: str = Field("", description="'$', '%', 'customers', 'hours', 'pp', ...")
    tolerance: float = Field(
        0.1, ge=0, le=1, description="Relative error accepted when an answer rounds (0.1 = 10%)."
    )
    keywords: list[str] = Field(
        default_factory=list,
        description="Words near a quoted number that tie it to this fact.",
    )


class Trend(Strict):
    """The metric's recent history, drawn as a small chart on the briefing screen."""

    label: str
    unit: str = ""
    labels: list[str] = Field(default_factory=list, description="x-axis labels, one per point")
    points: list[float] = Field(min_length=2)

    @model_validator(mode="after")
    def _label_per_point(self) -> Trend:
        if self.labels and len(self.labels) != len(self.points):
            raise ValueError(f"{len(self.labels)} label(s) for {len(self.points)} points: give "
                             f"one label per point, or no 'labels'")
        return self


class TalkingPoint(Strict):
    """Something a strong answer to this node covers."""

    id: Slug
    text: str = Field(description="The point in plain words, shown in the debrief.")
    keywords: list[str] = Field(
        default_factory=list,
        description="Words or short phrases that signal the point is covered (any one counts).",
    )


class Condition(Strict):
    """One test on the scored answer or the session. Exactly one kind key is set.

    Kinds: ``dimension`` with ``below``/``above``; ``finding`` or ``no_finding``
    (a rule id such as ``ownership.blame`` or a dimension name); ``covered`` or
    ``missing`` (a talking point id); ``mentions`` (any of these words);
    ``visits`` (a node id) or ``var`` (a session variable) with
    ``at_least``/``at_most``/``equals``; ``over_budget``; and ``all``, ``any``, ``not``.
    """

    dimension: Dimension | None = None
    below: float | None = Field(None, ge=0, le=100)
    above: float | None = Field(None, ge=0, le=100)
    finding: str | None = None
    no_finding: str | None = None
    covered: Slug | None = None
    missing: Slug | None = None
    mentions: list[str] | None = Field(None, min_length=1)
    visits: Slug | None = None
    var: Slug | None = None
    over_budget: bool | None = None
    at_least: float | None = None
    at_most: float | None = None
    equals: Scalar | None = None
    all: list[Condition] | None = Field(None, min_length=1)
    any: list[Condition] | None = Field(None, min_length=1)
    not_: Condition | None = Field(None, alias="not")

    @model_validator(mode="after")
    def _one_kind(self) -> Condition:
        kinds = [k for k in _KINDS if getattr(self, k) is not None]
        if len(kinds) != 1:
            names = ", ".join(("not" if k == "not_" else k) for k in _KINDS)
            found = ", ".join(kinds) or "none"
            raise ValueError(f"a condition needs exactly one of: {names} (found: {found})")
        kind = kinds[0]
        thresholds = [k for k in ("below", "above") if getattr(self, k) is not None]
        counts = [k for k in ("at_least", "at_most", "equals") if getattr(self, k) is not None]
        if kind == "dimension":
            if not thresholds or counts:
                raise ValueError("'dimension' needs 'below' or 'above' (a score from 0 to 100)")
        elif kind in ("visits", "var"):
            if not counts or thresholds:
                raise ValueError(f"'{kind}' needs 'at_least', 'at_most' or 'equals'")
        elif thresholds or counts:
            extra = ", ".join(thresholds + counts)
            raise ValueError(f"'{extra}' does not apply to a '{kind}' condition")
        return self

    @property
    def kind(self) -> str:
        return next(k for k in _KINDS if getattr(self, k) is not None)


_KINDS = ("dimension", "finding", "no_finding", "covered", "missing", "mentions",
          "visits", "var", "over_budget", "all", "any", "not_")


class Branch(Strict):
    """Where the conversation goes next. The last branch of a node has no ``when``."""

    when: Condition | None = Field(None, description="Omit on the final, fallback branch.")
    next: Slug
    set: dict[Slug, SetValue] = Field(
        default_factory=dict,
        description="Session variables to change; '+1' or '-1' adds to a number.",
    )
    say: str | None = Field(None, description="A reaction the CEO says before the next line.")


class Node(Strict):
    """One CEO line (with variants) and what follows the user's answer."""

    ceo: str | list[str] = Field(description="What the CEO says; a list gives variants.")
    once: bool = Field(False, description=(
        "Ask this node only the first time; a later visit is passed over through the first "
        "of its branches that holds for the answer that led there."))
    tags: list[str] = Field(default_factory=list)
    question: str | None = Field(
        None, description="The question being asked, if the line has more than the question."
    )
    talking_points: list[TalkingPoint] = Field(default_factory=list)
    budget: int | None = Field(
        None, ge=5, le=1000, description="Answer budget in words (default: the track's)."
    )
    focus: list[Dimension] = Field(
        default_factory=list,
        description="What this question asks for (e.g. [impact] for 'What does it cost?'). "
        "Brevity, ownership, jargon, confidence and accuracy always count; impact, "
        "solution, follow_up, structure and tailoring weigh less unless listed. "
        "Default: guessed from the question's wording by the rubric set.",
    )
    parts: list[StarPart] | None = Field(
        None,
        description="Interview track: the STAR+L parts this question asks for, e.g. "
        "[learning, action] for 'What would you change?'. Structure is scored on these "
        "parts only. Default: all five when focus is empty or lists structure; none when "
        "focus leaves structure out.",
    )
    exemplar: str | None = Field(None, description="A strong answer, shown on request.")
    set: dict[Slug, SetValue] = Field(default_factory=dict, description="Variables set on entry.")
    branches: list[Branch] = Field(default_factory=list)
    end: bool = False
    outcome: Literal["good", "mixed", "bad"] | None = Field(
        None, description="For an end node: how the meeting went."
    )

    @field_validator("ceo")
    @classmethod
    def _ceo_not_empty(cls, value: str | list[str]) -> str | list[str]:
        lines = [value] if isinstance(value, str) else value
        if not lines or any(not line.strip() for line in lines):
            raise ValueError("the CEO's line must not be empty")
        return value

    @property
    def lines(self) -> list[str]:
        return [self.ceo] if isinstance(self.ceo, str) else list(self.ceo)


class WrittenUpdate(Strict):
    """The written update promised at the end of the meeting, scored on its own."""

    prompt: str
    budget: int = Field(200, ge=20, le=2000)
    exemplar: str | None = None


class Scenario(Strict):
    """A rehearsal: the briefing, the facts and the CEO's conversation tree."""

    id: Slug
    title: str
    track: Track
    difficulty: Literal["easy", "medium", "hard"]
    persona: Slug = Field(description="The id of a persona file.")
    rubric: Slug | None = Field(None, description="Rubric set id (default: the track's).")
    summary: str = Field("", description="One line shown in lists.")
    briefing: str = Field(description="The facts the user may use, as Markdown.")
    facts: list[Fact] = Field(default_factory=list)
    trend: Trend | None = None
    tags: list[str] = Field(default_factory=list)
    vars: dict[Slug, Scalar] = Field(default_factory=dict)
    start: Slug
    nodes: dict[Slug, Node] = Field(min_length=1)
    written_update: WrittenUpdate | None = None

    @property
    def rubric_id(self) -> str:
        return self.rubric or self.track
