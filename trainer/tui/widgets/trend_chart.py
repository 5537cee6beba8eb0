"""A small bar chart of the scenario's metric trend (the seeds' "show a visual aid")."""

from __future__ import annotations

import textwrap

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

_BLOCKS = " ▁▂▃▄▅▆▇█"


class TrendChart(Widget):
    """Vertical bars, one per point, with labels below and the last value called out.

    The title wraps onto as many lines as it needs; the chart grows to fit it.
    """

    COMPONENT_CLASSES = {"trend--bar", "trend--last", "trend--axis", "trend--title"}
    DEFAULT_CSS = """
    TrendChart { height: auto; width: 1fr; }
    TrendChart > .trend--title { text-style: bold; }
    TrendChart > .trend--bar { color: $primary; }
    TrendChart > .trend--last { color: $warning; }
    TrendChart > .trend--axis { color: $text-muted; }
    """

    ROWS = 5

    def __init__(self, title: str, points: list[float], labels: list[str], unit: str = "",
                 *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self.title = title
        self.points = list(points)
        self.labels = list(labels)
        self.unit = unit

    def _title_lines(self, width: int) -> list[str]:
        return textwrap.wrap(self.title, max(8, width), break_on_hyphens=False) or [""]

    def _column(self, width: int) -> int:
        return max(2, min(6, (width - 2) // max(1, len(self.points))))

    def _axis_lines(self, width: int) -> list[str]:
        """The labels under the bars, a line per row: a label wider than its bar
        ("Mar 3") breaks at its space onto a second row rather than being cut. When the
        bars are too narrow for their labels ("11-30" under bars two columns wide), the
        first and the last label stand at the chart's two ends instead: a label cut to
        its last characters ("30") reads as a value."""
        col = self._column(width)
        room = col - 1
        labels = self.labels[: len(self.points)]
        if not labels:
            return [""]
        wrapped = [textwrap.wrap(label, room, break_long_words=False) or [""]
                   for label in labels]
        if all(len(part) <= room for parts in wrapped for part in parts) \
                and max(len(parts) for parts in wrapped) <= 2:
            rows = max(len(parts) for parts in wrapped)
            return ["".join((parts[r] if r < len(parts) else "").ljust(col)
                            for parts in wrapped).rstrip() for r in range(rows)]
        first, last = labels[0].strip(), labels[-1].strip()
        if len(labels) == 1:
            return [first[:width]]
        span = max(col * len(labels) - 1, len(first) + len(last) + 1)
        if span > width:  # not even the two fit side by side: the newest alone
            return [last[:width]]
        return [first + last.rjust(span - len(first))]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # title, the first → last values, the bars, the labels
        return len(self._title_lines(width)) + 1 + self.ROWS + len(self._axis_lines(width))

    def _value(self, v: float) -> str:
        num = f"{v:g}"
        return f"${num}" if self.unit == "$" else f"{num}{self.unit}" if self.unit == "%" \
            else f"{num} {self.unit}".strip()

    def render(self) -> Text:
        pts = self.points
        lo, hi = min(pts), max(pts)
        base = lo - (hi - lo) * 0.25 if hi > lo else 0
        span = (hi - base) or 1
        col = self._column(self.size.width)
        text = Text(no_wrap=True, overflow="ellipsis")
        title = "\n".join(self._title_lines(self.size.width))
        text.append(title, self.get_component_rich_style("trend--title"))
        text.append(f"\n{self._value(pts[0])} → {self._value(pts[-1])}\n",
                    self.get_component_rich_style("trend--last"))
        eighths = [round((v - base) / span * self.ROWS * 8) for v in pts]
        for row in range(self.ROWS - 1, -1, -1):
            for i, e in enumerate(eighths):
                level = max(0, min(8, e - row * 8))
                style = "trend--last" if i == len(pts) - 1 else "trend--bar"
                cell = (_BLOCKS[level] * (col - 1)).ljust(col)
                text.append(cell, self.get_component_rich_style(style))
            text.append("\n")
        axis = self.get_component_rich_style("trend--axis")
        text.append("\n".join(self._axis_lines(self.size.width)), axis)
        return text
