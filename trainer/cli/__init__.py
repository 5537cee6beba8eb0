"""The ``rehearse`` command line. Bare ``rehearse`` opens the app.

Each subcommand lives in its own module with ``add_arguments(parser)`` and
``run(args) -> int``; modules import heavy things inside ``run`` so that
``rehearse --help`` stays instant.
"""

from __future__ import annotations

import argparse
import importlib
import signal
import sys

from trainer import __version__
from trainer.problems import TrainerError

# name -> (module, one-line help). Order is the order of `rehearse --help`.
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("trainer.cli.validate", "check content files; exit 2 on any problem"),
    "list": ("trainer.cli.list_cmd", "list the scenarios"),
    "drill": ("trainer.cli.drill", "rehearse in plain text: one answer per line of input"),
    "schema": ("trainer.cli.schema", "print the JSON Schema of scenario files"),
    "history": ("trainer.cli.history", "list past rehearsals with their scores"),
    "report": ("trainer.cli.report", "write a rehearsal's report as Markdown, HTML or JSON"),
    "review": ("trainer.cli.review", "coach review: notes and score overrides on a rehearsal"),
    "compare": ("trainer.cli.compare", "compare participants on one scenario"),
    "serve": ("trainer.cli.serve", "serve the app to web browsers (textual-serve)"),
    "score": ("trainer.cli.score", "score one answer, or a JSON-lines batch, with the evidence"),
    "calibrate": ("trainer.cli.calibrate", "pairwise accuracy of the scorer on labelled pairs"),
}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Bare ``rehearse`` (no command, only the app's own options) is read by a parser
    without the commands, whose modules and sub-parsers cost the app's start-up 6 ms;
    anything else (a command, ``--help``, a mistake) goes to the full parser."""
    argv = sys.argv[1:] if argv is None else list(argv)
    app_only = argparse.ArgumentParser(prog="rehearse", add_help=False, exit_on_error=False)
    add_content_option(app_only)
    add_app_store_options(app_only)
    app_only.set_defaults(command=None)
    try:
        args, rest = app_only.parse_known_args(argv)
    except argparse.ArgumentError:
        rest = argv
    if rest:
        return build_parser().parse_args(argv)
    return args


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rehearse",
        description="Rehearse telling the CEO that something you own broke. "
        "With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"rehearse {__version__}")
    add_content_option(parser)
    add_app_store_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        module = importlib.import_module(module_name)
        cmd = sub.add_parser(name, help=help_text, description=help_text)
        add_content_option(cmd, suppress_default=True)
        module.add_arguments(cmd)
        cmd.set_defaults(_module=module)
    return parser


def add_content_option(parser: argparse.ArgumentParser, suppress_default: bool = False) -> None:
    parser.add_argument(
        "--content", action="append", metavar="DIR",
        default=argparse.SUPPRESS if suppress_default else [],
        help="an extra content folder (repeatable; also $REHEARSE_CONTENT)",
    )


def add_app_store_options(parser: argparse.ArgumentParser) -> None:
    """``--db`` and ``--user`` for the app itself (subcommands declare their own)."""
    from trainer.cli.store_options import add_db_option, add_user_option

    add_db_option(parser)
    add_user_option(parser, "who is rehearsing (default: your login name)")


def main(argv: list[str] | None = None) -> int:
    previous = _sigterm_as_interrupt()
    try:
        args = parse_args(argv)
        if args.command is None:
            from trainer.cli import app_cmd

            return app_cmd.run(args)
        return int(args._module.run(args) or 0)
    except TrainerError as exc:
        print(f"rehearse: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("rehearse: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _sigterm_as_interrupt():
    """Make SIGTERM end a command the way Ctrl+C does: the rehearsal is closed in the
    history and the app restores the terminal, instead of dying mid-write."""
    try:
        return signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread: leave signals to whoever embeds us
        return None


def _on_sigterm(signum, frame) -> None:
    handler = signal.getsignal(signal.SIGINT)
    if callable(handler) and handler is not signal.default_int_handler:
        # an event loop's own Ctrl+C handler (the app's): it cancels the loop's main
        # task, so the app shuts down in order; an exception raised here would not
        handler(signal.SIGINT, frame)
        return
    raise KeyboardInterrupt
