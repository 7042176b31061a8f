"""Mail accounts: settings in a JSON file in the data folder, passwords in the OS keyring.

The accounts file never holds a password. A password is stored in the keyring under the
service ``Hearth mail`` with a key naming protocol, user and host
(``imap://alice@mail.example.org``), so an account and a ``--imap`` URL for the same
server share it.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal

from agents import paths
from agents.mail.errors import MailError, MailKind
from agents.storage.atomic import keep_aside, write_atomic
from agents.wording import say

log = logging.getLogger(__name__)

KEYRING_SERVICE = "Hearth mail"

SourceKind = Literal["imap", "maildir", "mbox"]
Security = Literal["ssl", "starttls", "plain"]
SECURITY_CHOICES: tuple[Security, ...] = ("ssl", "starttls", "plain")
_NAME = re.compile(r"\A[^\x00-\x1f\x7f]{1,64}\Z")


@dataclass(frozen=True)
class MailAccount:
    """One configured mailbox (where to read) and optionally an SMTP server (how to send).

    Attributes:
        name: The account's name as shown and as given to ``--account``.
        kind: Where mail is read from.
        path: The Maildir folder or mbox file (local kinds).
        imap_host: IMAP server name.
        imap_port: IMAP port (993 for ``ssl``, 143 for ``starttls``).
        imap_security: ``ssl`` (IMAPS), ``starttls`` or ``plain`` (loopback or opted in).
        imap_username: Login name.
        imap_folder: The folder the digest reads.
        smtp_host: SMTP server name; empty: this account only saves drafts.
        smtp_port: SMTP port (465 for ``ssl``, 587 for ``starttls``).
        smtp_security: ``ssl``, ``starttls`` or ``plain`` (loopback or opted in).
        smtp_username: SMTP login name; empty: no login.
        from_address: The sender address for mail written from this account.
        ca_file: A CA certificate file to trust for self-hosted servers (optional).
        allow_unencrypted: Allow passwords over an unencrypted connection to another
            computer. Off by default; only for servers on a trusted network.
    """

    name: str
    kind: SourceKind = "imap"
    path: str = ""
    imap_host: str = ""
    imap_port: int = 993
    imap_security: Security = "ssl"
    imap_username: str = ""
    imap_folder: str = "INBOX"
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_security: Security = "starttls"
    smtp_username: str = ""
    from_address: str = ""
    ca_file: str = ""
    allow_unencrypted: bool = False

    @property
    def imap_key(self) -> str:
        """The keyring key of the IMAP password."""
        return keyring_key("imap", self.imap_username, self.imap_host)

    @property
    def smtp_key(self) -> str:
        """The keyring key of the SMTP password."""
        return keyring_key("smtp", self.smtp_username, self.smtp_host)

    def validated(self) -> MailAccount:
        """Returns the account if it is complete, else raises MailError saying what's missing."""
        if not _NAME.match(self.name) or not self.name.strip():
            raise MailError(
                MailKind.GENERAL, say("An account name needs 1 to 64 characters on one line.")
            )
        if self.kind not in ("imap", "maildir", "mbox"):
            raise MailError(
                MailKind.GENERAL,
                say("Unknown mailbox kind '{kind}': use imap, maildir or mbox.", kind=self.kind),
            )
        if self.kind == "imap":
            if not self.imap_host or not self.imap_username:
                raise MailError(
                    MailKind.GENERAL,
                    say("Account '{name}': IMAP needs a server and a username.", name=self.name),
                )
            _check_security(self.imap_security, "IMAP")
            _check_port(self.imap_port, "IMAP")
        elif not self.path:
            raise MailError(
                MailKind.GENERAL,
                say("Account '{name}': give the {kind} location.", name=self.name, kind=self.kind),
            )
        if self.smtp_host:
            _check_security(self.smtp_security, "SMTP")
            _check_port(self.smtp_port, "SMTP")
        for value in (self.name, self.path, self.imap_host, self.imap_username, self.smtp_host):
            if any(ch in value for ch in "\r\n\0"):
                raise MailError(MailKind.GENERAL, say("Account fields must be single lines."))
        return self

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy (no password: there is none to copy)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MailAccount:
        """Builds an account from JSON, ignoring unknown keys and mistyped values."""
        known = {f.name: f for f in fields(cls)}
        base = cls(name=str(data.get("name", "")))
        values: dict[str, Any] = {}
        for key, value in data.items():
            if key in known and key != "name":
                default = getattr(base, key)
                if isinstance(value, type(default)):
                    values[key] = value
        return replace(base, **values)


def keyring_key(protocol: str, username: str, host: str) -> str:
    """The keyring entry name for a server login, such as ``imap://alice@example.org``."""
    return f"{protocol}://{username}@{host.lower()}"


def _check_security(value: str, what: str) -> None:
    if value not in SECURITY_CHOICES:
        raise MailError(
            MailKind.GENERAL,
            say(
                "{protocol} security must be one of: {choices}.",
                protocol=what,
                choices=", ".join(SECURITY_CHOICES),
            ),
        )


def _check_port(value: int, what: str) -> None:
    if not 0 < value < 65536:
        raise MailError(
            MailKind.GENERAL, say("The {protocol} port must be between 1 and 65535.", protocol=what)
        )


class AccountStore:
    """The accounts file in the data folder.

    Args:
        data_dir: Hearth's data folder.
    """

    def __init__(self, data_dir: Path) -> None:
        self.path = paths.accounts_file(Path(data_dir))

    def accounts(self) -> list[MailAccount]:
        """All accounts, in the order they were added; a damaged file is set aside."""
        if not self.path.exists():
            return []
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            entries = data.get("accounts", []) if isinstance(data, dict) else []
        except (OSError, ValueError) as exc:
            kept = keep_aside(self.path)
            log.warning("accounts file %s is damaged (%s); kept as %s", self.path, exc, kept)
            return []
        return [MailAccount.from_dict(e) for e in entries if isinstance(e, dict) and e.get("name")]

    def get(self, name: str) -> MailAccount:
        """The account called ``name``; raises MailError listing the known ones."""
        for account in self.accounts():
            if account.name == name:
                return account
        known = ", ".join(a.name for a in self.accounts()) or "none yet"
        raise MailError(
            MailKind.GENERAL,
            say(
                "There is no mail account called '{name}' (accounts: {known}). Add one "
                "in Mail > Accounts.",
                name=name,
                known=known,
            ),
        )

    def save(self, account: MailAccount) -> None:
        """Adds or replaces an account (by name), atomically."""
        account.validated()
        accounts = [a for a in self.accounts() if a.name != account.name]
        existing = [a.name for a in self.accounts()]
        if account.name in existing:
            accounts.insert(existing.index(account.name), account)
        else:
            accounts.append(account)
        self._write(accounts)

    def delete(self, name: str) -> None:
        """Removes an account and its stored passwords."""
        remaining = []
        for account in self.accounts():
            if account.name == name:
                for key in (account.imap_key, account.smtp_key):
                    delete_password(key)
            else:
                remaining.append(account)
        self._write(remaining)

    def _write(self, accounts: list[MailAccount]) -> None:
        payload = {"version": 1, "accounts": [a.to_dict() for a in accounts]}
        write_atomic(self.path, json.dumps(payload, indent=2))


# -- keyring -----------------------------------------------------------------------------
def _keyring() -> Any:
    try:
        import keyring
    except ImportError as exc:  # pragma: no cover - a dependency
        raise MailError(
            MailKind.GENERAL, say("The keyring package is missing: reinstall Hearth.")
        ) from exc
    return keyring


def store_password(key: str, password: str) -> None:
    """Stores a password in the OS keyring; raises MailError when there is no keyring."""
    keyring = _keyring()
    try:
        keyring.set_password(KEYRING_SERVICE, key, password)
    except Exception as exc:
        raise MailError(
            MailKind.GENERAL,
            say(
                "Couldn't store the password in the system keyring ({error_type}). Start "
                "or unlock your desktop's keyring (GNOME Keyring, KWallet, macOS "
                "Keychain, Windows Credential Manager) and try again.",
                error_type=type(exc).__name__,
            ),
        ) from exc


def get_password(key: str) -> str | None:
    """The stored password, or None when none is stored."""
    keyring = _keyring()
    try:
        value = keyring.get_password(KEYRING_SERVICE, key)
    except Exception as exc:
        raise MailError(
            MailKind.GENERAL,
            say(
                "Couldn't read the password from the system keyring ({error_type}). "
                "Start or unlock your desktop's keyring and try again.",
                error_type=type(exc).__name__,
            ),
        ) from exc
    return value if isinstance(value, str) else None


def require_password(key: str) -> str:
    """The stored password; raises MailError (AUTH) saying how to store it."""
    password = get_password(key)
    if password is None:
        raise MailError(
            MailKind.AUTH,
            say(
                "No password is stored for {key}. Store it with `hearth mail password "
                "{key}` or in Mail > Accounts.",
                key=key,
            ),
        )
    return password


def delete_password(key: str) -> None:
    """Removes a stored password; nothing happens when none is stored."""
    keyring = _keyring()
    try:
        keyring.delete_password(KEYRING_SERVICE, key)
    except Exception:  # PasswordDeleteError when absent; nothing to remove then
        log.debug("no password to delete for %s", key)
