"""A rehearsal: one walk through a scenario tree, answer by answer.

See the package docstring for the API. Everything random (which variant of a
CEO line, which reaction line) comes from generators seeded with ``seed``, so
the same seed and the same answers always give the same meeting: a killed
rehearsal is resumed by replaying its answers (:meth:`Rehearsal.replay`).
"""

from __future__ import annotations

import random
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from trainer.content.models.persona import Persona
from trainer.content.models.scenario import DIMENSIONS, Node, Scenario, TalkingPoint
from trainer.engine.conversation import patience as patience_rules
from trainer.engine.conversation import reactions
from trainer.engine.conversation.conditions import Situation, apply_set, holds, mentioned_keys
from trainer.engine.conversation.meeting_checklist import over_meeting
from trainer.engine.conversation.written_update import score_update
from trainer.engine.scoring.context import AnswerContext
from trainer.engine.scoring.result import PointCoverage, ScoreResult
from trainer.engine.scoring.talking_points import coverage

DEFAULT_BUDGET = {"incident": 60, "interview": 250}
"""Words, when neither the node nor the scorer's rubric set names a budget."""
GOOD_REACTION_FROM = 85
"""An answer this good, with no weakness, may earn the persona's 'good' line."""
_WORD = re.compile(r"\S+")


class RehearsalOver(RuntimeError):
    """An answer was given after the meeting ended."""


@dataclass(frozen=True)
class Prompt:
    """What the CEO says now and what the answer is measured against."""

    node_id: str
    ceo: str
    """The line as shown: the reaction to the last answer (if any), then the node's line."""
    question: str
    budget: int
    """Answer budget in words."""
    talking_points: list[TalkingPoint] = field(default_factory=list)
    exemplar: str | None = None
    line: str = ""
    """The node's line alone, without the reaction."""
    reaction: str = ""
    end: bool = False
    tags: list[str] = field(default_factory=list)


@dataclass
class Turn:
    """One answered question: what was asked, answered, scored, and where it led."""

    index: int
    node_id: str
    ceo: str
    question: str
    answer: str
    score: ScoreResult
    points: list[PointCoverage]
    branch: int | None
    """Index of the branch taken in the node's list; ``None`` when the meeting ended early."""
    next_node: str | None
    """The node reached (where a `once` node seen before was passed over, the node it led
    to), or ``None`` when the persona ran out of patience."""
    reaction: str = ""
    """What the persona said about this answer before the next line ('' if nothing)."""
    weaknesses: list[str] = field(default_factory=list)
    patience: int = 0
    """Patience left after this answer."""
    patience_spent: int = 0
    started_at: float = 0.0
    answered_at: float = 0.0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``node``, ``ceo``, ``answer``, ``score``, ``next`` and the rest."""
        return {
            "index": self.index, "node": self.node_id, "node_id": self.node_id,
            "ceo": self.ceo, "question": self.question, "answer": self.answer,
            "score": self.score.to_dict(), "points": [asdict(p) for p in self.points],
            "branch": self.branch, "next": self.next_node, "next_node": self.next_node,
            "reaction": self.reaction, "weaknesses": list(self.weaknesses),
            "patience": self.patience, "patience_spent": self.patience_spent,
            "seconds": round(self.seconds, 3),
        }


class Rehearsal:
    """One meeting with ``persona`` over ``scenario``'s tree, scored by ``scorer``."""

    def __init__(self, scenario: Scenario, persona: Persona, scorer: Any, *, seed: int = 0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.scenario, self.persona, self.scorer = scenario, persona, scorer
        self.seed, self.clock = seed, clock
        self.vars: dict[str, Any] = dict(scenario.vars)
        self.visits: Counter[str] = Counter()
        self.turns: list[Turn] = []
        self.patience_max = persona.patience
        self.patience = persona.patience
        self.finished = False
        self.outcome: str | None = None
        self.final_line = ""
        """The last thing the CEO says: the end node's line, or the patience_lost line."""
        self.update_text: str | None = None
        self.update_score: ScoreResult | None = None
        self._lines_rng = random.Random(f"{seed}:lines")
        self._react_rng = random.Random(f"{seed}:reactions")
        self._said: dict[str, list[int]] = {}
        self._raised: Counter[str] = Counter()
        """How often each weakness has been put to the user, by a reaction or a node."""
        self._budget_default = self._default_budget()
        self._asked_at = 0.0
        self.current: Prompt = self._enter(scenario.start, "")

    # -- moving through the tree ----------------------------------------------------

    @property
    def node(self) -> Node:
        return self.scenario.nodes[self.current.node_id]

    def _enter(self, node_id: str, reaction: str) -> Prompt:
        for _ in range(len(self.scenario.nodes) + 1):
            node = self.scenario.nodes[node_id]
            self.visits[node_id] += 1
            apply_set(self.vars, node.set)
            # A `once` node seen before is passed over: the CEO does not ask it again, and
            # its own branches decide where the meeting goes (see _pass_over).
            if not (node.once and self.visits[node_id] > 1 and not node.end and self.turns):
                break
            branch = self._pass_over(node_id, node)
            if branch is None:  # no branch holds (no fallback): ask it after all
                break
            apply_set(self.vars, branch.set)
            if branch.say:
                reaction = branch.say
            node_id = branch.next
        line = self._pick_line(node_id, node)
        shown = f"{reaction} {line}" if reaction else line
        prompt = Prompt(
            node_id=node_id, ceo=shown, question=node.question or line,
            budget=node.budget or self._budget_default, talking_points=list(node.talking_points),
            exemplar=node.exemplar, line=line, reaction=reaction, end=node.end,
            tags=list(node.tags),
        )
        self.current = prompt
        self._asked_at = self.clock()
        if node.end:
            self._finish(node.outcome or "mixed", shown)
        return prompt

    def _pass_over(self, node_id: str, node: Node) -> Any:
        """The branch a `once` node seen before takes without asking its question.

        Its branches are judged on the answer that led to it, as if that answer had been
        given to this node: scored in its context (question, focus, budget) and matched
        against its talking points. The first branch whose ``when`` holds is taken.
        """
        last = self.turns[-1]
        ctx = self.context(node_id)
        score = self.scorer.score(last.answer, ctx)
        points = coverage(last.answer, list(node.talking_points))
        covered = {p.id: True for t in self.turns for p in t.points if p.covered}
        covered.update({p.id: p.covered for p in points})
        situation = Situation(last.answer, score, _words(score, last.answer), ctx.budget,
                              covered, self.visits, self.vars)
        return next((b for b in node.branches if holds(b.when, situation)), None)

    def _pick_line(self, node_id: str, node: Node) -> str:
        """A variant not yet said at this node if there is one, chosen by the seed."""
        lines = node.lines
        said = self._said.setdefault(node_id, [])
        fresh = [i for i in range(len(lines)) if i not in said] or list(range(len(lines)))
        choice = fresh[0] if len(fresh) == 1 else self._lines_rng.choice(fresh)
        said.append(choice)
        return lines[choice]

    def _finish(self, outcome: str, final_line: str) -> None:
        self.finished, self.outcome, self.final_line = True, outcome, final_line

    def _default_budget(self) -> int:
        finder = getattr(self.scorer, "rubric_set", None)
        if callable(finder):
            try:
                found = finder(AnswerContext(track=self.scenario.track,
                                             rubric=self.scenario.rubric))
                if getattr(found, "budget", None):
                    return int(found.budget)
            except Exception:  # noqa: BLE001 - a scorer without rubric sets still works
                pass
        return DEFAULT_BUDGET.get(self.scenario.track, 60)

    # -- answering -----------------------------------------------------------------

    def context(self, node_id: str | None = None) -> AnswerContext:
        """What an answer at ``node_id`` (default: the current node) is scored against."""
        if node_id is None or node_id == self.current.node_id:
            question, budget = self.current.question, self.current.budget
            points = self.current.talking_points
            node = self.node
        else:
            node = self.scenario.nodes[node_id]
            question, budget = node.question or node.lines[0], node.budget or self._budget_default
            points = node.talking_points
        return AnswerContext(
            track=self.scenario.track, question=question, budget=budget,
            facts=list(self.scenario.facts), persona=self.persona, rubric=self.scenario.rubric,
            talking_points=list(points), focus=list(node.focus), parts=node.parts,
            briefing=self.scenario.briefing,
        )

    def answer(self, text: str) -> Turn:
        """Score ``text`` as the answer to the current line and move the meeting on."""
        if self.finished:
            raise RehearsalOver("the meeting is over; no more answers are taken")
        text = text if isinstance(text, str) else str(text or "")
        prompt, node = self.current, self.node
        answered_at = self.clock()
        score = self.scorer.score(text, self.context())
        points = coverage(text, prompt.talking_points)
        score.points = points  # one coverage for branches, debrief and JSON alike
        words = _words(score, text)
        # A point of another node counts as covered once any earlier answer covered it;
        # this node's own points are judged on this answer alone.
        covered = {p.id: True for t in self.turns for p in t.points if p.covered}
        covered.update({p.id: p.covered for p in points})
        situation = Situation(text, score, words, prompt.budget, covered, self.visits, self.vars)
        index, branch = next(((i, b) for i, b in enumerate(node.branches)
                              if holds(b.when, situation)), (None, None))
        weak = reactions.detect(
            score, question=prompt.question, words=words, budget=prompt.budget,
            track=self.scenario.track, numbers_expected=_numbers_expected(prompt))
        spent = patience_rules.cost(words=words, budget=prompt.budget,
                                    blame=any(w.key == "blame" for w in weak),
                                    patience_max=self.patience_max)
        self.patience = max(0, self.patience - spent)
        reaction, next_node = "", None
        if branch is not None:
            apply_set(self.vars, branch.set)
        if self.patience <= 0:
            reaction = self._react_rng.choice(reactions.lines_for(self.persona, "patience_lost"))
            self._finish("patience", reaction)
        elif branch is None:  # a node with no way on (the linter reports these)
            self._finish("mixed", "")
        else:
            reaction = self._reaction(branch, weak, score)
            next_node = branch.next
        turn = Turn(
            index=len(self.turns), node_id=prompt.node_id, ceo=prompt.ceo,
            question=prompt.question, answer=text, score=score, points=points, branch=index,
            next_node=next_node, reaction=reaction, weaknesses=[w.key for w in weak],
            patience=self.patience, patience_spent=spent, started_at=self._asked_at,
            answered_at=answered_at, seconds=max(0.0, answered_at - self._asked_at),
        )
        self.turns.append(turn)
        if next_node is not None:
            # A `once` node seen before may pass the meeting on: record where it went.
            entered = self._enter(next_node, reaction)
            turn.next_node, turn.reaction = entered.node_id, entered.reaction
        return turn

    def _reaction(self, branch: Any, weak: list[reactions.Weakness], score: ScoreResult) -> str:
        if branch.say:
            return branch.say
        target = self.scenario.nodes[branch.next]
        tested = mentioned_keys(branch.when)
        # a weakness the branch tests, or the next line says, is put to the user by the node
        self._raised.update(w.key for w in weak if reactions.already_said(
            w, self.persona, tested, target.lines))
        if target.end:
            return ""  # a question right before the meeting ends would go unanswered
        if branch.when is not None:
            # The author's node for this answer is the reaction (never say it twice); but
            # blame is never let pass: "What does that cost us?" after "the pricing team
            # broke it" would read as if the blame were fine.
            weak = [w for w in weak if w.key == "blame"]
            if not weak:
                return ""
        said, voiced = reactions.react(weak, self.persona, self._react_rng,
                                       history=dict(self._raised), tested=tested,
                                       next_lines=target.lines)
        if voiced:
            self._raised[voiced] += 1
        if said or weak:
            return said
        good = self.persona.reactions.good
        last = self.turns[-1].reaction if self.turns else ""
        if good and score.overall >= GOOD_REACTION_FROM and last not in good:
            return self._react_rng.choice(good)
        return ""

    # -- after the meeting ---------------------------------------------------------

    def write_update(self, text: str) -> ScoreResult:
        """Score the written update promised at the end (incident scenarios)."""
        task = self.scenario.written_update
        ctx = AnswerContext(
            track=self.scenario.track, question=task.prompt if task else "Written update",
            budget=task.budget if task else 200, facts=list(self.scenario.facts),
            persona=self.persona, rubric=self.scenario.rubric,
        )
        self.update_text = text
        self.update_score = score_update(text, self.scorer, ctx)
        return self.update_score

    def summary(self) -> dict[str, Any]:
        """Means over the turns, the weakest dimension, the outcome and the checklist."""
        dims: dict[str, list[int]] = {}
        covered = missing = 0
        missing_points: list[str] = []
        for turn in self.turns:
            for name, dim in turn.score.dimensions.items():
                dims.setdefault(name, []).append(dim.score)
            for p in turn.points:
                covered += p.covered
                missing += not p.covered
                if not p.covered:
                    missing_points.append(p.text)
        means = {d: round(sum(v) / len(v)) for d, v in dims.items()}
        order = {d: i for i, d in enumerate(DIMENSIONS)}
        weakest = min(means, key=lambda d: (means[d], order.get(d, 99))) if means else None
        overall = (round(sum(t.score.overall for t in self.turns) / len(self.turns))
                   if self.turns else None)
        return {
            "scenario": self.scenario.id, "persona": self.persona.id, "seed": self.seed,
            "turns": len(self.turns), "overall": overall, "dimensions": means,
            "weakest": weakest, "outcome": self.outcome, "finished": self.finished,
            "track": self.scenario.track,
            "patience": self.patience, "patience_max": self.patience_max,
            "checklist": over_meeting((n, t.score.checklist, t.score.stats.get("weights"))
                                      for n, t in enumerate(self.turns, 1)),
            "points": {"covered": covered, "missing": missing,
                       "missing_points": list(dict.fromkeys(missing_points))},
            "written_update": self.update_score.overall if self.update_score else None,
        }

    # -- saving and resuming -------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """Everything needed to show or resume the rehearsal, JSON-ready."""
        return {
            "scenario": self.scenario.id, "persona": self.persona.id, "seed": self.seed,
            "answers": [t.answer for t in self.turns],
            "turns": [t.to_dict() for t in self.turns],
            "current": None if self.finished else self.current.node_id,
            "vars": dict(self.vars), "visits": dict(self.visits),
            "patience": self.patience, "patience_max": self.patience_max,
            "finished": self.finished, "outcome": self.outcome, "final_line": self.final_line,
            "summary": self.summary(),
        }

    def replay_answers(self, answers: Iterable[str]) -> list[Turn]:
        """Give ``answers`` in order (stopping if the meeting ends); returns the new turns."""
        done = []
        for text in answers:
            if self.finished:
                break
            done.append(self.answer(text))
        return done

    @classmethod
    def replay(cls, scenario: Scenario, persona: Persona, scorer: Any, answers: Iterable[str],
               *, seed: int = 0, clock: Callable[[], float] = time.monotonic) -> Rehearsal:
        """Rebuild a rehearsal from its seed and saved answers (same meeting, same turns)."""
        rehearsal = cls(scenario, persona, scorer, seed=seed, clock=clock)
        rehearsal.replay_answers(answers)
        return rehearsal


def _words(score: ScoreResult, text: str) -> int:
    counted = score.stats.get("words")
    if isinstance(counted, int) and not isinstance(counted, bool):
        return counted
    return len(_WORD.findall(text))


def _numbers_expected(prompt: Prompt) -> bool:
    """Whether a strong answer here carries a number (a talking point names one)."""
    return any(re.search(r"[\d$€£%]", k) for p in prompt.talking_points for k in p.keywords)
