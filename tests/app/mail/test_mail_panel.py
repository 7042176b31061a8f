"""The Mail panel and accounts dialog, offscreen, with real mail folders and servers."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from agents import paths
from agents.llm import OllamaService
from agents.mail.accounts import KEYRING_SERVICE, AccountStore, MailAccount
from agents.mail.checklist import ActionChecklist
from agents.settings import Settings, apply_environment
from app.services.mail import MailService
from app.widgets.mail_accounts_dialog import MailAccountsDialog
from app.widgets.mail_panel import MailPanel
from tests.agents.mail.conftest import MemoryKeyring
from tests.agents.mail.samples import inbox_messages
from tests.agents.mail.test_digest import MODEL, SUMMARY, report_items, responder
from tests.fakes import OllamaDouble, Reply
from tests.servers.imap import DOVECOT, SKIP_REASON, DovecotServer
from tests.servers.smtp import SmtpServer


def _panel(qtbot: QtBot, data: Path) -> MailPanel:
    service = OllamaService(apply_environment(Settings()))
    accounts = AccountStore(data)
    mail = MailService(service, accounts)
    panel = MailPanel(mail, accounts, ActionChecklist(data), open_accounts_dialog=False)
    qtbot.addWidget(panel)
    return panel


def test_refresh_shows_digest_and_ticks_persist(
    qtbot: QtBot, ollama_double: OllamaDouble, inbox_maildir: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    AccountStore(data).save(MailAccount("home", kind="maildir", path=str(inbox_maildir)))
    ollama_double.set_responder(MODEL, responder(report_items))
    panel = _panel(qtbot, data)
    assert panel.account_box.currentText() == "home"
    panel.count_box.setValue(5)
    with qtbot.waitSignal(panel.mail.digestReady, timeout=15_000):
        qtbot.mouseClick(panel.refresh_button, Qt.MouseButton.LeftButton)
    shown = panel.digest_view.toPlainText()  # the summary's Markdown list, rendered
    assert "Anna asks for the quarterly report by Friday.\nA newsletter" in shown
    assert "- Anna" not in shown and "<li" in panel.digest_view.toHtml()
    assert panel.items.count() == 2
    first = panel.items.item(0)
    assert first.text() == "Send the quarterly report (Anna Berg) due 2026-11-27"
    assert first.checkState() == Qt.CheckState.Unchecked
    assert "Quarterly report" in first.toolTip()
    first.setCheckState(Qt.CheckState.Checked)
    assert (data / "mail_action_items.json").exists()

    again = _panel(qtbot, data)
    with qtbot.waitSignal(again.mail.digestReady, timeout=15_000):
        again.count_box.setValue(5)
        again.refresh()
    assert again.items.item(0).checkState() == Qt.CheckState.Checked
    assert again.items.item(1).checkState() == Qt.CheckState.Unchecked


def test_window_stays_responsive_while_the_model_loads(
    qtbot: QtBot, ollama_double: OllamaDouble, inbox_maildir: Path, tmp_path: Path
) -> None:
    AccountStore(tmp_path).save(MailAccount("home", kind="maildir", path=str(inbox_maildir)))
    ollama_double.script(MODEL, Reply(text=SUMMARY, first_token_delay=1.0))
    ollama_double.set_responder(MODEL, responder('{"items": []}'))
    panel = _panel(qtbot, tmp_path)
    panel.refresh()
    assert panel.stop_button.isEnabled() and not panel.refresh_button.isEnabled()
    qtbot.waitUntil(lambda: "Writing the digest" in panel.status.text(), timeout=10_000)
    assert panel.mail.busy  # the model is still "loading", the event loop runs
    qtbot.waitUntil(lambda: not panel.mail.busy, timeout=15_000)
    assert panel.refresh_button.isEnabled()


def test_stop_ends_the_digest_within_a_second(
    qtbot: QtBot, ollama_double: OllamaDouble, inbox_maildir: Path, tmp_path: Path
) -> None:
    AccountStore(tmp_path).save(MailAccount("home", kind="maildir", path=str(inbox_maildir)))
    ollama_double.set_responder(
        MODEL, lambda body: Reply(tokens=["word "] * 3000, token_delay=0.05)
    )
    panel = _panel(qtbot, tmp_path)
    panel.show()
    shown: list[object] = []
    panel.mail.digestReady.connect(shown.append)
    panel.refresh()
    # While it runs: Stop, the tokens so far and the time are shown.
    qtbot.waitUntil(lambda: "token" in panel.job.detail.text(), timeout=10_000)
    assert "Writing the digest" in panel.status.text()
    assert panel.job.isVisible() and panel.stop_button.isVisible()
    (request,) = ollama_double.requests_to("/api/chat")
    before = sorted(p.name for p in tmp_path.rglob("*"))

    started = time.monotonic()
    qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    assert not panel.mail.busy and panel.refresh_button.isEnabled()
    assert not panel.job.isVisible()
    assert panel.status.text() == "Stopped. No digest was written; nothing was changed."
    assert request.finished.wait(1.0) and request.disconnected
    assert time.monotonic() - started < 1.0
    qtbot.wait(300)
    assert shown == [] and panel.digest_view.toPlainText() == ""
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_the_action_items_show_their_attempt(
    qtbot: QtBot, ollama_double: OllamaDouble, inbox_maildir: Path, tmp_path: Path
) -> None:
    AccountStore(tmp_path).save(MailAccount("home", kind="maildir", path=str(inbox_maildir)))
    ollama_double.script(MODEL, Reply(text=SUMMARY))
    ollama_double.set_responder(
        MODEL, lambda body: Reply(tokens=['{"items": ['] + [" "] * 3000, token_delay=0.05)
    )
    panel = _panel(qtbot, tmp_path)
    panel.show()
    panel.refresh()
    qtbot.waitUntil(lambda: "attempt 1 of" in panel.job.detail.text(), timeout=10_000)
    assert panel.status.text() == "Finding the action items…"
    panel.mail.stop()
    assert not panel.job.isVisible()


def test_errors_are_shown_not_raised(qtbot: QtBot, tmp_path: Path) -> None:
    AccountStore(tmp_path).save(MailAccount("gone", kind="maildir", path=str(tmp_path / "x")))
    panel = _panel(qtbot, tmp_path)
    with qtbot.waitSignal(panel.mail.digestFailed, timeout=10_000):
        panel.refresh()
    assert "doesn't exist" in panel.status.text()
    assert panel.refresh_button.isEnabled()


def test_no_accounts_says_what_to_do(qtbot: QtBot, tmp_path: Path) -> None:
    panel = _panel(qtbot, tmp_path)
    assert not panel.refresh_button.isEnabled()
    assert "Accounts" in panel.status.text()


# -- accounts dialog -------------------------------------------------------------------------
def _dialog(qtbot: QtBot, data: Path) -> MailAccountsDialog:
    accounts = AccountStore(data)
    mail = MailService(OllamaService(Settings()), accounts)
    dialog = MailAccountsDialog(mail, accounts)
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.skipif(DOVECOT is None, reason=SKIP_REASON)
def test_set_up_an_imap_account_test_and_save(
    qtbot: QtBot,
    tmp_path: Path,
    dovecot: DovecotServer,
    smtp_server: SmtpServer,
    memory_keyring: MemoryKeyring,
) -> None:
    for raw in inbox_messages()[:3]:
        dovecot.deliver(raw)
    dialog = _dialog(qtbot, tmp_path)
    dialog.name.setText("work")
    dialog.kind.setCurrentIndex(dialog.kind.findData("imap"))
    dialog.imap_host.setText("127.0.0.1")
    dialog.imap_security.setCurrentIndex(dialog.imap_security.findData("plain"))
    dialog.imap_port.setValue(dovecot.port)
    dialog.imap_username.setText("alice")
    dialog.imap_password.setText("wrong")
    dialog.smtp_host.setText("127.0.0.1")
    dialog.smtp_security.setCurrentIndex(dialog.smtp_security.findData("plain"))
    dialog.smtp_port.setValue(smtp_server.port)

    with qtbot.waitSignal(dialog.mail.accountTested, timeout=10_000):
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.result_label.text().startswith("Doesn't work: ")
    assert "refused the login" in dialog.result_label.text()

    dialog.imap_password.setText(dovecot.password)
    with qtbot.waitSignal(dialog.mail.accountTested, timeout=10_000):
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.result_label.text() == (
        "Works: Mailbox: connected, 3 message(s). SMTP: login works."
    )
    assert memory_keyring.entries == {}  # testing stores nothing

    with qtbot.waitSignal(dialog.mail.accountSaved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = AccountStore(tmp_path).get("work")
    assert (saved.imap_port, saved.imap_security, saved.smtp_port) == (
        dovecot.port, "plain", smtp_server.port
    )  # fmt: skip
    assert dovecot.password not in (paths.accounts_file(tmp_path)).read_text()
    assert memory_keyring.entries[(KEYRING_SERVICE, "imap://alice@127.0.0.1")] == "secret"
    assert dialog.imap_password.text() == ""
    assert [dialog.account_list.item(i).text() for i in range(dialog.account_list.count())] == [
        "work"
    ]


def test_local_account_and_invalid_form(qtbot: QtBot, tmp_path: Path, inbox_mbox: Path) -> None:
    dialog = _dialog(qtbot, tmp_path)
    dialog.kind.setCurrentIndex(dialog.kind.findData("mbox"))
    assert dialog.imap_group.isHidden() and not dialog.path.isHidden()
    with qtbot.waitSignal(dialog.mail.accountSaveFailed, timeout=10_000):
        dialog.save()
    assert "account name" in dialog.result_label.text()
    dialog.name.setText("archive")
    dialog.path.setText(str(inbox_mbox))
    with qtbot.waitSignal(dialog.mail.accountTested, timeout=10_000):
        dialog.test_connection()
    assert dialog.result_label.text() == "Works: Mailbox: connected, 12 message(s)."
    with qtbot.waitSignal(dialog.mail.accountSaved, timeout=10_000):
        dialog.save()
    assert AccountStore(tmp_path).get("archive").path == str(inbox_mbox)
    dialog.set_account(MailAccount("x", imap_security="starttls", imap_port=143))
    assert dialog.imap_port.value() == 143 and not dialog.imap_group.isHidden()


def test_digest_text_leaves_items_to_the_checklist(
    qtbot: QtBot, ollama_double: OllamaDouble, inbox_maildir: Path, tmp_path: Path
) -> None:
    AccountStore(tmp_path).save(MailAccount("home", kind="maildir", path=str(inbox_maildir)))
    ollama_double.set_responder(MODEL, responder("no json at all"))
    panel = _panel(qtbot, tmp_path)
    with qtbot.waitSignal(panel.mail.digestReady, timeout=15_000):
        panel.refresh()
    text = panel.digest_view.toPlainText()
    assert "Action items:" not in text
    assert "Note: The model (llama3.2) didn't give a usable list of action items" in text
    assert "didn't give a usable list of action items" in panel.status.text()
    assert panel.items.count() == 0
