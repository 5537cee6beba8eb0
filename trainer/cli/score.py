"""rehearse score: score one answer (or a JSON-lines batch) and show the evidence."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from trainer.problems import TrainerError
from trainer.text import clean


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="?", metavar="TEXT | -",
                        help="the answer, or '-' to read it from standard input")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--track", choices=("incident", "interview"), default=None,
                        help="which rubric set to use (default: incident, or the scenario's)")
    parser.add_argument("--question", metavar="TEXT", help="the question being answered")
    parser.add_argument("--scenario", metavar="ID", help="score against a scenario's node")
    parser.add_argument("--node", metavar="ID", help="the node of --scenario")
    parser.add_argument("--jsonl", metavar="FILE", help="score one JSON object a line "
                        "({id, answer, question?, track?}); '-' reads standard input")


def run(args: argparse.Namespace) -> int:
    from trainer.engine.scoring import AnswerContext, load_scorer

    scorer = load_scorer(getattr(args, "content", None))
    for warning in scorer.warnings:
        print(f"rehearse: {warning}", file=sys.stderr)
    if args.jsonl:
        if args.text is not None:
            raise TrainerError("give either --jsonl FILE or an answer, not both")
        return _batch(scorer, args)
    ctx = _context(scorer, args) if args.scenario or args.node else AnswerContext(
        track=args.track or "incident", question=args.question)
    answer = clean(_answer(args.text))
    result = scorer.score(answer, ctx)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        from trainer.cli.score_report import print_report

        print_report(answer, result)
    return 0


def _answer(text: str | None) -> str:
    if text is None:
        raise TrainerError("give the answer as an argument, or '-' to read standard input")
    if text == "-":
        return sys.stdin.read()
    return text


def _context(scorer, args: argparse.Namespace):
    from trainer.engine.scoring import AnswerContext

    content = scorer.content
    if not (args.scenario and args.node):
        raise TrainerError("--scenario and --node go together")
    scenario = content.scenarios.get(args.scenario)
    if scenario is None:
        known = ", ".join(sorted(content.scenarios)) or "none"
        raise TrainerError(f"unknown scenario '{args.scenario}' (known: {known})")
    node = scenario.nodes.get(args.node)
    if node is None:
        known = ", ".join(scenario.nodes)
        raise TrainerError(f"scenario '{scenario.id}' has no node '{args.node}' (nodes: {known})")
    if node.end:
        asks = ", ".join(n for n, x in scenario.nodes.items() if not x.end)
        raise TrainerError(f"node '{args.node}' ends the meeting and asks nothing to answer "
                           f"(question nodes: {asks})")
    if args.track and args.track != scenario.track:
        raise TrainerError(f"scenario '{scenario.id}' is a {scenario.track} scenario, "
                           f"not {args.track}")
    return AnswerContext(
        track=scenario.track, question=args.question or node.question or node.lines[0],
        budget=node.budget, facts=list(scenario.facts),
        persona=content.personas.get(scenario.persona), rubric=scenario.rubric_id,
        talking_points=list(node.talking_points), focus=list(node.focus), parts=node.parts,
        briefing=scenario.briefing)


def _batch(scorer, args: argparse.Namespace) -> int:
    from dataclasses import replace

    from trainer.engine.scoring import AnswerContext

    # --scenario/--node give every line that node's facts, persona and talking points
    node_ctx = _context(scorer, args) if args.scenario or args.node else None
    try:
        stream = sys.stdin if args.jsonl == "-" else open(args.jsonl, encoding="utf-8",
                                                           errors="replace")
    except OSError as exc:
        raise TrainerError(f"cannot read {args.jsonl}: {exc.strerror or exc}") from None
    with stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            item, error = _parse_line(line, number)
            if error:
                print(json.dumps(error, ensure_ascii=False))
                continue
            if node_ctx is not None:
                if item.get("track") not in (None, node_ctx.track):
                    print(json.dumps({"id": item.get("id"), "line": number, "error":
                                      f"'track' must be '{node_ctx.track}', the scenario's"}))
                    continue
                ctx = replace(node_ctx, question=item.get("question") or node_ctx.question)
            else:
                ctx = AnswerContext(track=item.get("track") or args.track or "incident",
                                    question=item.get("question") or args.question)
            out: dict[str, Any] = {"id": item.get("id")}
            out.update(scorer.score(clean(item["answer"]), ctx).to_dict())
            print(json.dumps(out, ensure_ascii=False), flush=False)
    sys.stdout.flush()
    return 0


def _parse_line(line: str, number: int) -> tuple[dict, dict | None]:
    """One JSON-lines record, or the error object that replaces its result."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return {}, {"id": None, "line": number, "error": f"not JSON: {exc.msg}"}
    if not isinstance(item, dict):
        return {}, {"id": None, "line": number, "error": "expected a JSON object"}
    ident = item.get("id")
    if not isinstance(item.get("answer"), str):
        return item, {"id": ident, "line": number, "error": "'answer' must be a string"}
    if item.get("track") not in (None, "incident", "interview"):
        return item, {"id": ident, "line": number,
                      "error": "'track' must be 'incident' or 'interview'"}
    if item.get("question") is not None and not isinstance(item["question"], str):
        return item, {"id": ident, "line": number, "error": "'question' must be a string"}
    return item, None
