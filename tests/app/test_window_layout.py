"""The window's layout: every view fits a small window, long lines stay inside their
block, the composer keeps its room, and a new chat starts from the defaults."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from agents.turns.request import Mode
from app.main_window import MainWindow
from app.widgets.composer import MAX_LINES
from app.widgets.message_view import MessageView
from tests.app.conftest import send
from tests.fakes import OllamaDouble, Reply

ROOT = Path(__file__).resolve().parents[2]
LONG = ("aZ9" * 700)[:2000]  # 2,000 characters with no space: no place to break a line


def _in_scrolled_content(widget: QWidget) -> bool:
    """Whether ``widget`` sits in a scroll area's content (it is seen by scrolling)."""
    parent = widget.parentWidget()
    while parent is not None:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and parent is area.viewport():
            return True
        parent = area
    return False


def _controls(page: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox)
    return [
        w
        for w in page.findChildren(QWidget)
        if isinstance(w, kinds) and w.isVisible() and not _in_scrolled_content(w)
    ]


def _frame_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def test_a_long_unbroken_line_stays_inside_its_block(
    qtbot: QtBot, window: MainWindow, ollama_double: OllamaDouble
) -> None:
    window.resize(800, 500)
    answer = (
        f"See {LONG} here.\n\n```text\n{LONG}\n```\n\n"
        f"| name | value |\n|---|---|\n| {LONG[:300]} | 1 |\n\nDone."
    )
    pieces = [answer[i : i + 200] for i in range(0, len(answer), 200)]
    ollama_double.script("llama3.2", Reply(tokens=pieces, token_delay=0.005))
    chat = window.chat
    moved: list[int] = []
    chat.horizontalScrollBar().valueChanged.connect(moved.append)
    window.composer.set_text(LONG)
    QTest.keyClick(window.composer.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.session.busy, timeout=10000)
    qtbot.waitUntil(lambda: len(chat.message_ids()) == 2)
    qtbot.wait(50)  # layout settles

    viewport = chat.viewport()
    views = [chat.view(mid) for mid in chat.message_ids()]
    for view in views:
        assert isinstance(view, MessageView)
        frame = _frame_in(view, viewport)
        assert frame.left() >= 0 and frame.right() < viewport.width(), view.role
        for child in view.findChildren(QWidget):
            if child.isVisibleTo(view):
                assert _frame_in(child, view).right() < view.width(), type(child).__name__
            if isinstance(child, QLabel) and child.isVisibleTo(view):  # all of it shows
                assert child.minimumSizeHint().width() <= child.width(), child.text()[:40]
                assert child.heightForWidth(child.width()) <= child.height(), child.text()[:40]
    (block,) = views[1].code_blocks()  # type: ignore[union-attr]
    code_bar = block.edit.horizontalScrollBar()
    assert code_bar.isVisible() and code_bar.maximum() > 0  # the code scrolls, itself
    assert chat.horizontalScrollBar().maximum() == 0

    # Walking the chat with the keyboard never scrolls it sideways; the code block does.
    window.composer.edit.setFocus()
    for _ in range(30):
        focused = window.focusWidget()
        assert focused is not None
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        if window.focusWidget() is block.edit:
            QTest.keyClick(block.edit, Qt.Key.Key_End)
            assert code_bar.value() > 0
        assert chat.widget().x() == 0
    assert moved == []


def assert_every_view_shows_its_controls(qtbot: QtBot, window: MainWindow) -> None:
    """Shows each view of an 800x500 window: all its controls (and the switcher's) are
    inside the window and unclipped (also used at a large text size)."""
    window.resize(800, 500)
    qtbot.waitUntil(lambda: window.width() == 800 and window.height() == 500)
    for index in range(window.views.count()):
        page = window.views.widget(index)
        window.views.show_view(page)
        qtbot.waitUntil(page.isVisible)
        qtbot.wait(30)
        controls = _controls(page) + _controls(window.views.switcher)
        assert len(controls) > len(_controls(window.views.switcher)), index
        for control in controls:
            name = f"view {index}: {type(control).__name__} {control.objectName()}"
            assert window.rect().contains(_frame_in(control, window)), name
            assert control.visibleRegion().boundingRect() == control.rect(), name  # unclipped


def test_every_view_shows_its_controls_in_a_small_window(qtbot: QtBot, window: MainWindow) -> None:
    assert_every_view_shows_its_controls(qtbot, window)
    # No view asks for a wider window than a small screen has.
    assert window.minimumSizeHint().width() <= 800
    window.views.show_view(window.chat_page)
    qtbot.waitUntil(window.composer.edit.isVisible)
    assert window.composer.edit.width() >= window.width() / 2


def test_a_chat_chosen_from_another_view_is_shown(qtbot: QtBot, window: MainWindow) -> None:
    window.chats.new_chat()
    window.views.show_view(window.documents.tab)
    chats = window.conversations.list
    rect = chats.visualItemRect(chats.item(0))
    qtbot.mouseClick(chats.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.views.currentWidget() is window.chat_page
    window.views.show_view(window.mail_calendar.mail_tab)
    window.chats.new_chat()
    assert window.views.currentWidget() is window.chat_page


def test_long_messages_keep_a_reading_width_when_wide(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1920, 1000)
    window.chats.new_chat()
    conversation = window.chats.conversation_id or ""
    window.store.add_message(conversation, "user", "word " * 400)
    window.conversations.select(conversation)
    qtbot.waitUntil(lambda: bool(window.chat.message_ids()))
    qtbot.wait(30)
    view = window.chat.view(window.chat.message_ids()[0])
    assert view is not None and view.width() <= 760
    middle = view.mapTo(window.chat.viewport(), view.rect().center()).x()
    assert abs(middle - window.chat.viewport().width() / 2) < 20  # centred
    edit = window.composer.edit
    assert edit.width() <= 760
    assert (
        abs(
            edit.mapTo(window, edit.rect().center()).x()
            - window.chat.mapTo(window, window.chat.rect().center()).x()
        )
        < 20
    )


def test_a_new_chat_starts_in_chat_mode_with_the_default_persona(
    qtbot: QtBot, window: MainWindow
) -> None:
    picker = window.persona_picker
    picker.activated.emit(picker.findData("pirate"))
    send(window, "ahoy")
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
    conversation = window.chats.current()
    assert conversation is not None
    assert conversation.persona == "pirate"  # a persona picked before the first message
    window.documents.switch.setChecked(True)
    assert window.composer.mode() is Mode.DOCUMENTS

    window.chats.new_chat()
    fresh = window.chats.current()
    assert fresh is not None and fresh.id != conversation.id
    default = window.personas.default()
    assert (fresh.persona, fresh.system_prompt) == (default.id, default.prompt)
    assert picker.current_persona == default.id
    assert window.composer.mode() is Mode.CHAT and window.composer.modes.isVisible()

    # An empty chat is reused, reset the same way; the settings' own prompt wins.
    picker.activated.emit(picker.findData("pirate"))
    window.mail_calendar.switch.setChecked(True)
    custom = "Answer in one short paragraph."
    window.apply_settings(dataclasses.replace(window.settings, system_prompt=custom))
    window.chats.new_chat()
    again = window.chats.current()
    assert again is not None and again.id == fresh.id
    assert (again.persona, again.system_prompt) == (None, custom)
    assert picker.current_persona is None  # shown as "Custom"
    assert window.composer.mode() is Mode.CHAT


def test_the_message_box_grows_to_a_few_lines_then_scrolls(
    qtbot: QtBot, window: MainWindow
) -> None:
    edit = window.composer.edit
    one_line = edit.height()
    window.composer.set_text("line\n" * 3)
    three_lines = edit.height()
    window.composer.set_text("line\n" * 20)
    qtbot.wait(20)
    assert one_line < three_lines < edit.height() <= one_line + MAX_LINES * 24
    assert edit.verticalScrollBar().maximum() > 0  # the rest scrolls inside the box


def test_one_mode_at_a_time_and_chat_when_none(window: MainWindow) -> None:
    documents, tools = window.documents.switch, window.mail_calendar.switch
    documents.setChecked(True)
    tools.setChecked(True)
    assert not documents.isChecked() and window.composer.mode() is Mode.TOOLS
    tools.setChecked(False)
    assert window.composer.mode() is Mode.CHAT
    window.composer.set_mode(Mode.DOCUMENTS)
    assert documents.isChecked() and window.composer.mode() is Mode.DOCUMENTS


def test_screenshots_script_writes_each_view(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    command = [
        sys.executable,
        "-m",
        "tools.screenshots",
        "--out",
        str(out),
        "--sizes",
        "800x500",
        "--languages",
        "en,zh_CN",
        "--views",
        "chat,mail",
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "chat-800x500-en-dark.png",
        "chat-800x500-en.png",
        "chat-800x500-zh_CN-dark.png",
        "chat-800x500-zh_CN.png",
        "mail-800x500-en-dark.png",
        "mail-800x500-en.png",
        "mail-800x500-zh_CN-dark.png",
        "mail-800x500-zh_CN.png",
    ]
    for path in out.iterdir():
        image = QImage(str(path))
        assert (image.width(), image.height()) == (800, 500), path.name
        # The dark scheme is dark where the window is drawn, the light one light.
        corner = image.pixelColor(790, 490).lightness()
        assert corner < 80 if path.stem.endswith("-dark") else corner > 200, path.name
