"""Writing a file so that readers see the old file or the whole new one, never half of it."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


class ReportExists(Exception):
    """The target exists and overwriting was not asked for."""


class NotARegularFile(ReportExists):
    """The target is a folder, device, pipe, socket or symbolic link: never replaced,
    even with ``force`` (a kind of :class:`ReportExists`, so a caller that picks
    another name when one is taken does so here too)."""


def _umask() -> int:
    """The process's umask. Reading it means setting it, so it is read once, at import,
    before the app starts any thread that could create a file meanwhile."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _umask()


def write_atomic(path: Path | str, text: str, force: bool = False) -> Path:
    """Write ``text`` to ``path`` through a temporary file in the same folder.

    Without ``force`` an existing file is never replaced, even one created by
    another program while we were writing (the final step is a hard link, which
    fails if the name is taken). With ``force`` an old regular file is swapped out
    in one ``os.replace``; anything else at ``path`` raises :class:`NotARegularFile`.
    """
    path = Path(path)
    check_target(path)
    if path.exists() and not force:
        raise ReportExists(f"{path} exists; add --force to overwrite it")
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    # mkstemp makes the file private (0600); a report is for sharing, so it gets the
    # permissions any new file would under the user's umask
    os.chmod(tmp, 0o666 & ~_UMASK)
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


def check_target(path: Path | str) -> None:
    """Refuse a target that is not a regular file or a free name.

    ``os.replace`` would swap a device, a named pipe or a symbolic link for a
    regular file (as root, ``/dev/full`` itself), and a folder cannot hold a
    report, so --force replaces regular files only.
    """
    path = Path(path)
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise NotARegularFile(f"{path}: {exc.strerror or exc}") from exc
    if stat.S_ISREG(mode):
        return
    raise NotARegularFile(f"{path} is {_kind(mode)}; a report is written only to a new "
                          "file or over a regular file (--force replaces nothing else)")


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _sync_folder(folder: Path) -> None:
    # Makes the new name itself durable; not possible on every platform.
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
