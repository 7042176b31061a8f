"""TLS and host checks shared by the IMAP reader and the SMTP sender."""

from __future__ import annotations

import ipaddress
import socket
import ssl
from pathlib import Path

from agents.mail.errors import MailError, MailKind


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
                MailKind.GENERAL, f"The CA certificate file {path} doesn't exist: check the path."
            )
        try:
            context.load_verify_locations(cafile=str(path))
        except (ssl.SSLError, OSError) as exc:
            raise MailError(
                MailKind.GENERAL,
                f"{path} isn't a PEM certificate file ({exc}): export the server's CA as PEM.",
            ) from exc
    return context


def check_plaintext_allowed(host: str, allow_unencrypted: bool, what: str) -> None:
    """Refuses an unencrypted login to another computer unless the user opted in."""
    if is_loopback_host(host) or allow_unencrypted:
        return
    raise MailError(
        MailKind.GENERAL,
        f"{what} server {host} would get your password unencrypted. Use SSL/TLS or STARTTLS; "
        "only if the server is on a network you trust, turn on 'allow unencrypted' "
        "(--allow-unencrypted).",
    )


def connection_error(exc: BaseException, what: str, host: str, port: int) -> MailError:
    """Turns a socket or TLS failure into a message that says what to do."""
    if isinstance(exc, ssl.SSLCertVerificationError):
        return MailError(
            MailKind.CONNECTION,
            f"The {what} server {host}:{port} presented a certificate that can't be verified "
            f"({exc.verify_message or exc.reason}). If it is your own server with a "
            "self-signed certificate, give its CA certificate file (--ca-file or in the "
            "account settings).",
        )
    if isinstance(exc, ssl.SSLError):
        return MailError(
            MailKind.CONNECTION,
            f"The TLS handshake with the {what} server {host}:{port} failed ({exc.reason}). "
            "Check that the port matches the security setting (SSL/TLS: 993/465; STARTTLS: "
            "143/587).",
        )
    if isinstance(exc, socket.gaierror):
        return MailError(
            MailKind.CONNECTION,
            f"The {what} server name {host} can't be found: check the spelling and the network.",
        )
    if isinstance(exc, TimeoutError | socket.timeout):
        return MailError(
            MailKind.CONNECTION,
            f"The {what} server {host}:{port} didn't answer in time: check the port and the "
            "network, then try again.",
        )
    if isinstance(exc, ConnectionRefusedError):
        return MailError(
            MailKind.CONNECTION,
            f"Nothing is listening at {host}:{port} ({what}): check the server name and port.",
        )
    return MailError(
        MailKind.CONNECTION,
        f"The connection to the {what} server {host}:{port} failed ({type(exc).__name__}: "
        f"{exc}). Check the server settings and the network, then try again.",
    )
