"""A quick look at the scenario files for the home screen, before full validation.

Building the pydantic models costs about 0.2 s of imports; reading the few keys the
home screen lists with the C YAML loader takes a few milliseconds, and importing
PyYAML 15 ms more. So the catalog is also kept as JSON in the user's cache folder,
stamped with each file's size and modification time: an unchanged library starts
without YAML at all. The full load runs right after in the background and replaces
this catalog (dropping invalid scenarios).
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

CACHE_ENV = "REHEARSE_CACHE"
"""The folder for the catalog cache; set it empty to keep no cache."""
_CACHE_FORMAT = 1


@dataclass
class ScenarioCard:
    """What the home screen shows of one scenario."""

    id: str
    title: str
    track: str
    difficulty: str
    persona: str
    summary: str = ""
    briefing: str = ""
    tags: list[str] = field(default_factory=list)


@dataclass
class PersonaCard:
    id: str
    name: str


@dataclass
class Catalog:
    """Duck-types the parts of ``Content`` the home screen reads."""

    scenarios: dict[str, ScenarioCard] = field(default_factory=dict)
    personas: dict[str, PersonaCard] = field(default_factory=dict)


_SCENARIO_KEYS = frozenset({"id", "title", "track", "difficulty", "persona", "summary",
                            "briefing", "tags"})
_PERSONA_KEYS = frozenset({"id", "name"})


def cached_catalog(roots: list[Path]) -> Catalog:
    """The catalog from the cache when no file changed since it was written, else peeked
    (and the cache rewritten). A cache that cannot be read or written is ignored."""
    import json

    stamp = _stamp(roots)
    cache = _cache_file()
    if cache is not None:
        try:
            data = json.loads(cache.read_text(encoding="utf-8"))
            if data.get("format") == _CACHE_FORMAT and data.get("stamp") == stamp:
                return Catalog(
                    {s["id"]: ScenarioCard(**s) for s in data["scenarios"]},
                    {p["id"]: PersonaCard(**p) for p in data["personas"]})
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            pass  # missing, from another version, or damaged: peek instead
    catalog = peek_catalog(roots)
    if cache is not None:
        payload = {"format": _CACHE_FORMAT, "stamp": stamp,
                   "scenarios": [asdict(s) for s in catalog.scenarios.values()],
                   "personas": [asdict(p) for p in catalog.personas.values()]}
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            partial = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
            partial.write_text(json.dumps(payload), encoding="utf-8")
            os.replace(partial, cache)  # whole or not at all, even with two apps starting
        except OSError:
            pass  # a read-only home folder: start without a cache
    return catalog


def _catalog_files(roots: list[Path]) -> list[tuple[str, Path]]:
    from trainer.content.files import yaml_files

    return [(root.name.lower(), path) for root in roots
            if root.name.lower() in ("scenarios", "personas") and root.is_dir()
            for path in yaml_files(root)]


def _stamp(roots: list[Path]) -> list[list[Any]]:
    stamp: list[list[Any]] = []
    for _kind, path in _catalog_files(roots):
        try:
            st = path.stat()
        except OSError:
            continue
        stamp.append([str(path), st.st_size, st.st_mtime_ns])
    return stamp


def _cache_file() -> Path | None:
    folder = os.environ.get(CACHE_ENV)
    if folder is None:
        import platformdirs  # already imported by Textual: no start-up cost

        return platformdirs.user_cache_path("rehearse") / "catalog.json"
    return Path(folder) / "catalog.json" if folder else None


def peek_catalog(roots: list[Path]) -> Catalog:
    """Read id, title, track, ... of each scenario and persona; skip what doesn't parse."""
    # The project's own loader: the limits on size, depth and aliases hold here too.
    from trainer.content.yaml_io import peek

    catalog = Catalog()
    for kind, path in _catalog_files(roots):
        try:
            data: Any = peek(path, _PERSONA_KEYS if kind == "personas" else _SCENARIO_KEYS,
                             stop_at=frozenset({"nodes", "facts", "reactions"}))
            if kind == "personas":
                catalog.personas[data["id"]] = PersonaCard(data["id"], str(data["name"]))
            else:
                catalog.scenarios[data["id"]] = ScenarioCard(
                    data["id"], str(data["title"]), str(data["track"]),
                    str(data["difficulty"]), str(data["persona"]),
                    str(data.get("summary", "")), str(data.get("briefing", "")),
                    [str(t) for t in data.get("tags", [])])
        except Exception:  # noqa: BLE001 - the full load reports every problem properly
            continue
    return catalog
