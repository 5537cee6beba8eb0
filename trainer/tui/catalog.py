"""A quick look at the scenario files for the home screen, before full validation.

Building the pydantic models costs about 0.2 s of imports; reading the few keys the
home screen lists with the C YAML loader takes a few milliseconds. The full load runs
right after in the background and replaces this catalog (dropping invalid scenarios).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


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


def peek_catalog(roots: list[Path]) -> Catalog:
    """Read id, title, track, ... of each scenario and persona; skip what doesn't parse."""
    # The project's own loader: the limits on size, depth and aliases hold here too.
    from trainer.content.files import yaml_files
    from trainer.content.yaml_io import peek

    catalog = Catalog()
    for root in roots:
        kind = root.name.lower()
        if kind not in ("scenarios", "personas") or not root.is_dir():
            continue
        for path in yaml_files(root):
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
