"""Fixtures for the mail tests: an in-memory keyring, real servers, mail folders."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend

from tests.agents.mail.samples import inbox_messages, write_maildir, write_mbox
from tests.servers.imap import dovecot
from tests.servers.smtp import smtp_server

__all__ = ["dovecot", "smtp_server"]


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in memory: tests never touch the real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not stored")


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every mail test gets a fresh in-memory keyring."""
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(MemoryKeyring())


@pytest.fixture
def inbox_maildir(tmp_path: Path) -> Path:
    """A Maildir with the sample inbox."""
    return write_maildir(tmp_path / "Maildir", inbox_messages())


@pytest.fixture
def inbox_mbox(tmp_path: Path) -> Path:
    """An mbox file with the sample inbox."""
    return write_mbox(tmp_path / "inbox.mbox", inbox_messages())
