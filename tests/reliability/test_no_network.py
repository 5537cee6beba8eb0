"""The main paths run with the network blocked: the program never reaches for it.

Two guards: the socket functions are replaced by ones that refuse, and an audit
hook sees any connection or name lookup made below them (C extensions, urllib).
Each path runs in-process through ``trainer.cli.main`` or the app's factory.
"""

from __future__ import annotations

import importlib.util
import io
import json
import socket
import sys

import pytest

from trainer.cli import main

ATTEMPTS: list[str] = []
_GUARD = {"on": False}
_WATCHED = {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.sendto",
            "socket.sendmsg", "socket.gethostbyaddr", "urllib.Request"}


def _audit(event: str, args: tuple) -> None:
    if _GUARD["on"] and event in _WATCHED:
        ATTEMPTS.append(f"{event}{args!r:.200}")
        raise ConnectionRefusedError(f"test: no network ({event})")


sys.addaudithook(_audit)  # hooks cannot be removed; this one only acts while a test runs


@pytest.fixture
def offline(monkeypatch):
    def refuse(*args, **kwargs):
        ATTEMPTS.append(f"socket call {args!r:.200}")
        raise ConnectionRefusedError("test: no network")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyaddr"):
        monkeypatch.setattr(socket, name, refuse)
    ATTEMPTS.clear()
    _GUARD["on"] = True
    yield
    _GUARD["on"] = False
    assert not ATTEMPTS, f"the program tried to reach the network: {ATTEMPTS}"


def needs(*modules: str) -> None:
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"not built yet: {', '.join(missing)}")


def run(capsys, *argv: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str]:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out


ANSWERS = [
    "Our churn model misclassifies 5% more customers since May 2, about $50,000 of renewals "
    "a week at risk. It's my team's model and I own the fix.",
    "The model learned from January's customers and behaviour changed after the price change; "
    "we had no drift alert. I'm retraining it this week and adding monitoring.",
    "I'll send you a written update by Friday 5 pm.",
]


def test_validate_and_list_offline(offline, capsys):
    assert run(capsys, "validate")[0] == 0
    code, out = run(capsys, "list", "--json")
    assert code == 0 and "churn-model-drift" in out


def test_score_offline_with_readability(offline, capsys, monkeypatch):
    needs("trainer.cli.score", "trainer.engine.scoring.scorer")
    code, out = run(capsys, "score", "--json", ANSWERS[0])
    assert code == 0
    result = json.loads(out)
    assert 0 <= result["overall"] <= 100
    lines = "".join(json.dumps({"id": i, "answer": a}) + "\n" for i, a in enumerate(ANSWERS))
    code, out = run(capsys, "score", "--jsonl", "-", stdin=lines, monkeypatch=monkeypatch)
    assert code == 0 and len(out.splitlines()) == len(ANSWERS)


def test_drill_history_and_report_offline(offline, capsys, monkeypatch, tmp_path):
    needs("trainer.cli.drill", "trainer.cli.history", "trainer.cli.report", "trainer.store")
    db = str(tmp_path / "history.sqlite3")
    code, out = run(capsys, "drill", "churn-model-drift", "--seed", "1", "--db", db,
                    "--user", "offline", stdin="\n".join(ANSWERS) + "\n", monkeypatch=monkeypatch)
    assert code == 0 and "Score" in out
    code, out = run(capsys, "history", "--db", db, "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 1 and len(rows[0]["turns"]) >= 1
    for fmt in ("md", "html", "json"):
        target = tmp_path / f"report.{fmt}"
        code, _ = run(capsys, "report", "last", "--db", db, "-o", str(target))
        assert code == 0 and target.stat().st_size > 0


async def test_the_app_offline(offline, tmp_path):
    needs("trainer.tui.app", "trainer.engine.conversation", "trainer.store.recorder")
    from trainer.store import open_store
    from trainer.store.recorder import Recorder
    from trainer.tui.app import make_app
    from trainer.tui.widgets import AnswerBox

    store = open_store(tmp_path / "app.sqlite3")
    app = make_app(seed=7, store=Recorder(store, "offline"))
    async with app.run_test(size=(100, 34)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press(*"churn", "enter")
        await pilot.pause()
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingScreen"
        app.screen.query_one(AnswerBox).text = ANSWERS[0]
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.rehearsal.turns
    store.close()
    check = open_store(tmp_path / "app.sqlite3")
    from trainer.store import queries

    rows = queries.history(check, None)
    assert rows and queries.turns(check, rows[0].id)
    check.close()


def test_the_guard_catches_a_connection(offline):
    # the guard itself must work, or the tests above prove nothing
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("example.org", 80), timeout=1)
    with pytest.raises(ConnectionRefusedError):
        import urllib.request

        urllib.request.urlopen("http://127.0.0.1:9/", timeout=1)
    assert ATTEMPTS
    ATTEMPTS.clear()
