"""A yes/no question that returns its answer through ``dismiss``."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from trainer.tui.key_footer import KeyFooter


class ConfirmDialog(ModalScreen[bool]):
    """Ask ``question`` (with ``detail`` under it, if any); dismiss with True (yes) or False
    (no, escape)."""

    CSS_PATH = "dialogs.tcss"

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No", *, detail: str = "",
                 safe_no: bool = False, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.question, self.yes, self.no, self.detail = question, yes, no, detail
        self.safe_no = safe_no
        """Give "no" the keyboard: where "yes" loses something, Enter must not."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-text", markup=False)
            if self.detail:
                # what answering yes costs, said before the buttons: an unsent draft
                yield Static(self.detail, id="confirm-detail", classes="dialog-detail",
                             markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes, id="yes", variant="primary")
                yield Button(self.no, id="no")
        # its own footer over the screen's: "esc Leave" behind "Leave the meeting now?" misled
        yield KeyFooter(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#no" if self.safe_no else "#yes", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)
