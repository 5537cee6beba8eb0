"""The home screen, the glossary, themes and content problems, driven with Pilot."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from tests.tui.conftest import SIZE, settle


async def test_home_lists_scenarios_by_track_and_filters(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        options = app.screen.query_one("#scenarios", OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert "churn-model-drift" in ids
        assert options.get_option_at_index(0).disabled  # the track heading comes first
        await pilot.press(*"zzqx")
        assert app.screen.query_one("#filter", Input).value == "zzqx"
        assert options.option_count == 0
        await pilot.press("escape")
        assert options.option_count == len(ids)


async def test_enter_opens_the_briefing_with_the_trend_chart(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press(*"churn", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "BriefingScreen"
        assert app.screen.query("#trend")
        await pilot.press("escape")
        assert type(app.screen).__name__ == "HomeScreen"


async def test_theme_switch_and_help_and_glossary(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.current_theme.dark
        await pilot.press("ctrl+t")
        assert not app.current_theme.dark
        await pilot.press("f1")
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape", "ctrl+g")
        assert type(app.screen).__name__ == "GlossaryScreen"
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Help", "Glossary", "Toggle light/dark", "Home"} <= set(titles)


async def test_glossary_finds_a_term_by_another_spelling_and_wraps_it(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+g")
        await pilot.pause()
        table = app.screen.query_one("#glossary")
        everything = table.row_count
        await pilot.press(*"feature drift")  # an alias of 'model drift'
        await pilot.pause()
        assert 0 < table.row_count < everything
        terms = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert "model drift" in terms
        plain = table.get_row_at(terms.index("model drift"))[1]
        assert "also:" in plain.plain
        # the explanation wraps inside an 80-column window instead of running off it
        assert table.columns["plain"].width <= 80 - 24


async def test_content_problems_give_one_error_and_valid_scenarios_still_load(make, tmp_path):
    broken = tmp_path / "scenarios"
    broken.mkdir()
    (broken / "broken.yaml").write_text("id: broken\ntitle: Broken\ncolour: red\n")
    app = make(content_dirs=[str(tmp_path)])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        errors = [n for n in app._notifications if n.severity == "error"]
        assert len(errors) == 1
        assert "broken.yaml" in errors[0].message
        assert "churn-model-drift" in app.content.scenarios
        assert "broken" not in app.content.scenarios


async def test_a_scenario_chosen_before_the_content_is_checked_opens_when_it_is(make, monkeypatch):
    import threading

    import trainer.tui.session as session

    real, gate = session.load_content, threading.Event()

    def slow(dirs):
        gate.wait(20)  # a slow disk: the user is quicker than the validation
        return real(dirs)

    monkeypatch.setattr(session, "load_content", slow)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"churn", "enter")
        await pilot.pause()
        assert app.content is None and type(app.screen).__name__ == "HomeScreen"
        gate.set()
        assert await _becomes(app, pilot, "BriefingScreen")
        await pilot.press("p")  # the scorer may still be loading: the meeting starts anyway
        assert await _becomes(app, pilot, "MeetingScreen")


async def _becomes(app, pilot, screen: str, seconds: float = 20) -> bool:
    """Whether the app shows ``screen`` within ``seconds`` (loading runs in threads)."""
    for _ in range(int(seconds / 0.05)):
        if type(app.screen).__name__ == screen:
            # let the new screen settle: leaving while its Header's title callbacks are
            # still queued trips Textual's Header (NoMatches on HeaderTitle) at shutdown
            await pilot.pause()
            return True
        await pilot.pause(0.05)
    return False
