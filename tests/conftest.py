"""Shared fixtures: paths, and a guard that fails any test that opens a socket."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


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
