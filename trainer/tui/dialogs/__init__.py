"""Modal dialogs: each returns its result through ``dismiss``."""

from trainer.tui.dialogs.confirm import ConfirmDialog
from trainer.tui.dialogs.text_dialog import TextDialog

__all__ = ["ConfirmDialog", "TextDialog"]
