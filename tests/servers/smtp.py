"""A real SMTP server (aiosmtpd) on a random loopback port that keeps what it receives."""

from __future__ import annotations

import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from typing import Any

import pytest

from tests.servers import free_port


@dataclass(frozen=True)
class ReceivedMail:
    """One message as the server got it: envelope and content."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    data: bytes

    @property
    def message(self) -> EmailMessage:
        """The content, parsed."""
        parsed: EmailMessage = BytesParser(policy=policy.default).parsebytes(self.data)
        return parsed


@dataclass
class SmtpServer:
    """A running aiosmtpd: ``messages`` fills as mail arrives; ``logins`` records AUTH."""

    host: str
    port: int
    messages: list[ReceivedMail] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)
    _controller: Any = None
    _arrived: threading.Condition = field(default_factory=threading.Condition)

    def wait_for(self, count: int, timeout: float = 10.0) -> list[ReceivedMail]:
        """Waits until ``count`` messages arrived (or the timeout passes)."""
        with self._arrived:
            self._arrived.wait_for(lambda: len(self.messages) >= count, timeout)
        return list(self.messages)

    def stop(self) -> None:
        """Stops the server."""
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


class _Handler:
    def __init__(self, server: SmtpServer) -> None:
        self.server = server

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:
        mail = ReceivedMail(
            envelope.mail_from, tuple(envelope.rcpt_tos), bytes(envelope.original_content)
        )
        with self.server._arrived:
            self.server.messages.append(mail)
            self.server._arrived.notify_all()
        return "250 Message accepted for delivery"


def start_smtp(
    *,
    users: dict[str, str] | None = None,
    tls: ssl.SSLContext | None = None,
    implicit_tls: ssl.SSLContext | None = None,
) -> SmtpServer:
    """Starts aiosmtpd on 127.0.0.1.

    Args:
        users: Logins the server accepts (AUTH PLAIN/LOGIN); None: no AUTH offered.
        tls: A server TLS context: the server then offers STARTTLS and requires it.
        implicit_tls: A server TLS context for TLS from the first byte (as on port 465).
    """
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    server = SmtpServer("127.0.0.1", free_port())
    options: dict[str, Any] = {}
    if users is not None:

        def authenticate(_s: Any, _ss: Any, _e: Any, _mech: str, data: Any) -> AuthResult:
            if not isinstance(data, LoginPassword):
                return AuthResult(success=False, handled=False)
            login = data.login.decode()
            ok = users.get(login) == data.password.decode()
            if ok:
                server.logins.append(login)
            return AuthResult(success=ok, handled=False, auth_data=data)

        options.update(authenticator=authenticate, auth_required=True)
        # aiosmtpd counts only STARTTLS as TLS for AUTH, not TLS from the first byte.
        options["auth_require_tls"] = tls is not None
    if tls is not None:
        options.update(tls_context=tls, require_starttls=True)
    if implicit_tls is not None:
        options["ssl_context"] = implicit_tls
    controller = Controller(_Handler(server), hostname="127.0.0.1", port=server.port, **options)
    controller.start()
    server._controller = controller
    return server


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    """A plain SMTP server on loopback without AUTH; ``.messages`` holds what arrived."""
    server = start_smtp()
    try:
        yield server
    finally:
        server.stop()
