"""The CEO conversation: a scenario tree walked answer by answer. Never imports Textual.

API (the app, the drill and the history store use exactly this):

``Rehearsal(scenario, persona, scorer, *, seed=0, clock=time.monotonic)``
    ``scorer`` is anything with ``score(answer, ctx: AnswerContext) -> ScoreResult``
    (``trainer.engine.scoring.load_scorer()``). ``clock`` times the answers.

``rehearsal.current -> Prompt``
    ``node_id``; ``ceo`` (the line as shown: a reaction to the last answer, if any,
    then the node's line); ``line`` and ``reaction`` separately; ``question``;
    ``budget`` (words: the node's, else the rubric set's default); ``talking_points``;
    ``exemplar``; ``end``; ``tags``.

``rehearsal.answer(text) -> Turn``
    Scores the answer in the node's context (question, budget, talking points,
    persona, facts), computes talking-point coverage (fuzzy; it replaces
    ``score.points``), takes the first branch whose condition holds, applies its
    ``set`` (numbers, or '+1'/'-1'), counts visits, spends patience, picks the
    persona's reaction and enters the next node (a ``once`` node seen before is passed
    over through the first of its branches that holds). Raises ``RehearsalOver`` once
    ``finished``.

``Turn``
    ``index, node_id, ceo, question, answer, score (ScoreResult), points
    (list[PointCoverage]), branch (index taken), next_node, reaction, weaknesses,
    patience, patience_spent, started_at, answered_at, seconds``;
    ``to_dict()`` gives ``{"node", "ceo", "answer", "score": score.to_dict(), "next", ...}``.

State: ``finished``; ``outcome`` ('good' | 'mixed' | 'bad' from the end node,
'patience' when the persona ran out, else ``None``); ``final_line`` (the CEO's
last words); ``patience`` (0..``patience_max``); ``turns``; ``vars``; ``visits``.

``rehearsal.summary() -> dict``
    ``overall`` (mean), ``dimensions`` (means), ``weakest``, ``outcome``, ``turns``
    (count), ``checklist`` (each item: passed in how many of how many answers),
    ``points`` (covered, missing, the missing points' texts), ``patience``,
    ``written_update``.

``rehearsal.write_update(text) -> ScoreResult``
    The written update after an incident meeting, scored for its four parts
    (checklist items and ``update.*`` findings) plus the usual dimensions.

Saving and resuming: ``to_dict()`` (answers, turns, vars, visits, summary);
``Rehearsal.replay(scenario, persona, scorer, answers, seed=...)`` rebuilds the
same meeting: with the same seed and answers every line, branch and reaction
is the same.
"""

from trainer.engine.conversation.session import Prompt, Rehearsal, RehearsalOver, Turn

__all__ = ["Prompt", "Rehearsal", "RehearsalOver", "Turn"]
