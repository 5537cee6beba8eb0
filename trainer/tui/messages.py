"""Messages that cross screens. A widget's own messages live inside the widget class.

Plain classes rather than dataclasses: this module is imported before the first frame,
and making a dataclass costs a third of a millisecond each.
"""

from __future__ import annotations

from typing import Any

from textual.message import Message


class ContentReady(Message):
    """The content folders are loaded (problems included); the home screen can list them."""

    def __init__(self, content: Any) -> None:
        self.content = content
        super().__init__()


class ScorerReady(Message):
    """The scorer is loaded; meetings can start."""

    def __init__(self, scorer: Any) -> None:
        self.scorer = scorer
        super().__init__()


class TurnCompleted(Message):
    """An answer was scored and the conversation moved on. The history store listens here."""

    def __init__(self, rehearsal: Any, turn: Any, mode: str = "practice") -> None:
        self.rehearsal = rehearsal
        self.turn = turn
        self.mode = mode
        super().__init__()


class RehearsalFinished(Message):
    """The meeting ended (an end node, lost patience, or the user left)."""

    def __init__(self, rehearsal: Any) -> None:
        self.rehearsal = rehearsal
        super().__init__()
