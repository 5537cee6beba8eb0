"""The working state while one answer is scored: text, context and findings so far."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from trainer.content.models.rubric import RubricSet
from trainer.engine.scoring.context import AnswerContext
from trainer.engine.scoring.quantities import Quantity, find_quantities
from trainer.engine.scoring.result import Finding, new_finding
from trainer.engine.scoring.text import Text


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str | None, match: str = "", **values: Any) -> str:
    """A rule's message with '%s' as the match and '{name}' as a measured value."""
    return _values_in((template or "").replace("%s", match), values)


def _values_in(text: str, values: dict[str, Any]) -> str:
    """``text`` with each '{name}' in it replaced by its value (an unknown name kept as it is)."""
    if "{" not in text:
        return text
    try:
        try:
            return text.format_map(values)
        except KeyError:  # a name nothing measured: kept as written
            return text.format_map(_Blank(values))
    except (ValueError, IndexError, AttributeError):
        return text  # a stray brace in a coach's message: show it as written


@dataclass
class Job:
    """One answer being scored."""

    text: Text
    ctx: AnswerContext
    rubric_set: RubricSet
    budget: int
    findings: list[Finding] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)
    lexicons: dict[str, Any] = field(default_factory=dict)
    """The content's lexicons, for measures that take their words from one."""
    memo: dict[Any, Any] = field(default_factory=dict)
    _quantities: list[Quantity] | None = None
    listener: str = field(init=False)
    """Who hears the answer, for the rules' "{listener}": the CEO or the interviewer."""

    def __post_init__(self) -> None:
        self.listener = "the interviewer" if self.ctx.track == "interview" else "the CEO"

    @property
    def quantities(self) -> list[Quantity]:
        if self._quantities is None:
            self._quantities = find_quantities(self.text.clean, self.text.subject)
        return self._quantities

    def add(self, rule: Any, start: int, end: int, *, message: str | None = None,
            suggestion: str | None = None, effect: str | None = None, points: float | None = None,
            kind: str | None = None, **values: Any) -> Finding:
        """Record a finding from ``rule`` over ``[start, end)`` of the answer."""
        matched = self.text.raw[start:end]
        effect = effect or rule.effect
        if suggestion is None:
            suggestion = "" if effect == "credit" else rule.suggestion
        # one message for both tracks: "{listener}" is the CEO or the interviewer
        values.setdefault("listener", self.listener)
        template = rule.message if message is None else message
        # a message quotes a long span cut short (a pasted page is not said back whole)
        said = matched if len(matched) <= 80 else matched[:79].rstrip() + "…"
        message = _values_in((template or "").replace("%s", said), values)  # as ``fill``
        suggestion = _values_in((suggestion or "").replace("%s", said), values)
        finding = new_finding({
            "rule": rule.id, "dimension": rule.dimension, "start": start, "end": end,
            "text": matched, "message": message, "suggestion": suggestion, "effect": effect,
            "kind": kind or rule.kind or "",
            "points": round(rule.weight if points is None else points),
        })
        self.findings.append(finding)
        return finding

    def lexicon_words(self, name: str) -> list[str]:
        lex = self.lexicons.get(name)
        if lex is None:
            return []
        return [w for e in lex.entries for w in (e.term, *e.aliases)]

    def credits(self, *rule_ids: str) -> list[Finding]:
        return [f for f in self.findings if f.effect == "credit" and f.rule in rule_ids]

    def dimension_credits(self, dimension: str) -> list[Finding]:
        return [f for f in self.findings if f.effect == "credit" and f.dimension == dimension]
