"""Shared fixtures: paths, and a guard that fails any test that opens a socket."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True, scope="session")
def _private_history(tmp_path_factory):
    """Keep every test's history, configuration and cache out of the user's real folders.

    Set in the environment so that commands run in subprocesses inherit it.
    """
    import os

    folder = tmp_path_factory.mktemp("userdata")
    saved = {k: os.environ.get(k) for k in ("REHEARSE_DB", "REHEARSE_CONFIG", "REHEARSE_CACHE")}
    os.environ["REHEARSE_DB"] = str(folder / "history.sqlite3")
    os.environ["REHEARSE_CONFIG"] = str(folder / "config.yaml")
    os.environ["REHEARSE_CACHE"] = str(folder / "cache")
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture
def no_network(monkeypatch):
    """Make any attempt to reach the network raise, so a test proves we stay offline."""

    def refuse(*args, **kwargs):
        raise AssertionError("the program tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield
