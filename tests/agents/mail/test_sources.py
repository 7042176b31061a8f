"""Mail sources: Maildir and mbox built by the tests, IMAP served by a real dovecot."""

from __future__ import annotations

import imaplib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from agents.mail.accounts import KEYRING_SERVICE, AccountStore, MailAccount
from agents.mail.errors import MailError, MailKind
from agents.mail.sources import (
    ImapConfig,
    ImapSource,
    MaildirSource,
    MboxSource,
    open_source,
)
from tests.agents.mail.conftest import MemoryKeyring
from tests.agents.mail.samples import inbox_messages, make_message, write_maildir, write_mbox
from tests.servers import free_port
from tests.servers.imap import DOVECOT, SKIP_REASON, DovecotServer, start_dovecot
from tests.servers.tls import TlsFiles, make_tls_files

needs_dovecot = pytest.mark.skipif(DOVECOT is None, reason=SKIP_REASON)


def _store_imap_password(keyring: MemoryKeyring, server: DovecotServer) -> None:
    key = f"imap://{server.user}@{server.host}"
    keyring.set_password(KEYRING_SERVICE, key, server.password)


@pytest.fixture
def loaded_dovecot(dovecot: DovecotServer, memory_keyring: MemoryKeyring) -> DovecotServer:
    for raw in inbox_messages():
        dovecot.deliver(raw)
    _store_imap_password(memory_keyring, dovecot)
    return dovecot


# -- local sources -------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["maildir", "mbox"])
def test_latest_is_newest_first(kind: str, inbox_maildir: Path, inbox_mbox: Path) -> None:
    source = MaildirSource(inbox_maildir) if kind == "maildir" else MboxSource(inbox_mbox)
    latest = source.latest(3)
    assert [m.subject for m in latest] == ["Invoice", "Newsletter", "Re: Quarterly report"]
    assert len(source.latest(100)) == len(inbox_messages())


@pytest.mark.parametrize("kind", ["maildir", "mbox"])
def test_get_and_search(kind: str, inbox_maildir: Path, inbox_mbox: Path) -> None:
    source = MaildirSource(inbox_maildir) if kind == "maildir" else MboxSource(inbox_mbox)
    message = source.get("<report@example.org>")
    assert message.subject == "Quarterly report"
    assert "quarterly report by Friday" in message.text
    found = source.search("quarterly REPORT")
    assert {m.id for m in found} == {
        "<report@example.org>",
        "<report-2@example.org>",
        "<report-3@example.org>",
    }
    assert [m.id for m in source.search("sales figures")] == ["<report-3@example.org>"]
    assert source.search("nothing-like-this") == []
    with pytest.raises(MailError, match="no message with id"):
        source.get("<missing@example.org>")


def test_mbox_sees_messages_appended_later(tmp_path: Path) -> None:
    path = write_mbox(tmp_path / "box", [make_message(1)])
    source = MboxSource(path)
    assert len(source.latest(10)) == 1
    write_mbox(path, [make_message(2, subject="Later")])
    assert source.latest(1)[0].subject == "Later"


def test_maildir_is_not_changed_by_reading(inbox_maildir: Path) -> None:
    before = sorted(p.name for p in inbox_maildir.rglob("*"))
    MaildirSource(inbox_maildir).latest(50)
    assert sorted(p.name for p in inbox_maildir.rglob("*")) == before


def test_local_sources_with_malformed_mail(tmp_path: Path) -> None:
    broken = [
        b"",
        b"\xff\xfe\x00garbage without headers",
        b"Subject: =?utf-8?b?!!!?=\r\nContent-Type: text/plain; charset=bogus\r\n\r\n\xe9\xe8",
        b"Subject: huge\r\n\r\n" + b"z" * (9 * 1024 * 1024),
        make_message(7),
    ]
    source = MaildirSource(write_maildir(tmp_path / "md", broken))
    messages = source.latest(10)
    assert len(messages) == 5
    assert messages[0].id == "<m7@example.org>" or any(m.truncated for m in messages)
    assert any(m.truncated for m in messages)
    assert len(MboxSource(write_mbox(tmp_path / "mb", broken)).latest(10)) == 5


def test_clear_errors_for_wrong_paths(tmp_path: Path) -> None:
    with pytest.raises(MailError, match="doesn't exist"):
        MaildirSource(tmp_path / "nope")
    with pytest.raises(MailError, match="isn't a Maildir"):
        MaildirSource(tmp_path)
    with pytest.raises(MailError, match="doesn't exist"):
        MboxSource(tmp_path / "nope.mbox")
    not_mbox = tmp_path / "notes.txt"
    not_mbox.write_text("hello")
    with pytest.raises(MailError, match="isn't an mbox"):
        MboxSource(not_mbox)
    with pytest.raises(MailError, match="at least one"):
        MboxSource(write_mbox(tmp_path / "ok", [make_message(1)])).latest(0)


def test_open_source_choices(tmp_path: Path, inbox_maildir: Path, inbox_mbox: Path) -> None:
    assert isinstance(open_source(maildir=inbox_maildir), MaildirSource)
    assert isinstance(open_source(mbox=inbox_mbox), MboxSource)
    assert isinstance(open_source(imap_url="imaps://a@mail.example.org"), ImapSource)
    with pytest.raises(MailError, match="not several"):
        open_source(maildir=inbox_maildir, mbox=inbox_mbox)
    with pytest.raises(MailError, match="Say which mailbox"):
        open_source(data_dir=tmp_path)
    AccountStore(tmp_path).save(MailAccount("home", kind="mbox", path=str(inbox_mbox)))
    assert isinstance(open_source(data_dir=tmp_path), MboxSource)
    assert isinstance(open_source(account="home", data_dir=tmp_path), MboxSource)
    with pytest.raises(MailError, match="no mail account called 'work'"):
        open_source(account="work", data_dir=tmp_path)


def test_imap_urls() -> None:
    cfg = ImapConfig.from_url("imaps://alice@mail.example.org/Work%20Stuff")
    assert (cfg.host, cfg.port, cfg.security, cfg.folder) == (
        "mail.example.org", 993, "ssl", "Work Stuff"
    )  # fmt: skip
    assert ImapConfig.from_url("imap://bob@host:1143").security == "starttls"
    assert ImapConfig.from_url("imap://bob@host").port == 143
    assert ImapConfig.from_url("imaps://a@b").keyring_key == "imap://a@b"
    for bad in ("http://a@b", "imaps://host", "imaps://a:pw@host", "imaps://a@host:99999"):
        with pytest.raises(MailError):
            ImapConfig.from_url(bad)


# -- IMAP against dovecot -----------------------------------------------------------------
@needs_dovecot
def test_imap_latest_get_search(loaded_dovecot: DovecotServer) -> None:
    source = open_source(imap_url=loaded_dovecot.url)
    latest = source.latest(3)
    assert [m.subject for m in latest] == ["Invoice", "Newsletter", "Re: Quarterly report"]
    assert latest[0].attachments[0].name == "invoice.pdf"
    assert latest[1].text == "Plain version of the newsletter."
    assert len(source.latest(500)) == len(inbox_messages())
    assert source.get("<report@example.org>").subject == "Quarterly report"
    found = source.search("sales figures")
    assert [m.id for m in found] == ["<report-3@example.org>"]
    assert source.search("Zürich-not-here") == []
    with pytest.raises(MailError, match="no message with id"):
        source.get("<nope@example.org>")


@needs_dovecot
def test_imap_message_without_message_id(
    dovecot: DovecotServer, memory_keyring: MemoryKeyring
) -> None:
    _store_imap_password(memory_keyring, dovecot)
    dovecot.deliver(b"From: x@example.org\r\nSubject: no id\r\n\r\nbody\r\n")
    source = open_source(imap_url=dovecot.url)
    [message] = source.latest(1)
    assert message.id.startswith("sha256:")
    assert source.get(message.id).subject == "no id"


@needs_dovecot
def test_imap_reading_changes_nothing(loaded_dovecot: DovecotServer) -> None:
    """EXAMINE + BODY.PEEK: no \\Seen flag, no moved files, nothing expunged."""
    before = sorted(p.name for p in loaded_dovecot.inbox.rglob("*") if p.is_file())
    open_source(imap_url=loaded_dovecot.url).latest(50)
    conn = imaplib.IMAP4(loaded_dovecot.host, loaded_dovecot.port)
    conn.login(loaded_dovecot.user, loaded_dovecot.password)
    conn.select("INBOX", readonly=True)
    _, flags = conn.fetch("1:*", "(FLAGS)")
    conn.logout()
    assert all(b"\\Seen" not in f for f in flags if isinstance(f, bytes))
    after = sorted(p.name for p in loaded_dovecot.inbox.rglob("*") if p.is_file())
    messages_before = [n.split(":")[0] for n in before if ".hearth-test" in n]
    messages_after = [n.split(":")[0] for n in after if ".hearth-test" in n]
    assert sorted(messages_after) == sorted(messages_before)
    assert not any(n.endswith(("S", "T")) and ":2," in n for n in after)


@needs_dovecot
def test_imap_malformed_mail(dovecot: DovecotServer, memory_keyring: MemoryKeyring) -> None:
    _store_imap_password(memory_keyring, dovecot)
    dovecot.deliver(b"Subject: bad\r\nContent-Type: multipart/mixed\r\n\r\nno boundary at all")
    dovecot.deliver(b"Subject: big\r\n\r\n" + b"0123456789" * 1_000_000)
    dovecot.deliver(b"Subject: \xff\xfe\r\nContent-Type: text/plain; charset=nope\r\n\r\n\xe9")
    messages = open_source(imap_url=dovecot.url).latest(10)
    assert len(messages) == 3
    assert {m.subject for m in messages} >= {"bad", "big"}
    big = next(m for m in messages if m.subject == "big")
    assert big.truncated


@needs_dovecot
def test_imap_empty_folder_and_missing_folder(
    dovecot: DovecotServer, memory_keyring: MemoryKeyring
) -> None:
    _store_imap_password(memory_keyring, dovecot)
    assert open_source(imap_url=dovecot.url).latest(10) == []
    with pytest.raises(MailError, match="no folder 'Archive'"):
        open_source(imap_url=dovecot.url + "/Archive").latest(1)


@needs_dovecot
def test_imap_login_errors(dovecot: DovecotServer, memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(MailError, match="No password is stored") as caught:
        open_source(imap_url=dovecot.url).latest(1)
    assert caught.value.kind is MailKind.AUTH
    memory_keyring.set_password(KEYRING_SERVICE, f"imap://alice@{dovecot.host}", "wrong")
    with pytest.raises(MailError, match="refused the login") as caught:
        open_source(imap_url=dovecot.url).latest(1)
    assert caught.value.kind is MailKind.AUTH


def test_imap_server_not_running() -> None:
    cfg = ImapConfig("127.0.0.1", free_port(), "alice", "starttls", password="x")
    with pytest.raises(MailError, match="Nothing is listening") as caught:
        ImapSource(cfg).latest(1)
    assert caught.value.kind is MailKind.CONNECTION


def test_imap_account_source(tmp_path: Path) -> None:
    account = MailAccount("work", imap_host="127.0.0.1", imap_port=1, imap_username="a")
    AccountStore(tmp_path).save(account)
    source = open_source(account="work", data_dir=tmp_path)
    assert isinstance(source, ImapSource)
    assert source.config.security == "ssl"


# -- IMAP over TLS -----------------------------------------------------------------------
@pytest.fixture(scope="module")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> TlsFiles:
    return make_tls_files(tmp_path_factory.mktemp("imap-tls"))


@pytest.fixture
def tls_dovecot(tls_files: TlsFiles, memory_keyring: MemoryKeyring) -> Iterator[DovecotServer]:
    if DOVECOT is None:
        pytest.skip(SKIP_REASON)
    server = start_dovecot(tls=tls_files)
    server.deliver(make_message(1, subject="Over TLS"))
    _store_imap_password(memory_keyring, server)
    yield server
    server.stop()


@needs_dovecot
def test_imaps_with_trusted_ca(tls_dovecot: DovecotServer, tls_files: TlsFiles) -> None:
    url = f"imaps://alice@127.0.0.1:{tls_dovecot.imaps_port}"
    source = open_source(imap_url=url, ca_file=tls_files.ca_file)
    assert [m.subject for m in source.latest(5)] == ["Over TLS"]
    assert "TLS" in tls_dovecot.log()


@needs_dovecot
def test_starttls_with_trusted_ca(tls_dovecot: DovecotServer, tls_files: TlsFiles) -> None:
    source = open_source(imap_url=tls_dovecot.url, ca_file=tls_files.ca_file)
    assert [m.subject for m in source.latest(5)] == ["Over TLS"]


@needs_dovecot
def test_untrusted_certificate_is_refused(tls_dovecot: DovecotServer) -> None:
    for url in (f"imaps://alice@127.0.0.1:{tls_dovecot.imaps_port}", tls_dovecot.url):
        with pytest.raises(MailError, match="certificate that can't be verified") as caught:
            open_source(imap_url=url).latest(1)
        assert caught.value.kind is MailKind.CONNECTION
    assert "Login: user=<alice>" not in tls_dovecot.log()


@needs_dovecot
def test_imaps_to_a_plain_port_says_so(loaded_dovecot: DovecotServer) -> None:
    url = f"imaps://alice@127.0.0.1:{loaded_dovecot.port}"
    with pytest.raises(MailError) as caught:
        open_source(imap_url=url).latest(1)
    assert caught.value.kind is MailKind.CONNECTION


@needs_dovecot
def test_no_plaintext_password_to_another_computer(
    loaded_dovecot: DovecotServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server without STARTTLS that is not this computer gets no password, unless opted in."""
    monkeypatch.setattr("agents.mail.sources.is_loopback_host", lambda host: False)
    monkeypatch.setattr("agents.mail.net.is_loopback_host", lambda host: False)
    with pytest.raises(MailError, match="doesn't offer STARTTLS") as caught:
        open_source(imap_url=loaded_dovecot.url).latest(1)
    assert caught.value.kind is MailKind.CONNECTION
    plain = ImapConfig("127.0.0.1", loaded_dovecot.port, "alice", "plain", password="secret")
    with pytest.raises(MailError, match="unencrypted"):
        ImapSource(plain).latest(1)
    assert "Login: user=<alice>" not in loaded_dovecot.log()
    assert len(open_source(imap_url=loaded_dovecot.url, allow_unencrypted=True).latest(2)) == 2


@needs_dovecot
def test_explicit_plain_on_this_computer_skips_starttls(tls_dovecot: DovecotServer) -> None:
    """A local bridge with a self-signed certificate: 'plain' on loopback is allowed."""
    cfg = ImapConfig("127.0.0.1", tls_dovecot.port, "alice", "plain", password="secret")
    assert [m.subject for m in ImapSource(cfg).latest(1)] == ["Over TLS"]


def test_folder_names_in_modified_utf7() -> None:
    from agents.mail.sources import _imap_utf7, _quote_mailbox

    assert _imap_utf7("INBOX") == "INBOX"
    assert _imap_utf7("Entwürfe") == "Entw&APw-rfe"
    assert _imap_utf7("A&B") == "A&-B"
    assert _imap_utf7("日本語") == "&ZeVnLIqe-"
    assert _quote_mailbox('My "Mail"') == '"My \\"Mail\\""'


@needs_dovecot
def test_imap_folder_with_non_ascii_name(
    dovecot: DovecotServer, memory_keyring: MemoryKeyring
) -> None:
    _store_imap_password(memory_keyring, dovecot)
    folder = dovecot.inbox / ".Entw&APw-rfe"  # Maildir++ subfolder, as dovecot names it
    for sub in ("cur", "new", "tmp"):
        (folder / sub).mkdir(parents=True)
    (folder / "new" / "1.hearth-test").write_bytes(make_message(1, subject="Draft"))
    for path in [folder, *folder.rglob("*")]:
        os.chown(path, *dovecot._owner)
    source = open_source(imap_url=dovecot.url + "/Entw%C3%BCrfe")
    assert [m.subject for m in source.latest(5)] == ["Draft"]
