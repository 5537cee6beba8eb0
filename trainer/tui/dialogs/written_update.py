"""The written update promised at the end of the meeting: type it, send it for scoring."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea


class WrittenUpdateDialog(ModalScreen[str | None]):
    """Returns the update's text, or None when cancelled."""

    CSS_PATH = "dialogs.tcss"

    BINDINGS = [
        Binding("ctrl+s", "send", "Send", id="update.send", priority=True),
        Binding("escape", "cancel", "Cancel", id="update.cancel"),
    ]

    def __init__(self, prompt: str) -> None:
        super().__init__()
        self.prompt = prompt

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -wide"):
            yield Static("The written update", classes="dialog-title")
            yield Static(self.prompt, markup=False)
            yield TextArea(id="update-text", soft_wrap=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Send (ctrl+s)", id="send", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    @on(Button.Pressed, "#send")
    def action_send(self) -> None:
        text = self.query_one(TextArea).text.strip()
        if text:
            self.dismiss(text)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
