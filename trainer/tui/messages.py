"""Messages that cross screens. A widget's own messages live inside the widget class."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.message import Message


@dataclass
class ContentReady(Message):
    """The content folders are loaded (problems included); the home screen can list them."""

    content: Any


@dataclass
class ScorerReady(Message):
    """The scorer is loaded; meetings can start."""

    scorer: Any


@dataclass
class TurnCompleted(Message):
    """An answer was scored and the conversation moved on. The history store listens here."""

    rehearsal: Any
    turn: Any


@dataclass
class RehearsalFinished(Message):
    """The meeting ended (an end node, lost patience, or the user left)."""

    rehearsal: Any
