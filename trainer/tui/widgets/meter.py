"""A one-line labelled bar: answer length against its budget, or the CEO's patience."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class Meter(Widget):
    """A label, a bar and a caption. ``-warn`` and ``-over`` classes recolour the bar.

    ``low_is_bad`` flips the warning logic (patience: low is bad; length: high is bad).
    """

    COMPONENT_CLASSES = {"meter--label", "meter--fill", "meter--empty", "meter--caption"}
    DEFAULT_CSS = """
    Meter { height: 1; width: 1fr; }
    Meter > .meter--label { color: $text-muted; }
    Meter > .meter--fill { color: $success; }
    Meter > .meter--empty { color: $foreground 20%; }
    Meter > .meter--caption { color: $text; }
    Meter.-warn > .meter--fill { color: $warning; }
    Meter.-over > .meter--fill { color: $error; }
    Meter.-over > .meter--caption { color: $text-error; }
    """

    value: reactive[float] = reactive(0.0)
    """Current amount (words spoken, patience left, ...)."""
    maximum: reactive[float] = reactive(1.0)
    caption: reactive[str] = reactive("")

    def __init__(self, label: str, *, low_is_bad: bool = False, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self.label = label
        self.low_is_bad = low_is_bad

    def update(self, value: float, maximum: float | None = None, caption: str = "") -> None:
        if maximum is not None:
            self.maximum = max(maximum, 1e-9)
        self.value = value
        self.caption = caption

    def watch_value(self) -> None:
        ratio = self.value / self.maximum if self.maximum else 0
        if self.low_is_bad:
            self.set_class(ratio <= 0.25, "-over")
            self.set_class(0.25 < ratio <= 0.5, "-warn")
        else:
            self.set_class(ratio > 1.0, "-over")
            self.set_class(0.85 < ratio <= 1.0, "-warn")

    def render(self) -> Text:
        label = f"{self.label} "
        caption = f" {self.caption}" if self.caption else ""
        width = max(4, self.size.width - len(label) - len(caption))
        ratio = min(1.0, max(0.0, self.value / self.maximum if self.maximum else 0))
        filled = round(ratio * width)
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(label, self.get_component_rich_style("meter--label"))
        text.append("━" * filled, self.get_component_rich_style("meter--fill"))
        text.append("━" * (width - filled), self.get_component_rich_style("meter--empty"))
        text.append(caption, self.get_component_rich_style("meter--caption"))
        return text
