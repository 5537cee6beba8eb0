"""rehearse validate: check content files and report every problem."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", metavar="PATH",
        help="files or folders (default: the shipped content and your content folders)",
    )
    parser.add_argument(
        "--strict", action="store_true",
        help="exit 2 on warnings too (a question with no exemplar or talking points)",
    )


def run(args: argparse.Namespace) -> int:
    from trainer.content.files import yaml_files
    from trainer.content.loader import load_content
    from trainer.locations import content_roots

    if args.paths:
        # A lone file still needs personas and rubric sets to resolve its ids: they come
        # from the shipped content, --content folders and the content folder it sits in.
        roots = content_roots(args.content) + [
            r for p in args.paths for r in paths_with_context(Path(p))]
        checked = [Path(p) for p in args.paths]
    else:
        roots = content_roots(args.content)
        checked = roots
    content = load_content(_once(roots))
    # one line per problem, however the folder holding it was named
    shown = sorted({(_display(p.path), p.line, p.message) for p in content.problems
                    if _within(Path(p.path), checked)})
    warned = sorted({(_display(p.path), p.line, p.message) for p in content.warnings
                     if _within(Path(p.path), checked)})
    for path, line, message in shown:
        print(f"{path}:{line}: {message}")
    for path, line, message in warned:
        print(f"{path}:{line}: warning: {message}")
    files = sum(len(yaml_files(p)) for p in checked if p.exists())
    notes = f", {len(warned)} warning(s)" if warned else ""
    if shown:
        print(f"{len(shown)} problem(s){notes} in {files} file(s) checked")
        return 2
    if warned and args.strict:
        print(f"{len(warned)} warning(s) in {files} file(s) checked; --strict makes "
              f"warnings fail")
        return 2
    print(f"ok: {files} file(s), {len(content.scenarios)} scenario(s), "
          f"{len(content.personas)} persona(s), {len(content.rules)} rule(s){notes}")
    return 0


def _once(roots: list[Path]) -> list[Path]:
    """The roots without repeats: ``rehearse validate rubrics`` run in the project folder
    names a folder the shipped content already holds, and it is read once."""
    seen: set[Path] = set()
    out = []
    for root in roots:
        key = root.resolve()
        if key not in seen:
            seen.add(key)
            out.append(root)
    return out


def paths_with_context(path: Path) -> list[Path]:
    """What to load to check ``path``: a folder's content sub-folders; for a file, the
    content folder it sits in (``my-content`` for ``my-content/scenarios/x.yaml``), then
    the file itself, so its own version is the one checked."""
    from trainer.content.files import content_root_of
    from trainer.locations import content_subdirs

    if not path.is_file():
        return content_subdirs(path)
    root = content_root_of(path)
    return [*(content_subdirs(root) if root else []), path]


def _within(path: Path, roots: list[Path]) -> bool:
    for root in roots:
        if path == root or root in path.parents or path.resolve() == root.resolve():
            return True
        try:
            path.resolve().relative_to(root.resolve())
            return True
        except ValueError:
            continue
    return False


def _display(path: str) -> str:
    """Paths under the current folder are shown relative to it, as editors expect."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return path
