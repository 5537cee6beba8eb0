"""The footer of every screen: Textual's, minus the keys that would be cut at its edge.

Here rather than in ``widgets``: the home screen uses it, and importing that package
would load every widget (the answer box, the charts) before the first frame.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's Footer shows the keys in order and cuts the last one that does not fit
    ("f4 Hi"). This one leaves out, whole, every key from the first that does not fit:
    a screen lists its own keys first, so what goes is the least important."""

    async def recompose(self) -> None:
        await super().recompose()
        self.call_after_refresh(self._fit)

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        if not self.size.width:
            return  # not laid out yet: the first resize fits it
        keys = list(self.query("FooterKey"))
        palette = [k for k in keys if k.has_class("-command-palette")]
        room = self.size.width - sum(self._width(k) for k in palette)
        fits = True
        for key in keys:
            if key in palette:
                continue
            width = self._width(key)
            fits = fits and width <= room
            room -= width
            key.display = fits

    def _width(self, key: Widget) -> int:
        styles = key.styles
        return (key.get_content_width(self.size, Size(self.size.width, 1))
                + styles.gutter.width + styles.margin.width)
