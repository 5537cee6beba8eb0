"""Where content and user data live."""

from __future__ import annotations

import os
from pathlib import Path

CONTENT_ENV = "REHEARSE_CONTENT"
"""Extra content folders, separated by the OS path separator (':' on Unix)."""


def shipped_content() -> Path:
    """The scenarios, personas and rubrics that come with the package.

    In a wheel they sit in ``trainer/_content``; in a source checkout (editable
    install) they are the top-level folders of the repository.
    """
    packaged = Path(__file__).parent / "_content"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent


def user_content_dirs(extra: list[str] | None = None) -> list[Path]:
    """Content folders the user added: the environment variable, then ``--content``."""
    dirs = [Path(p) for p in os.environ.get(CONTENT_ENV, "").split(os.pathsep) if p]
    dirs += [Path(p) for p in extra or []]
    return dirs


def content_roots(extra: list[str] | None = None) -> list[Path]:
    """Each existing content sub-folder, shipped first so user content overrides it."""
    roots: list[Path] = []
    for base in [shipped_content(), *user_content_dirs(extra)]:
        roots.extend(content_subdirs(base))
    return roots


def content_subdirs(base: Path) -> list[Path]:
    """The ``scenarios``/``personas``/``rubrics`` folders of a content folder.

    A folder without any of them is taken as a folder of content files itself.
    """
    if base.is_file():
        return [base]
    subs = [base / name for name in ("rubrics", "personas", "scenarios") if (base / name).is_dir()]
    return subs or [base]
