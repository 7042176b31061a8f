"""A small window that asks one question from anywhere and answers in place.

Each question starts a chat of its own, saved like any other, so the window's history
shows it and "Open in Hearth" continues it there.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from agents.storage import ChatStore, MessageStatus
from agents.storage.recorder import title_for
from agents.turns.request import Mode, TurnRequest
from app import plain
from app.markdown import render
from app.services.appearance import current_colours, scheme_changed
from app.services.chat_session import ChatSession
from app.theme import Palette


class QuickAsk(QWidget):
    """Asks one question in a chat of its own and shows the answer as it streams.

    Args:
        session: The chat session that runs and saves the turn (its own, so a quick
            question never stops an answer in the main window).
        store: The chat store (the new chat goes there).

    Signals:
        openRequested(str): the person wants the chat in the main window.
        saved(str): a chat was created or its answer ended (the history should refresh).
    """

    openRequested = Signal(str)
    saved = Signal(str)

    def __init__(self, session: ChatSession, store: ChatStore, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self._answer_text = ""
        self._colours: Palette | None = None  # the scheme's colours of the answer shown
        self.setObjectName("quickAsk")
        self.setWindowTitle(self.tr("Quick ask"))
        self.resize(560, 360)
        self.session = session
        self.store = store
        self.conversation_id: str | None = None
        self.question = QLineEdit()
        self.question.setObjectName("quickQuestion")
        self.question.setPlaceholderText(self.tr("Ask Hearth… (Enter asks, Esc stops or closes)"))
        self.question.setAccessibleName(self.tr("Question"))
        self.question.returnPressed.connect(self.ask)
        self.answer = QTextBrowser()
        self.answer.setObjectName("quickAnswer")
        self.answer.setOpenLinks(False)  # links are shown, never followed from here
        self.answer.setAccessibleName(self.tr("Answer"))
        self.status = QLabel()
        plain.labels(self.status)
        self.status.setWordWrap(True)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.clicked.connect(self.session.stop)
        self.stop_button.setEnabled(False)
        self.open_button = QPushButton(self.tr("Open in Hearth"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.answer, 1)
        layout.addLayout(buttons)
        session.partial.connect(self._on_partial)
        session.status.connect(self._on_status)
        session.turnEnded.connect(self._on_ended)
        session.busyChanged.connect(self.stop_button.setEnabled)

    def summon(self) -> None:
        """Shows the window in front, ready for a question."""
        self.show()
        self.raise_()
        self.activateWindow()
        self.question.setFocus()
        self.question.selectAll()

    def ask(self) -> None:
        """Asks the typed question in a new chat."""
        text = self.question.text().strip()
        if not text or self.session.busy:
            return
        conversation = self.store.create_conversation(title_for(text))
        self.conversation_id = conversation.id
        self.answer.clear()
        self.status.setText(self.tr("Writing…"))
        self.open_button.setEnabled(True)
        self.session.send(TurnRequest.ask(text, Mode.CHAT, conversation_id=conversation.id))
        self.saved.emit(conversation.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc stops a running answer, else hides the window."""
        if event.key() == Qt.Key.Key_Escape:
            if self.session.busy:
                self.session.stop()
            else:
                self.hide()
            return
        super().keyPressEvent(event)

    def _on_partial(self, conversation_id: str, _answer_id: int, text: str) -> None:
        if conversation_id == self.conversation_id:
            self._show_answer(text)

    def _show_answer(self, text: str) -> None:
        self._answer_text = text
        self._colours = current_colours()
        self.answer.setHtml(render(text, self._colours).html)

    def changeEvent(self, event: QEvent) -> None:
        """Shows the answer again in the colours of a new scheme."""
        super().changeEvent(event)
        if scheme_changed(event, self._colours):
            self._show_answer(self._answer_text)

    def _on_status(self, conversation_id: str, text: str) -> None:
        if conversation_id == self.conversation_id:
            self.status.setText(text)

    def _on_ended(
        self, conversation_id: str, _answer_id: int, status: object, error: object
    ) -> None:
        if conversation_id != self.conversation_id:
            return
        if status is MessageStatus.COMPLETE:
            self.status.setText("")
        elif status is MessageStatus.INTERRUPTED and error is None:
            self.status.setText(self.tr("Stopped. The answer is incomplete."))
        else:
            message = getattr(error, "message", "") or self.tr("The answer failed.")
            self.status.setText(message)
        self.saved.emit(conversation_id)

    def _open(self) -> None:
        if self.conversation_id:
            self.openRequested.emit(self.conversation_id)
