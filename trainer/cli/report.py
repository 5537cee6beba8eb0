"""rehearse report: one rehearsal as Markdown, HTML or JSON, on screen or in a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from trainer.cli.store_options import add_db_option, open_for_cli, session_id
from trainer.problems import TrainerError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", metavar="SESSION",
                        help="a rehearsal id from 'rehearse history', or 'last'")
    parser.add_argument("--format", choices=("md", "html", "json"),
                        help="default: from the -o file's suffix, else md")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write here instead of stdout ('-' is stdout)")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    add_db_option(parser)


def run(args: argparse.Namespace) -> int:
    from trainer.reports import (
        NotARegularFile,
        ReportExists,
        build_report,
        check_target,
        render,
        write_atomic,
    )

    output = None if args.output == "-" else args.output  # '-' is standard output
    fmt = args.format or _format_of(output)
    if output:
        try:
            check_target(output)
        except NotARegularFile as exc:
            raise TrainerError(str(exc), 2) from exc
        if Path(output).exists() and not args.force:
            raise TrainerError(f"{output} exists; add --force to overwrite it", 2)
    with open_for_cli(args, must_exist=True) as store:
        rid = session_id(store, args.session)
        report = build_report(store, rid, _content(args))
    text = render(report, fmt)
    if not output:
        sys.stdout.write(text)
        return 0
    try:
        path = write_atomic(output, text, force=args.force)
    except (ReportExists, NotARegularFile) as exc:
        raise TrainerError(str(exc), 2) from exc
    except OSError as exc:
        raise TrainerError(f"cannot write {output}: {exc.strerror or exc}", 2) from exc
    print(f"wrote {path}", file=sys.stderr)
    return 0


def _format_of(output: str | None) -> str:
    suffix = Path(output).suffix.lower() if output and output != "-" else ""
    known = {".html": "html", ".htm": "html", ".json": "json", ".md": "md", ".markdown": "md",
             ".txt": "md", "": "md"}
    if suffix not in known:  # "-o report.pdf" would get Markdown under a PDF's name
        raise TrainerError(f"cannot tell a report format from '{suffix}'; name the file "
                           ".md, .html or .json, or give --format", 2)
    return known[suffix]


def _content(args: argparse.Namespace):
    """The scenarios, for exemplar answers; a report is still written without them."""
    try:
        from trainer.content.loader import load_content
        from trainer.locations import content_roots

        return load_content(content_roots(getattr(args, "content", None)))
    except Exception:  # content problems must not block reading one's own history
        return None
