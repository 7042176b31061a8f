"""Fixtures for agent CLI and Qt tests: a real SMTP server and offscreen Qt."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.servers.smtp import smtp_server  # noqa: F401
