"""Where the person types: Enter sends, Shift+Enter adds a line, Send turns into Stop.

What is sent is one typed request (agents/turns/request.py): the text, the attachments the
features put beside it (images), and the mode its switches say (plain chat, Documents,
Mail & calendar: one at a time).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agents.attachments import Attachment
from agents.turns.request import Mode, TurnRequest

MAX_LINES = 8


class MessageEdit(QPlainTextEdit):
    """A text box that sends on Enter and breaks the line on Shift+Enter."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter sends; Shift+Enter (or an input method composing) inserts a newline."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class Composer(QWidget):
    """The message box, its mode switches and its Send/Stop button.

    Signals:
        sendRequested(TurnRequest): the person sent this (text, attachments, mode).
        stopRequested(): the person pressed Stop.
    """

    sendRequested = Signal(object)
    stopRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self.edit = MessageEdit()
        self.edit.setObjectName("messageEdit")
        self.edit.setPlaceholderText(self.tr("Message Hearth"))
        self.edit.setToolTip(self.tr("Enter sends, Shift+Enter adds a line, Esc stops"))
        self.edit.setTabChangesFocus(True)
        self.edit.submitted.connect(self.submit)
        self.edit.textChanged.connect(self._fit_height)
        self.button = QPushButton(self.tr("Send"))
        self.button.setObjectName("sendButton")
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.clicked.connect(self._on_button)
        self.attachments = QVBoxLayout()  # features put attachment strips here
        self.attachments.setContentsMargins(0, 0, 0, 0)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.tools = QHBoxLayout()  # features put buttons here (attach image...)
        self.tools.setContentsMargins(0, 0, 0, 0)
        row.addLayout(self.tools)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 12)
        layout.addLayout(self.attachments)
        layout.addLayout(row)
        self._busy = False
        self._modes: dict[Mode, QAbstractButton] = {}
        self.attachments_of: Callable[[], Sequence[Attachment]] = tuple  # set by features
        self._fit_height()

    @property
    def text(self) -> str:
        """What is typed."""
        return self.edit.toPlainText()

    def set_text(self, text: str) -> None:
        """Replaces what is typed (e.g. giving text back)."""
        self.edit.setPlainText(text)
        self.edit.moveCursor(self.edit.textCursor().MoveOperation.End)

    def set_busy(self, busy: bool) -> None:
        """Switches the button between Send and Stop."""
        self._busy = busy
        self.button.setText(self.tr("Stop") if busy else self.tr("Send"))
        self.button.setProperty("stop", busy)
        self.button.style().unpolish(self.button)
        self.button.style().polish(self.button)

    def add_mode(self, mode: Mode, switch: QAbstractButton) -> None:
        """Adds a checkable switch that turns ``mode`` on; one mode is on at a time."""
        switch.setCheckable(True)
        self._modes[mode] = switch
        switch.toggled.connect(lambda on, chosen=mode: self._only(chosen) if on else None)
        self.tools.addWidget(switch)

    def mode(self) -> Mode:
        """The mode the switches say (plain chat when none is on)."""
        return next((m for m, switch in self._modes.items() if switch.isChecked()), Mode.CHAT)

    def set_mode(self, mode: Mode) -> None:
        """Turns a mode's switch on (plain chat: every switch off)."""
        for chosen, switch in self._modes.items():
            switch.setChecked(chosen is mode)

    def _only(self, mode: Mode) -> None:
        for chosen, switch in self._modes.items():
            if chosen is not mode:
                switch.setChecked(False)

    def submit(self) -> None:
        """Sends what is typed, unless it is empty or an answer is streaming."""
        text = self.text.strip()
        attachments = tuple(self.attachments_of())
        if (not text and not attachments) or self._busy:
            return
        self.edit.clear()
        self.sendRequested.emit(TurnRequest.ask(text, self.mode(), attachments=attachments))

    def _on_button(self) -> None:
        if self._busy:
            self.stopRequested.emit()
        else:
            self.submit()

    def _fit_height(self) -> None:
        lines = max(1, min(MAX_LINES, int(self.edit.document().size().height())))
        line = self.edit.fontMetrics().lineSpacing()
        margins = int(self.edit.document().documentMargin() * 2) + self.edit.frameWidth() * 2
        self.edit.setFixedHeight(lines * line + margins + 16)
