"""Where mail is read from: IMAP (read-only), a Maildir folder or an mbox file.

Every source only reads. IMAP folders are opened with EXAMINE and bodies fetched with
BODY.PEEK, so not even the \\Seen flag changes; local files (local.py) are opened without
locking or rewriting. Messages are read up to a size cap and parsed defensively (see
parse.py); one that can't be read is skipped with a note (``source.notes``).
"""

from __future__ import annotations

import base64
import contextlib
import imaplib
import logging
import re
import socket
import ssl
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from agents.mail.accounts import AccountStore, MailAccount, Security, keyring_key
from agents.mail.accounts import require_password as keyring_password
from agents.mail.errors import MailError, MailKind
from agents.mail.local import MaildirSource, MboxSource
from agents.mail.model import MailMessage
from agents.mail.net import check_plaintext_allowed, connection_error, is_loopback_host, tls_context
from agents.mail.parse import MAX_RAW_BYTES, parse_message
from agents.mail.reading import MAX_COUNT, MailSource, Notes, check_count, newest_first, not_found
from agents.wording import Words, say

__all__ = ["ImapConfig", "ImapSource", "MailSource", "MaildirSource", "MboxSource", "open_source"]

log = logging.getLogger(__name__)

IMAP_TIMEOUT = 30.0


# -- IMAP --------------------------------------------------------------------------------
@dataclass(frozen=True)
class ImapConfig:
    """How to reach one IMAP folder.

    Attributes:
        host: Server name.
        port: Port (993 for ``ssl``, 143 otherwise).
        username: Login name.
        security: ``ssl`` (IMAPS), ``starttls``, or ``plain`` (loopback, or opted in).
        folder: The folder to read.
        ca_file: An extra CA certificate to trust (self-hosted servers).
        allow_unencrypted: Allow a password over an unencrypted link to another computer.
        password: The password; None: read it from the keyring.
    """

    host: str
    port: int = 993
    username: str = ""
    security: Security = "ssl"
    folder: str = "INBOX"
    ca_file: str = ""
    allow_unencrypted: bool = False
    password: str | None = field(default=None, repr=False)

    @property
    def keyring_key(self) -> str:
        """The keyring entry for this login."""
        return keyring_key("imap", self.username, self.host)

    @classmethod
    def from_url(
        cls, url: str, *, allow_unencrypted: bool = False, ca_file: str = ""
    ) -> ImapConfig:
        """Reads ``imaps://user@host[:port][/folder]`` or ``imap://...`` (STARTTLS).

        ``imap://`` to this computer may fall back to an unencrypted login when the server
        offers no STARTTLS; to another computer it needs ``allow_unencrypted``.
        """
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in {"imap", "imaps"} or not parts.hostname:
            raise MailError(
                MailKind.GENERAL,
                say(
                    "'{url}' isn't an IMAP URL: write imaps://USER@HOST[:PORT][/FOLDER] (or "
                    "imap:// for STARTTLS).",
                    url=url,
                ),
            )
        if parts.password:
            raise MailError(
                MailKind.GENERAL,
                say(
                    "Don't put the password in the URL (it would end up in your shell history): "
                    "store it with `hearth mail password imap://USER@HOST`."
                ),
            )
        if not parts.username:
            raise MailError(
                MailKind.GENERAL,
                say("The IMAP URL '{url}' has no user name: write imaps://USER@HOST.", url=url),
            )
        try:
            port = parts.port
        except ValueError as exc:
            raise MailError(
                MailKind.GENERAL,
                say("The port in '{url}' isn't a number between 1 and 65535.", url=url),
            ) from exc
        ssl_mode = parts.scheme == "imaps"
        folder = urllib.parse.unquote(parts.path.lstrip("/")) or "INBOX"
        return cls(
            host=parts.hostname,
            port=port or (993 if ssl_mode else 143),
            username=urllib.parse.unquote(parts.username),
            security="ssl" if ssl_mode else "starttls",
            folder=folder,
            ca_file=ca_file,
            allow_unencrypted=allow_unencrypted,
        )

    @classmethod
    def from_account(cls, account: MailAccount) -> ImapConfig:
        """The IMAP settings of an account."""
        return cls(
            host=account.imap_host,
            port=account.imap_port,
            username=account.imap_username,
            security=account.imap_security,
            folder=account.imap_folder or "INBOX",
            ca_file=account.ca_file,
            allow_unencrypted=account.allow_unencrypted,
        )


class ImapSource:
    """An IMAP folder, opened read-only (EXAMINE) over TLS with certificate checks.

    Each call opens a connection, reads, and logs out, so nothing stays open while idle.

    Args:
        config: Server, login and folder.
        password_lookup: Where the password comes from (default: the OS keyring).
    """

    def __init__(
        self, config: ImapConfig, password_lookup: Callable[[str], str] | None = None
    ) -> None:
        self.config = config
        self._password_lookup = password_lookup or keyring_password
        self.where = say(
            "the IMAP folder {folder} on {host}", folder=config.folder, host=config.host
        )
        self._notes = Notes()

    @property
    def notes(self) -> tuple[Words, ...]:
        """The messages the last request skipped, by their number in the folder."""
        return self._notes.shown()

    # -- public API ----------------------------------------------------------------
    def check(self) -> int:
        """Logs in and opens the folder; returns how many messages it holds."""
        with self._session() as session:
            return session.exists

    def latest(self, count: int) -> list[MailMessage]:
        """The newest ``count`` messages of the folder, newest first."""
        count = check_count(count)
        with self._session() as session:
            if session.exists == 0:
                return []
            first = max(1, session.exists - count + 1)
            return session.fetch(f"{first}:{session.exists}", by_uid=False)

    def get(self, message_id: str) -> MailMessage:
        """One message by Message-ID (asked of the server) or content hash (scanned)."""
        with self._session() as session:
            if message_id.startswith("<"):
                uids = session.search_uids(["HEADER", "Message-ID"], message_id)
                for message in session.fetch(_uid_set(uids[-5:]), by_uid=True):
                    if message.id == message_id:
                        return message
            elif session.exists:
                first = max(1, session.exists - MAX_COUNT + 1)
                for message in session.fetch(f"{first}:{session.exists}", by_uid=False):
                    if message.id == message_id:
                        return message
        raise not_found(message_id, self.where)

    def search(self, query: str, limit: int = 20) -> list[MailMessage]:
        """Messages whose text contains ``query`` (the server's SEARCH TEXT), newest first."""
        limit = check_count(limit)
        if not query.strip():
            return self.latest(limit)
        with self._session() as session:
            uids = session.search_uids(["TEXT"], query.strip())
            if not uids:
                return []
            return session.fetch(_uid_set(uids[-limit:]), by_uid=True)

    # -- connection ----------------------------------------------------------------
    def _connect(self) -> imaplib.IMAP4:
        cfg = self.config
        try:
            if cfg.security == "ssl":
                context = tls_context(cfg.ca_file or None)
                return imaplib.IMAP4_SSL(
                    cfg.host, cfg.port, ssl_context=context, timeout=IMAP_TIMEOUT
                )
            conn = imaplib.IMAP4(cfg.host, cfg.port, timeout=IMAP_TIMEOUT)
        except (OSError, imaplib.IMAP4.error) as exc:
            raise _imap_connection_error(exc, cfg) from exc
        try:
            if cfg.security == "plain":  # chosen explicitly: this computer, or opted in
                check_plaintext_allowed(cfg.host, cfg.allow_unencrypted, "IMAP")
            elif "STARTTLS" in conn.capabilities:
                conn.starttls(ssl_context=tls_context(cfg.ca_file or None))
            elif is_loopback_host(cfg.host) or cfg.allow_unencrypted:
                check_plaintext_allowed(cfg.host, cfg.allow_unencrypted, "IMAP")
            else:
                raise MailError(
                    MailKind.CONNECTION,
                    say(
                        "The IMAP server {host}:{port} doesn't offer STARTTLS, so the password "
                        "would travel unencrypted. Use imaps:// (port 993), or, only on a "
                        "network you trust, --allow-unencrypted.",
                        host=cfg.host,
                        port=cfg.port,
                    ),
                )
        except MailError:
            _quietly_close(conn)
            raise
        except (OSError, imaplib.IMAP4.error) as exc:
            _quietly_close(conn)
            raise _imap_connection_error(exc, cfg) from exc
        return conn

    def skipped(self, note: Words) -> None:
        """Keeps a note about a message this request couldn't read."""
        self._notes.add(note)

    def _session(self) -> _ImapSession:
        self._notes = Notes()
        cfg = self.config
        password = cfg.password if cfg.password is not None else None
        if password is None:
            password = self._password_lookup(cfg.keyring_key)
        conn = self._connect()
        try:
            try:
                conn.login(cfg.username, password)
            except imaplib.IMAP4.error as exc:
                raise MailError(
                    MailKind.AUTH,
                    say(
                        "The IMAP server {host} refused the login for {username} ({answer}). "
                        "Check the username and the stored password (`hearth mail password "
                        "{key}`).",
                        host=cfg.host,
                        username=cfg.username,
                        answer=_imap_text(exc),
                        key=cfg.keyring_key,
                    ),
                ) from exc
            typ, data = conn.select(_quote_mailbox(cfg.folder), readonly=True)  # EXAMINE
            if typ != "OK":
                raise MailError(
                    MailKind.GENERAL,
                    say(
                        "The IMAP server {host} has no folder '{folder}' ({answer}). Check "
                        "the folder name (INBOX is the usual one).",
                        host=cfg.host,
                        folder=cfg.folder,
                        answer=_imap_text(data),
                    ),
                )
            exists = int(data[0]) if data and data[0] and bytes(data[0]).isdigit() else 0
        except MailError:
            _quietly_close(conn)
            raise
        except (OSError, imaplib.IMAP4.error) as exc:
            _quietly_close(conn)
            raise _imap_connection_error(exc, cfg) from exc
        return _ImapSession(conn, exists, self)


class _ImapSession:
    """One logged-in, read-only connection; a context manager that always logs out."""

    def __init__(self, conn: imaplib.IMAP4, exists: int, source: ImapSource) -> None:
        self.conn = conn
        self.exists = exists
        self.source = source

    def __enter__(self) -> _ImapSession:
        return self

    def __exit__(self, *exc: object) -> None:
        _quietly_close(self.conn)

    def _run(self, what: Callable[[], tuple[str, list[object]]]) -> list[object]:
        try:
            typ, data = what()
        except (OSError, imaplib.IMAP4.error) as exc:
            raise _imap_connection_error(exc, self.source.config) from exc
        if typ != "OK":
            raise MailError(
                MailKind.GENERAL,
                say(
                    "The IMAP server {host} refused a request ({answer}). Try again later.",
                    host=self.source.config.host,
                    answer=_imap_text(data),
                ),
            )
        return data

    def search_uids(self, criteria: list[str], text: str) -> list[bytes]:
        """UIDs matching ``criteria`` followed by ``text`` (sent as a UTF-8 literal)."""
        encoded = text.encode("utf-8")

        def run() -> tuple[str, list[object]]:
            self.conn.literal = encoded  # type: ignore[attr-defined,assignment]
            return self.conn.uid("SEARCH", "CHARSET", "UTF-8", *criteria)  # type: ignore[return-value]

        def run_ascii() -> tuple[str, list[object]]:  # for servers without CHARSET support
            self.conn.literal = encoded  # type: ignore[attr-defined,assignment]
            return self.conn.uid("SEARCH", *criteria)  # type: ignore[return-value]

        try:
            data = self._run(run)
        except MailError:
            if not text.isascii():
                raise
            data = self._run(run_ascii)
        found = b" ".join(d for d in data if isinstance(d, bytes)).split()
        return sorted(found, key=int)

    def fetch(self, message_set: str, *, by_uid: bool) -> list[MailMessage]:
        """Fetches and parses messages (BODY.PEEK: the \\Seen flag never changes)."""
        if not message_set:
            return []
        items = f"(UID RFC822.SIZE BODY.PEEK[]<0.{MAX_RAW_BYTES}>)"
        if by_uid:
            data = self._run(lambda: self.conn.uid("FETCH", message_set, items))  # type: ignore[arg-type, return-value]
        else:
            data = self._run(lambda: self.conn.fetch(message_set, items))  # type: ignore[arg-type, return-value]
        found: list[tuple[int, MailMessage]] = []
        for entry in data:
            if not isinstance(entry, tuple) or len(entry) < 2:
                continue
            head, raw = entry[0], entry[1]
            head_text = bytes(head).decode("ascii", "replace")
            uid_match = re.search(r"\bUID (\d+)", head_text)
            size_match = re.search(r"RFC822\.SIZE (\d+)", head_text)
            size = int(size_match.group(1)) if size_match else len(raw)
            uid = int(uid_match.group(1)) if uid_match else 0
            try:
                message = parse_message(bytes(raw), truncated=size > len(raw))
            except MailError as exc:
                self.source.skipped(
                    say("Skipped the message with UID {uid}: {reason}.", uid=uid, reason=exc.words)
                )
                continue
            found.append((uid, message))
        return newest_first(found)


def _uid_set(uids: list[bytes]) -> str:
    return ",".join(u.decode("ascii") for u in uids)


def _quietly_close(conn: imaplib.IMAP4) -> None:
    try:
        if conn.state == "SELECTED":
            conn.close()  # EXAMINEd: CLOSE expunges nothing
        conn.logout()
    except (OSError, imaplib.IMAP4.error, ssl.SSLError):
        with contextlib.suppress(OSError):
            conn.shutdown()


def _imap_text(data: object) -> str:
    if isinstance(data, imaplib.IMAP4.error):
        data = data.args[0] if data.args else str(data)
    if isinstance(data, list):
        data = b" ".join(d for d in data if isinstance(d, bytes))
    if isinstance(data, bytes):
        data = data.decode("utf-8", "replace")
    return " ".join(str(data).split())[:200] or "no reason given"


def _imap_connection_error(exc: BaseException, cfg: ImapConfig) -> MailError:
    if isinstance(exc, imaplib.IMAP4.error):
        return MailError(
            MailKind.CONNECTION,
            say(
                "The IMAP server {host}:{port} answered in a way Hearth didn't expect "
                "({answer}). Check that this is an IMAP port and try again.",
                host=cfg.host,
                port=cfg.port,
                answer=_imap_text(exc),
            ),
        )
    if isinstance(exc, socket.timeout | TimeoutError | OSError):
        return connection_error(exc, "IMAP", cfg.host, cfg.port)
    return connection_error(exc, "IMAP", cfg.host, cfg.port)


def _quote_mailbox(name: str) -> str:
    """A folder name as IMAP wants it: modified UTF-7, quoted."""
    encoded = _imap_utf7(name)
    return '"' + encoded.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _imap_utf7(name: str) -> str:
    """RFC 3501 modified UTF-7 for folder names with non-ASCII characters."""
    out: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            chunk = "".join(pending).encode("utf-16-be")
            out.append("&" + base64.b64encode(chunk).decode().rstrip("=").replace("/", ",") + "-")
            pending.clear()

    for ch in name:
        if 0x20 <= ord(ch) <= 0x7E:
            flush()
            out.append("&-" if ch == "&" else ch)
        else:
            pending.append(ch)
    flush()
    return "".join(out)


# -- choosing a source -------------------------------------------------------------------
def source_for_account(account: MailAccount) -> MailSource:
    """The source an account reads from."""
    account.validated()
    if account.kind == "maildir":
        return MaildirSource(Path(account.path))
    if account.kind == "mbox":
        return MboxSource(Path(account.path))
    return ImapSource(ImapConfig.from_account(account))


def open_source(
    *,
    maildir: Path | None = None,
    mbox: Path | None = None,
    imap_url: str | None = None,
    account: str | None = None,
    data_dir: Path | None = None,
    allow_unencrypted: bool = False,
    ca_file: str | Path | None = None,
) -> MailSource:
    """Opens exactly one source: a Maildir, an mbox, an IMAP URL or a saved account.

    With none given, the first saved account in ``data_dir`` is used.

    Raises:
        MailError: Two sources at once, none at all, or one that can't be opened.
    """
    given = [x for x in (maildir, mbox, imap_url, account) if x]
    if len(given) > 1:
        raise MailError(
            MailKind.GENERAL,
            say("Give one mailbox: --maildir, --mbox, --imap or --account, not several."),
        )
    if maildir:
        return MaildirSource(Path(maildir))
    if mbox:
        return MboxSource(Path(mbox))
    if imap_url:
        return ImapSource(
            ImapConfig.from_url(
                imap_url, allow_unencrypted=allow_unencrypted, ca_file=str(ca_file or "")
            )
        )
    store = AccountStore(data_dir) if data_dir else None
    if account:
        if store is None:
            raise MailError(
                MailKind.GENERAL,
                say("Accounts live in the data folder: give the data folder too."),
            )
        return source_for_account(store.get(account))
    accounts = store.accounts() if store else []
    if accounts:
        return source_for_account(accounts[0])
    raise MailError(
        MailKind.GENERAL,
        say(
            "Say which mailbox to read: --maildir DIR, --mbox FILE, --imap imaps://USER@HOST or "
            "--account NAME (add accounts in the window under Mail > Accounts)."
        ),
    )
