"""`rehearse serve` in a real headless browser (Debian's chromium): the home screen appears.

The page draws the app into an xterm.js canvas, so the test reads what the app
sent: a script injected before the page loads copies the terminal stream the
page receives over its websocket. A screenshot is saved next to the test's
temporary files for a person to look at.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from trainer.cli.serve import app_command, is_loopback

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    # Only this machine: nothing the page links to may leave it.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--window-size=1280,800", "--remote-debugging-port=0",
]

CAPTURE = """
(() => {
  window.__terminal = "";
  const decoder = new TextDecoder();
  const Original = window.WebSocket;
  function Capturing(url, protocols) {
    const ws = protocols === undefined ? new Original(url) : new Original(url, protocols);
    ws.addEventListener("message", (e) => {
      window.__terminal += typeof e.data === "string" ? e.data
        : decoder.decode(e.data, {stream: true});
    });
    return ws;
  }
  Capturing.prototype = Original.prototype;
  Object.assign(Capturing, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
  window.WebSocket = Capturing;
})();
"""

ANSI = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[\]P_^].*?(?:\x07|\x1b\\)|\x1b.", re.S)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_port(port: int, proc: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"rehearse serve exited: {proc.stderr.read()}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError("rehearse serve did not start listening")


def _stop(proc: subprocess.Popen) -> None:
    # Each was started in its own process group: this ends the app processes it spawned.
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


async def _page_text(devtools_port: int, url: str, expect: list[str], shot: Path) -> str:
    import aiohttp

    async with aiohttp.ClientSession() as http:
        async with http.get(f"http://127.0.0.1:{devtools_port}/json/list") as resp:
            targets = await resp.json()
        page = next(t for t in targets if t["type"] == "page")
        async with http.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as ws:
            ids = iter(range(1, 10_000))

            async def call(method: str, **params):
                msg_id = next(ids)
                await ws.send_json({"id": msg_id, "method": method, "params": params})
                async for msg in ws:
                    data = json.loads(msg.data)
                    if data.get("id") == msg_id:
                        if "error" in data:
                            raise AssertionError(f"{method}: {data['error']}")
                        return data.get("result", {})
                raise AssertionError("the browser closed the DevTools connection")

            await call("Page.enable")
            await call("Page.addScriptToEvaluateOnNewDocument", source=CAPTURE)
            await call("Page.navigate", url=url)
            text, deadline = "", time.monotonic() + 45
            while time.monotonic() < deadline:
                result = await call("Runtime.evaluate", expression="window.__terminal || ''",
                                    returnByValue=True)
                text = ANSI.sub("", result.get("result", {}).get("value", ""))
                if all(e in text for e in expect):
                    break
                await asyncio.sleep(0.3)
            await asyncio.sleep(0.5)  # let xterm paint the last frame for the screenshot
            image = await call("Page.captureScreenshot", format="png")
            shot.write_bytes(base64.b64decode(image["data"]))
            return text


def _serve_to_a_browser(tmp_path):
    """Start ``rehearse serve`` and a headless chromium showing its home screen.

    Returns (server, browser, port, db, text the page showed, screenshot); the
    caller stops both processes.
    """
    from trainer.content.loader import load_content
    from trainer.locations import content_roots

    title = load_content(content_roots()).scenarios["churn-model-drift"].title
    port, db = _free_port(), tmp_path / "served.sqlite3"
    env = {k: v for k, v in os.environ.items() if k != "REHEARSE_DB"}
    server = subprocess.Popen(
        [sys.executable, "-m", "trainer", "serve", "--port", str(port), "--db", str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        start_new_session=True)
    browser = None
    try:
        _wait_for_port(port, server)
        profile = tmp_path / "chromium-profile"
        browser = subprocess.Popen(
            [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        active = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (active.exists() and active.read_text().strip()):
            assert time.monotonic() < deadline, "chromium did not open its DevTools port"
            time.sleep(0.1)
        devtools_port = int(active.read_text().splitlines()[0])
        shot = tmp_path / "home.png"
        expect = ["Type to filter scenarios", title]
        text = asyncio.run(_page_text(devtools_port, f"http://127.0.0.1:{port}/", expect, shot))
        for wanted in expect:
            assert wanted in text, f"{wanted!r} not on the page; it showed: {text[-2000:]!r}"
    except BaseException:
        if browser is not None:
            _stop(browser)
        _stop(server)
        raise
    return server, browser, db, shot


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed "
                    "(Debian: apt-get install -y chromium)")
def test_served_app_shows_the_home_screen_in_a_browser(tmp_path):
    server, browser, db, shot = _serve_to_a_browser(tmp_path)
    try:
        assert shot.stat().st_size > 5000
        assert db.exists()  # the server opened the shared history before any browser came
    finally:
        _stop(browser)
        _stop(server)


def _children(pid: int) -> list[int]:
    """Every live descendant of ``pid``, from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != "Z":
                parents[int(entry.name)] = int(fields[1])
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        kids = [p for p, pp in parents.items() if pp == parent]
        found += kids
        todo += kids
    return found


@pytest.mark.skipif(CHROMIUM is None or not Path("/proc").is_dir(),
                    reason="needs chromium and /proc")
def test_ctrl_c_with_a_browser_connected_stops_quickly_and_cleanly(tmp_path):
    server, browser, _db, _shot = _serve_to_a_browser(tmp_path)
    try:
        assert _children(server.pid), "no app process was started for the browser"
        started = time.monotonic()
        os.kill(server.pid, signal.SIGINT)  # Ctrl+C reaches the server alone here
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            raise AssertionError("rehearse serve did not stop within 15 s of Ctrl+C") from None
        took = time.monotonic() - started
        err = server.stderr.read()
        assert "Event loop is closed" not in err and "Exception ignored" not in err, err
        assert "Traceback" not in err, err
        assert took < 2.5, f"stopping took {took:.1f} s"
    finally:
        _stop(browser)
        _stop(server)


def test_the_server_binds_to_this_machine_unless_told_otherwise(capsys):
    from trainer.cli import build_parser

    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1" and args.port == 8000
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.20")


def test_each_browser_runs_the_app_on_the_same_database():
    command = app_command("/data/team history.sqlite3", ["/extra content"])
    assert command.split(" ", 1)[1] == ("-m trainer --db '/data/team history.sqlite3' "
                                        "--content '/extra content'")


class _FakeServer:
    made: list[dict] = []

    def __init__(self, command, **kwargs):
        _FakeServer.made.append({"command": command, **kwargs})

    def serve(self):
        pass


@pytest.mark.parametrize("host, warned", [("127.0.0.1", False), ("0.0.0.0", True),
                                          ("192.168.1.20", True)])
def test_a_non_loopback_address_gets_a_warning(tmp_path, capsys, monkeypatch, host, warned):
    import textual_serve.server

    from trainer.cli import main

    monkeypatch.setattr(textual_serve.server, "Server", _FakeServer)
    _FakeServer.made.clear()
    db = tmp_path / "team.sqlite3"
    assert main(["serve", "--host", host, "--port", "8123", "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert ("warning: listening on" in err) is warned
    [made] = _FakeServer.made
    assert made["host"] == host and made["port"] == 8123
    assert f"--db {db.resolve()}" in made["command"]
    assert db.exists()  # created (and migrated) before any browser connects
