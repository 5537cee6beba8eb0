"""Coach review in the app: notes and overrides are signed by the reviewer, not by the
participant the app rehearses as, and nothing typed is lost to a wrong name or a cancel."""

from __future__ import annotations

from store_helpers import turn
from textual.widgets import Input

from trainer.store import StoreError, open_store, queries
from trainer.store.recorder import Recorder


def _store(tmp_path):
    store = open_store(tmp_path / "coach.sqlite3")
    ids = {}
    for who in ("alice", "bob"):
        ids[who] = store.start_rehearsal(who, "churn-model-drift", scenario_title="Churn")
        store.add_turn(ids[who], turn(0, ownership=40))
        store.add_turn(ids[who], turn(1, ownership=60))
    return store, ids


def _coach_app(tmp_path, monkeypatch):
    """The app as it was left rehearsing as alice, run by a coach logged in as coachlogin."""
    import trainer.store
    from trainer.tui.app import make_app

    monkeypatch.setattr(trainer.store, "default_user", lambda: "coachlogin")
    store, ids = _store(tmp_path)
    return make_app(seed=1, store=Recorder(store, "alice")), store, ids


async def _settle(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def _review(app, pilot, rid):
    from trainer.tui.screens.review import ReviewScreen

    await _settle(app, pilot)
    await app.push_screen(ReviewScreen(rid))
    await _settle(app, pilot)


def _boxes(app) -> tuple[str, str]:
    assert type(app.screen).__name__ == "SignedDialog"
    return (app.screen.query_one("#signed-text", Input).value,
            app.screen.query_one("#signed-author", Input).value)


async def test_a_note_is_signed_by_the_reviewer_not_the_participant(tmp_path, monkeypatch):
    # The app last rehearsed as alice; the coach now reviews bob's rehearsal
    app, store, ids = _coach_app(tmp_path, monkeypatch)
    async with app.run_test(size=(110, 36)) as pilot:
        await _review(app, pilot, ids["bob"])
        await pilot.press("n")
        await pilot.pause()
        assert _boxes(app) == ("", "coachlogin")  # the dialog says who will sign it
        await pilot.press(*"Own it before the cause.", "enter")
        await _settle(app, pilot)
        assert type(app.screen).__name__ == "ReviewScreen"
    [note] = queries.turns(store, ids["bob"])[0]["notes"]
    assert (note["author"], note["note"]) == ("coachlogin", "Own it before the cause.")


async def test_a_wrong_name_is_changed_and_a_cancel_keeps_the_draft(tmp_path, monkeypatch):
    app, store, ids = _coach_app(tmp_path, monkeypatch)
    async with app.run_test(size=(110, 36)) as pilot:
        await _review(app, pilot, ids["bob"])
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Lead with the number.", "tab", "ctrl+u", *"Kim")
        assert _boxes(app) == ("Lead with the number.", "Kim")  # the note is untouched
        await pilot.press("escape")  # cancelled: kept as a draft
        await _settle(app, pilot)
        assert type(app.screen).__name__ == "ReviewScreen"
        assert queries.turns(store, ids["bob"])[0]["notes"] == []
        await pilot.press("n")
        await pilot.pause()
        assert _boxes(app) == ("Lead with the number.", "Kim")
        await pilot.press("enter")
        await _settle(app, pilot)

        # an empty name is refused and the dialog stays open with the text
        await pilot.press("down", "o")
        await pilot.pause()
        assert _boxes(app) == ("", "Kim")  # the last name signed with in this run
        await pilot.press(*"ownership 75 owned the miss", "tab", "ctrl+u", "enter")
        await pilot.pause()
        assert _boxes(app) == ("ownership 75 owned the miss", "")
        assert app.screen.focused.id == "signed-author"
        await pilot.press(*"Kim Lee", "enter")
        await _settle(app, pilot)
        assert type(app.screen).__name__ == "ReviewScreen"

        # another rehearsal, later in the same run: Kim Lee is offered again
        await pilot.press("escape")
        await _review(app, pilot, ids["alice"])
        await pilot.press("n")
        await pilot.pause()
        assert _boxes(app) == ("", "Kim Lee")
        await pilot.press("escape")  # nothing typed: no draft, no message
        await pilot.pause()
        assert app.review_drafts == {}
    first, second = queries.turns(store, ids["bob"])
    assert [(n["author"], n["note"]) for n in first["notes"]] == [("Kim", "Lead with the number.")]
    [override] = second["overrides"]
    assert (override["author"], override["dimension"], override["score"]) == (
        "Kim Lee", "ownership", 75)


async def test_a_note_the_store_refuses_is_kept_to_try_again(tmp_path, monkeypatch):
    import trainer.store.review
    from trainer.tui.app import make_app

    store, ids = _store(tmp_path)
    real = trainer.store.review.add_note

    def locked(*args, **kwargs):
        raise StoreError("database is locked")

    monkeypatch.setattr(trainer.store.review, "add_note", locked)
    app = make_app(seed=1, store=Recorder(store, "alice"))
    async with app.run_test(size=(110, 36)) as pilot:
        await _review(app, pilot, ids["bob"])
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Shorter, please.", "tab", "ctrl+u", *"Kim", "enter")
        await _settle(app, pilot)
        assert type(app.screen).__name__ == "ReviewScreen"
        monkeypatch.setattr(trainer.store.review, "add_note", real)
        await pilot.press("n")
        await pilot.pause()
        assert _boxes(app) == ("Shorter, please.", "Kim")
        await pilot.press("enter")
        await _settle(app, pilot)
        assert app.review_drafts == {}
    [note] = queries.turns(store, ids["bob"])[0]["notes"]
    assert (note["author"], note["note"]) == ("Kim", "Shorter, please.")
