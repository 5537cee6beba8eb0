"""rehearse list: the scenarios, as a table or as JSON."""

from __future__ import annotations

import argparse
import json


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print a JSON array")


def run(args: argparse.Namespace) -> int:
    from trainer.content.loader import load_content
    from trainer.locations import content_roots

    content = load_content(content_roots(args.content))
    rows = [
        {"id": s.id, "title": s.title, "track": s.track, "difficulty": s.difficulty,
         "persona": s.persona}
        for s in sorted(content.scenarios.values(), key=lambda s: (s.track, s.id))
    ]
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        width = max((len(r["id"]) for r in rows), default=2)
        for r in rows:
            print(f"{r['id']:<{width}}  {r['track']:<9}  {r['difficulty']:<6}  "
                  f"{r['persona']:<18}  {r['title']}")
    if content.problems:
        import sys

        print(f"({len(content.problems)} content problem(s); run 'rehearse validate')",
              file=sys.stderr)
    return 0
