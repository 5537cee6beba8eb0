"""Modal dialogs: each returns its result through ``dismiss``."""

from trainer.tui.dialogs.ask import AskDialog
from trainer.tui.dialogs.confirm import ConfirmDialog
from trainer.tui.dialogs.signed import Signed, SignedDialog
from trainer.tui.dialogs.text_dialog import TextDialog
from trainer.tui.dialogs.written_update import WrittenUpdateDialog

__all__ = [
    "AskDialog", "ConfirmDialog", "Signed", "SignedDialog", "TextDialog", "WrittenUpdateDialog",
]
