"""What the persona says about an answer's weakness before the next line.

An answer can show several weaknesses; the persona voices at most one, the most
pressing (blame first, then jargon, a missing number, a missing STAR+L part,
hedging, no plan, no follow-up, length). A weakness is only voiced where it
matters: a missing number when the question is about what happened or what it
costs, a missing plan when the question asks for one, and so on.

A reaction is left out when the scenario already reacts to the answer: the
branch taken has a condition (the node reached by the blame branch says "I'm
not interested in whose fault it is" itself, and any node an author routes a
weak answer to is that author's reaction; blame alone is still voiced there when
the branch is about something else), or the branch tests that weakness, or the
next line already says something close to it. The same weakness a
second time it is raised uses the persona's ``repeated`` line with ``{weakness}``
filled in.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from trainer.content.models.persona import Persona
from trainer.engine.scoring.result import ScoreResult

ORDER = ("blame", "jargon", "no_number", "missing_part", "hedging", "no_solution",
         "no_follow_up", "over_budget")

PHRASES = {
    "blame": "you've pointed elsewhere",
    "jargon": "that was jargon",
    "no_number": "no number",
    "missing_part": "part of the story is missing",
    "hedging": "you've hedged",
    "no_solution": "no plan",
    "no_follow_up": "no date for the next update",
    "over_budget": "that ran long",
}
"""How a weakness is named inside the persona's ``repeated`` line."""

DEFAULT_LINES = {
    "blame": "I'm not interested in whose fault it is.",
    "jargon": "In plain English?",
    "no_number": "What does that cost us?",
    "missing_part": "And the {part}?",
    "hedging": "Do you know, or are you guessing?",
    "no_solution": "What are you doing about it?",
    "no_follow_up": "When do I hear from you?",
    "over_budget": "Shorter, please.",
    "repeated": "That's the {count} time {weakness}.",
    "patience_lost": "I have to stop you there. Send me the rest in writing.",
}
"""Said when the persona file has no line of its own for that weakness."""

KEYS = {
    "blame": {"ownership", "ownership.blame"},
    "jargon": {"jargon"},
    "no_number": {"impact", "impact.no_number"},
    "hedging": {"confidence", "confidence.hedge"},
    "no_solution": {"solution", "solution.no_plan"},
    "no_follow_up": {"follow_up", "follow_up.missing"},
    "over_budget": {"brevity", "over_budget", "brevity.over_budget"},
}
"""The dimensions and rule ids a branch condition tests when it reacts to a weakness."""

JARGON_BELOW = 60
IMPACT_BELOW = 50
CONFIDENCE_BELOW = 60
SOLUTION_BELOW = 40
FOLLOW_UP_BELOW = 40
OVER_BUDGET_RATIO = 1.2
"""A little over the budget is not worth a remark; a fifth over is."""
SIMILAR_LINE = 85
"""rapidfuzz partial_ratio above which the next line already says the reaction."""

_ASKS_IMPACT = re.compile(
    r"\b(cost|costing|impact|happen|happened|going on|how bad|how much|how many|risk|"
    r"what'?s wrong|tell me|problem|affect|lose|losing|revenue|number)", re.IGNORECASE)
_ASKS_PLAN = re.compile(
    r"\b(doing about|plan|recommend|recommendation|fix|next steps?|what now|"
    r"what (?:will|are|would|do) you (?:do|doing|going)|how will you|prevent|options?)\b",
    re.IGNORECASE)
_ASKS_FOLLOW_UP = re.compile(
    # "the update" alone is the thing that broke ("Who approved the update?"), not a report
    r"\b(keep me (?:updated|posted|informed)|update me|(?:an|next|written|send me an?) update|"
    r"when will|by when|when do i|report back|hear from you)\b", re.IGNORECASE)
_STAR_ORDER = ("situation", "task", "action", "result", "learning")


@dataclass(frozen=True)
class Weakness:
    key: str
    """One of ``ORDER``."""
    part: str = ""
    """For ``missing_part``: the STAR+L part."""
    keys: frozenset[str] = field(default_factory=frozenset)


def detect(score: ScoreResult, *, question: str, words: int, budget: int, track: str,
           numbers_expected: bool = False) -> list[Weakness]:
    """The weaknesses of one scored answer worth a reaction, most pressing first."""
    found: list[Weakness] = []

    def add(key: str, part: str = "", extra: Sequence[str] = ()) -> None:
        found.append(Weakness(key, part, frozenset(KEYS.get(key, set()) | set(extra))))

    if score.has_finding("ownership.blame") or _has_kind(score, "blame"):
        add("blame")
    if _below(score, "jargon", JARGON_BELOW):
        add("jargon")
    asks_impact = numbers_expected or _ASKS_IMPACT.search(question)
    if _below(score, "impact", IMPACT_BELOW) and asks_impact:
        add("no_number")
    if track == "interview":
        missing = [p for p in _STAR_ORDER if p in (score.stats.get("missing_parts") or [])]
        if missing:
            add("missing_part", missing[0], ("structure", f"structure.{missing[0]}"))
    if _below(score, "confidence", CONFIDENCE_BELOW) and _has_kind(score, "hedge"):
        add("hedging")
    if _below(score, "solution", SOLUTION_BELOW) and _ASKS_PLAN.search(question):
        add("no_solution")
    if _below(score, "follow_up", FOLLOW_UP_BELOW) and _ASKS_FOLLOW_UP.search(question):
        add("no_follow_up")
    if budget and words > budget * OVER_BUDGET_RATIO:
        add("over_budget")
    return found


def _below(score: ScoreResult, dimension: str, threshold: float) -> bool:
    value = score.score(dimension)
    return value is not None and value < threshold


def _has_kind(score: ScoreResult, kind: str) -> bool:
    return any(f.effect == "penalty" and f.kind == kind for f in score.findings)


def lines_for(persona: Persona, key: str) -> list[str]:
    """The persona's lines for a reaction key, or the default line."""
    own = list(getattr(persona.reactions, key, []) or [])
    return own or [DEFAULT_LINES[key]]


def already_said(weakness: Weakness, persona: Persona, tested: set[str],
                 next_lines: Sequence[str]) -> bool:
    """Whether the branch or the next line already reacts to this weakness."""
    if weakness.keys & tested:
        return True
    candidates = lines_for(persona, weakness.key)
    return any(fuzz.partial_ratio(_plain(c), _plain(n)) >= SIMILAR_LINE
               for c in candidates for n in next_lines if c and n)


def _plain(line: str) -> str:
    return re.sub(r"\{\w+\}", "", line).lower().strip()


def react(weaknesses: Sequence[Weakness], persona: Persona, rng: random.Random, *,
          history: dict[str, int], tested: set[str],
          next_lines: Sequence[str]) -> tuple[str, str | None]:
    """The line voiced for the most pressing weakness not already said, and that
    weakness's key; ``('', None)`` when there is none to voice.

    ``history`` counts how often the persona has already raised each weakness
    (voiced, or said by the scenario's own node); one raised before uses the
    ``repeated`` line. A weakness merely seen before, never said, is said afresh.
    """
    for weakness in weaknesses:
        if already_said(weakness, persona, tested, next_lines):
            continue
        raised = history.get(weakness.key, 0)
        if raised:
            template = rng.choice(lines_for(persona, "repeated"))
            return fill(template, weakness=PHRASES[weakness.key], part=weakness.part,
                        count=ordinal(raised + 1)), weakness.key
        line = fill(rng.choice(lines_for(persona, weakness.key)), part=weakness.part or "result")
        return line, weakness.key
    return "", None


def fill(template: str, **values: str) -> str:
    """Fill ``{weakness}``, ``{part}``, ``{count}``; unknown or stray braces stay as written."""
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), template)


def ordinal(n: int) -> str:
    return {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}.get(n, f"{n}th")
