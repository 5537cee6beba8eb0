"""Rubric files, in the manner of Vale styles.

``rubrics/<dimension>/<Rule>.yaml`` holds one rule (id ``<dimension>.<Rule>``);
``rubrics/lexicons/*.yaml`` holds word lists the rules and scorers share;
``rubrics/sets/*.yaml`` holds a rubric set: the weights and switches for a track.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from trainer.content.errors import nearest
from trainer.content.models.base import Regex, Slug, Strict, Token, compile_regex
from trainer.content.models.scenario import Dimension, Track


class _Rule(Strict):
    id: str | None = Field(None, description="Default: '<dimension>.<file name>'.")
    dimension: Dimension | None = Field(None, description="Default: the folder's name.")
    message: str = Field(description="What the answer did, observably; '%s' is the match.")
    suggestion: str | None = Field(None, description="A rewrite or next step; '%s' is the match.")
    level: Literal["error", "warning", "suggestion"] = "warning"
    effect: Literal["penalty", "credit"] = Field(
        "penalty", description="A penalty costs points; a credit is evidence for the dimension."
    )
    weight: float = Field(10, ge=0, le=100, description="Points per match, before the cap.")
    max_matches: int = Field(3, ge=1, le=100, description="Matches counted at most.")
    ignorecase: bool = True
    enabled: bool = True
    tracks: list[Track] = Field(default_factory=lambda: ["incident", "interview"])
    exceptions: list[Regex] = Field(
        default_factory=list,
        description="Regexes; a match whose sentence also matches one is not reported.",
    )
    context_sentences: int = Field(
        0, ge=0, le=3,
        description="How many sentences after the match's own the exceptions also look at.",
    )
    kind: str | None = Field(
        None, description="How the app highlights a match: jargon, hedge, blame, number, ..."
    )


class ExistenceRule(_Rule):
    """Reports each occurrence of any listed phrase (matched on word boundaries)."""

    extends: Literal["existence"]
    tokens: list[Token] = Field(min_length=1)


class SubstitutionRule(_Rule):
    """Reports a phrase and offers its replacement: ``swap: {phrase: replacement}``."""

    extends: Literal["substitution"]
    swap: dict[Token, str] = Field(min_length=1)


class PatternRule(_Rule):
    """Reports each match of a regular expression."""

    extends: Literal["pattern"]
    pattern: str

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        compile_regex(value)
        return value


class OccurrenceRule(_Rule):
    """Counts matches of ``token`` (or of a lexicon's entries) against ``min``/``max``."""

    extends: Literal["occurrence"]
    token: str | None = None
    lexicon: Slug | None = None
    scope: Literal["answer", "sentence"] = "answer"
    min: int | None = Field(None, ge=0)
    max: int | None = Field(None, ge=0)

    @field_validator("token")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            compile_regex(value)
        return value

    @model_validator(mode="after")
    def _bounds(self) -> OccurrenceRule:
        if self.min is None and self.max is None:
            raise ValueError("an occurrence rule needs 'min' or 'max'")
        if (self.token is None) == (self.lexicon is None):
            raise ValueError("an occurrence rule needs exactly one of 'token' or 'lexicon'")
        return self


class ConditionalRule(_Rule):
    """When ``first`` matches, ``second`` must match somewhere too, or it is reported."""

    extends: Literal["conditional"]
    first: str
    second: str

    @field_validator("first", "second")
    @classmethod
    def _compiles(cls, value: str) -> str:
        compile_regex(value)
        return value


class LexiconRule(_Rule):
    """Reports each entry of a lexicon (``rubrics/lexicons/<name>.yaml``) found in the answer."""

    extends: Literal["lexicon"]
    lexicon: Slug
    fuzzy: bool = Field(False, description="Match near-misses (plurals, hyphens, typos).")
    allow_explained: bool = Field(
        False, description="A term explained where it is used ('X, meaning ...') is not reported."
    )
    allow_from_question: bool = Field(
        False, description="A term the question itself used is not reported."
    )


MEASURES = (
    "over_budget", "too_short", "long_sentence", "bottom_line", "quantity", "metric_link",
    "no_number", "no_agent", "absent", "dated_commitment", "star_part", "fact_check", "kpi",
)
"""Measures computed in code; a ``measure`` rule file holds their words, weights and messages."""

MEASURE_PARAMS: dict[str, tuple[str, ...]] = {
    "over_budget": ("slack", "max_points"),
    "too_short": ("min_words", "ratio"),
    "long_sentence": ("max_words",),
    "bottom_line": ("min_words", "preamble", "cues", "signposts"),
    "quantity": ("families",),
    "metric_link": ("lexicon", "words"),
    "no_number": ("min_words", "briefing_suggestion"),
    "no_agent": ("credit_max", "credit_points", "min_words", "figure_questions"),
    "absent": ("of", "min_words"),
    "dated_commitment": ("of", "miss_points"),
    "star_part": ("part", "cues", "needs_number", "no_number_message", "after", "not_opening"),
    "fact_check": (),
    "kpi": ("miss_points",),
}
"""The parameters each measure reads: any other name is a typo that would do nothing."""
REGEX_PARAMS = frozenset({"preamble", "cues", "signposts", "figure_questions", "not_opening"})
"""Parameters that hold regexes (one, or a list): checked when the file is read."""


class MeasureRule(_Rule):
    """A structural measure (word budget, STAR parts, facts, ...) with its data and messages.

    The code computes it; the file carries the message, the weight, the switch
    and the parameters (thresholds, cue words), so a coach can tune it.
    """

    extends: Literal["measure"]
    measure: Literal[MEASURES]  # type: ignore[valid-type]
    credit_message: str | None = Field(
        None, description="Message for a credit the measure finds; '%s' is the match."
    )
    params: dict[str, float | int | str | list[str]] = Field(default_factory=dict)

    @field_validator("params")
    @classmethod
    def _known_params(cls, params: dict, info):
        known = MEASURE_PARAMS.get(str(info.data.get("measure", "")))
        if known is None:
            return params
        for name in params:
            if name not in known:
                close = nearest(name, known)
                hint = f"did you mean '{close}'?" if close else (
                    "expected one of: " + ", ".join(known) if known else "it takes none")
                raise ValueError(f"unknown param '{name}' for measure "
                                 f"'{info.data['measure']}'; {hint}")
            if name in REGEX_PARAMS:
                value = params[name]
                for pattern in value if isinstance(value, list) else [value]:
                    try:
                        compile_regex(str(pattern))
                    except ValueError as exc:
                        raise ValueError(f"'{name}': {exc}") from None
        return params


Rule = Annotated[
    ExistenceRule | SubstitutionRule | PatternRule | OccurrenceRule | ConditionalRule
    | LexiconRule | MeasureRule,
    Field(discriminator="extends"),
]
RULE_TYPES = ("existence", "substitution", "pattern", "occurrence", "conditional", "lexicon",
              "measure")


class LexiconEntry(Strict):
    """One phrase; for jargon, with the plain words a CEO would follow."""

    term: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    plain: str | None = Field(None, description="Jargon: the plain-language explanation.")
    context: str | None = Field(
        None, description="A regex the sentence must match too (for words with plain senses)."
    )
    exact: bool = Field(False, description="Never match near-misses of this term.")
    pattern: str | None = Field(
        None, description="A regex matched instead of the term's words (the term is its label)."
    )

    @field_validator("context", "pattern")
    @classmethod
    def _context_compiles(cls, value: str | None) -> str | None:
        if value is not None:
            compile_regex(value)
        return value
    suggestion: str | None = None
    note: str | None = None


class Lexicon(Strict):
    """A named list of phrases: hedges, fillers, blame phrases, jargon, ..."""

    lexicon: Slug
    description: str = ""
    entries: list[LexiconEntry] = Field(min_length=1)


class Focus(Strict):
    """When a dimension counts in full: only if the question asks for it."""

    asked: list[Regex] = Field(min_length=1, description="Regexes; any match in the question.")
    otherwise: float = Field(0.5, ge=0, le=1, description="Weight factor when not asked.")


class RubricSet(Strict):
    """Weights and switches for one track; scenarios name it in ``rubric``."""

    id: Slug
    track: Track
    description: str = ""
    budget: int = Field(60, ge=5, le=1000, description="Default answer budget in words.")
    weights: dict[Dimension, float] = Field(min_length=1)
    disable: list[str] = Field(default_factory=list, description="Rule ids switched off.")
    base: dict[Dimension, float] = Field(
        default_factory=dict,
        description="A dimension's score before any evidence (default: the scorer's).",
    )
    wpm: int = Field(150, ge=60, le=300, description="Speaking pace for the time estimate.")
    unfocused: float = Field(
        0.3, ge=0, le=1,
        description="Weight factor for a dimension a node's explicit 'focus' leaves out.",
    )
    focus: dict[Dimension, Focus] = Field(
        default_factory=dict,
        description="Dimensions that weigh in full only when the question asks for them "
        "(a plan, a cost, an update); with no question every weight is kept.",
    )
