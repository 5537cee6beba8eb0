"""Command palette: start any scenario by name (the other actions are system commands)."""

from __future__ import annotations

from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider


class ScenarioCommands(Provider):
    """``Start scenario: <title>`` for every loaded scenario."""

    def _scenarios(self) -> list[Any]:
        app: Any = self.app
        if app.content is None:
            return []
        from trainer.tui.session import ordered_scenarios

        return ordered_scenarios(app.content)

    async def discover(self) -> Hits:
        app: Any = self.app
        for s in self._scenarios():
            yield DiscoveryHit(f"Start scenario: {s.title}", partial(app.open_briefing, s.id),
                               help=f"{s.track} · {s.difficulty} · {s.summary}")

    async def search(self, query: str) -> Hits:
        app: Any = self.app
        matcher = self.matcher(query)
        for s in self._scenarios():
            name = f"Start scenario: {s.title}"
            score = matcher.match(f"{name} {s.track} {s.difficulty}")
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(app.open_briefing, s.id),
                          help=f"{s.track} · {s.difficulty} · {s.summary}")
