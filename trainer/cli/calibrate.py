"""rehearse calibrate: how often the scorer prefers the answer a coach labelled better."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from trainer.problems import TrainerError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE.yaml",
                        help="labelled pairs: [{id, question, better, worse, differs_on, track?}]")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="list every pair the scorer gets wrong")


def run(args: argparse.Namespace) -> int:
    from trainer.engine.scoring import load_scorer
    from trainer.engine.scoring.calibration import evaluate, load_pairs

    pairs = load_pairs(Path(args.file))
    report = evaluate(load_scorer(getattr(args, "content", None)), pairs)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    overall = report["overall"]
    print(f"{len(pairs)} pairs")
    print(f"overall    {overall['accuracy']:.3f}  ({overall['right']}/{overall['total']})")
    for dim, row in report["dimensions"].items():
        print(f"{dim:<10} {row['accuracy']:.3f}  ({row['right']}/{row['total']})")
    if args.verbose and report["wrong"]:
        print("\nwrong:")
        for w in report["wrong"]:
            print(f"  {w['id']} [{w['on']}]: better {w['better']} vs worse {w['worse']}")
    return 0


__all__ = ["add_arguments", "run", "TrainerError"]
