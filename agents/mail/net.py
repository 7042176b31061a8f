"""TLS and host checks shared by the IMAP reader and the SMTP sender."""

from __future__ import annotations

import ipaddress
import socket
import ssl
from pathlib import Path

from agents.mail.errors import MailError, MailKind
from agents.wording import say


def is_loopback_host(host: str) -> bool:
    """Whether the host name or address is this computer."""
    name = host.strip("[]").lower()
    if name in {"localhost", "localhost.localdomain"}:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def tls_context(ca_file: str | Path | None = None) -> ssl.SSLContext:
    """A client TLS context that checks certificates and host names (the system's CAs).

    Args:
        ca_file: An extra CA certificate (PEM) to trust, for self-hosted servers.
    """
    context = ssl.create_default_context()
    if ca_file:
        path = Path(ca_file).expanduser()
        if not path.is_file():
            raise MailError(
                MailKind.GENERAL,
                say("The CA certificate file {path} doesn't exist: check the path.", path=path),
            )
        try:
            context.load_verify_locations(cafile=str(path))
        except (ssl.SSLError, OSError) as exc:
            raise MailError(
                MailKind.GENERAL,
                say(
                    "{path} isn't a PEM certificate file ({problem}): export the server's CA "
                    "as PEM.",
                    path=path,
                    problem=exc,
                ),
            ) from exc
    return context


def check_plaintext_allowed(host: str, allow_unencrypted: bool, what: str) -> None:
    """Refuses an unencrypted login to another computer unless the user opted in."""
    if is_loopback_host(host) or allow_unencrypted:
        return
    raise MailError(
        MailKind.GENERAL,
        say(
            "The {protocol} server {host} would get your password unencrypted. Use SSL/TLS "
            "or STARTTLS; only if the server is on a network you trust, turn on "
            "'allow unencrypted' (--allow-unencrypted).",
            protocol=what,
            host=host,
        ),
    )


def connection_error(exc: BaseException, what: str, host: str, port: int) -> MailError:
    """Turns a socket or TLS failure into a message that says what to do."""
    if isinstance(exc, ssl.SSLCertVerificationError):
        return MailError(
            MailKind.CONNECTION,
            say(
                "The {protocol} server {host}:{port} presented a certificate that can't be "
                "verified ({problem}). If it is your own server with a "
                "self-signed certificate, give its CA certificate file (--ca-file or in "
                "the account settings).",
                protocol=what,
                host=host,
                port=port,
                problem=exc.verify_message or exc.reason,
            ),
        )
    if isinstance(exc, ssl.SSLError):
        return MailError(
            MailKind.CONNECTION,
            say(
                "The TLS handshake with the {protocol} server {host}:{port} failed "
                "({problem}). Check that the port matches the security setting (SSL/TLS: "
                "993/465; STARTTLS: 143/587).",
                protocol=what,
                host=host,
                port=port,
                problem=exc.reason,
            ),
        )
    if isinstance(exc, socket.gaierror):
        return MailError(
            MailKind.CONNECTION,
            say(
                "The {protocol} server name {host} can't be found: check the spelling and "
                "the network.",
                protocol=what,
                host=host,
            ),
        )
    if isinstance(exc, TimeoutError | socket.timeout):
        return MailError(
            MailKind.CONNECTION,
            say(
                "The {protocol} server {host}:{port} didn't answer in time: check the port "
                "and the network, then try again.",
                protocol=what,
                host=host,
                port=port,
            ),
        )
    if isinstance(exc, ConnectionRefusedError):
        return MailError(
            MailKind.CONNECTION,
            say(
                "Nothing is listening at {host}:{port} ({protocol}): check the server name "
                "and port.",
                host=host,
                port=port,
                protocol=what,
            ),
        )
    return MailError(
        MailKind.CONNECTION,
        say(
            "The connection to the {protocol} server {host}:{port} failed ({error_type}: "
            "{problem}). Check the server settings and the network, then try again.",
            protocol=what,
            host=host,
            port=port,
            error_type=type(exc).__name__,
            problem=exc,
        ),
    )
