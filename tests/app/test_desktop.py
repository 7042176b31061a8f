"""Hearth around its window: the tray menu, the quick-ask window and screen questions."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPixmap
from pytestqt.qtbot import QtBot

from agents.storage import MessageStatus
from app.controllers.desktop import DesktopController
from app.main_window import MainWindow
from app.widgets.screen_grab import ScreenGrab
from tests.fakes import OllamaDouble, Reply


def _titles(window: MainWindow) -> list[str]:
    items = window.conversations.list
    return [items.item(i).text() for i in range(items.count())]  # type: ignore[union-attr]


def test_quick_ask_answers_in_place_and_the_chat_is_in_the_window_history(
    window: MainWindow, ollama_double: OllamaDouble, qtbot: QtBot
) -> None:
    desktop = DesktopController(window)
    quick = desktop.quick
    qtbot.addWidget(quick)
    quick.summon()
    assert (quick.isVisible() and quick.question.hasFocus()) or quick.question.isVisible()
    ollama_double.script("llama3.2", Reply(tokens=["**Paris**", " is", " the", " capital."]))
    quick.question.setText("Capital of France?")
    with qtbot.waitSignal(quick.session.turnEnded, timeout=15_000):
        quick.ask()
    assert quick.answer.toPlainText().strip() == "Paris is the capital."
    assert "Capital of France?" in _titles(window)
    chat = quick.conversation_id
    assert chat is not None
    (question, answer) = window.store.messages(chat)
    assert (question.content, answer.content) == ("Capital of France?", "**Paris** is the capital.")
    assert answer.status is MessageStatus.COMPLETE
    quick.open_button.click()
    assert window.conversations.current_id == chat and window.isVisible()


def test_a_quick_question_never_stops_the_main_windows_answer(
    window: MainWindow, ollama_double: OllamaDouble, qtbot: QtBot
) -> None:
    desktop = DesktopController(window)
    qtbot.addWidget(desktop.quick)
    assert desktop.quick.session is not window.session


def test_tray_menu_actions(window: MainWindow, qtbot: QtBot) -> None:
    desktop = DesktopController(window)
    qtbot.addWidget(desktop.quick)
    actions = {a.text(): a for a in desktop.menu.actions() if a.text()}
    assert set(actions) == {
        "Show or hide Hearth",
        "New chat",
        "Quick ask…",
        "Ask about the screen…",
        "Quit Hearth",
    }
    actions["Show or hide Hearth"].trigger()
    assert not window.isVisible()
    actions["Show or hide Hearth"].trigger()
    assert window.isVisible()
    before = window.chats.conversation_id
    actions["New chat"].trigger()
    assert window.isVisible() and window.composer.mode() is not None
    assert window.chats.conversation_id != before or before is None
    actions["Quick ask…"].trigger()
    assert desktop.quick.isVisible()
    actions["Quit Hearth"].trigger()
    assert not window.isVisible() and not desktop.quick.isVisible()


def test_a_dragged_region_of_the_screen_is_attached_to_the_chat(
    window: MainWindow, qtbot: QtBot
) -> None:
    desktop = DesktopController(window)
    qtbot.addWidget(desktop.quick)
    still = QPixmap(300, 200)
    still.fill(QColor("navy"))
    grab = ScreenGrab(still)
    qtbot.addWidget(grab)
    grab.show()
    with qtbot.waitSignal(grab.grabbed) as got:
        qtbot.mousePress(grab, Qt.MouseButton.LeftButton, pos=QPoint(10, 20))
        qtbot.mouseMove(grab, QPoint(70, 60))
        qtbot.mouseRelease(grab, Qt.MouseButton.LeftButton, pos=QPoint(70, 60))
    picture = got.args[0]
    assert (picture.width(), picture.height()) == (60, 40)
    desktop.attach_picture(picture)
    strip = window.images.strip
    qtbot.waitUntil(lambda: len(strip.attachments()) == 1, timeout=10_000)
    assert strip.attachments()[0].name == "screenshot.png"


def test_escape_cancels_a_screen_question(qtbot: QtBot) -> None:
    still = QPixmap(50, 50)
    still.fill(QColor("white"))
    grab = ScreenGrab(still)
    qtbot.addWidget(grab)
    grab.show()
    with qtbot.waitSignal(grab.cancelled):
        qtbot.keyClick(grab, Qt.Key.Key_Escape)
