"""Shared pytest fixtures."""

from __future__ import annotations

import ipaddress
import logging
import os
import socket
from collections.abc import Iterator
from typing import Any

import pytest

from agents.llm import OllamaService
from agents.settings import Settings
from tests.fakes import OllamaDouble


def _outside(address: Any) -> str | None:
    """The peer, if a connection to ``address`` would leave this computer."""
    if not isinstance(address, tuple):  # a Unix socket path
        return None
    host = str(address[0])
    try:
        if ipaddress.ip_address(host.split("%", maxsplit=1)[0]).is_loopback:
            return None
    except ValueError:
        if host == "localhost":
            return None
    return f"{host}:{address[1]}"


@pytest.fixture(autouse=True)
def restore_process_state() -> Iterator[None]:
    """``main()`` sets the umask and the log file for the whole process: every test gets
    them back as they were, so one command run in-process never changes the next test."""
    umask = os.umask(0o022)
    os.umask(umask)
    handlers = list(logging.getLogger().handlers)
    level = logging.getLogger().level
    yield
    os.umask(umask)
    root = logging.getLogger()
    for handler in [h for h in root.handlers if h not in handlers]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


@pytest.fixture(autouse=True)
def no_connections_outside(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every test runs with the network limited to this computer: Hearth's only peers
    here are the loopback servers the tests start, so any other connection fails the test
    (the figure "connections outside the configured peers: 0" in docs/robustness.md)."""
    seen: list[str] = []
    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex

    def guarded(method: Any) -> Any:
        def call(self: socket.socket, address: Any) -> Any:
            peer = _outside(address)
            if peer is not None:
                seen.append(peer)
                raise OSError(f"test guard: a connection to {peer} would leave this computer")
            return method(self, address)

        return call

    monkeypatch.setattr(socket.socket, "connect", guarded(connect))
    monkeypatch.setattr(socket.socket, "connect_ex", guarded(connect_ex))
    yield seen
    assert seen == [], f"connections outside this computer: {seen}"


@pytest.fixture
def ollama_double(monkeypatch: pytest.MonkeyPatch) -> Iterator[OllamaDouble]:
    """Start an Ollama double with the default models and point OLLAMA_HOST at it."""
    double = OllamaDouble().start()
    monkeypatch.setenv("OLLAMA_HOST", double.url)
    try:
        yield double
    finally:
        double.stop()


@pytest.fixture
def service(ollama_double: OllamaDouble) -> OllamaService:
    """An Ollama service pointed at the double, with the default model names."""
    return OllamaService(Settings(ollama_host=ollama_double.url, read_timeout=20.0))
