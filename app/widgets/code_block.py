"""A code block in a message: unwrapped code that scrolls sideways inside its own box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app import plain


class CodeBlockView(QFrame):
    """Shows a code block as written: its language, a Copy button, and the code.

    Lines are never wrapped: a long line scrolls sideways inside the block (the chat
    around it never does). The block is as tall as its lines; focused, the code can be
    walked and selected with the keyboard.

    Args:
        code: The code.
        language: The language named after the fence ("" when none).
        parent: The Qt parent.
    """

    def __init__(self, code: str = "", language: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codeBlock")
        self.language = QLabel()
        plain.labels(self.language)
        self.language.setObjectName("codeLanguage")
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setObjectName("flatButton")
        self.copy_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.copy_button.setToolTip(self.tr("Copy this code"))
        self.copy_button.clicked.connect(self.copy_code)
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("codeText")
        self.edit.setReadOnly(True)
        self.edit.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.edit.setTabChangesFocus(True)
        self.edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.edit.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.edit.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.edit.setFrameShape(QFrame.Shape.NoFrame)
        self.edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.edit.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        header = QHBoxLayout()
        header.setContentsMargins(8, 2, 4, 0)
        header.addWidget(self.language)
        header.addStretch(1)
        header.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.edit)
        self._code = ""
        self._widest = 0
        self.set_code(code, language)

    @property
    def code(self) -> str:
        """The code shown."""
        return self._code

    def set_code(self, code: str, language: str = "") -> None:
        """Shows new code (a streaming block grows)."""
        self.language.setText(language)
        if code == self._code:
            return
        self._code = code
        self.edit.setPlainText(code.removesuffix("\n"))
        metrics = self.edit.fontMetrics()
        self._widest = max(
            (metrics.horizontalAdvance(line) for line in code.split("\n")), default=0
        )
        self._fit_height()

    def copy_code(self) -> None:
        """Copies the code, exactly as written."""
        QGuiApplication.clipboard().setText(self._code)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A narrower block may need its scroll bar (and the room for it)."""
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        edit = self.edit
        lines = max(1, edit.document().blockCount())
        margin = int(edit.document().documentMargin() * 2)
        height = lines * edit.fontMetrics().lineSpacing() + margin + 2 * edit.frameWidth() + 2
        if self._widest + margin > edit.viewport().width():  # the scroll bar shows
            height += edit.horizontalScrollBar().sizeHint().height()
        if edit.height() != height:
            edit.setFixedHeight(height)
