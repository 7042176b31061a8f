"""Accounts in the data folder (no passwords), passwords in the keyring, ticks persisted."""

from __future__ import annotations

import json
from pathlib import Path

import keyring
import keyring.errors
import pytest

from agents import paths
from agents.mail.accounts import (
    KEYRING_SERVICE,
    AccountStore,
    MailAccount,
    get_password,
    require_password,
    store_password,
)
from agents.mail.checklist import ActionChecklist
from agents.mail.digest import ActionItem
from agents.mail.errors import MailError, MailKind
from tests.agents.mail.conftest import MemoryKeyring

WORK = MailAccount(
    "work",
    imap_host="mail.example.org",
    imap_username="alice",
    smtp_host="smtp.example.org",
    smtp_username="alice",
    from_address="Alice <alice@example.org>",
)


def test_accounts_round_trip_without_passwords(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    store = AccountStore(tmp_path)
    store.save(WORK)
    store_password(WORK.imap_key, "imap-secret-123")
    store_password(WORK.smtp_key, "smtp-secret-456")
    store.save(MailAccount("local", kind="maildir", path="/home/alice/Maildir"))
    assert [a.name for a in store.accounts()] == ["work", "local"]
    assert store.get("work") == WORK
    text = (paths.accounts_file(tmp_path)).read_text()
    assert "secret" not in text
    assert memory_keyring.entries[(KEYRING_SERVICE, "imap://alice@mail.example.org")] == (
        "imap-secret-123"
    )
    store.save(MailAccount("work", kind="mbox", path="/tmp/x.mbox"))  # replaced in place
    assert [a.kind for a in store.accounts()] == ["mbox", "maildir"]


def test_delete_removes_the_passwords(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    store = AccountStore(tmp_path)
    store.save(WORK)
    store_password(WORK.imap_key, "x")
    store.delete("work")
    assert store.accounts() == []
    assert get_password(WORK.imap_key) is None
    store.delete("never-existed")


@pytest.mark.parametrize(
    ("account", "message"),
    [
        (MailAccount(""), "account name"),
        (MailAccount("a/b\n"), "account name"),
        (MailAccount("x", imap_host=""), "IMAP needs a server"),
        (MailAccount("x", kind="maildir"), "give the maildir location"),
        (MailAccount("x", imap_host="h", imap_username="u", imap_port=0), "port"),
        (MailAccount("x", imap_host="h", imap_username="u", imap_security="tls"), "security"),  # type: ignore[arg-type]
    ],
)
def test_invalid_accounts_are_refused(tmp_path: Path, account: MailAccount, message: str) -> None:
    with pytest.raises(MailError, match=message):
        AccountStore(tmp_path).save(account)


def test_damaged_accounts_file_is_set_aside(tmp_path: Path) -> None:
    (paths.accounts_file(tmp_path)).write_text("{not json")
    assert AccountStore(tmp_path).accounts() == []
    assert len(list(tmp_path.glob("mail_accounts.json.bad-*"))) == 1


def test_unknown_and_mistyped_keys_are_ignored(tmp_path: Path) -> None:
    data = {"accounts": [{"name": "w", "imap_port": "993", "colour": "red", "kind": "mbox"}]}
    (paths.accounts_file(tmp_path)).write_text(json.dumps(data))
    [account] = AccountStore(tmp_path).accounts()
    assert account.imap_port == 993 and account.kind == "mbox"


def test_missing_password_and_missing_keyring(memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(MailError, match="hearth mail password imap://a@b") as caught:
        require_password("imap://a@b")
    assert caught.value.kind is MailKind.AUTH

    class NoKeyring(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise keyring.errors.NoKeyringError("no backend")

        def set_password(self, service: str, username: str, password: str) -> None:
            raise keyring.errors.NoKeyringError("no backend")

    keyring.set_keyring(NoKeyring())
    with pytest.raises(MailError, match="unlock your desktop's keyring"):
        get_password("imap://a@b")
    with pytest.raises(MailError, match="Couldn't store the password"):
        store_password("imap://a@b", "pw")


def test_checklist_ticks_persist(tmp_path: Path) -> None:
    item = ActionItem("Send the report", "Anna", None, "<r@x.org>")
    other = ActionItem("Pay the invoice", "", None, "<i@x.org>")
    checklist = ActionChecklist(tmp_path)
    assert not checklist.is_done(item)
    checklist.set_done(item, True)
    reopened = ActionChecklist(tmp_path)
    assert reopened.is_done(item) and not reopened.is_done(other)
    same_task = ActionItem("send  the REPORT", "someone", None, "<r@x.org>")
    assert reopened.is_done(same_task)  # the key ignores case, spacing and who
    reopened.set_done(item, False)
    assert not ActionChecklist(tmp_path).is_done(item)


def test_damaged_checklist_starts_afresh(tmp_path: Path) -> None:
    (tmp_path / "mail_action_items.json").write_text("[[[")
    checklist = ActionChecklist(tmp_path)
    assert checklist.done_keys() == set()
    checklist.set_done(ActionItem("x1"), True)
    assert len(checklist.done_keys()) == 1
