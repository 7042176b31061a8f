"""Accessibility: every control tells a screen reader what it is, the text grows and
shrinks with Ctrl+plus and Ctrl+minus (and is remembered), and the window still shows
every control at double the text size."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from agents.llm.options import ChatOptions
from agents.mail.accounts import AccountStore
from app.main_window import MainWindow
from app.services.writing import RewriteService
from app.widgets.approval_dialog import ApprovalDialog
from app.widgets.calendar_setup_dialog import CalendarSetupDialog
from app.widgets.chat_options_dialog import ChatOptionsDialog
from app.widgets.mail_accounts_dialog import MailAccountsDialog
from app.widgets.models_dialog import ModelsDialog
from app.widgets.persona_editor import PersonaEditorDialog
from app.widgets.pull_dialog import PullDialog
from app.widgets.quick_ask import QuickAsk
from app.widgets.rewrite_dialog import RewriteDialog
from app.widgets.settings_dialog import SettingsDialog
from tests.app.conftest import WindowFactory
from tests.app.test_window_layout import assert_every_view_shows_its_controls
from tests.fakes import OllamaDouble
from tools.screenshot_samples import WORDS, approval

CONTROLS = (QAbstractButton, QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractItemView)
CONTROLS += (QAbstractSpinBox,)
# Qt's own parts of a control (a spin box's line edit, a header, a popup list) speak as
# part of the control they belong to.
PARTS_OF = (QAbstractSpinBox, QComboBox, QLineEdit, QAbstractItemView)
ANSWER = "Sure:\n\n```python\nprint(1)\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"


def _name(control: QWidget) -> str:
    """What a screen reader calls a control: its accessible name, its text (buttons), or
    the label that names it (a form's row)."""
    if control.accessibleName():
        return control.accessibleName()
    if isinstance(control, QAbstractButton) and control.text():
        return control.text()
    for label in control.window().findChildren(QLabel):
        if label.buddy() is control:
            return label.text()
    return ""


def _own_controls(root: QWidget) -> Iterator[QWidget]:
    """The controls a person can reach in ``root`` (shown, and not Qt's own parts)."""
    for control in root.findChildren(QWidget):
        if (
            isinstance(control, CONTROLS)
            and control.isVisibleTo(root)
            and not control.objectName().startswith("qt_")
            and not isinstance(control.parentWidget(), PARTS_OF)
            and control.window() is root.window()
        ):
            yield control


def _unnamed(root: QWidget) -> list[str]:
    return [
        f"{type(c).__name__} {c.objectName()} in {type(c.parentWidget()).__name__}"
        for c in _own_controls(root)
        if not any(ch.isalpha() for ch in _name(c))
    ]


def _show_every_view(qtbot: QtBot, window: MainWindow) -> None:
    for index in range(window.views.count()):
        page = window.views.widget(index)
        window.views.show_view(page)
        qtbot.waitUntil(page.isVisible)
    window.views.show_view(window.chat_page)


def test_every_control_of_the_window_and_its_views_has_a_name_and_a_description(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1000, 600)
    window.chats.new_chat()
    conversation = window.chats.conversation_id or ""
    window.store.add_message(conversation, "user", "Print one?")
    window.store.add_message(conversation, "assistant", ANSWER)
    window.conversations.select(conversation)
    qtbot.waitUntil(lambda: len(window.chat.message_ids()) == 2)
    _show_every_view(qtbot, window)
    unnamed: list[str] = []
    undescribed: list[str] = []
    for index in range(window.views.count()):
        page = window.views.widget(index)
        window.views.show_view(page)
        qtbot.waitUntil(page.isVisible)
        unnamed += _unnamed(window)
        undescribed += [
            _name(c)
            for c in _own_controls(window)
            if isinstance(c, QAbstractButton)
            and not (c.accessibleDescription() or c.toolTip())
            and c.objectName() != "viewButton"  # the view switcher: its name says it all
        ]
    assert not unnamed, sorted(set(unnamed))
    assert not undescribed, sorted(set(undescribed))


def test_every_control_of_the_dialogs_has_a_name(
    qtbot: QtBot, window: MainWindow, data_root: Path
) -> None:
    mail = window.mail_calendar
    window.views.show_view(mail.mail_tab)  # builds the mail service
    assert mail.mail is not None
    dialogs: list[QWidget] = [
        SettingsDialog(window.settings, window),
        RewriteDialog(RewriteService(window.router), "Some text", parent=window),
        PersonaEditorDialog(window.personas, parent=window),
        MailAccountsDialog(mail.mail, AccountStore(data_root), window),
        CalendarSetupDialog(mail.calendar_setup, window),
        PullDialog(window.service, parent=window),
        ApprovalDialog(approval(WORDS["en"]), window),
        QuickAsk(window.session, window.store),
        ModelsDialog(window.service, parent=window),
        ChatOptionsDialog(ChatOptions(), window.settings, parent=window),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert not _unnamed(dialog), (type(dialog).__name__, _unnamed(dialog))
        if isinstance(dialog, QDialog):
            dialog.reject()


def _zoom_keys(window: MainWindow, key: Qt.Key) -> None:
    QTest.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.usefixtures("restore_look")
def test_text_size_follows_ctrl_plus_and_minus_and_is_remembered(
    qtbot: QtBot, make_window: WindowFactory, ollama_double: OllamaDouble
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = make_window(ollama_double.url)
    qtbot.waitUntil(window.isActiveWindow)  # where shortcuts reach
    window.appearance.apply()
    size = app.font().pointSizeF()
    assert "font-size: 14px" in app.styleSheet()  # the messages' text at 100%

    _zoom_keys(window, Qt.Key.Key_Plus)
    assert window.appearance.zoom == pytest.approx(1.1)
    assert app.font().pointSizeF() == pytest.approx(size * 1.1)
    assert "font-size: 15px" in app.styleSheet()
    _zoom_keys(window, Qt.Key.Key_Equal)  # where + needs Shift
    _zoom_keys(window, Qt.Key.Key_Plus)
    assert window.appearance.zoom == pytest.approx(1.5)
    assert "font-size: 21px" in app.styleSheet()
    _zoom_keys(window, Qt.Key.Key_Minus)
    assert window.appearance.zoom == pytest.approx(1.25)
    _zoom_keys(window, Qt.Key.Key_0)
    assert window.appearance.zoom == 1.0 and app.font().pointSizeF() == pytest.approx(size)
    for _ in range(20):  # the steps end somewhere readable
        _zoom_keys(window, Qt.Key.Key_Minus)
    assert window.appearance.zoom == 0.5

    window.appearance.set_zoom(1.75)
    window.close()
    again = make_window(ollama_double.url)  # the next start, on the same data folder
    assert again.appearance.zoom == pytest.approx(1.75)


@pytest.mark.usefixtures("restore_look")
def test_every_view_shows_its_controls_at_double_text_size(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.appearance.set_zoom(2.0)
    window.appearance.apply()
    edit = window.composer.edit
    assert edit.font().pixelSize() == 28  # the messages' 14 px, doubled
    assert_every_view_shows_its_controls(qtbot, window)
    window.views.show_view(window.chat_page)
    qtbot.waitUntil(edit.isVisible)
    assert window.composer.row.stacked  # the modes above Send: both fit
    assert edit.height() >= edit.fontMetrics().lineSpacing() + 2 * edit.frameWidth()
