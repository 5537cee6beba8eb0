"""Screens of the app, one per module, imported on first use to keep startup fast."""

from __future__ import annotations

import importlib

_MODULES = {
    "BriefingScreen": "briefing", "CompareScreen": "compare", "DebriefScreen": "debrief",
    "GlossaryScreen": "glossary", "HelpScreen": "help", "HistoryScreen": "history",
    "HomeScreen": "home", "MeetingScreen": "meeting", "ReviewScreen": "review",
}
__all__ = sorted(_MODULES)


def __getattr__(name: str):
    if name in _MODULES:
        return getattr(importlib.import_module(f"{__name__}.{_MODULES[name]}"), name)
    raise AttributeError(name)
