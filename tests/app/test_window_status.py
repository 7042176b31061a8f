"""Every status the window shows is true: each case of issue 11, against the Ollama double.

The server is made unreachable by stopping the double, a model goes missing by removing
it; the window's labels (status dot, model picker, banner, the note and Retry under an
answer, the mail panel's lines) must say what is so, while it is so.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QMimeData, QUrl
from pytestqt.qtbot import QtBot

from agents.llm import OllamaService
from agents.mail.accounts import AccountStore, MailAccount
from agents.mail.checklist import ActionChecklist
from agents.settings import Settings
from app.main_window import MainWindow
from app.services.mail import MailService
from app.services.ollama_monitor import ServerState
from app.services.status import ModelState, Purpose, TurnState
from app.widgets.mail_accounts_dialog import MailAccountsDialog
from app.widgets.mail_panel import MailPanel
from tests.agents.mail.samples import inbox_messages, write_mbox
from tests.app.conftest import WindowFactory
from tests.app.images.test_images_qt import drop
from tests.app.test_chat_window import last_answer, type_and_send
from tests.fakes import OllamaDouble, Reply


def answer_view(window: MainWindow):  # type: ignore[no-untyped-def]
    answer_id = window.session.active_message_id or last_answer(window).id
    view = window.chat.view(answer_id)
    assert view is not None
    return view


def checks_pass(qtbot: QtBot, window: MainWindow, count: int = 2) -> None:
    """Waits for the monitor to check the server ``count`` more times."""
    for _ in range(count):
        with qtbot.waitSignal(window.monitor.checked, timeout=5000):
            window.monitor.check_now()


def offline_window(qtbot: QtBot, make_window: WindowFactory, double: OllamaDouble) -> MainWindow:
    """A window opened while the server is down (the double stopped), once it says so."""
    url = double.url
    double.stop()
    window = make_window(url)
    qtbot.waitUntil(lambda: window.banner.action == "retry_server", timeout=5000)
    return window


def test_the_note_says_writing_once_the_answer_streams(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    qtbot.waitUntil(lambda: bool(window.service.loaded_models()), timeout=5000)
    qtbot.waitUntil(lambda: window.status.state == "connected", timeout=5000)  # warmed up
    ollama_double.expire()  # unloaded: the answer waits for the model to load
    words = [f"w{i} " for i in range(40)]
    ollama_double.script("llama3.2", Reply(tokens=words, first_token_delay=0.6, token_delay=0.03))
    type_and_send(qtbot, window, "wake up")
    qtbot.waitUntil(lambda: window.status_model.snapshot.turn is TurnState.LOADING, timeout=3000)
    view = answer_view(window)
    assert "Loading" in view.note.text() and window.status.state == "loading"
    qtbot.waitUntil(lambda: "w3" in view.text, timeout=5000)
    assert window.session.busy
    assert view.note.text() == "Writing…" and "Loading" not in view.note.text()
    assert window.status.state == "connected"
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
    assert not view.note.isVisible() or view.note.text() == ""


def test_a_step_after_text_shows_until_more_text_comes(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    ollama_double.script("llama3.2", Reply(tokens=["one ", "two "], token_delay=0.3))
    type_and_send(qtbot, window, "count")
    view = answer_view(window)
    qtbot.waitUntil(lambda: "one" in view.text, timeout=5000)
    window.session.status.emit(window.chats.conversation_id or "", "Searching your documents…")
    assert view.note.text() == "Searching your documents…"
    assert window.status.state == "loading"
    qtbot.waitUntil(lambda: "two" in view.text, timeout=5000)
    assert view.note.text() in ("Writing…", "")
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)


def test_retry_is_offered_only_once_the_answer_is_written(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    ollama_double.script("llama3.2", Reply(text="tick " * 200, token_delay=0.01))
    type_and_send(qtbot, window, "count")
    view = answer_view(window)
    qtbot.waitUntil(lambda: view.text.count("tick") >= 3, timeout=5000)
    assert window.session.busy and view.retry_button.isHidden()
    window.composer.button.click()  # Stop: a half-written answer that ended can be retried
    assert not window.session.busy
    assert not view.retry_button.isHidden()
    view.retry_button.click()
    fresh = answer_view(window)
    assert window.session.busy and fresh.retry_button.isHidden()
    qtbot.waitUntil(lambda: not window.session.busy, timeout=10_000)
    assert not fresh.retry_button.isHidden()


def test_a_model_is_not_called_missing_while_the_server_is_down(
    qtbot: QtBot, make_window: WindowFactory, ollama_double: OllamaDouble
) -> None:
    window = offline_window(qtbot, make_window, ollama_double)
    assert window.status.state == "unreachable"
    chat = window.status_model.snapshot.model(Purpose.CHAT)
    assert chat is not None and chat.state is ModelState.UNKNOWN
    shown = window.models.currentText()
    assert "not downloaded" not in shown and "unreachable" in shown
    # Up again, without the model: now it is missing, and the picker and banner say so.
    ollama_double.remove_model("llama3.2")
    ollama_double.start()
    qtbot.waitUntil(lambda: window.banner.action == "pull:llama3.2", timeout=5000)
    assert "not downloaded" in window.models.currentText()
    assert window.status.state == "connected"


def test_the_offline_banner_stays_after_a_failed_send(
    qtbot: QtBot, make_window: WindowFactory, ollama_double: OllamaDouble
) -> None:
    window = offline_window(qtbot, make_window, ollama_double)
    type_and_send(qtbot, window, "are you there?")
    qtbot.waitUntil(lambda: not window.session.busy, timeout=10_000)
    assert last_answer(window).status == "error"
    assert window.banner.isVisible() and window.banner.action == "retry_server"
    checks_pass(qtbot, window)  # the cause lasts: so does the banner
    assert window.banner.isVisible() and window.banner.action == "retry_server"
    assert window.composer.text == "" or "are you there?" in window.composer.text
    ollama_double.start()
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=5000)
    assert window.status.state in ("connected", "loading")


def test_a_server_that_dies_between_checks_shows_at_the_first_failed_send(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    window.monitor.refresh_ms = 60_000  # the monitor won't notice by itself soon
    assert not window.banner.isVisible()
    ollama_double.stop()
    type_and_send(qtbot, window, "hello?")
    qtbot.waitUntil(lambda: not window.session.busy, timeout=10_000)
    assert window.status_model.snapshot.server is ServerState.UNREACHABLE
    assert window.banner.isVisible() and window.banner.action == "retry_server"
    assert window.status.state == "unreachable"
    checks_pass(qtbot, window)
    assert window.banner.action == "retry_server"
    ollama_double.start()
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=5000)


def test_turning_the_guard_on_without_its_model_warns_at_once(
    qtbot: QtBot, make_window: WindowFactory, ollama_double: OllamaDouble
) -> None:
    ollama_double.remove_model("llama-guard3:1b")  # missing from the start: no list change
    window = make_window(ollama_double.url)
    qtbot.waitUntil(lambda: window.status.state in ("connected", "loading"), timeout=5000)
    assert not window.banner.isVisible()
    window.monitor.refresh_ms = 60_000
    window.apply_settings(dataclasses.replace(window.settings, guard_enabled=True))
    assert window.banner.action == "pull:llama-guard3:1b"  # no need to wait for a check
    assert "Llama Guard" in window.banner.label.text()
    checks_pass(qtbot, window, 1)
    assert window.banner.action == "pull:llama-guard3:1b"
    window.apply_settings(dataclasses.replace(window.settings, guard_enabled=False))
    assert not window.banner.isVisible()


def test_a_missing_model_banner_lasts_until_it_is_downloaded(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    ollama_double.remove_model("llama3.2")
    window.monitor.check_now()
    qtbot.waitUntil(lambda: window.banner.action == "pull:llama3.2", timeout=5000)
    type_and_send(qtbot, window, "hi")  # fails: the model is missing
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
    assert window.banner.action == "pull:llama3.2"
    checks_pass(qtbot, window, 1)
    assert window.banner.action == "pull:llama3.2"
    ollama_double.set_pull("llama3.2", steps=2)
    window.banner.button.click()
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=5000)


def test_a_model_a_question_needed_is_offered_until_it_is_there(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble, tmp_path: Path
) -> None:
    ollama_double.remove_model("llama3.2-vision")
    window.monitor.check_now()
    photo = tmp_path / "photo.png"
    Image.new("RGB", (64, 48), (200, 120, 40)).save(photo)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    drop(window.composer.edit, mime)
    qtbot.waitUntil(lambda: len(window.images.strip.images()) == 1, timeout=10_000)
    assert not window.banner.isVisible()  # the chat's own model is there
    window.composer.edit.setPlainText("What is in this photo?")
    window.composer.submit()
    qtbot.waitUntil(lambda: not window.session.busy, timeout=10_000)
    assert window.banner.action == "pull:llama3.2-vision"
    checks_pass(qtbot, window, 1)  # still missing: still offered
    assert window.banner.action == "pull:llama3.2-vision"
    ollama_double.set_pull("llama3.2-vision", steps=2)
    window.banner.button.click()
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=10_000)


def test_a_settings_note_stays_until_the_person_acts(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    window.status_model.notify("A setting was out of range.", "settings", "Open Settings")
    assert window.banner.action == "settings"
    checks_pass(qtbot, window, 1)  # a check of the server doesn't take it away
    type_and_send(qtbot, window, "hi")
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
    assert window.banner.action == "settings"
    window.status_model.dismiss("settings")
    assert not window.banner.isVisible()


# -- mail ------------------------------------------------------------------------------------
def _mail(data: Path) -> tuple[MailService, AccountStore, Path]:
    accounts = AccountStore(data)
    mbox = write_mbox(data / "inbox.mbox", inbox_messages())
    return MailService(OllamaService(Settings()), accounts), accounts, mbox


def test_the_mail_panel_stops_saying_no_account_once_there_is_one(
    qtbot: QtBot, tmp_path: Path
) -> None:
    mail, accounts, inbox_mbox = _mail(tmp_path)
    panel = MailPanel(mail, accounts, ActionChecklist(tmp_path), open_accounts_dialog=False)
    qtbot.addWidget(panel)
    assert "No mail account" in panel.status.text()
    accounts.save(MailAccount("archive", kind="mbox", path=str(inbox_mbox)))
    panel.reload_accounts()  # what the Accounts… dialog does when it closes
    assert panel.account_box.currentText() == "archive"
    assert "No mail account" not in panel.status.text()
    assert panel.refresh_button.isEnabled()
    accounts.delete("archive")  # removed elsewhere: the panel says so, not "no account"
    panel.refresh()
    assert "archive" in panel.status.text() and "No mail account" not in panel.status.text()


def test_saved_stays_said_after_saving_an_account(qtbot: QtBot, tmp_path: Path) -> None:
    mail, accounts, inbox_mbox = _mail(tmp_path)
    dialog = MailAccountsDialog(mail, accounts)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("mbox"))
    dialog.name.setText("archive")
    dialog.path.setText(str(inbox_mbox))
    with qtbot.waitSignal(mail.accountSaved, timeout=10_000):
        dialog.save()
    assert dialog.result_label.text() == "Saved “archive”."
    assert dialog.account_list.currentItem().text() == "archive"
