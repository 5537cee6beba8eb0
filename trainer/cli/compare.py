"""rehearse compare: for one scenario, each participant's mean scores by dimension."""

from __future__ import annotations

import argparse
import json

from trainer.cli.store_options import add_db_option, open_for_cli


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", metavar="SCENARIO", help="a scenario id (see 'rehearse list')")
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    add_db_option(parser)


def run(args: argparse.Namespace) -> int:
    from trainer.cli.table import SHORT, render, score
    from trainer.store import queries
    from trainer.store.migrations import DIMENSIONS

    with open_for_cli(args) as store:
        rows = queries.compare(store, args.scenario)
    if args.json:
        print(json.dumps([r.to_dict() for r in rows], indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print(f"No scored rehearsals of {args.scenario!r} yet.")
        return 0
    dims = [d for d in DIMENSIONS if any(d in r.dimensions for r in rows)]
    headers = ["participant", "rehearsals", "overall"] + [SHORT[d] for d in dims]
    table = [[r.participant, str(r.rehearsals), score(r.overall)]
             + [score(r.dimensions.get(d)) for d in dims] for r in rows]
    print(f"{args.scenario}: mean scores per participant (coach overrides applied)\n")
    print(render(headers, table, right=set(range(1, len(headers)))))
    return 0
