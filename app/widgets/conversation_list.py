"""The list of saved conversations, with search, rename and delete.

Walked with the keyboard: Down from the search box goes to the results, the arrows
show each chat while the focus stays in the list, Enter opens it (a search result at
its match).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agents.storage import ChatStore, Conversation, SearchHit
from app import plain, shortcuts

ID_ROLE = Qt.ItemDataRole.UserRole
ITEM_PADDING = 24  # what an item's padding and the list's frame take from its width
OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def excerpt_around(text: str, start: int, end: int, fits: Callable[[str], bool]) -> str:
    """The longest part of ``text`` around ``text[start:end]`` that ``fits``, with as much
    on each side as the other side leaves room for; "…" marks what is cut.

    Args:
        text: The whole text (one line).
        start: Where the part that must show begins.
        end: Where it ends.
        fits: Whether a candidate excerpt fits (e.g. in a width of pixels).
    """
    if fits(text):
        return text

    def window(extra: int) -> str:
        left = min(start, extra // 2)
        right = min(len(text) - end, extra - left)
        left = min(start, extra - right)
        lo, hi = start - left, end + right
        return ("…" if lo > 0 else "") + text[lo:hi] + ("…" if hi < len(text) else "")

    low, high = 0, len(text) - (end - start)
    while low < high:  # the most context that fits
        middle = (low + high + 1) // 2
        if fits(window(middle)):
            low = middle
        else:
            high = middle - 1
    return window(low)


class ConversationList(QWidget):
    """Saved conversations, newest first; typing in the search box filters them.

    Signals:
        selected(str): a conversation was chosen (its id): clicked, reached by the
            arrows, or chosen by :meth:`select`.
        opened(str): the person opened the chosen conversation (Enter, a click): the
            focus should follow.
        newRequested(): the New chat button.
        deleted(str): a conversation was deleted.
    """

    selected = Signal(str)
    opened = Signal(str)
    newRequested = Signal()
    deleted = Signal(str)
    renamed = Signal(str)

    def __init__(self, store: ChatStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.store = store
        self.new_button = QPushButton(self.tr("New chat"))
        self.new_button.setObjectName("newChatButton")
        self.new_button.setToolTip(
            self.tr("Start a new chat ({0})").format(shortcuts.NEW_CHAT.text())
        )
        self.new_button.clicked.connect(self.newRequested)
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(self.tr("Search chats"))
        self.search.setAccessibleName(self.tr("Search chats"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.installEventFilter(self)
        self.list = QListWidget()
        self.list.setObjectName("conversationList")
        self.list.setAccessibleName(self.tr("Chats"))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.currentItemChanged.connect(self._on_current)
        self.list.itemClicked.connect(lambda item: self.opened.emit(str(item.data(ID_ROLE))))
        self.list.itemDoubleClicked.connect(lambda item: self.rename(item.data(ID_ROLE)))
        self.list.installEventFilter(self)
        self.list.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.new_button)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        self._current: str | None = None
        self._hits: dict[str, SearchHit] = {}  # the search's hits, by conversation
        self.refresh()

    @property
    def current_id(self) -> str | None:
        """The chosen conversation."""
        return self._current

    def hit(self, conversation_id: str) -> SearchHit | None:
        """The search's hit in a conversation (None: no search, or not a hit)."""
        return self._hits.get(conversation_id)

    def refresh(self) -> None:
        """Reloads the list (keeping the selection) and applies the search."""
        query = self.search.text().strip()
        if query:
            hits = self.store.search(query)
            conversations = [h.conversation for h in hits]
        else:
            hits, conversations = [], self.store.list_conversations()
        self._hits = {h.conversation.id: h for h in hits}
        self.list.blockSignals(True)
        self.list.clear()
        for conversation in conversations:
            item = QListWidgetItem(self._title(conversation))
            item.setData(ID_ROLE, conversation.id)
            hit = self._hits.get(conversation.id)
            if hit is not None and hit.snippet:
                item.setToolTip(plain.tip(hit.snippet))
            self.list.addItem(item)
            if conversation.id == self._current:
                self.list.setCurrentItem(item)
        self._show_snippets()
        self.list.blockSignals(False)

    def _show_snippets(self) -> None:
        """Each hit's snippet under its title, cut to the list's width around the match
        (the matched words always show)."""
        metrics = self.list.fontMetrics()
        width = self.list.viewport().width() - ITEM_PADDING

        def fits(line: str) -> bool:
            return metrics.horizontalAdvance(line) <= width

        for row in range(self.list.count()):
            item = self.list.item(row)
            hit = self._hits.get(str(item.data(ID_ROLE)))
            if hit is None or not hit.snippet:
                continue
            start, end = hit.match
            line = excerpt_around(hit.snippet, start, end, fits)
            item.setText(f"{self._title(hit.conversation)}\n{line}")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keys of the search box and the list (Down, Up, Enter); a resized list fits
        the snippets to its new width."""
        if watched is self.list.viewport() and event.type() == QEvent.Type.Resize:
            if self._hits:
                self._show_snippets()
        elif isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if watched is self.search:
                return self._search_key(event)
            if watched is self.list:
                return self._list_key(event)
        return super().eventFilter(watched, event)

    def _search_key(self, event: QKeyEvent) -> bool:
        """Down goes to the first result (showing it); Enter opens it."""
        if event.key() not in (Qt.Key.Key_Down, *OPEN_KEYS):
            return False
        if self._search_timer.isActive():  # the results of what was just typed
            self._search_timer.stop()
            self.refresh()
        if not self.list.count():
            return True
        self.list.setCurrentRow(0)
        if event.key() == Qt.Key.Key_Down:
            self.list.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self._open_current()
        return True

    def _list_key(self, event: QKeyEvent) -> bool:
        """Enter opens the chosen chat; Up from the first row goes back to the search."""
        if event.key() in OPEN_KEYS:
            self._open_current()
            return True
        if event.key() == Qt.Key.Key_Up and self.list.currentRow() <= 0:
            self.search.setFocus(Qt.FocusReason.BacktabFocusReason)
            return True
        return False

    def _open_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.opened.emit(str(item.data(ID_ROLE)))

    def select(self, conversation_id: str) -> None:
        """Chooses a conversation and tells listeners."""
        self._current = conversation_id
        self.refresh()
        self.selected.emit(conversation_id)

    def rename(self, conversation_id: str) -> None:
        """Asks for a new title."""
        conversation = self.store.get_conversation(conversation_id)
        if conversation is None:
            return
        title, ok = QInputDialog.getText(
            self, self.tr("Rename chat"), self.tr("Title:"), text=conversation.title
        )
        if ok and title.strip():
            self.store.rename_conversation(conversation_id, title)
            self.refresh()
            self.renamed.emit(conversation_id)

    def delete(self, conversation_id: str, confirm: bool = True) -> None:
        """Deletes a conversation for good, after asking."""
        conversation = self.store.get_conversation(conversation_id)
        if conversation is None:
            return
        if confirm:
            answer = plain.ask(
                self,
                self.tr("Delete chat"),
                self.tr("Delete “{0}” for good? This can't be undone.").format(
                    self._title(conversation)
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.store.delete_conversation(conversation_id)
        if self._current == conversation_id:
            self._current = None
        self.refresh()
        self.deleted.emit(conversation_id)

    def _title(self, conversation: Conversation) -> str:
        return conversation.title or self.tr("New chat")

    def _on_current(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        conversation_id = str(item.data(ID_ROLE))
        if conversation_id != self._current:
            self._current = conversation_id
            self.selected.emit(conversation_id)

    def _menu(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        if item is None:
            return
        conversation_id = str(item.data(ID_ROLE))
        menu = QMenu(self)
        menu.addAction(self.tr("Rename…"), lambda: self.rename(conversation_id))
        menu.addAction(self.tr("Delete…"), lambda: self.delete(conversation_id))
        menu.exec(self.list.mapToGlobal(pos))
