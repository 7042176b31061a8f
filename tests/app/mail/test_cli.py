"""`hearth mail digest|password|accounts`, run in-process."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from agents.exit_codes import Exit
from agents.mail.accounts import KEYRING_SERVICE, AccountStore, MailAccount
from app.main import main
from tests.agents.mail.conftest import MemoryKeyring
from tests.agents.mail.test_digest import MODEL, SUMMARY, report_items, responder
from tests.fakes import OllamaDouble
from tests.servers.imap import DOVECOT, SKIP_REASON, DovecotServer


def test_digest_prints_summary_threads_and_items(
    ollama_double: OllamaDouble,
    inbox_maildir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ollama_double.set_responder(MODEL, responder(report_items))
    code = main(
        ["--data-dir", str(tmp_path / "data"), "mail", "digest", "--last", "5",
         "--maildir", str(inbox_maildir)]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("Digest of 5 messages in 3 threads")
    assert SUMMARY in out
    assert "[ ] Send the quarterly report (Anna Berg) due 2026-11-27" in out


def test_digest_json(
    ollama_double: OllamaDouble,
    inbox_mbox: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ollama_double.set_responder(MODEL, responder(report_items))
    code = main(["--data-dir", str(tmp_path), "mail", "digest", "--mbox", str(inbox_mbox),
                 "--last", "5", "--json"])  # fmt: skip
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data["action_items"][0]["source_id"] == "<report@example.org>"
    assert data["action_items"][0]["due"] == "2026-11-27"
    assert len(data["threads"]) == 3


def test_digest_from_an_account(
    ollama_double: OllamaDouble,
    inbox_maildir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    AccountStore(tmp_path).save(MailAccount("home", kind="maildir", path=str(inbox_maildir)))
    ollama_double.set_responder(MODEL, responder('{"items": []}'))
    assert main(["--data-dir", str(tmp_path), "mail", "digest", "--account", "home"]) == 0
    assert "Action items:\n  (none)" in capsys.readouterr().out


@pytest.mark.skipif(DOVECOT is None, reason=SKIP_REASON)
def test_digest_from_imap_with_password_stored_by_the_cli(
    ollama_double: OllamaDouble,
    dovecot: DovecotServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: MemoryKeyring,
) -> None:
    from tests.agents.mail.samples import inbox_messages

    for raw in inbox_messages():
        dovecot.deliver(raw)
    monkeypatch.setattr("sys.stdin", io.StringIO(dovecot.password + "\n"))
    assert main(["mail", "password", "imap://alice@127.0.0.1"]) == 0
    out = capsys.readouterr().out
    assert dovecot.password not in out
    assert memory_keyring.entries[(KEYRING_SERVICE, "imap://alice@127.0.0.1")] == "secret"
    ollama_double.set_responder(MODEL, responder(report_items))
    code = main(["--data-dir", str(tmp_path), "mail", "digest", "--imap", dovecot.url])
    assert code == 0
    assert "Quarterly report [3 messages" in capsys.readouterr().out


def test_errors_are_one_line_with_exit_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path), "mail", "digest"]) == Exit.MAIL
    assert "Say which mailbox to read" in capsys.readouterr().err
    code = main(["--data-dir", str(tmp_path), "mail", "digest", "--maildir", str(tmp_path / "x")])
    assert code == Exit.MAIL
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "doesn't exist" in err
    assert main(["mail", "digest", "--imap", "imaps://a:pw@host"]) == Exit.MAIL
    assert "Don't put the password in the URL" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["mail", "digest", "--maildir", "a", "--mbox", "b"])


def test_accounts_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "mail", "accounts"]) == 0
    assert "No mail accounts yet" in capsys.readouterr().out
    AccountStore(tmp_path).save(
        MailAccount("work", imap_host="mail.example.org", imap_username="alice",
                    smtp_host="smtp.example.org")
    )  # fmt: skip
    main(["--data-dir", str(tmp_path), "mail", "accounts"])
    assert "work: imap alice@mail.example.org:993 (ssl) INBOX; sends via smtp.example.org:587" in (
        capsys.readouterr().out
    )


def test_password_delete(memory_keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str]) -> None:
    memory_keyring.set_password(KEYRING_SERVICE, "smtp://a@b", "pw")
    assert main(["mail", "password", "--delete", "smtp://a@b"]) == 0
    assert (KEYRING_SERVICE, "smtp://a@b") not in memory_keyring.entries
    assert main(["mail", "password", "nonsense"]) == 1
