"""The meeting as a chat: the CEO's lines under the persona's name, your answers, feedback."""

from __future__ import annotations

from typing import Any

from textual.containers import VerticalScroll
from textual.widgets import Static

from trainer.tui.widgets.highlighted_answer import HighlightedAnswer
from trainer.tui.widgets.score_line import ScoreLine


class Transcript(VerticalScroll):
    """A scrolling column of speech blocks; new blocks scroll into view."""

    DEFAULT_CSS = """
    Transcript { height: 1fr; padding: 0 1; }
    Transcript .speaker { text-style: bold; margin-top: 1; }
    Transcript .speaker.-ceo { color: $text-accent; }
    Transcript .speaker.-you { color: $text-primary; }
    Transcript .line { padding: 0 0 0 2; }
    Transcript .reaction { padding: 0 0 0 2; text-style: italic; color: $text-warning; }
    Transcript .answer { padding: 0 1; margin-left: 2; background: $boost; }
    Transcript ScoreLine { margin-left: 2; padding: 0 1; }
    Transcript .tip { padding: 0 0 0 3; color: $text-muted; }
    Transcript .note { padding: 0 0 0 2; color: $text-muted; }
    """

    def _add(self, *widgets) -> None:
        self.mount_all(widgets)
        self.call_after_refresh(self.scroll_end, animate=False)

    def on_resize(self) -> None:
        # Shrunk by a panel opening below it (hints, f2) or a smaller terminal: the latest
        # line is the question being answered, so it stays in view.
        self.scroll_end(animate=False, immediate=True)

    def add_ceo(self, name: str, line: str, reaction: str = "") -> None:
        widgets = [Static(name, classes="speaker -ceo", markup=False)]
        if reaction:
            widgets.append(Static(reaction, classes="reaction", markup=False))
        widgets.append(Static(line, classes="line", markup=False))
        self._add(*widgets)

    def add_answer(self, text: str, result: Any | None = None) -> None:
        """Your answer; with a result, highlighted and followed by its scores."""
        from trainer.reports.clip import clip  # long quotes of a pasted answer cut short

        widgets: list = [Static("You", classes="speaker -you")]
        if result is None:
            widgets.append(Static(text, classes="answer", markup=False))
        else:
            widgets.append(HighlightedAnswer(text, result.findings, classes="answer"))
            widgets.append(ScoreLine(result))
            # what the scorer says about the answer as a whole ("only the first 20,000
            # characters were scored"), before what it found in it
            for note in getattr(result, "notes", None) or []:
                widgets.append(Static(f"Note: {clip(note)}", classes="note", markup=False))
            suggested: set[str] = set()
            for f in result.tips(3):
                # a rule's rewrite once: three blame phrases need one way to say it instead
                tip = f" → {f.suggestion}" if f.suggestion and f.suggestion not in suggested else ""
                suggested.add(f.suggestion)
                quote = f"“{f.text}”: " if f.text and len(f.text) < 60 else ""
                widgets.append(Static(f"{quote}{clip(f.message)}{tip}", classes="tip",
                                      markup=False))
        self._add(*widgets)

    def add_note(self, text: str) -> None:
        self._add(Static(text, classes="note", markup=False))
