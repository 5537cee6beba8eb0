"""Widgets of the app, one per module."""

from trainer.tui.widgets.answer_box import AnswerBox
from trainer.tui.widgets.highlighted_answer import HighlightedAnswer
from trainer.tui.widgets.meter import Meter
from trainer.tui.widgets.score_line import ScoreLine
from trainer.tui.widgets.transcript import Transcript
from trainer.tui.widgets.trend_chart import TrendChart

__all__ = ["AnswerBox", "HighlightedAnswer", "Meter", "ScoreLine", "Transcript", "TrendChart"]
