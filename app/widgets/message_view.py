"""One message in the chat: who wrote it, its text as safe Markdown, and its actions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.markdown import COPY_SCHEME, render


class MessageView(QFrame):
    """A chat message rendered from Markdown; links are handed to the window to confirm.

    Signals:
        linkRequested(str): the person clicked a link (not yet opened).
        retryRequested(): the Retry button was pressed.
    """

    linkRequested = Signal(str)
    retryRequested = Signal()
    rewriteRequested = Signal(str)

    def __init__(
        self,
        message_id: int,
        role: str,
        text: str = "",
        model: str | None = None,
        extra: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.message_id = message_id
        self.role = role
        self._text = ""
        self._code_blocks: list[str] = []
        self.setObjectName("userMessage" if role == "user" else "assistantMessage")
        self.setFrameShape(QFrame.Shape.NoFrame)

        self.header = QLabel()
        self.header.setObjectName("messageHeader")

        self.body = QLabel()
        self.body.setObjectName("messageBody")
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.body.setOpenExternalLinks(False)
        self.body.linkActivated.connect(self._on_link)

        self.note = QLabel()
        self.note.setObjectName("messageNote")
        self.note.setWordWrap(True)
        self.note.hide()

        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setObjectName("flatButton")
        self.copy_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.copy_button.clicked.connect(self.copy_text)
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setObjectName("flatButton")
        self.retry_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.retry_button.clicked.connect(self.retryRequested)
        self.retry_button.hide()
        self.rewrite_button = QPushButton(self.tr("Rewrite…"))
        self.rewrite_button.setObjectName("flatButton")
        self.rewrite_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.rewrite_button.setToolTip(
            self.tr("Make it shorter, simpler, more formal, translated…")
        )
        self.rewrite_button.clicked.connect(lambda: self.rewriteRequested.emit(self._text))

        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.copy_button)
        actions.addWidget(self.rewrite_button)
        actions.addWidget(self.retry_button)
        actions.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        layout.addWidget(self.header)
        self.set_model(model)
        layout.addWidget(self.body)
        self._layout = layout
        self.extra: QWidget | None = None  # e.g. the images sent with the message
        layout.addWidget(self.note)
        self.set_extra(extra)
        layout.addLayout(actions)
        self.set_text(text)

    def set_model(self, model: str | None) -> None:
        """Shows who wrote the message: you, or Hearth and the model that answered."""
        who = self.tr("You") if self.role == "user" else self.tr("Hearth")
        if model and self.role == "assistant":
            who = f"{who} · {model}"
        self.header.setText(who)

    def set_extra(self, extra: QWidget | None) -> None:
        """Shows a widget under the text (images, sources), replacing any earlier one."""
        if self.extra is not None:
            self.extra.setParent(None)
            self.extra.deleteLater()
        self.extra = extra
        if extra is not None:
            self._layout.insertWidget(self._layout.indexOf(self.note), extra)

    @property
    def text(self) -> str:
        """The message's Markdown source."""
        return self._text

    def set_text(self, text: str) -> None:
        """Shows new text (re-rendered; cheap enough to call per repaint)."""
        if text == self._text and self.body.text():
            return
        self._text = text
        rendered = render(text, self.tr("Copy")) if self.role == "assistant" else None
        if rendered is not None:
            self._code_blocks = rendered.code_blocks
            self.body.setText(rendered.html)
        else:
            # The person's own words: plain text, kept exactly as typed.
            self.body.setTextFormat(Qt.TextFormat.PlainText)
            self.body.setText(text)
        self.copy_button.setVisible(bool(text))
        self.rewrite_button.setVisible(bool(text.strip()))

    def set_note(self, note: str, kind: str = "info") -> None:
        """Shows a line under the message (stopped, error, length limit); empty hides it."""
        self.note.setProperty("kind", kind)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.note.style().unpolish(self.note)
        self.note.style().polish(self.note)

    def set_retry_visible(self, visible: bool) -> None:
        """Shows Retry (on the last answer only)."""
        self.retry_button.setVisible(visible)

    def copy_text(self) -> None:
        """Copies the whole message's text."""
        QGuiApplication.clipboard().setText(self._text)

    def _on_link(self, href: str) -> None:
        if href.startswith(f"{COPY_SCHEME}:"):
            index = int(href.split(":", 1)[1])
            if 0 <= index < len(self._code_blocks):
                QGuiApplication.clipboard().setText(self._code_blocks[index])
            return
        self.linkRequested.emit(href)
