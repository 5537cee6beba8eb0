"""A line of text signed with a name: a coach's note or score override, by its reviewer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from trainer.tui.key_footer import KeyFooter


@dataclass(frozen=True)
class Signed:
    """What the dialog ends with. ``sent`` is False when it was cancelled: the text and
    the name are still there, for the caller to keep as a draft."""

    text: str
    author: str
    sent: bool


class SignedDialog(ModalScreen[Signed]):
    """A prompt, a text box and, under it, the name it will be signed with.

    The name comes pre-filled and can be changed (tab to it) without touching the
    text. Enter in either box saves once both are filled in; ``check`` returns an
    error message for an unacceptable text, shown under the boxes, and the dialog
    stays open. Escape ends it unsent, with what was typed.
    """

    CSS_PATH = "dialogs.tcss"
    DRAFT_NAME = "a coach's note"
    """As the quit question names it (``trainer.tui.app.NOTE_DRAFT``)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel, keep as draft", id="signed.cancel")]

    def __init__(self, title: str, prompt: str, *, author: str, text: str = "",
                 placeholder: str = "", check: Callable[[str], str] | None = None) -> None:
        super().__init__()
        self.title_text, self.prompt = title, prompt
        self.author, self.text, self.placeholder, self.check = author, text, placeholder, check

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -wide"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.prompt, classes="dialog-text", markup=False)
            yield Input(value=self.text, placeholder=self.placeholder, id="signed-text")
            with Horizontal(id="signed-by-row"):
                yield Static("Signed by", id="signed-by-label")
                yield Input(value=self.author, placeholder="your name", id="signed-author")
            yield Static("", id="signed-error", classes="dialog-error", markup=False)
            yield Static("enter saves · tab changes the name · esc keeps it as a draft",
                         classes="dialog-hint")
        yield KeyFooter(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#signed-text", Input).focus()

    def _values(self) -> tuple[str, str]:
        return (self.query_one("#signed-text", Input).value.strip(),
                self.query_one("#signed-author", Input).value.strip())

    def unsent_draft(self) -> str:
        """The words typed and not saved ("6 words"), for the question ctrl+q asks."""
        words = len(self.query_one("#signed-text", Input).value.split())
        return f"{words} word{'s' * (words != 1)}" if words else ""

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text, author = self._values()
        problem = self.check(text) if self.check else ("" if text else "Type something first.")
        box = "#signed-text"
        if not problem and not author:
            problem, box = "Whose name goes on it? Type it after 'Signed by'.", "#signed-author"
        if problem:
            self.query_one("#signed-error", Static).update(problem)
            self.query_one(box, Input).focus()
            return
        self.dismiss(Signed(text, author, sent=True))

    def action_cancel(self) -> None:
        text, author = self._values()
        self.dismiss(Signed(text, author, sent=False))
