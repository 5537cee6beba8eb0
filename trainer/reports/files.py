"""Writing a file so that readers see the old file or the whole new one, never half of it."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


class ReportExists(Exception):
    """The target exists and overwriting was not asked for."""


def write_atomic(path: Path | str, text: str, force: bool = False) -> Path:
    """Write ``text`` to ``path`` through a temporary file in the same folder.

    Without ``force`` an existing file is never replaced, even one created by
    another program while we were writing (the final step is a hard link, which
    fails if the name is taken). With ``force`` the old file is swapped out in
    one ``os.replace``.
    """
    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a folder")
    if path.exists() and not force:
        raise ReportExists(f"{path} exists; add --force to overwrite it")
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if force:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise ReportExists(f"{path} exists; add --force to overwrite it") from None
            except OSError:  # a file system without hard links: check-then-replace
                if path.exists():
                    raise ReportExists(f"{path} exists; add --force to overwrite it") from None
                os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    _sync_folder(folder)
    return path


def _sync_folder(folder: Path) -> None:
    # Makes the new name itself durable; not possible on every platform.
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
