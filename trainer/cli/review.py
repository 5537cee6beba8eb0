"""rehearse review: read a rehearsal turn by turn, add a coach's note or override a score."""

from __future__ import annotations

import argparse

from trainer.cli.store_options import add_db_option, open_for_cli, session_id
from trainer.problems import TrainerError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", metavar="SESSION",
                        help="a rehearsal id from 'rehearse history', or 'last'")
    parser.add_argument("--turn", type=int, metavar="N", help="the turn to annotate (from 1)")
    parser.add_argument("--note", metavar="TEXT", help="add a coach's note to the turn")
    parser.add_argument("--override", metavar="DIMENSION=SCORE",
                        help="replace a dimension's score on the turn (the original is kept)")
    parser.add_argument("--reason", metavar="TEXT", help="why the score is overridden (required)")
    parser.add_argument("--author", metavar="NAME", help="the coach (default: your login name)")
    add_db_option(parser)


def run(args: argparse.Namespace) -> int:
    from trainer.store import StoreError, default_user
    from trainer.store.review import add_note, add_override

    if args.note is not None and not args.note.strip():
        raise TrainerError("the note is empty; write what they should keep or change", 2)
    if (args.note or args.override) and args.turn is None:
        raise TrainerError("say which turn with --turn N", 2)
    if args.reason and not args.override:
        raise TrainerError("--reason goes with --override DIMENSION=SCORE", 2)
    author = (args.author or "").strip() or default_user()
    with open_for_cli(args, must_exist=True) as store:
        rid = session_id(store, args.session)
        try:
            if args.override:
                dimension, value = _parse_override(args.override)
                add_override(store, rid, args.turn, dimension, value, args.reason or "", author)
                from trainer.reports.labels import turn_overall
                from trainer.store import queries

                now = queries.turns(store, rid)[args.turn - 1]
                print(f"rehearsal {rid}, turn {args.turn}: {dimension} set to {value} by "
                      f"{author}; the turn's overall is now {turn_overall(now)}")
            if args.note:
                add_note(store, rid, args.turn, args.note, author)
                print(f"rehearsal {rid}, turn {args.turn}: note added by {author}")
        except StoreError as exc:
            raise TrainerError(str(exc), 2) from exc
        if not (args.note or args.override):
            _show(store, rid)
    return 0


def _parse_override(text: str) -> tuple[str, int]:
    name, sep, value = text.partition("=")
    try:
        if not sep:
            raise ValueError
        return name.strip().replace("-", "_"), int(value)
    except ValueError:
        raise TrainerError(f"--override takes DIMENSION=SCORE, e.g. brevity=70, not {text!r}",
                           2) from None


def _show(store, rid: int) -> None:
    from trainer.cli.table import local_date
    from trainer.reports.labels import override_status, turn_overall
    from trainer.store import queries

    row = queries.rehearsal(store, rid)
    print(f"Rehearsal {rid}: {row.participant}, {row.scenario_title or row.scenario_id}, "
          f"{local_date(row.started_at)}, {row.status}")
    for t in queries.turns(store, rid):
        print(f"\nTurn {t['number']} [{t['node_id']}] CEO: {t['ceo']}")
        print(f"  Answer: {t['answer']}")
        dims = t["score"].get("dimensions", {})
        print(f"  Overall {turn_overall(t)}: " + ", ".join(
            f"{k} {v.get('score')}" for k, v in dims.items()))
        for o in t["overrides"]:
            print(f"  Override: {o['dimension']} {o['original']} -> {o['score']} "
                  f"({o['author']}: {o['reason']}){override_status(o)}")
        for n in t["notes"]:
            print(f"  Note ({n['author']}): {n['note']}")

