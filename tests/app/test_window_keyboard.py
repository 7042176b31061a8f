"""The window without a mouse: first focus, the chat list and search, a search's match,
Tab through a message, and the shortcuts of the views and modes (listed in Help)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from agents.attachments import Citation
from agents.storage import ChatStore
from agents.turns.request import Mode
from app import shortcuts
from app.main_window import MainWindow
from app.widgets.chat_view import PAGE
from app.widgets.conversation_list import excerpt_around
from app.widgets.documents_citations import CitationView
from app.widgets.link_label import LinkLabel
from app.widgets.message_sources import MessageSources
from app.widgets.message_view import MessageView
from app.widgets.shortcuts_dialog import ShortcutsDialog
from tests.app.conftest import WindowFactory
from tests.fakes import OllamaDouble

PASSAGE = "Zebras graze on the south meadow at dawn."


def press(
    window: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """Presses a key where the focus is, as a person at the keyboard would."""
    QTest.keyClick(window.focusWidget() or window, key, modifier)


def match_in_sight(window: MainWindow, view: MessageView) -> bool:
    """Whether the line of a message's match shows in the chat's viewport."""
    viewport = window.chat.viewport()
    return viewport.rect().contains(view.mapTo(viewport, view.found_point()))


def selected_in(view: MessageView) -> list[str]:
    """The text selected in a message's labels."""
    return [label.selectedText() for label in view.findChildren(QLabel) if label.hasSelectedText()]


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


def garden_chat(store: ChatStore) -> tuple[str, int]:
    """A long chat whose early answer, with a source, mentions zebras; its id and the
    answer's."""
    chat = store.create_conversation("Garden", model="llama3.2")
    answer_id = 0
    for turn in range(PAGE):  # twice a page of messages: the match is not shown at first
        store.add_message(chat.id, "user", f"Question {turn} about the garden beds?")
        text = f"Answer {turn}: water the beds every second evening."
        attachments: tuple[Citation, ...] = ()
        if turn == 2:
            text = "Answer 2: the " + "long answer " * 60 + "and zebras come at dawn [1]."
            attachments = (Citation(1, "/notes/meadow.md", None, "Meadow", PASSAGE),)
        message = store.add_message(
            chat.id, "assistant", text, model="llama3.2", attachments=attachments
        )
        if turn == 2:
            answer_id = message.id
    return chat.id, answer_id


@pytest.fixture
def keyboard_window(
    make_window: WindowFactory, ollama_double: OllamaDouble, data_root: Path, qtbot: QtBot
) -> tuple[MainWindow, str, int]:
    """A window on a garden chat and two newer ones, active, after its first check."""
    store = ChatStore.in_data_dir(data_root)
    garden, answer = garden_chat(store)
    for title in ("Recipes", "Travel"):
        chat = store.create_conversation(title, model="llama3.2")
        store.add_message(chat.id, "user", f"Something about {title.lower()}")
    store.close()
    window = active(qtbot, make_window(ollama_double.url))
    qtbot.waitUntil(lambda: window.status.state == "connected", timeout=5000)
    return window, garden, answer


def test_keyboard_only_walk(qtbot: QtBot, keyboard_window: tuple[MainWindow, str, int]) -> None:
    window, garden, answer_id = keyboard_window
    chat = window.chat
    # The first key typed goes to the message box.
    assert window.focusWidget() is window.composer.edit

    # Ctrl+F, a word, Down: the hit is chosen and shown; the focus stays in the list.
    press(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is window.conversations.search
    QTest.keyClicks(window.conversations.search, "zebras")
    press(window, Qt.Key.Key_Down)
    assert window.focusWidget() is window.conversations.list
    qtbot.waitUntil(lambda: window.chats.conversation_id == garden)
    item = window.conversations.list.currentItem()
    assert item is not None and "zebras" in item.text().split("\n")[1]  # the snippet shows it

    # Enter opens it at the match: the answer, among the earlier messages, is in sight,
    # marked, with the words selected, and has the focus.
    press(window, Qt.Key.Key_Return)
    view = chat.view(answer_id)
    assert view is not None
    qtbot.waitUntil(lambda: match_in_sight(window, view))
    qtbot.wait(50)  # the layout settles: the match stays in sight
    assert match_in_sight(window, view) and view.is_found()
    assert view.found_point().y() > view.height() // 2  # the line of the match, not the top
    assert selected_in(view) == ["zebras"]
    assert window.isActiveWindow() and window.focusWidget() is view

    # Tab reaches the source link; Enter shows the passage. The chat never scrolls sideways.
    sources = view.extra
    assert isinstance(sources, MessageSources)
    for _ in range(10):
        if window.focusWidget() is sources:
            break
        press(window, Qt.Key.Key_Tab)
        assert chat.widget().x() == 0 and chat.horizontalScrollBar().value() == 0
    assert window.focusWidget() is sources and sources.selectedText() == "[1] meadow.md"
    press(window, Qt.Key.Key_Return)
    dialog = sources.dialog
    assert dialog is not None
    passage = dialog.findChild(CitationView)
    assert passage is not None and passage.passage.toPlainText() == PASSAGE
    qtbot.waitUntil(dialog.isActiveWindow)  # Esc goes to it, not to the chat
    with qtbot.waitSignal(dialog.finished):
        QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)

    # Back in the window, the keys of the views and the modes.
    walk_views_and_modes(qtbot, active(qtbot, window))


def test_arrows_walk_the_chat_list_and_keep_the_focus(
    qtbot: QtBot, keyboard_window: tuple[MainWindow, str, int]
) -> None:
    window, garden, _answer = keyboard_window
    chats = window.conversations.list
    press(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    press(window, Qt.Key.Key_Down)  # no search: Down goes to the list of every chat
    assert window.focusWidget() is chats and chats.currentRow() == 0
    shown = []
    for _ in range(chats.count() - 1):
        press(window, Qt.Key.Key_Down)
        shown.append(window.chats.conversation_id)
        assert window.focusWidget() is chats  # each chat shows; the focus stays
    assert shown[-1] == garden and len(set(shown)) == len(shown)
    press(window, Qt.Key.Key_Up)
    assert window.focusWidget() is chats and window.chats.conversation_id == shown[-2]
    press(window, Qt.Key.Key_Return)  # opens it: the focus goes to the message box
    assert window.focusWidget() is window.composer.edit
    assert window.chats.conversation_id == shown[-2]
    # Up from the first row goes back to the search box.
    press(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    press(window, Qt.Key.Key_Down)
    press(window, Qt.Key.Key_Up)
    assert window.focusWidget() is window.conversations.search


def test_a_match_on_another_version_is_shown(
    qtbot: QtBot, make_window: WindowFactory, ollama_double: OllamaDouble
) -> None:
    window = make_window(ollama_double.url)
    store = window.store
    chat = store.create_conversation("Pets", model="llama3.2")
    question = store.add_message(chat.id, "user", "Which animal?")
    old = store.add_message(chat.id, "assistant", "A quagga, a kind of zebra.")
    store.add_message(chat.id, "assistant", "A horse.", parent_id=question.id)  # retried
    window.conversations.refresh()
    window.conversations.select(chat.id)
    assert old.id not in window.chat.message_ids()

    window.conversations.search.setText("quagga")
    window.conversations.search.setFocus()
    press(window, Qt.Key.Key_Return)  # Enter in the search box opens the first result

    view = window.chat.view(old.id)
    assert view is not None and view.is_found()
    assert view.version_label.text() == "1/2"  # the version the match is on is chosen
    assert [m.id for m in store.active_path(chat.id)] == [question.id, old.id]
    # The next turn's scrolling ends the mark.
    window.chat.scroll_to_bottom()
    assert not view.is_found()


def test_snippets_show_the_match_in_a_narrow_list(
    qtbot: QtBot, make_window: WindowFactory, ollama_double: OllamaDouble
) -> None:
    window = make_window(ollama_double.url)
    chat = window.store.create_conversation("Notes", model="llama3.2")
    window.store.add_message(chat.id, "user", "word " * 40 + "the okapi hides " + "word " * 40)
    window.splitter.setSizes([180, 1000])
    window.conversations.search.setText("okapi")
    chats = window.conversations.list
    qtbot.waitUntil(lambda: chats.count() == 1 and "\n" in chats.item(0).text())
    line = chats.item(0).text().split("\n")[1]
    assert "okapi" in line and line.startswith("…") and line.endswith("…")
    assert chats.fontMetrics().horizontalAdvance(line) <= chats.viewport().width()
    # Wider, the snippet shows more around the match.
    window.splitter.setSizes([420, 760])
    qtbot.waitUntil(lambda: len(chats.item(0).text().split("\n")[1]) > len(line))
    assert "okapi" in chats.item(0).text()


def test_excerpt_around_keeps_the_match_and_uses_the_room() -> None:
    text = "a" * 50 + "MATCH" + "b" * 10

    def fits(line: str) -> bool:
        return len(line) <= 25

    excerpt = excerpt_around(text, 50, 55, fits)
    assert "MATCH" in excerpt and len(excerpt) == 25
    assert excerpt.startswith("…a") and excerpt.endswith("b")  # the right side is used up
    assert excerpt_around(text, 50, 55, lambda _line: True) == text


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
