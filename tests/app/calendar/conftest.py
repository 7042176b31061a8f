"""Fixtures for the calendar in the window: a real CalDAV server and a keyring in memory."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.agents.mail.conftest import memory_keyring
from tests.servers.radicale import RadicaleServer, start_radicale

PASSWORD = "kite-Tr0ub4dor-&3"
"""The CalDAV password: distinctive, so a search of the data folder can't miss it."""

__all__ = ["PASSWORD", "caldav_server", "memory_keyring"]


@pytest.fixture
def caldav_server(tmp_path: Path) -> Iterator[RadicaleServer]:
    """Radicale on loopback with user alice (password ``PASSWORD``) and a ``work`` calendar."""
    server = start_radicale(tmp_path / "radicale", password=PASSWORD)
    try:
        yield server
    finally:
        server.stop()
