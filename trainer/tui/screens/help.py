"""Help: the keys, and how scoring works."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Markdown

from trainer.tui.key_footer import KeyFooter

HELP = """\
# How to use rehearse

You meet a CEO (or an interviewer) about something you own that went wrong. Read the
briefing, then answer each question as you would say it aloud.

## Keys

| Where | Key | What it does |
|---|---|---|
| everywhere | `ctrl+p` | command palette: every action, searchable |
| everywhere | `f1` / `ctrl+g` | this help / the jargon glossary |
| everywhere | `f4` | your rehearsals, trends, coach review |
| everywhere | `f6` | switch who is rehearsing (a coaching session) |
| everywhere | `ctrl+t` | switch between the dark and the light theme |
| everywhere | `ctrl+q` | quit (it asks first if an answer you typed is not sent) |
| home | type, `↑` `↓`, `enter` | filter, move, open the briefing |
| briefing | `p` or `enter` / `e` | start in practice / exam mode |
| briefing | `r` | resume the last meeting of it that was cut off (when offered) |
| meeting | `enter` / `ctrl+j` | send the answer / new line in the answer |
| meeting | `f2` / `f3` | talking points / a strong answer (practice mode) |
| meeting | `escape` | leave the meeting |
| meeting, once it is over | `enter` | the debrief |
| debrief | `r` `n` `x` `h` | retry, next scenario (same track), export, home |
| debrief, incident meetings | `w` | write the update you promised (interviews have none) |

Export (`x`) writes a Markdown report into the folder you started rehearse from.

Every answer is saved as it is scored. A meeting cut off before its end (quit, a closed
window, a lost connection) can be carried on: its briefing offers `r` Resume, and the
palette (`ctrl+p`) has "Resume interrupted rehearsal" for the latest one. Home shows
such a meeting as "unfinished"; best and last count meetings that reached their end.

## How answers are scored

Every answer is checked against plain rules, and each finding points at the words that
caused it, so you can see why a score moved. Dimensions include **brevity** (about 150
words a minute: the counter shows the seconds you would speak against the question's
budget), **impact** (a number for what it costs), **ownership** (no blame), **jargon**,
**confidence** (vague hedges, not calibrated ones), **solution**, **follow-up**
(when the next update comes) and, for interviews, **structure** (STAR plus lessons).
Scores run from 0 to 100: 75 and above is strong, 50 to 74 developing, under 50 needs work.
Under each answer, the **highlights** line names what each highlight marks: what was good
is underlined (figures, ownership, actions, ...), what to fix is filled in (blame, jargon,
hedging, a result with no number: "unmeasured", ...).

The CEO reacts to what is missing: jargon gets "in plain English?", no number gets "what
does that cost us?", blame gets "I'm not interested in whose fault it is". Long answers
use up the CEO's patience; at zero the meeting ends.

In **practice** mode you see the highlighted answer and its scores after each turn and
can ask for hints. In **exam** mode a timer runs and the feedback waits for the debrief.
"""


class HelpScreen(Screen):
    """Static help text."""

    CSS_PATH = "reference.tcss"

    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back", id="help.back")]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="help-body"):
            yield Markdown(HELP)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "help"
