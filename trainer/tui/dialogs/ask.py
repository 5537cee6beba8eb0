"""Ask for one line of text, optionally offering choices; returns it through ``dismiss``."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static


class AskDialog(ModalScreen[str | None]):
    """A prompt, a text box and, when given, a list of choices to pick from instead.

    Enter in the box or on a choice answers; escape cancels (``None``). ``check``
    returns an error message for an unacceptable answer, shown under the box.
    """

    CSS_PATH = "dialogs.tcss"

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="ask.cancel")]

    def __init__(self, title: str, prompt: str, *, choices: list[str] | None = None,
                 placeholder: str = "", value: str = "", check=None) -> None:
        super().__init__()
        self.title_text, self.prompt = title, prompt
        self.choices = list(choices or [])
        self.placeholder, self.value, self.check = placeholder, value, check

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.prompt, classes="dialog-text", markup=False)
            if self.choices:
                yield OptionList(*self.choices, id="ask-choices")
            yield Input(value=self.value, placeholder=self.placeholder, id="ask-input")
            yield Static("", id="ask-error", classes="dialog-error")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self._answer(event.value)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._answer(str(event.option.prompt))

    def _answer(self, text: str) -> None:
        text = text.strip()
        problem = self.check(text) if self.check else ("" if text else "Type something first.")
        if problem:
            self.query_one("#ask-error", Static).update(problem)
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
