"""rehearse history: every rehearsal with its scores, as a table or as JSON."""

from __future__ import annotations

import argparse
import json

from trainer.cli.store_options import add_db_option, add_user_option, open_for_cli

TABLE_LIMIT = 50
"""Rows the table shows by default: a screenful or two, newest first."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true",
                        help="print a JSON array; each rehearsal includes its turns")
    add_user_option(parser, "only this participant's rehearsals (default: everyone's)")
    parser.add_argument("--scenario", metavar="ID", help="only rehearsals of this scenario")
    parser.add_argument("--limit", type=int, metavar="N",
                        help=f"only the newest N rehearsals (table default {TABLE_LIMIT}; "
                             "JSON default all)")
    parser.add_argument("--all", action="store_true", help="every rehearsal in the table")
    add_db_option(parser)


def run(args: argparse.Namespace) -> int:
    import shutil

    from trainer.cli.table import SHORT, local_date, render_fit, score
    from trainer.store import queries
    from trainer.store.migrations import DIMENSIONS

    with open_for_cli(args, must_exist=True) as store:
        limit = args.limit
        if limit is None and not (args.json or args.all):
            limit = TABLE_LIMIT + 1  # one more, to know whether some were left out
        rows = queries.history(store, args.user, limit=limit, scenario_id=args.scenario)
        more = args.limit is None and not args.json and not args.all and len(rows) > TABLE_LIMIT
        rows = rows[:TABLE_LIMIT] if more else rows
        if args.json:
            out = [r.to_dict() | {"turns": queries.turns(store, r.id),
                                  "written_update": store.written_update(r.id)} for r in rows]
            print(json.dumps(out, indent=2, ensure_ascii=False))
            return 0
        if not rows:
            who = f" for {args.user}" if args.user else ""
            print(f"No rehearsals yet{who} in {store.path}.\n"
                  "Start one with 'rehearse' or 'rehearse drill SCENARIO'.")
            return 0
        dims = [d for d in DIMENSIONS if any(d in r.dimensions for r in rows)]
        headers = ["id", "participant", "scenario", "date", "status", "turns", "overall"]
        headers += [SHORT[d] for d in dims]
        table = [[str(r.id), r.participant, r.scenario_id, local_date(r.started_at), r.status,
                  str(r.turn_count), score(r.overall)] + [score(r.dimensions.get(d)) for d in dims]
                 for r in rows]
        # as wide as the terminal ($COLUMNS first); piped, one table however wide
        width = shutil.get_terminal_size((0, 0)).columns
        print(render_fit(headers, table, right={0, 5} | set(range(6, len(headers))),
                         width=width))
        if more:
            print(f"(the newest {TABLE_LIMIT}; --all shows every rehearsal, --json exports them)")
    return 0
