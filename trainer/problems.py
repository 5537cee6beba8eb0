"""Problems found in content files, collected rather than raised one at a time."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one content file, printed as ``path:line: message``."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class Problems:
    """Collects problems so that a content author sees all of them in one run."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str | Path, line: int, message: str) -> None:
        self.items.append(Problem(str(path), max(1, int(line)), message))

    def extend(self, other: Problems) -> None:
        self.items.extend(other.items)

    def for_path(self, path: str | Path) -> list[Problem]:
        return [p for p in self.items if p.path == str(path)]

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        return iter(sorted(self.items))


class TrainerError(Exception):
    """An error the CLI shows as a message (never a traceback) and exits with ``code``."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code
