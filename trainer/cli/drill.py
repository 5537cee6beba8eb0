"""rehearse drill: a rehearsal in plain text, one answer per line of standard input.

The scriptable and screen-reader-friendly way to practise: the CEO's line is
printed, an answer is read, the feedback and the next line follow; end of
input ends the meeting and prints the summary. A meeting that reaches its end takes
the next line as the written update; one that ends early (the CEO ran out of
patience) takes no update and reads no further input. ``--json`` prints one object per
turn (``{"node", "ceo", "answer", "score", "next", ...}``) and one summary object.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any, TextIO

from trainer.cli.store_options import add_db_option, add_user_option
from trainer.problems import TrainerError
from trainer.text import clean, printable

MAX_TIPS = 3
"""Findings shown after an answer: the few that teach the most."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", metavar="SCENARIO", nargs="?",
                        help="a scenario id (see 'rehearse list') or the path of a YAML file")
    parser.add_argument("--resume", type=int, metavar="ID",
                        help="carry on a rehearsal that was interrupted (see 'rehearse history')")
    parser.add_argument("--persona", metavar="ID", help="rehearse with another persona")
    parser.add_argument("--seed", type=int, metavar="N",
                        help="choose the CEO's line variants from this seed (default: random)")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object per turn, then a summary object")
    add_db_option(parser)
    add_user_option(parser)
    parser.epilog = ("Answers are read one per line; blank lines are skipped. End the input "
                     "(ctrl+d) to end the meeting. When the meeting reaches its end, the "
                     "next line is the written update (scenarios that ask for one). When "
                     "the CEO runs out of patience first, the meeting ends early: no update "
                     "is asked for and the remaining lines are not read (the output says "
                     "so; with --json the summary's outcome is 'patience').")


def run(args: argparse.Namespace) -> int:
    if args.resume is None and not args.scenario:
        raise TrainerError("name a SCENARIO (see 'rehearse list') or --resume ID", 2)
    if args.resume is not None:
        rehearsal, recorder = _resumed(args)
    else:
        rehearsal, recorder = _started(args)
    scenario, persona = rehearsal.scenario, rehearsal.persona
    out = Output(sys.stdout, args.json, persona.name)
    try:
        if args.resume is None:
            out.briefing(scenario)
        out.prompt(rehearsal.current)
        for text in _answers(sys.stdin):
            turn = rehearsal.answer(text)
            _record(recorder, rehearsal, turn)
            out.turn(turn)
            if rehearsal.finished:
                out.final(rehearsal)
                break
            out.prompt(rehearsal.current)
        if rehearsal.outcome == "patience":
            # The CEO walked out: no update was promised, and the lines left are answers
            # to questions never asked, so none of them is taken as the update.
            out.ended_early()
        elif rehearsal.finished and scenario.written_update is not None:
            out.update_prompt(scenario.written_update.prompt)
            text = next(_answers(sys.stdin), None)
            if text is not None:
                # kept before it is scored, and again with its score: what was typed stays
                recorder.record_update(rehearsal, text)
                result = rehearsal.write_update(text)
                recorder.record_update(rehearsal, text, result)
                out.update(text, result)
        out.summary(rehearsal.summary())
    finally:
        recorder.finish(rehearsal)
        recorder.store.close()
    return 0


def _started(args: argparse.Namespace) -> tuple[Any, Any]:
    from trainer.engine.conversation import Rehearsal

    content, scenario = load_scenario(args.scenario, getattr(args, "content", None))
    persona_id = args.persona or scenario.persona
    persona = content.personas.get(persona_id)
    if persona is None:
        known = ", ".join(sorted(content.personas)) or "none"
        raise TrainerError(f"no persona '{persona_id}' (known: {known})", 2)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1_000_000)
    rehearsal = Rehearsal(scenario, persona, _scorer(content, args), seed=seed)
    recorder = _open_recorder(args)
    recorder.start(rehearsal, mode="drill")
    return rehearsal, recorder


def _resumed(args: argparse.Namespace) -> tuple[Any, Any]:
    """Rebuild an interrupted rehearsal from its stored answers and carry on recording."""
    from trainer.content.loader import load_content
    from trainer.locations import content_roots
    from trainer.store import StoreError
    from trainer.store.resume import resume

    content = load_content(content_roots(getattr(args, "content", None)))
    recorder = _open_recorder(args)
    try:
        rehearsal = resume(recorder, args.resume, content, _scorer(content, args))
    except StoreError as exc:
        recorder.store.close()
        raise TrainerError(str(exc), 2) from None
    if not args.json:
        print(f"Resuming rehearsal {args.resume} after {len(rehearsal.turns)} answer(s).")
    return rehearsal, recorder


# -- loading -------------------------------------------------------------------------


def load_scenario(name: str, content_dirs: list[str] | None) -> tuple[Any, Any]:
    """The loaded content and the scenario named by id or by YAML file path."""
    from trainer.content.loader import load_content
    from trainer.locations import content_roots

    roots = content_roots(content_dirs)
    path = Path(name)
    is_file = path.suffix.lower() in (".yaml", ".yml") or path.is_file()
    if is_file:
        if not path.is_file():
            raise TrainerError(f"{name}: no such file", 2)
        from trainer.cli.validate import paths_with_context

        roots = [*roots, *paths_with_context(path)]  # its persona may sit next to it
    content = load_content(roots)
    if is_file:
        own = [p for p in content.problems if Path(p.path).resolve() == path.resolve()]
        if own:
            raise TrainerError(_cannot_play(name, own), 2)
        found = [sid for (kind, sid), src in content.sources.items()
                 if kind == "scenario" and src.resolve() == path.resolve()]
        if not found:
            raise TrainerError(f"{name}: not a scenario file", 2)
        return content, content.scenarios[found[0]]
    scenario = content.scenarios.get(name)
    source = content.source("scenario", name)
    own = [p for p in content.problems if source and Path(p.path) == source]
    if scenario is None and not own:
        own = _problems_of(name, content)
    if own:
        raise TrainerError(_cannot_play(name, own), 2)
    if scenario is None:
        raise TrainerError(_unknown(name, sorted(content.scenarios)), 2)
    return content, scenario


def _problems_of(name: str, content: Any) -> list[Any]:
    """Problems of a file that holds scenario ``name`` but did not load (by id or name)."""
    from trainer.content.yaml_io import YamlError, peek

    found = []
    for path in sorted({Path(p.path) for p in content.problems}):
        if path.suffix.lower() not in (".yaml", ".yml"):
            continue
        try:
            file_id = peek(path, frozenset({"id"}), stop_at=frozenset({"nodes"})).get("id")
        except (YamlError, OSError):
            file_id = None
        if file_id == name or (file_id is None and path.stem == name):
            found.extend(p for p in content.problems if Path(p.path) == path)
    return found


def _cannot_play(name: str, problems: list[Any]) -> str:
    """The problems that stop a scenario from playing, one ``path:line: message`` a line."""
    files = sorted({p.path for p in problems})
    check = " ".join(files) if len(files) == 1 else "--content DIR"
    problems = sorted(set(problems))
    return (f"scenario '{name}' has {len(problems)} problem(s) to fix before it can be "
            f"played (check with 'rehearse validate {check}'):\n"
            + "\n".join(str(p) for p in problems))


def _unknown(name: str, known: list[str]) -> str:
    from rapidfuzz import process

    close = [m[0] for m in process.extract(name, known, limit=3, score_cutoff=50)]
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return f"no scenario '{name}'{hint} (see 'rehearse list')"


def _scorer(content: Any, args: argparse.Namespace) -> Any:
    from trainer.engine.scoring import Scorer
    from trainer.engine.scoring.config import load_user_config

    return Scorer(content, load_user_config(None))


def _answers(stream: TextIO):
    """Non-blank lines of ``stream``, read one at a time (so a person can type them)."""
    while True:
        line = stream.readline()
        if not line:
            return
        if line.strip():
            yield clean(line.rstrip("\r\n"))


# -- history -------------------------------------------------------------------------


def _open_recorder(args: argparse.Namespace) -> Any:
    """The history every drill records into (``--db``, ``$REHEARSE_DB`` or the default)."""
    from trainer.cli.store_options import open_for_cli, user_of
    from trainer.store.recorder import Recorder

    return Recorder(open_for_cli(args), user_of(args))


def _record(recorder: Any, rehearsal: Any, turn: Any) -> None:
    """The history hook: each scored turn is committed as soon as it exists."""
    recorder.record_turn(rehearsal, turn)


# -- output --------------------------------------------------------------------------


class Output:
    """Writes the meeting as plain text or as JSON lines."""

    def __init__(self, stream: TextIO, as_json: bool, name: str) -> None:
        self.stream, self.as_json, self.name = stream, as_json, name

    def _print(self, text: str = "") -> None:
        print(printable(text), file=self.stream, flush=True)

    def _json(self, data: dict[str, Any]) -> None:
        self._print(json.dumps(data, ensure_ascii=False))

    def briefing(self, scenario: Any) -> None:
        """What the user knows before the meeting: accuracy is scored against its facts."""
        if not self.as_json and scenario.briefing:
            self._print(f"Briefing: {scenario.title}")
            for line in scenario.briefing.replace("**", "").strip().splitlines():
                self._print(f"  {line}".rstrip())
            self._print()

    def prompt(self, prompt: Any) -> None:
        if not self.as_json:
            self._print(f"{self.name}: {prompt.ceo}")
            self._print(f"  (about {prompt.budget} words)")

    def turn(self, turn: Any) -> None:
        if self.as_json:
            self._json({"type": "turn", **turn.to_dict()})
            return
        for line in feedback_lines(turn.score, turn.points):
            self._print(line)
        self._print()

    def final(self, rehearsal: Any) -> None:
        if not self.as_json and rehearsal.final_line:
            self._print(f"{self.name}: {rehearsal.final_line}")
            self._print()

    def ended_early(self) -> None:
        if not self.as_json:
            self._print("The meeting ended early: no written update, and any further "
                        "input is not read.")
            self._print()

    def update_prompt(self, text: str) -> None:
        if not self.as_json:
            self._print(f"Optional written update: {text}")
            self._print("  (one line; end the input to skip)")

    def update(self, text: str, result: Any) -> None:
        if self.as_json:
            self._json({"type": "written_update", "answer": text, "score": result.to_dict()})
            return
        for item in result.checklist[:4]:
            self._print(f"  [{'x' if item.passed else ' '}] {item.item}")
        for line in feedback_lines(result, [])[1:]:
            self._print(line)
        self._print(f"  Written update: {result.overall}/100")
        self._print()

    def summary(self, summary: dict[str, Any]) -> None:
        if self.as_json:
            self._json({"type": "summary", **summary})
            return
        for line in summary_lines(summary):
            self._print(line)


def feedback_lines(score: Any, points: list[Any]) -> list[str]:
    """The scores, the findings that teach most, and the talking points missed."""
    dims = " · ".join(f"{k} {v.score}" for k, v in score.dimensions.items())
    lines = [f"  Score {score.overall}/100 · {dims}"]
    for f in score.tips(MAX_TIPS):
        quote = f'"{f.text}": ' if f.text and len(f.text) < 60 else ""
        tip = f" -> {f.suggestion}" if f.suggestion else ""
        lines.append(f"  - {quote}{f.message}{tip}")
    missing = [p.text for p in points if not p.covered]
    if missing:
        lines.append("  Not covered: " + "; ".join(missing))
    for note in getattr(score, "notes", []):
        lines.append(f"  Note: {note}")
    return lines


def summary_lines(s: dict[str, Any]) -> list[str]:
    if not s["turns"]:
        return ["No answers given."]
    interview = s.get("track") == "interview"
    listener = "the interviewer" if interview else "the CEO"
    outcome = {"good": "a good ending", "mixed": "a mixed ending", "bad": "a bad ending",
               "patience": f"{listener} ran out of patience", None: "not finished"}
    over = "Interview over" if interview else "Meeting over"
    lines = [f"{over}: {outcome.get(s['outcome'], s['outcome'])}, {s['turns']} answer(s), "
             f"overall {s['overall']}/100 (seed {s['seed']})."]
    if s["dimensions"]:
        lines.append("Per dimension: " + " · ".join(f"{k} {v}" for k, v in s["dimensions"].items()))
        lines.append(f"Weakest: {s['weakest']} ({s['dimensions'][s['weakest']]}).")
    for item in s["checklist"]:
        mark = "x" if item["met"] else " "
        lines.append(f"  [{mark}] {item['item']} ({item['passed']} of {item['of']})")
    if s["points"]["missing_points"]:
        lines.append("Talking points missed: " + "; ".join(s["points"]["missing_points"]))
    if s.get("written_update") is not None:
        lines.append(f"Written update: {s['written_update']}/100.")
    return lines
