"""The list of saved conversations, with search, rename and delete."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
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

from agents.storage import ChatStore, Conversation
from app import plain, shortcuts

ID_ROLE = Qt.ItemDataRole.UserRole


class ConversationList(QWidget):
    """Saved conversations, newest first; typing in the search box filters them.

    Signals:
        selected(str): a conversation was chosen (its id).
        newRequested(): the New chat button.
        deleted(str): a conversation was deleted.
    """

    selected = Signal(str)
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
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_timer.start)
        self.list = QListWidget()
        self.list.setObjectName("conversationList")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.currentItemChanged.connect(self._on_current)
        self.list.itemDoubleClicked.connect(lambda item: self.rename(item.data(ID_ROLE)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.new_button)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        self._current: str | None = None
        self.refresh()

    @property
    def current_id(self) -> str | None:
        """The chosen conversation."""
        return self._current

    def refresh(self) -> None:
        """Reloads the list (keeping the selection) and applies the search."""
        query = self.search.text().strip()
        if query:
            hits = self.store.search(query)
            rows = [(h.conversation, h.snippet) for h in hits]
        else:
            rows = [(c, "") for c in self.store.list_conversations()]
        self.list.blockSignals(True)
        self.list.clear()
        for conversation, snippet in rows:
            item = QListWidgetItem(self._title(conversation))
            item.setData(ID_ROLE, conversation.id)
            if snippet:
                item.setToolTip(plain.tip(snippet))
                item.setText(f"{self._title(conversation)}\n{snippet[:80]}")
            self.list.addItem(item)
            if conversation.id == self._current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

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
