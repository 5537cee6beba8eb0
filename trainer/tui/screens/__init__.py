"""Screens of the app, one per module."""

from trainer.tui.screens.briefing import BriefingScreen
from trainer.tui.screens.debrief import DebriefScreen
from trainer.tui.screens.glossary import GlossaryScreen
from trainer.tui.screens.help import HelpScreen
from trainer.tui.screens.home import HomeScreen
from trainer.tui.screens.meeting import MeetingScreen

__all__ = ["BriefingScreen", "DebriefScreen", "GlossaryScreen", "HelpScreen", "HomeScreen",
           "MeetingScreen"]
