"""The window without a mouse: Tab through a message (its links, sources and buttons),
and the shortcuts of the views and modes (listed in Help)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from agents.attachments import Citation
from agents.turns.request import Mode
from app import shortcuts
from app.main_window import MainWindow
from app.widgets.link_label import LinkLabel
from app.widgets.message_sources import MessageSources
from app.widgets.shortcuts_dialog import ShortcutsDialog
from tests.app.conftest import WindowFactory
from tests.fakes import OllamaDouble


def press(
    window: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """Presses a key where the focus is, as a person at the keyboard would."""
    QTest.keyClick(window.focusWidget() or window, key, modifier)


def active(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """The window, made the active one (keys go to it)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def walk_views_and_modes(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+1... shows each view (the chat's puts the focus in the message box); Alt+1...
    turns each mode on, the focus staying where it is."""
    for view_entry, digit in zip(window.views.views(), "1234", strict=True):
        press(window, Qt.Key(ord(digit)), Qt.KeyboardModifier.ControlModifier)
        assert window.views.currentWidget() is view_entry.page, view_entry.title
        qtbot.waitUntil(view_entry.page.isVisible)
    press(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.views.currentWidget() is window.chat_page
    assert window.focusWidget() is window.composer.edit
    for digit, mode in (("2", Mode.DOCUMENTS), ("3", Mode.TOOLS), ("1", Mode.CHAT)):
        press(window, Qt.Key(ord(digit)), Qt.KeyboardModifier.AltModifier)
        assert window.composer.mode() is mode
        assert window.focusWidget() is window.composer.edit


def test_tab_walks_a_message_in_reading_order(
    qtbot: QtBot, make_window: WindowFactory, ollama_double: OllamaDouble
) -> None:
    window = active(qtbot, make_window(ollama_double.url))
    store = window.store
    chat = store.create_conversation("Code", model="llama3.2")
    question = store.add_message(chat.id, "user", "How?")
    store.add_message(chat.id, "assistant", "First try.")
    text = "See [the docs](https://example.com) first.\n\n```python\nprint(1)\n```\n\nDone [1]."
    source = Citation(1, "/notes/a.md", None, None, "A passage.")
    answer = store.add_message(
        chat.id, "assistant", text, parent_id=question.id, attachments=(source,)
    )
    window.conversations.refresh()
    window.conversations.select(chat.id)
    qtbot.wait(20)
    assert window.isActiveWindow()  # the sources never showed as a window of their own
    view = window.chat.view(answer.id)
    assert view is not None and isinstance(view.extra, MessageSources)
    (block,) = view.code_blocks()
    (link_label,) = [
        w for w in view.findChildren(LinkLabel) if w.has_links() and w is not view.extra
    ]
    expected = [
        view,
        link_label,
        block.copy_button,
        block.edit,
        view.extra,
        view.previous_button,  # 2/2: ‹ goes to the first version; › is off
        view.copy_button,
        view.rewrite_button,
        view.retry_button,
    ]
    view.setFocus(Qt.FocusReason.OtherFocusReason)
    walked = [window.focusWidget()]
    for _ in expected[1:]:
        press(window, Qt.Key.Key_Tab)
        walked.append(window.focusWidget())
        assert window.chat.horizontalScrollBar().value() == 0
    assert walked == expected
    press(window, Qt.Key.Key_Backtab)
    assert window.focusWidget() is view.rewrite_button
    # Space follows a source link as Enter does.
    sources = view.extra
    sources.setFocus(Qt.FocusReason.TabFocusReason)
    assert sources.selectedText() == "[1] a.md"
    press(window, Qt.Key.Key_Space)
    assert sources.dialog is not None
    qtbot.waitUntil(sources.dialog.isVisible)
    sources.dialog.close()


def test_the_views_and_modes_have_keys(
    qtbot: QtBot, make_window: WindowFactory, ollama_double: OllamaDouble
) -> None:
    window = active(qtbot, make_window(ollama_double.url))
    window.views.show_view(window.views.views()[1].page)
    walk_views_and_modes(qtbot, window)


def test_every_shortcut_is_bound_once_and_listed_in_help(
    qtbot: QtBot, make_window: WindowFactory, ollama_double: OllamaDouble
) -> None:
    window = active(qtbot, make_window(ollama_double.url))
    bound: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            keys = key.toString()
            assert keys not in bound, f"{keys}: {bound.get(keys)} and {action.text()}"
            bound[keys] = action.text()
    for shortcut in window.findChildren(QShortcut):
        bound[shortcut.key().toString()] = "shortcut"
    table = {s.sequence().toString() for s in shortcuts.ALL if s.bound} - {""}
    assert set(bound) == table  # every key bound is in the table, and the other way round

    press(window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    rows = dialog.rows()
    for shortcut in shortcuts.ALL:
        if shortcut.text():
            assert (shortcut.text(), shortcut.description()) in rows
    assert (
        QKeySequence("Ctrl+2").toString(QKeySequence.SequenceFormat.NativeText),
        "Show Documents",
    ) in rows
    dialog.close()
