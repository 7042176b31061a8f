"""The window's layout: long lines stay inside their block."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.main_window import MainWindow
from app.widgets.message_view import MessageView
from tests.fakes import OllamaDouble, Reply

LONG = ("aZ9" * 700)[:2000]  # 2,000 characters with no space: no place to break a line


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
