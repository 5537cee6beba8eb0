"""Per-dimension scores of one answer, on one wrapped line, coloured by tier."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widget import Widget


def tier(score: int) -> str:
    """Tiers after exec.com's bands: 75+ good, 50-74 developing, under 50 needs work."""
    return "good" if score >= 75 else "ok" if score >= 50 else "poor"


def dimension_label(name: str) -> str:
    return name.replace("_", " ")


class ScoreLine(Widget):
    """``overall 72 | brevity 90  impact 40 ...`` for a ScoreResult."""

    COMPONENT_CLASSES = {"score--good", "score--ok", "score--poor", "score--label"}
    DEFAULT_CSS = """
    ScoreLine { height: auto; width: 1fr; }
    ScoreLine > .score--label { color: $text-muted; }
    ScoreLine > .score--good { color: $text-success; text-style: bold; }
    ScoreLine > .score--ok { color: $text-warning; text-style: bold; }
    ScoreLine > .score--poor { color: $text-error; text-style: bold; }
    """

    def __init__(self, result: Any, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self.result = result

    def render(self) -> Text:
        label = self.get_component_rich_style("score--label")
        text = Text()
        text.append("overall ", label)
        overall = int(self.result.overall)
        text.append(str(overall), self.get_component_rich_style(f"score--{tier(overall)}"))
        text.append("  │ ", label)
        for name, dim in self.result.dimensions.items():
            text.append(f" {dimension_label(name)} ", label)
            text.append(str(dim.score), self.get_component_rich_style(f"score--{tier(dim.score)}"))
        return text
