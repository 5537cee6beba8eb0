"""The written update promised at the end of the meeting: type it, send it for scoring."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from trainer.tui.key_footer import KeyFooter
from trainer.tui.widgets.answer_box import count_words
from trainer.tui.widgets.meter import Meter


class WrittenUpdateDialog(ModalScreen[str | None]):
    """Returns the update's text, or None when cancelled.

    ``budget`` is the scenario's word budget for the update: a live counter shows the
    words typed against it, as the meeting's answer box does. ``text`` fills the box
    (the update written before, to edit it); after a cancel, ``draft`` holds what the
    box held, for the caller to keep.
    """

    CSS_PATH = "dialogs.tcss"
    DRAFT_NAME = "your written update"

    BINDINGS = [
        # Not a priority binding: those run the moment the key arrives, before the text
        # area has taken the keys typed just before it, and the send would miss them.
        # As an ordinary binding, ctrl+s reaches the dialog through the text area,
        # after every key typed before it.
        Binding("ctrl+s", "send", "Send", id="update.send"),
        Binding("escape", "cancel", "Cancel", id="update.cancel"),
    ]

    def __init__(self, prompt: str, budget: int = 200, text: str = "") -> None:
        super().__init__()
        self.prompt = prompt
        self.budget = budget
        self.text = text
        self.draft = ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -wide -tall"):
            yield Static("The written update", classes="dialog-title")
            yield Static(self.prompt, markup=False)
            yield TextArea(self.text, id="update-text", soft_wrap=True)
            yield Meter("length", id="update-count")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Send (ctrl+s)", id="send", variant="primary")
                yield Button("Cancel", id="cancel")
        # Its own footer, over the debrief's: only this dialog's keys
        yield KeyFooter(show_command_palette=False)

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        self._count(area.text)
        area.move_cursor(area.document.end)  # an edit carries on where the text ends
        area.focus()

    @on(TextArea.Changed, "#update-text")
    def _typed(self, event: TextArea.Changed) -> None:
        self._count(event.text_area.text)

    def _count(self, text: str) -> None:
        words = count_words(text)
        self.query_one("#update-count", Meter).update(
            words, self.budget, f"{words} / {self.budget} words")

    def unsent_draft(self) -> str:
        """The words typed and not sent ("40 words"), for the question ctrl+q asks; an
        update already saved and not changed is not a draft."""
        text = self.query_one(TextArea).text
        if text.strip() == self.text.strip():
            return ""
        words = count_words(text)
        return f"{words} word{'s' * (words != 1)}" if words else ""

    @on(Button.Pressed, "#send")
    def action_send(self) -> None:
        text = self.query_one(TextArea).text.strip()
        if text:
            self.dismiss(text)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.draft = self.query_one(TextArea).text
        self.dismiss(None)
