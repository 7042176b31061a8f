"""Fixtures for calendar tests: a fixed timezone and a real CalDAV server."""

from __future__ import annotations

from datetime import tzinfo
from zoneinfo import ZoneInfo

import pytest

from tests.servers.radicale import radicale_server  # noqa: F401


@pytest.fixture
def tz() -> tzinfo:
    """A timezone with daylight saving time, so DST bugs show."""
    return ZoneInfo("Europe/Berlin")
