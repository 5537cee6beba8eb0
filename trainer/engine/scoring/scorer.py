"""The scorer: rubric files compiled once, then any number of answers scored."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from operator import attrgetter
from pathlib import Path
from typing import Any

from trainer.content.loader import Content
from trainer.content.models.rubric import MeasureRule, RubricSet
from trainer.engine.scoring import aggregate
from trainer.engine.scoring.checklist import build_checklist
from trainer.engine.scoring.config import UserConfig, load_user_config
from trainer.engine.scoring.context import AnswerContext
from trainer.engine.scoring.measures import LATE, MEASURES
from trainer.engine.scoring.readability import readability
from trainer.engine.scoring.result import Finding, ScoreResult
from trainer.engine.scoring.rules import CompiledRule
from trainer.engine.scoring.start_index import StartIndex
from trainer.engine.scoring.state import Job
from trainer.engine.scoring.talking_points import coverage
from trainer.engine.scoring.text import MAX_CHARS, Text

ALWAYS = ("brevity", "impact", "ownership", "jargon", "confidence", "solution", "follow_up")
_DEFAULT_SETS = {
    "incident": RubricSet(id="incident", track="incident", budget=60, weights={"ownership": 1.0}),
    "interview": RubricSet(id="interview", track="interview", budget=250,
                           weights={"ownership": 1.0}),
}


class _MeasureRunner:
    def __init__(self, rule: MeasureRule) -> None:
        self.rule = rule
        self.id = rule.id
        self.dimension = rule.dimension
        self.fn = MEASURES[rule.measure]
        self.late = rule.measure in LATE
        # what it reads whole answers with, for ``_index_rules`` to file in the shared index
        self.scanners = self.fn.scanners(rule) if hasattr(self.fn, "scanners") else ()

    def run(self, job: Job) -> None:
        self.fn(self.rule, job)


class Scorer:
    """Scores answers against the rubric files of one ``Content``."""

    def __init__(self, content: Content, config: UserConfig | None = None) -> None:
        self.content = content
        self.user_disabled = set(config.disable) if config else set()
        self.warnings: list[str] = []
        unknown = sorted(self.user_disabled - set(content.rules))
        if unknown:
            self.warnings.append("configuration disables unknown rule(s): " + ", ".join(unknown))
        self._early: list[Any] = []
        self._late: list[Any] = []
        self._caps: dict[str, int] = {}
        for rule_id, rule in sorted(content.rules.items()):
            if not rule.enabled:
                continue
            try:
                compiled = (_MeasureRunner(rule) if isinstance(rule, MeasureRule)
                            else CompiledRule(rule, content.lexicons))
            except (KeyError, re.error) as exc:
                self.warnings.append(f"rule '{rule_id}' skipped: {exc}")
                continue
            if not isinstance(rule, MeasureRule):
                self._caps[rule_id] = rule.max_matches
            (self._late if getattr(compiled, "late", False) else self._early).append(compiled)
        self._starts: StartIndex | None = None
        self._picked: dict[tuple[str, tuple[str, ...], frozenset[str]], list[Any]] = {}

    def _index_rules(self) -> None:
        """File every rule's alternatives in one index, so that an answer's words are read
        once for all of them; done at the first answer, as compiling the alternatives
        was, to keep loading quick."""
        self._starts = StartIndex()
        for compiled in self._early + self._late:
            for scanner in getattr(compiled, "scanners", ()):
                scanner.index_into(self._starts)

    def _runners(self, track: str, dims: list[str], off: set[str]) -> list[Any]:
        """The rules an answer runs: of its track and dimensions, not switched off. Picked
        once for each such combination (there are a handful), not for every answer."""
        key = (track, tuple(dims), frozenset(off))
        runners = self._picked.get(key)
        if runners is None:
            runners = self._picked[key] = [
                runner for runner in self._early + self._late
                if runner.id not in off and runner.dimension in dims
                and track in runner.rule.tracks]
        return runners

    @staticmethod
    def _asked(rubric_set: RubricSet, question: str | None) -> frozenset[str] | None:
        """The dimensions of the set's ``focus`` the question's wording asks about, or
        ``None`` when there is no question to go by."""
        if not question:
            return None
        return frozenset(dim for dim, focus in rubric_set.focus.items()
                         if any(_regex(p).search(question) for p in focus.asked))

    def rubric_set(self, ctx: AnswerContext) -> RubricSet:
        wanted = ctx.rubric or ctx.track
        found = self.content.rubric_sets.get(wanted) or self.content.rubric_sets.get(ctx.track)
        return found or _DEFAULT_SETS[ctx.track]

    def score(self, answer: str, ctx: AnswerContext | None = None) -> ScoreResult:
        """Score one answer. Never raises on odd text: empty, emoji, binary junk all score."""
        ctx = ctx or AnswerContext()
        if self._starts is None:
            self._index_rules()
        if ctx.track not in ("incident", "interview"):
            ctx = AnswerContext(**{**ctx.__dict__, "track": "incident"})
        rubric_set = self.rubric_set(ctx)
        text = Text(answer if isinstance(answer, str) else str(answer or ""), MAX_CHARS)
        budget = ctx.budget or rubric_set.budget
        job = Job(text=text, ctx=ctx, rubric_set=rubric_set, budget=max(5, int(budget)),
                  lexicons=self.content.lexicons)
        asked = None if ctx.focus else self._asked(rubric_set, ctx.question)
        dims = list(ALWAYS)
        # A story told to an interviewer owes no report back unless the question is
        # about keeping people informed (a node's focus says so); but a story that
        # tells of a promise to report is judged on whether the promise had a time.
        only_if_promised = ctx.track == "interview" and not _asks_for("follow_up", ctx, asked)
        if ctx.track == "interview" and _asks_for_story(ctx):
            dims.append("structure")
        if ctx.facts:
            dims.append("accuracy")
        if ctx.persona is not None:
            dims.append("tailoring")
        off = self.user_disabled | set(rubric_set.disable) | set(ctx.disabled)
        notes: list[str] = []
        for runner in self._runners(ctx.track, dims, off):
            try:
                runner.run(job)
            except Exception as exc:  # noqa: BLE001 - one broken rule must not sink the answer
                notes.append(f"rule {runner.id} could not run: {exc}")
        if "accuracy" in dims and not job.stats.get("facts_checked"):
            dims.remove("accuracy")  # no number of the answer could be checked
        if only_if_promised and not any(f.dimension == "follow_up" and f.effect == "credit"
                                        for f in job.findings):
            dims.remove("follow_up")
        findings = _counted(job.findings, set(dims), job.memo.get("explained", ()), self._caps)
        findings.sort(key=_BY_SPAN)
        groups = aggregate.FindingGroups(findings)
        scores = aggregate.dimension_scores(dims, groups, rubric_set)
        scores = aggregate.scale_for_length(scores, text.word_count, notes)
        weights = _weights(rubric_set, ctx.focus, asked)
        stats = self._stats(job, text, budget)
        stats["weights"] = {d: round(weights.get(d, 1.0), 2) for d in scores}
        if text.capped:
            notes.insert(0, f"The answer was {text.original_length:,} characters; only the first "
                            f"{MAX_CHARS:,} were scored.")
        return ScoreResult(
            overall=aggregate.overall(scores, weights),
            dimensions=scores,
            findings=findings,
            checklist=build_checklist(scores, groups, stats, ctx.track),
            points=coverage(text.raw, ctx.talking_points),
            stats=stats,
            notes=notes,
        )

    @staticmethod
    def _stats(job: Job, text: Text, budget: int) -> dict[str, Any]:
        wpm = job.rubric_set.wpm
        n = text.word_count
        fillers = sum(1 for f in job.findings if f.kind == "filler")
        stats: dict[str, Any] = {
            "words": n,
            "sentences": len(text.sentences),
            "speaking_seconds": round(n * 60 / wpm),
            "budget": budget,
            "budget_seconds": round(budget * 60 / wpm),
            "longest_sentence_words": max(map(text.words_in, text.sentences), default=0),
            "numbers": sum(1 for q in job.quantities if q.is_business),
            "fillers": fillers,
            "fillers_per_100_words": round(fillers * 100 / n, 1) if n else 0.0,
            "chars": text.original_length,
        }
        stats.update({k: v for k, v in job.stats.items() if k != "facts_checked"})
        if job.stats.get("star"):
            stats["missing_parts"] = [p for p, ok in job.stats["star"].items() if not ok]
        stats.update(readability(text.word_lows, len(text.sentences)))
        return stats


def _counted(findings: list[Finding], dims: set[str],
             explained: Sequence[tuple[str, int, int]], caps: dict[str, int]) -> list[Finding]:
    """The findings that count, heaviest first (most points, then most words):

    - those of the answer's dimensions, but no penalty on a term explained in place;
    - two penalties of one dimension on overlapping words count once (the heavier one),
      so that a general rule never doubles up on what a specific rule already reported;
    - matches past a rule's ``max_matches`` still show, but move no points.
    """
    kept = []
    taken: dict[str, list[tuple[int, int]]] = {}  # the kept penalties' spans, by dimension
    seen: dict[tuple[str, str], int] = {}  # matches so far, by rule and effect
    for f in sorted(findings, key=_heaviest_first):
        if f.dimension not in dims:
            continue
        if f.effect == "penalty":
            if explained and _covered(f, explained):
                continue
            spans = taken.setdefault(f.dimension, [])
            start, end = f.start, f.end
            if end > start and _overlaps(spans, start, end):
                continue
            spans.append((start, end))
        cap = caps.get(f.rule)
        if cap is not None:
            key = (f.rule, f.effect)
            seen[key] = count = seen.get(key, 0) + 1
            if count > cap and f.points:
                f = f.with_points(0)
        kept.append(f)
    return kept


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    for s, e in spans:
        if s < end and start < e:
            return True
    return False


def _heaviest_first(f) -> tuple[int, int]:
    return -(f.points or 0), -(f.end - f.start)


_BY_SPAN = attrgetter("start", "end", "rule")


@cache
def _regex(pattern: str) -> re.Pattern[str]:
    """A rubric set's focus pattern, compiled once."""
    return re.compile(pattern, re.IGNORECASE)


def _asks_for_story(ctx: AnswerContext) -> bool:
    """Whether an interview question asks for STAR+L parts: those a node names, else all
    of them, unless its focus is on something else ("What was your part in it?")."""
    if ctx.parts is not None:
        return bool(ctx.parts)
    return not ctx.focus or "structure" in ctx.focus


def _asks_for(dim: str, ctx: AnswerContext, asked: frozenset[str] | None) -> bool:
    """Whether the node's focus, or else the question's wording (``asked``), asks about ``dim``."""
    if ctx.focus:
        return dim in ctx.focus
    return asked is not None and dim in asked


def _covered(finding, spans) -> bool:
    """Whether a span of the finding's own dimension overlaps it."""
    return any(dim == finding.dimension and start < finding.end and finding.start < end
               for dim, start, end in spans)


_HOW = frozenset({"brevity", "ownership", "jargon", "confidence", "accuracy"})
"""Dimensions about how an answer is said, whatever the question."""


def _weights(rubric_set: RubricSet, focus: list[str] | None,
             asked: frozenset[str] | None) -> dict[str, float]:
    """The set's weights, with dimensions the question did not ask for weighed less.

    A node that names its ``focus`` says exactly what it asks; otherwise ``asked``
    holds the dimensions the question's wording matched (see ``Scorer._asked``).
    """
    weights = {d: float(w) for d, w in rubric_set.weights.items()}
    if focus:
        # How an answer is said always counts in full; what it says counts for what was asked.
        return {d: w if d in focus or d in _HOW else w * rubric_set.unfocused
                for d, w in weights.items()}
    if asked is None:
        return weights
    for dim, dim_focus in rubric_set.focus.items():
        if dim not in asked:
            weights[dim] = weights.get(dim, 1.0) * dim_focus.otherwise
    return weights




def load_scorer(extra_content_dirs: list[str] | None = None,
                config: UserConfig | Path | None = None) -> Scorer:
    """Load the shipped and user content and build a scorer from its rubric files.

    ``config`` is a ``UserConfig``, a path to a config file, or ``None`` for the
    user's own file (if there is one).
    """
    from trainer.content.loader import load_content
    from trainer.locations import content_roots

    content = load_content(content_roots(extra_content_dirs))
    if not isinstance(config, UserConfig):
        config = load_user_config(config)
    return Scorer(content, config)


@lru_cache(maxsize=1)
def default_scorer() -> Scorer:
    """One shared scorer for the shipped content and the user's configuration."""
    return load_scorer()


def score(answer: str, ctx: AnswerContext | None = None) -> ScoreResult:
    """Score with the shared default scorer."""
    return default_scorer().score(answer, ctx)
