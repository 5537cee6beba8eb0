"""The app shell: routes between screens and owns loading. Screens hold the logic.

``make_app`` builds the app for the CLI, the tests and the benchmarks alike.
"""

from __future__ import annotations

import gc
import os
import random
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from trainer.tui.commands import ScenarioCommands
from trainer.tui.messages import ContentReady, ScorerReady, TurnCompleted
from trainer.tui.screens.home import HomeScreen

if TYPE_CHECKING:  # argparse alone costs 15 ms of start-up
    import argparse

EXIT_WHEN_READY_ENV = "REHEARSE_EXIT_WHEN_READY"
"""For the startup benchmark: ``home`` quits once the home screen lists the scenarios,
``full`` once the content is validated and the scorer loaded."""
DARK, LIGHT = "textual-dark", "textual-light"
QUIT_DIALOG = "quit-dialog"
"""The id of the question ctrl+q asks when something typed would be lost."""
NOTE_DRAFT = "a coach's note"
"""How the quit question names the text of an open note or override dialog."""
_FIRST_FRAME_WAIT = 2.0
"""Seconds the content loader waits for the first frame at most."""


class RehearseApp(App):
    """Rehearse telling the CEO that something you own broke."""

    CSS_PATH = "app.tcss"
    TITLE = "rehearse"
    COMMANDS = App.COMMANDS | {ScenarioCommands}
    # The footer lists a screen's own keys first, then these, and drops what does not
    # fit: the theme is a one-off choice (the palette has it) and "Who" matters on the
    # home screen only, which shows it itself.
    BINDINGS = [
        Binding("f1", "help", "Help", id="app.help", tooltip="Keys and how scoring works"),
        Binding("ctrl+g", "glossary", "Glossary", id="app.glossary",
                tooltip="Jargon and how to say it plainly"),
        Binding("ctrl+t", "toggle_theme", "Theme", id="app.theme", show=False,
                tooltip="Switch between the dark and the light theme"),
        Binding("f4", "history", "History", id="app.history",
                tooltip="Rehearsals, trends, coach review and comparison"),
        Binding("f6", "switch_participant", "Who", id="app.participant", show=False,
                tooltip="Switch who is rehearsing (for a coaching session)"),
    ]

    def __init__(self, content_dirs: list[str] | None = None, seed: int | None = None,
                 store: Any = None, exit_when_ready: str = "", theme: str = DARK) -> None:
        super().__init__()
        self.content_dirs = list(content_dirs or [])
        self.seed = seed
        self.store = store
        """Optional history store; when set it is told about every scored turn."""
        self.exit_when_ready = exit_when_ready
        self.content: Any = None
        self._catalog: Any = None
        self.scorer: Any = None
        self._waiting: Any = None
        """What the user asked for before the content or the scorer was ready: done
        as soon as it is, rather than asking a quick user to try again."""
        self.theme = theme
        self._drawn = threading.Event()
        """Set once the first frame is on screen; the content loader waits for it."""
        self.history_everyone = False
        """History lists everyone's rehearsals rather than the participant's ('a' there):
        kept for the whole run, so a coach comparing people keeps it across visits."""
        self.reviewer: str | None = None
        """The name the last coach's note or override was signed with in this run; the
        review screen offers it for the next one."""
        self.meetings_started = 0
        """Meetings started (or resumed) in this run: the home screen starts its filter
        afresh when one happened since it was last shown."""
        self.review_drafts: dict[tuple[int, int, str], tuple[str, str]] = {}
        """Notes and overrides typed in review and not saved (cancelled, or refused by
        the store), with their names: offered again when the same dialog reopens."""

    def get_default_screen(self) -> Screen:
        return HomeScreen()

    def on_mount(self) -> None:
        from trainer.tui.session import peek_catalog

        # The quick catalog (a few ms of YAML) is read here, so the first full frame
        # already lists the scenarios; the slow validation runs in a worker that waits
        # until that frame is drawn (running now, it would hold the GIL the frame needs).
        self._catalog_ready(peek_catalog(self.content_dirs))
        self.load_content()
        self.call_after_refresh(self._first_frame_drawn)
        for notice in getattr(self.store, "notices", None) or []:
            self.notify(notice, title="History", severity="warning", timeout=15)

    def _first_frame_drawn(self) -> None:
        if not gc.isenabled():  # paused for the start-up by the command line (app_cmd)
            gc.freeze()  # what start-up built stays: later collections skip it
            gc.enable()
        self._drawn.set()

    # -- loading, off the UI thread ------------------------------------------------

    @work(thread=True, exclusive=True, group="content-load")
    def load_content(self) -> None:
        from trainer.tui.session import load_content

        if self.exit_when_ready == "home":
            return
        self._drawn.wait(_FIRST_FRAME_WAIT)
        content = load_content(self.content_dirs)
        self.call_from_thread(self._content_ready, content)
        # In this same worker, so that whoever waits for the loading (the tests) waits
        # for the scorer too, however long the first frame took.
        self._load_scorer(content)

    @property
    def catalog(self) -> Any:
        """The full content once loaded, else the quick catalog (or None at the very start)."""
        return self.content if self.content is not None else self._catalog

    def _catalog_ready(self, catalog: Any) -> None:
        self._catalog = catalog
        self.screen_stack[0].post_message(ContentReady(catalog))
        if self.exit_when_ready == "home":
            self.call_after_refresh(self.exit)

    def _content_ready(self, content: Any) -> None:
        self.content = content
        self.screen_stack[0].post_message(ContentReady(content))
        if content.problems:
            self._report_problems(content.problems)
        self._resume_waiting()

    def _resume_waiting(self) -> None:
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            waiting()

    def _report_problems(self, problems: Any) -> None:
        items = list(problems)
        shown = "\n".join(str(p) for p in items[:6])
        more = f"\n… and {len(items) - 6} more (run 'rehearse validate')" if len(items) > 6 else ""
        self.notify(f"{shown}{more}", title=f"{len(items)} problem(s) in content files",
                    severity="error", timeout=15)

    def _load_scorer(self, content: Any) -> None:
        from trainer.tui.session import load_scorer

        try:
            scorer = load_scorer(content)
        except Exception as exc:  # the app stays usable for reading briefings
            self.call_from_thread(self.notify, f"The scorer could not load: {exc}",
                                  severity="error", timeout=15)
            return
        self.call_from_thread(self.post_message, ScorerReady(scorer))

    def on_scorer_ready(self, message: ScorerReady) -> None:
        self.scorer = message.scorer
        self._resume_waiting()
        if self.exit_when_ready == "full":
            self.call_after_refresh(self.exit)

    # -- routing -------------------------------------------------------------------

    def _store_call(self, method: str, *args: Any) -> Any:
        """Call the history store if there is one; its failure never ends a meeting."""
        func = getattr(self.store, method, None) if self.store is not None else None
        if func is None:
            return None
        try:
            return func(*args)
        except Exception as exc:  # noqa: BLE001 - reported, and the rehearsal goes on
            self.notify(f"History could not be saved: {exc}", severity="error")
            return None

    def scores_for(self, scenario_id: str) -> tuple[int | None, int | None]:
        """(best, last) overall score of the finished rehearsals, from the history store."""
        return self._store_call("best_and_last", scenario_id) or (None, None)

    def unfinished_for(self, scenario_id: str) -> Any:
        """The participant's newest rehearsal of the scenario if it was cut off with
        answers given (a history row: ``id``, ``turn_count``, ``mode``...), else None."""
        return self._store_call("unfinished", scenario_id)

    def record_update(self, rehearsal: Any, text: str, score: Any = None) -> None:
        """Keep the written update with the rehearsal in history: the text as soon as it
        is sent, then again with its score."""
        self._store_call("record_update", rehearsal, text, score)

    def stored_update(self, rehearsal: Any) -> dict[str, Any] | None:
        """The written update kept in history for this rehearsal (``text``, ``score``...)."""
        return self._store_call("written_update", rehearsal)

    def open_briefing(self, scenario_id: str) -> None:
        from trainer.tui.screens.briefing import BriefingScreen

        if self.content is None:
            self._waiting = lambda: self.open_briefing(scenario_id)
            self.notify("Opening it as soon as the content files are checked…", timeout=2)
            return
        if scenario_id not in self.content.scenarios:
            self.notify("That scenario has problems; run 'rehearse validate'.", severity="error")
            return
        self.go_home()
        self.push_screen(BriefingScreen(scenario_id))

    def start_meeting(self, scenario_id: str, mode: str = "practice", replace: bool = False):
        from trainer.tui.screens.meeting import MeetingScreen
        from trainer.tui.session import start_rehearsal

        if self.content is None or self.scorer is None:
            self._waiting = lambda: self.start_meeting(scenario_id, mode, replace)
            self.notify("Starting as soon as the scorer has loaded…", timeout=2)
            return
        seed = self.seed if self.seed is not None else random.randrange(1 << 30)
        rehearsal = start_rehearsal(self.content, self.scorer, scenario_id, seed)
        scenario = self.content.scenarios[scenario_id]
        persona = self.content.personas[scenario.persona]
        # The history row is made with the first answer (on_turn_completed): a meeting left
        # or quit before any answer leaves no empty "in-progress" rehearsal behind, which
        # history would list and "Resume" could never carry on.
        self.go_home()
        self.meetings_started += 1
        self.push_screen(MeetingScreen(rehearsal, scenario, persona, mode))

    def show_debrief(self, rehearsal: Any, mode: str) -> None:
        from trainer.tui.screens.debrief import DebriefScreen

        if not rehearsal.finished:
            self._store_call("finish", rehearsal)  # left early: kept, marked abandoned
        scenario = rehearsal.scenario
        persona = self.content.personas[scenario.persona]
        self.switch_screen(DebriefScreen(rehearsal, scenario, persona, mode))

    def next_scenario(self, scenario_id: str, mode: str) -> None:
        """The scenario after this one on the same track (interview after interview),
        back to the track's first after its last."""
        from trainer.tui.session import ordered_scenarios

        ordered = ordered_scenarios(self.content)
        current = self.content.scenarios.get(scenario_id)
        track = getattr(current, "track", None)
        ids = [s.id for s in ordered if s.track == track] or [s.id for s in ordered]
        following = ids[(ids.index(scenario_id) + 1) % len(ids)] if scenario_id in ids else ids[0]
        self.open_briefing(following)

    def go_home(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def on_turn_completed(self, message: TurnCompleted) -> None:
        if self._store_call("rehearsal_id", message.rehearsal) is None:
            self._store_call("start", message.rehearsal, message.mode)  # its first answer
        self._store_call("record_turn", message.rehearsal, message.turn)

    # -- quitting ------------------------------------------------------------------

    def unsent_drafts(self) -> list[str]:
        """What the user typed and has not sent or saved, one phrase each: the screens
        and dialogs open (``unsent_draft()``), and coach notes kept as drafts."""
        found, note_open = [], False
        for screen in self.screen_stack:
            describe = getattr(screen, "unsent_draft", None)
            what = describe() if callable(describe) else ""
            name = getattr(screen, "DRAFT_NAME", "your text")
            note_open = note_open or name == NOTE_DRAFT
            if what:
                found.append(f"{name} ({what})")
        notes = sum(1 for text, _ in self.review_drafts.values() if text)
        if notes and not note_open:  # an open note dialog already holds its draft
            found.append(f"{notes} coach's note{'s' * (notes != 1)} kept as a draft")
        return found

    async def action_quit(self) -> None:
        """ctrl+q: quit, but first ask when something typed would be lost. ctrl+q again
        in that question quits."""
        from trainer.tui.dialogs import ConfirmDialog

        drafts = self.unsent_drafts()
        if not drafts or self.screen.id == QUIT_DIALOG:
            self.exit()
            return

        def answered(quit_now: bool | None) -> None:
            if quit_now:
                self.exit()

        detail = "Not sent yet, and lost if you quit: " + "; ".join(drafts) + "."
        self.push_screen(ConfirmDialog("Quit rehearse?", "Quit", "Stay", detail=detail,
                                       safe_no=True, id=QUIT_DIALOG), answered)

    # -- actions -------------------------------------------------------------------

    def action_help(self) -> None:
        from trainer.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_glossary(self) -> None:
        from trainer.tui.screens.glossary import GlossaryScreen

        if not isinstance(self.screen, GlossaryScreen):
            self.push_screen(GlossaryScreen())

    def action_history(self) -> None:
        from trainer.tui.screens.history import HistoryScreen

        if not isinstance(self.screen, HistoryScreen):
            self.push_screen(HistoryScreen())

    def action_switch_participant(self) -> None:
        from trainer.tui.dialogs.ask import AskDialog

        recorder = self.store
        if recorder is None or not hasattr(recorder, "store"):
            self.notify("History is off in this run.", severity="warning")
            return

        def switch(name: str | None) -> None:
            if name:
                recorder.participant = name
                self.go_home()
                self.screen_stack[0].post_message(ContentReady(self.catalog))
                self.notify(f"Now rehearsing as {name}.")

        others = [p for p in recorder.store.participants() if p != recorder.participant]
        self.push_screen(AskDialog(
            "Who is rehearsing?", f"Now: {recorder.participant}. Pick someone or type a new name.",
            choices=others, placeholder="a name"), switch)

    def action_resume(self) -> None:
        """Carry on the newest rehearsal of this participant that was cut off."""
        from trainer.store import queries

        recorder = self.store
        if recorder is None or not hasattr(recorder, "store") or self.scorer is None:
            self.notify("Nothing to resume yet.")
            return
        cut_off = [r for r in queries.history(recorder.store, recorder.participant, limit=50)
                   if r.status != "finished" and r.turn_count]
        if not cut_off:
            self.notify("No interrupted rehearsal to resume.")
            return
        self.resume_rehearsal(cut_off[0].id, cut_off[0].mode)

    def resume_rehearsal(self, rehearsal_id: int, mode: str = "practice") -> None:
        """Carry on a stored rehearsal that was cut off, from where its answers left it,
        in the mode it was in (a drill's in practice mode)."""
        from trainer.store.resume import resume
        from trainer.tui.screens.meeting import MeetingScreen

        recorder = self.store
        if recorder is None or not hasattr(recorder, "store"):
            self.notify("History is off in this run, so there is nothing to resume.")
            return
        if self.content is None or self.scorer is None:
            self._waiting = lambda: self.resume_rehearsal(rehearsal_id, mode)
            self.notify("Resuming as soon as the scorer has loaded…", timeout=2)
            return
        try:
            rehearsal = resume(recorder, rehearsal_id, self.content, self.scorer)
        except Exception as exc:  # noqa: BLE001 - a clear message, the app goes on
            self.notify(f"Could not resume: {exc}", severity="error")
            return
        scenario = rehearsal.scenario
        self.go_home()
        self.meetings_started += 1
        self.push_screen(MeetingScreen(rehearsal, scenario, self.content.personas[
            rehearsal.persona.id], mode if mode in ("practice", "exam") else "practice"))
        self.notify(f"Resumed after {len(rehearsal.turns)} answer(s).")

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.current_theme.dark else DARK

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help", "Keys and how scoring works", self.action_help)
        yield SystemCommand("Glossary", "Jargon and plain explanations", self.action_glossary)
        yield SystemCommand("History", "Your rehearsals, trends and weakest dimension",
                            self.action_history)
        yield SystemCommand("Switch participant", "Who is rehearsing, for a coaching session",
                            self.action_switch_participant)
        yield SystemCommand("Resume interrupted rehearsal",
                            "Carry on the last meeting that was cut off", self.action_resume)
        yield SystemCommand("Toggle light/dark", "Switch the theme", self.action_toggle_theme)
        yield SystemCommand("Home", "Back to the list of scenarios", self.go_home)
        for title, help_text, callback in getattr(screen, "commands", lambda: [])():
            yield SystemCommand(title, help_text, callback)


def make_app(content_dirs: list[str] | None = None, seed: int | None = None, store: Any = None,
             exit_when_ready: str | None = None, theme: str = DARK) -> RehearseApp:
    """Build the app; the CLI, the tests and the benchmarks all come through here."""
    if exit_when_ready is None:
        exit_when_ready = os.environ.get(EXIT_WHEN_READY_ENV, "")
    return RehearseApp(content_dirs, seed, store, exit_when_ready, theme)


def run_app(args: argparse.Namespace) -> int:
    """Entry point of bare ``rehearse``."""
    app = make_app(getattr(args, "content", None), getattr(args, "seed", None),
                   getattr(args, "store", None))
    app.run()
    return app.return_code or 0
