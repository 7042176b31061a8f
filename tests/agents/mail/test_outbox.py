"""Drafts and SMTP sending against a real SMTP server (aiosmtpd) on loopback."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest

from agents.exit_codes import Exit
from agents.mail.accounts import KEYRING_SERVICE, MailAccount
from agents.mail.compose import OutgoingAttachment, OutgoingMail
from agents.mail.errors import MailError, MailKind
from agents.mail.net import check_plaintext_allowed
from agents.mail.outbox import Outbox, SmtpConfig
from tests.agents.mail.conftest import MemoryKeyring
from tests.servers import free_port
from tests.servers.smtp import SmtpServer, start_smtp
from tests.servers.tls import TlsFiles, make_tls_files

MAIL = OutgoingMail(
    sender="Me <me@example.org>",
    to=("Anna Berg <anna@example.org>",),
    cc=("carl@example.org",),
    subject="Follow-up: Thursday 15:00",
    body="Hi Anna,\n\nsee you Thursday at 3.\n",
)


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> TlsFiles:
    return make_tls_files(tmp_path_factory.mktemp("tls"))


@pytest.fixture
def tls_smtp(tls_files: TlsFiles) -> Iterator[SmtpServer]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(tls_files.cert_file, tls_files.key_file)
    server = start_smtp(users={"me": "s3cret"}, tls=context)
    yield server
    server.stop()


def test_save_draft_writes_a_readable_eml(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "drafts")
    path = outbox.save_draft(MAIL)
    assert path.suffix == ".eml" and path.parent == tmp_path / "drafts"
    msg = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    assert msg["Subject"] == "Follow-up: Thursday 15:00"
    assert msg.get_body().get_content().startswith("Hi Anna,")
    second = outbox.save_draft(MAIL)
    assert second != path and second.exists()


def test_draft_refuses_header_injection(tmp_path: Path) -> None:
    from dataclasses import replace

    with pytest.raises(MailError) as caught:
        Outbox(tmp_path).save_draft(replace(MAIL, subject="Hi\r\nBcc: all@evil.example"))
    assert caught.value.kind is MailKind.HEADER_INJECTION
    assert list(tmp_path.iterdir()) == []


def test_send_reaches_the_smtp_server(tmp_path: Path, smtp_server: SmtpServer) -> None:
    invite = OutgoingAttachment("invite.ics", "text/calendar; method=REQUEST", b"BEGIN:VCAL")
    from dataclasses import replace

    outbox = Outbox(
        tmp_path / "drafts", SmtpConfig("127.0.0.1", smtp_server.port, security="plain")
    )
    message_id = outbox.send(replace(MAIL, attachments=(invite,)))
    [received] = smtp_server.wait_for(1)
    assert received.mail_from == "me@example.org"
    assert sorted(received.rcpt_tos) == ["anna@example.org", "carl@example.org"]
    msg = received.message
    assert msg["Message-ID"] == message_id
    assert msg["Subject"] == "Follow-up: Thursday 15:00"
    assert [p.get_filename() for p in msg.iter_attachments()] == ["invite.ics"]
    assert not (tmp_path / "drafts").exists()  # nothing saved when sending worked


def test_invalid_mail_is_neither_sent_nor_saved(tmp_path: Path, smtp_server: SmtpServer) -> None:
    from dataclasses import replace

    outbox = Outbox(tmp_path / "drafts", SmtpConfig("127.0.0.1", smtp_server.port))
    with pytest.raises(MailError) as caught:
        outbox.send(replace(MAIL, to=("anna@example.org\nBcc: x@evil.example",)))
    assert caught.value.kind is MailKind.HEADER_INJECTION
    assert smtp_server.messages == []
    assert not (tmp_path / "drafts").exists()


def test_starttls_with_login_from_the_keyring(
    tmp_path: Path, tls_smtp: SmtpServer, tls_files: TlsFiles, memory_keyring: MemoryKeyring
) -> None:
    config = SmtpConfig(
        "127.0.0.1", tls_smtp.port, username="me", security="starttls",
        ca_file=str(tls_files.ca_file),
    )  # fmt: skip
    memory_keyring.set_password(KEYRING_SERVICE, config.keyring_key, "s3cret")
    Outbox(tmp_path, config).send(MAIL)
    assert len(tls_smtp.wait_for(1)) == 1
    assert tls_smtp.logins == ["me"]


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
def test_implicit_tls_with_login(
    tmp_path: Path, tls_files: TlsFiles, memory_keyring: MemoryKeyring
) -> None:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(tls_files.cert_file, tls_files.key_file)
    server = start_smtp(users={"me": "pw"}, implicit_tls=context)
    try:
        config = SmtpConfig.parse(
            f"me@127.0.0.1:{server.port}", security="ssl", ca_file=str(tls_files.ca_file)
        )
        memory_keyring.set_password(KEYRING_SERVICE, config.keyring_key, "pw")
        message_id = Outbox(tmp_path, config).send(MAIL)
        [received] = server.wait_for(1)
        assert received.message["Message-ID"] == message_id
        assert server.logins == ["me"]
    finally:
        server.stop()


def test_untrusted_certificate_is_refused_and_draft_kept(
    tmp_path: Path, tls_smtp: SmtpServer, memory_keyring: MemoryKeyring
) -> None:
    config = SmtpConfig("127.0.0.1", tls_smtp.port, username="me", security="starttls")
    memory_keyring.set_password(KEYRING_SERVICE, config.keyring_key, "s3cret")
    with pytest.raises(MailError, match="certificate") as caught:
        Outbox(tmp_path / "drafts", config).send(MAIL)
    assert caught.value.kind is MailKind.CONNECTION
    assert tls_smtp.messages == [] and tls_smtp.logins == []
    drafts = list((tmp_path / "drafts").glob("*.eml"))
    assert len(drafts) == 1 and str(drafts[0]) in str(caught.value)


def test_wrong_password(
    tmp_path: Path, tls_smtp: SmtpServer, tls_files: TlsFiles, memory_keyring: MemoryKeyring
) -> None:
    config = SmtpConfig("127.0.0.1", tls_smtp.port, username="me", ca_file=str(tls_files.ca_file))
    memory_keyring.set_password(KEYRING_SERVICE, config.keyring_key, "wrong")
    with pytest.raises(MailError, match="refused the login") as caught:
        Outbox(tmp_path, config).send(MAIL)
    assert caught.value.kind is MailKind.AUTH
    assert tls_smtp.messages == []


def test_missing_password_says_how_to_store_it(tmp_path: Path, tls_smtp: SmtpServer) -> None:
    config = SmtpConfig("127.0.0.1", tls_smtp.port, username="me")
    with pytest.raises(MailError, match=r"hearth mail password smtp://me@127\.0\.0\.1") as caught:
        Outbox(tmp_path, config).send(MAIL)
    assert caught.value.kind is MailKind.AUTH


def test_server_down_keeps_a_draft(tmp_path: Path) -> None:
    config = SmtpConfig("127.0.0.1", free_port(), security="plain")
    with pytest.raises(MailError, match="Nothing is listening") as caught:
        Outbox(tmp_path / "drafts", config).send(MAIL)
    assert (caught.value.kind, caught.value.exit_code) == (
        MailKind.CONNECTION,
        Exit.MAIL_CONNECTION,
    )
    assert "saved as" in str(caught.value)
    assert len(list((tmp_path / "drafts").glob("*.eml"))) == 1


def test_no_smtp_configured(tmp_path: Path) -> None:
    with pytest.raises(MailError, match="No SMTP server"):
        Outbox(tmp_path).send(MAIL)


def test_check_connects_without_sending(tmp_path: Path, smtp_server: SmtpServer) -> None:
    Outbox(tmp_path, SmtpConfig("127.0.0.1", smtp_server.port, security="plain")).check()
    assert smtp_server.messages == []


def test_plaintext_password_to_another_computer_needs_opt_in() -> None:
    with pytest.raises(MailError, match="unencrypted"):
        check_plaintext_allowed("mail.example.org", False, "The SMTP")
    check_plaintext_allowed("mail.example.org", True, "The SMTP")
    check_plaintext_allowed("127.0.0.1", False, "The SMTP")
    check_plaintext_allowed("localhost", False, "The SMTP")


def test_smtp_config_parse_and_from_account() -> None:
    assert SmtpConfig.parse("smtp.example.org:465").security == "ssl"
    assert SmtpConfig.parse("smtp.example.org:587").security == "starttls"
    assert SmtpConfig.parse("smtp.example.org").port == 587
    with_user = SmtpConfig.parse("alice@smtp.example.org:2525")
    assert (with_user.username, with_user.host, with_user.port) == (
        "alice", "smtp.example.org", 2525
    )  # fmt: skip
    assert SmtpConfig.parse("[::1]:25").host == "::1"
    with pytest.raises(MailError):
        SmtpConfig.parse("host:notaport")
    account = MailAccount("work", smtp_host="smtp.example.org", smtp_port=465,
                          smtp_security="ssl", smtp_username="me")  # fmt: skip
    config = SmtpConfig.from_account(account)
    assert (config.host, config.port, config.security) == ("smtp.example.org", 465, "ssl")
    assert config.keyring_key == "smtp://me@smtp.example.org"
    with pytest.raises(MailError, match="only save drafts"):
        SmtpConfig.from_account(MailAccount("local", kind="maildir", path="/x"))
