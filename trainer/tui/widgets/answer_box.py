"""The multi-line answer box: Enter sends, ctrl+j (or shift+enter) breaks the line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import TextArea

WORDS_PER_MINUTE = 150
"""Conversational speaking pace (Microsoft Speaker Coach's band is 100-165)."""


_WORD = re.compile(r"[^\W_]+(?:['’.,\-/@&][^\W_]+)*")
"""A word as the scorer counts it (``trainer.engine.scoring.text``): a run of letters
or digits, joined by an apostrophe, a point, a hyphen... A bullet ("-", "•"), a dash
or an emoji is no word. Kept here so the app's first frame does not import the engine."""


def count_words(text: str) -> int:
    """Words as the scorer counts them, so the counter agrees with the feedback."""
    return sum(1 for _ in _WORD.finditer(text))


def speaking_seconds(words: int) -> int:
    return round(words * 60 / WORDS_PER_MINUTE)


class AnswerBox(TextArea):
    """A TextArea that sends on Enter instead of inserting a line break."""

    BINDINGS = [
        Binding("enter", "send", "Send", id="answer.send", tooltip="Send the answer"),
        Binding("ctrl+j,shift+enter", "newline", "New line", id="answer.newline",
                tooltip="Insert a line break in the answer"),
    ]
    NEWLINE_KEYS = ("ctrl+j", "shift+enter", "newline")

    @dataclass
    class Submitted(Message):
        """The user pressed Enter on a non-empty answer."""

        answer_box: AnswerBox
        text: str

        @property
        def control(self) -> AnswerBox:
            return self.answer_box

    def __init__(self, *, id: str | None = None, placeholder: str = "") -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id, soft_wrap=True, show_line_numbers=False,
                         tab_behavior="focus", placeholder=placeholder)

    async def _on_key(self, event: events.Key) -> None:
        # Handled here rather than by the bindings so that a real terminal's ctrl+j
        # (which arrives with a newline character) never reaches TextArea's own handler.
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.action_send()
            return
        if event.key in self.NEWLINE_KEYS:
            event.stop()
            event.prevent_default()
            self.action_newline()
            return
        await super()._on_key(event)

    def action_send(self) -> None:
        text = self.text.strip()
        if text and not self.read_only:
            self.post_message(self.Submitted(self, text))

    def action_newline(self) -> None:
        if not self.read_only:
            self.insert("\n")
