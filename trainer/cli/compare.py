"""rehearse compare: for one scenario, each participant's mean scores by dimension."""

from __future__ import annotations

import argparse
import json
import shutil
import textwrap

from trainer.cli.store_options import add_db_option, open_for_cli
from trainer.problems import TrainerError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", metavar="SCENARIO", help="a scenario id (see 'rehearse list')")
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    add_db_option(parser)


def run(args: argparse.Namespace) -> int:
    from trainer.cli.table import SHORT, render_fit, score
    from trainer.store import queries
    from trainer.store.migrations import DIMENSIONS

    with open_for_cli(args, must_exist=True) as store:
        rows = queries.compare(store, args.scenario)
        if not rows:
            _check_known(store, args)
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
    # As wide as the terminal ($COLUMNS first); piped to a file or a program, unlimited
    width = shutil.get_terminal_size((0, 0)).columns
    title = f"{args.scenario}: mean scores per participant (coach overrides applied)"
    print((textwrap.fill(title, width) if width > 0 else title) + "\n")
    print(render_fit(headers, table, right=set(range(1, len(headers))), width=width))
    return 0


def _check_known(store, args: argparse.Namespace) -> None:
    """Refuse a scenario id that is neither loaded nor in the history (a typo, usually)."""
    with store.lock:
        stored = {r[0] for r in store.conn.execute("SELECT DISTINCT scenario_id FROM rehearsals")}
    if args.scenario in stored:
        return
    try:
        from trainer.content.loader import load_content
        from trainer.locations import content_roots

        loaded = set(load_content(content_roots(getattr(args, "content", None))).scenarios)
    except Exception:  # content problems must not block reading the history
        loaded = set()
    if args.scenario in loaded:
        return
    from trainer.content.errors import nearest

    guess = nearest(args.scenario, sorted(loaded | stored))
    hint = f"; did you mean {guess!r}?" if guess else "; see 'rehearse list'"
    raise TrainerError(f"unknown scenario {args.scenario!r}{hint}", 2)
