"""Drafts and sending: plain mechanism (the approval gate lives in the tool layer).

Saving a draft writes an ``.eml`` file that any mail program opens. Sending uses SMTP with
TLS (SSL/TLS or STARTTLS) and certificate checks, and the password from the OS keyring.
When sending fails, the message is kept as a draft and the error says where.
"""

from __future__ import annotations

import contextlib
import logging
import re
import smtplib
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from pathlib import Path

from agents.mail.accounts import MailAccount, Security, keyring_key
from agents.mail.accounts import require_password as keyring_password
from agents.mail.compose import OutgoingMail, build_message
from agents.mail.errors import MailError, MailKind
from agents.mail.net import check_plaintext_allowed, connection_error, tls_context
from agents.storage.atomic import write_atomic
from agents.wording import say

log = logging.getLogger(__name__)

SMTP_TIMEOUT = 30.0


@dataclass(frozen=True)
class SmtpConfig:
    """How to reach the SMTP server.

    Attributes:
        host: Server name.
        port: 465 for ``ssl``, 587 for ``starttls``, 25 or any for ``plain``.
        username: Login name; empty: no login.
        security: ``ssl`` (implicit TLS), ``starttls``, or ``plain`` (loopback or opted in).
        ca_file: An extra CA certificate to trust (self-hosted servers).
        allow_unencrypted: Allow an unencrypted connection to another computer.
        password: The password; None: read it from the keyring when logging in.
    """

    host: str
    port: int = 587
    username: str = ""
    security: Security = "starttls"
    ca_file: str = ""
    allow_unencrypted: bool = False
    password: str | None = field(default=None, repr=False)

    @property
    def keyring_key(self) -> str:
        """The keyring entry for this login."""
        return keyring_key("smtp", self.username, self.host)

    @classmethod
    def from_account(cls, account: MailAccount) -> SmtpConfig:
        """The SMTP settings of an account; raises MailError when it has none."""
        if not account.smtp_host:
            raise MailError(
                MailKind.GENERAL,
                say(
                    "The account '{account}' has no SMTP server, so it can only save drafts. "
                    "Add the SMTP server in Mail > Accounts to send.",
                    account=account.name,
                ),
            )
        return cls(
            host=account.smtp_host,
            port=account.smtp_port,
            username=account.smtp_username,
            security=account.smtp_security,
            ca_file=account.ca_file,
            allow_unencrypted=account.allow_unencrypted,
        )

    @classmethod
    def parse(cls, host_port: str, **options: object) -> SmtpConfig:
        """Reads ``[USER@]HOST[:PORT]`` (as given to ``--smtp``).

        Port 465 means SSL/TLS; any other port STARTTLS, which to this computer falls back
        to plain when the server offers none. With ``USER@``, the login's password comes
        from the keyring. ``options`` override any field (``security=...``).
        """
        text = host_port.strip()
        username, at, rest = text.rpartition("@")
        if not at:
            username, rest = "", text
        host, colon, port_text = rest.rpartition(":")
        if not colon:
            host, port_text = rest, "587"
        host = host.strip("[]")
        if not host or not port_text.isdigit() or not 0 < int(port_text) < 65536:
            raise MailError(
                MailKind.GENERAL,
                say(
                    "'{value}' isn't [USER@]HOST:PORT (for example smtp.example.org:587).",
                    value=host_port,
                ),
            )
        port = int(port_text)
        security: Security = "ssl" if port == 465 else "starttls"
        values: dict[str, object] = {
            "host": host,
            "port": port,
            "security": security,
            "username": username,
        }
        values.update(options)
        return cls(**values)  # type: ignore[arg-type]


class Outbox:
    """Saves drafts and sends mail.

    Args:
        drafts_dir: Where drafts are written as ``.eml`` files (created when needed).
        smtp: The SMTP server; None: drafts only.
        password_lookup: Where the SMTP password comes from (default: the OS keyring).
    """

    def __init__(
        self,
        drafts_dir: Path,
        smtp: SmtpConfig | None = None,
        password_lookup: Callable[[str], str] | None = None,
    ) -> None:
        self.drafts_dir = Path(drafts_dir)
        self.smtp = smtp
        self._password_lookup = password_lookup or keyring_password

    def save_draft(self, mail: OutgoingMail) -> Path:
        """Checks the message and writes it as an ``.eml`` draft; returns the file."""
        return self._write_draft(build_message(mail))

    def send(self, mail: OutgoingMail) -> str:
        """Sends the message by SMTP; returns its Message-ID.

        Raises:
            MailError: The message is invalid (nothing sent, nothing saved), or the server
                couldn't take it (then it is saved as a draft and the error says where).
        """
        message = build_message(mail)
        if self.smtp is None:
            raise MailError(
                MailKind.GENERAL,
                say(
                    "No SMTP server is set up, so Hearth can't send. The message can be saved "
                    "as a draft instead; add an SMTP server in Mail > Accounts to send."
                ),
            )
        try:
            refused = self._deliver(self.smtp, message)
        except MailError as exc:
            draft = self._write_draft(message)
            raise MailError(
                exc.kind,
                say(
                    "{problem} Nothing was sent; the message was saved as {draft}.",
                    problem=exc.words,
                    draft=draft,
                ),
            ) from exc
        if refused:
            raise MailError(
                MailKind.GENERAL,
                say(
                    "The SMTP server took the message but refused these recipients: {recipients}. "
                    "The others will get it; check the refused addresses.",
                    recipients=", ".join(sorted(refused)),
                ),
            )
        return str(message["Message-ID"])

    def check(self) -> None:
        """Connects and logs in to the SMTP server without sending (the Test button)."""
        if self.smtp is None:
            raise MailError(MailKind.GENERAL, say("No SMTP server is set up."))
        with self._connect(self.smtp):
            pass

    # -- internals -----------------------------------------------------------------
    def _write_draft(self, message: EmailMessage) -> Path:
        try:
            self.drafts_dir.mkdir(parents=True, exist_ok=True)
            stamp = time.strftime("%Y%m%d-%H%M%S")
            slug = re.sub(r"[^\w-]+", "-", str(message.get("Subject", "")))[:40].strip("-")
            path = self.drafts_dir / f"{stamp}-{slug or 'draft'}.eml"
            counter = 1
            while path.exists():
                counter += 1
                path = self.drafts_dir / f"{stamp}-{slug or 'draft'}-{counter}.eml"
            write_atomic(path, message.as_bytes(policy=policy.default))
        except OSError as exc:
            raise MailError(
                MailKind.GENERAL,
                say(
                    "Couldn't save the draft in {folder} ({problem}): check that the "
                    "folder is writable.",
                    folder=self.drafts_dir,
                    problem=exc.strerror or exc,
                ),
            ) from exc
        return path

    def _connect(self, cfg: SmtpConfig) -> smtplib.SMTP:
        password = cfg.password
        if cfg.username and password is None:
            password = self._password_lookup(cfg.keyring_key)  # before any network traffic
        try:
            if cfg.security == "ssl":
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    cfg.host, cfg.port, timeout=SMTP_TIMEOUT,
                    context=tls_context(cfg.ca_file or None),
                )  # fmt: skip
            else:
                smtp = smtplib.SMTP(cfg.host, cfg.port, timeout=SMTP_TIMEOUT)
        except (OSError, smtplib.SMTPException) as exc:
            raise _smtp_error(exc, cfg) from exc
        try:
            smtp.ehlo()
            if cfg.security == "starttls":
                if not smtp.has_extn("starttls"):
                    check_plaintext_allowed(cfg.host, cfg.allow_unencrypted, "SMTP")
                else:
                    smtp.starttls(context=tls_context(cfg.ca_file or None))
                    smtp.ehlo()
            elif cfg.security == "plain":
                check_plaintext_allowed(cfg.host, cfg.allow_unencrypted, "SMTP")
            if cfg.username and password is not None:
                smtp.login(cfg.username, password)
        except MailError:
            _quietly_quit(smtp)
            raise
        except (OSError, smtplib.SMTPException) as exc:
            _quietly_quit(smtp)
            raise _smtp_error(exc, cfg) from exc
        return smtp

    def _deliver(self, cfg: SmtpConfig, message: EmailMessage) -> dict[str, object]:
        smtp = self._connect(cfg)
        try:
            refused = smtp.send_message(message)
        except (OSError, smtplib.SMTPException) as exc:
            _quietly_quit(smtp)
            raise _smtp_error(exc, cfg) from exc
        _quietly_quit(smtp)
        log.info("sent a message through %s:%s", cfg.host, cfg.port)
        return dict(refused)


def _quietly_quit(smtp: smtplib.SMTP) -> None:
    try:
        smtp.quit()
    except (OSError, smtplib.SMTPException):
        with contextlib.suppress(OSError):
            smtp.close()


def _smtp_error(exc: BaseException, cfg: SmtpConfig) -> MailError:
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return MailError(
            MailKind.AUTH,
            say(
                "The SMTP server {host} refused the login for {username}. Check the "
                "username and the stored password (`hearth mail password {key}`).",
                host=cfg.host,
                username=cfg.username,
                key=cfg.keyring_key,
            ),
        )
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return MailError(
            MailKind.GENERAL,
            say(
                "The SMTP server {host} doesn't support what Hearth asked ({problem}). "
                "Check the security setting (SSL/TLS on 465, STARTTLS on 587).",
                host=cfg.host,
                problem=exc,
            ),
        )
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        who = ", ".join(sorted(exc.recipients))
        return MailError(
            MailKind.GENERAL,
            say("The SMTP server refused every recipient ({who}): check the addresses.", who=who),
        )
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return MailError(
            MailKind.GENERAL,
            say(
                "The SMTP server refused the sender address {sender!r}: use the address "
                "of this account.",
                sender=exc.sender,
            ),
        )
    if isinstance(exc, smtplib.SMTPResponseException):
        text = (
            exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else ""
        )
        return MailError(
            MailKind.GENERAL,
            say(
                "The SMTP server {host} answered {code} ({answer}). Try again later "
                "or check the account settings.",
                host=cfg.host,
                code=exc.smtp_code,
                answer=" ".join(text.split()),
            ),
        )
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return MailError(
            MailKind.CONNECTION,
            say(
                "The SMTP server {host}:{port} closed the connection. Check the port and "
                "security setting (SSL/TLS on 465, STARTTLS on 587), then try again.",
                host=cfg.host,
                port=cfg.port,
            ),
        )
    if isinstance(exc, OSError | ssl.SSLError):
        return connection_error(exc, "SMTP", cfg.host, cfg.port)
    return MailError(
        MailKind.GENERAL,
        say(
            "Sending failed ({error_type}: {problem}).", error_type=type(exc).__name__, problem=exc
        ),
    )
