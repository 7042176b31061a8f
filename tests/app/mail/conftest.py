"""Fixtures for the mail UI and CLI tests (shared with tests/agents/mail)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.agents.mail.conftest import (
    inbox_maildir,
    inbox_mbox,
    memory_keyring,
)
from tests.servers.imap import dovecot
from tests.servers.smtp import smtp_server

__all__ = ["dovecot", "inbox_maildir", "inbox_mbox", "memory_keyring", "smtp_server"]
