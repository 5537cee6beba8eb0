"""Which files a content folder offers: YAML files, never through links that leave it.

Kept free of pydantic so the app's home screen can list content before the
models are imported.
"""

from __future__ import annotations

from pathlib import Path


def yaml_files(root: Path) -> list[Path]:
    """YAML files under ``root`` (or ``root`` itself), in a stable order.

    Symbolic links that lead outside the folder are skipped, so a content folder
    cannot be made to read files elsewhere on the machine.
    """
    if root.is_file():
        return [root]
    base = root.resolve()
    found = []
    for path in sorted(root.rglob("*")):
        if path.suffix.lower() not in (".yaml", ".yml") or not path.is_file():
            continue
        if not path.resolve().is_relative_to(base):
            continue
        found.append(path)
    return found


_SUBFOLDERS = ("scenarios", "personas", "rubrics")


def escaping_links(root: Path) -> list[Path]:
    """Symbolic links under ``root`` that lead outside it (none of them is read).

    A ``scenarios``/``personas``/``rubrics`` folder that is itself a link out of
    its content folder counts too.
    """
    def escapes(link: Path, base: Path) -> bool:
        try:
            return not link.resolve().is_relative_to(base.resolve())
        except (OSError, RuntimeError):  # a loop of links leads nowhere, and is never read
            return False

    if root.is_symlink() and root.name.lower() in _SUBFOLDERS and escapes(root, root.parent):
        return [root]
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_symlink() and escapes(p, root)
                  and (p.suffix.lower() in (".yaml", ".yml") or p.is_dir()))


def content_root_of(path: Path) -> Path | None:
    """The content folder a file sits in, so a lone file's ids resolve against its siblings.

    That is the parent of the nearest ``scenarios``/``personas``/``rubrics`` folder above
    the file (``my-content/scenarios/x.yaml`` -> ``my-content``), or ``None``.
    """
    for parent in list(path.absolute().parents)[:3]:
        if parent.name.lower() in _SUBFOLDERS:
            return parent.parent
    return None
