"""A code block in a message: unwrapped, coloured code that scrolls sideways inside its
own box."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
)
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

from app import highlight, plain
from app.services.appearance import current_colours, scheme_changed
from app.theme import Palette

COLOUR_AT_ONCE = 3000  # characters of code coloured as they arrive (a few ms)
COLOUR_PAUSE_MS = 250  # longer code is coloured once it stops growing this long


class CodeBlockView(QFrame):
    """Shows a code block as written: its language, a Copy button, and the code.

    Lines are never wrapped: a long line scrolls sideways inside the block (the chat
    around it never does). The block is as tall as its lines; focused, the code can be
    walked and selected with the keyboard. Code in a language Pygments knows is coloured
    in the style of the scheme in force, and coloured again when the scheme changes.

    Args:
        code: The code.
        language: The language named after the fence ("" when none).
        parent: The Qt parent.
    """

    def __init__(self, code: str = "", language: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colours: Palette | None = None
        self.setObjectName("codeBlock")
        self.language = QLabel()
        plain.labels(self.language)
        self.language.setObjectName("codeLanguage")
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setObjectName("flatButton")
        self.copy_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.copy_button.setToolTip(self.tr("Copy this code"))
        self.copy_button.setAccessibleName(self.tr("Copy code"))
        self.copy_button.clicked.connect(self.copy_code)
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("codeText")
        self.edit.setProperty("monospace", True)
        self.edit.setAccessibleName(self.tr("Code"))
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
        self._language = ""
        self._widest = 0
        self.edit.installEventFilter(self)
        self._colour_later = QTimer(self)
        self._colour_later.setSingleShot(True)
        self._colour_later.setInterval(COLOUR_PAUSE_MS)
        self._colour_later.timeout.connect(self._colour)
        self.set_code(code, language)

    @property
    def code(self) -> str:
        """The code shown."""
        return self._code

    @property
    def colours(self) -> Palette | None:
        """The scheme's colours the code is drawn in (None before the first code)."""
        return self._colours

    def set_code(self, code: str, language: str = "") -> None:
        """Shows new code (a streaming block grows)."""
        self.language.setText(language)
        self.edit.setAccessibleDescription(language)
        if code == self._code and language == self._language:
            return
        self._code, self._language = code, language
        self._show_code()

    def _show_code(self) -> None:
        """Shows the code and fits the block to it; colours it in the scheme in force at
        once if it is short, else once it stops growing for a moment (while it streams,
        colouring a long block each time would stall the window)."""
        self._colours = current_colours()
        self.edit.setPlainText(highlight.normalised(self._code).removesuffix("\n"))
        self._measure()
        if len(self._code) <= COLOUR_AT_ONCE:
            self._colour()
        else:
            self._colour_later.start()

    def _colour(self) -> None:
        """Colours the code shown, in the scheme in force."""
        self._colours = colours = current_colours()
        cursor = QTextCursor(self.edit.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.setCharFormat(QTextCharFormat())  # a new scheme: nothing of the old one
        shown = self.edit.toPlainText()
        for span in highlight.spans(shown, self._language, colours.highlight):
            cursor.setPosition(span.start)
            cursor.setPosition(span.start + span.length, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(_char_format(span.look))
        cursor.endEditBlock()

    def _measure(self) -> None:
        metrics = self.edit.fontMetrics()
        self._widest = max(
            (metrics.horizontalAdvance(line) for line in self._code.split("\n")), default=0
        )
        self._fit_height()

    def copy_code(self) -> None:
        """Copies the code, exactly as written."""
        QGuiApplication.clipboard().setText(self._code)

    def changeEvent(self, event: QEvent) -> None:
        """Colours the code again when the scheme changes."""
        super().changeEvent(event)
        if scheme_changed(event, self._colours):
            self._colour()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Measures the code again in the code's new font (a new text size)."""
        if watched is self.edit and event.type() == QEvent.Type.FontChange:
            self._measure()
        return super().eventFilter(watched, event)

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


def _char_format(look: highlight.Look) -> QTextCharFormat:
    """A look of coloured code as a Qt text format."""
    text_format = QTextCharFormat()
    if look.colour:
        text_format.setForeground(QColor(look.colour))
    if look.bold:
        text_format.setFontWeight(QFont.Weight.Bold)
    text_format.setFontItalic(look.italic)
    return text_format
