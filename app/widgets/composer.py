"""Where the person types: Enter sends, Shift+Enter adds a line, Send turns into Stop.

The message box takes the whole width under the chat and grows to a few lines, then
scrolls. Under it: the mode (Chat, Documents, Mail & calendar) as one segmented choice,
the features' tools (attach an image...) and Send. Attachments show as chips above it.

What is sent is one typed request (agents/turns/request.py): the text, the attachments the
features put beside it (images), and the mode chosen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from agents.attachments import Attachment
from agents.turns.request import Mode, TurnRequest
from app import shortcuts
from app.widgets.measure import READING_WIDTH, TwoPartRow

MAX_LINES = 5  # the message box grows to this many lines, then scrolls


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


class ModeChoice(QFrame):
    """The mode as one segmented choice: exactly one segment is on, Chat by default.

    Features add their segments (:meth:`add`); turning one off leaves Chat on.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modeChoice")
        self.setAccessibleName(self.tr("Mode"))
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(0)
        self._segments: dict[Mode, QAbstractButton] = {}
        chat = QToolButton()
        chat.setText(self.tr("Chat"))
        chat.setToolTip(self.tr("Talk with the model; nothing else is read."))
        self.add(Mode.CHAT, chat)
        chat.setChecked(True)

    def add(self, mode: Mode, segment: QAbstractButton) -> None:
        """Adds the segment that turns ``mode`` on (its tooltip names the key)."""
        shortcut = shortcuts.MODES.get(mode)
        if shortcut is not None:
            tip = segment.toolTip()
            segment.setToolTip(f"{tip} ({shortcut.text()})" if tip else shortcut.text())
        segment.setCheckable(True)
        segment.setProperty("segment", True)
        segment.toggled.connect(lambda on, chosen=mode: self._on_toggled(chosen, on))
        self._segments[mode] = segment
        self._row.addWidget(segment)
        segments = list(self._segments.values())
        for index, button in enumerate(segments):
            place = "first" if index == 0 else "last" if index == len(segments) - 1 else "middle"
            button.setProperty("place", place)
            button.style().unpolish(button)
            button.style().polish(button)

    def mode(self) -> Mode:
        """The mode chosen."""
        return next((m for m, s in self._segments.items() if s.isChecked()), Mode.CHAT)

    def modes(self) -> list[Mode]:
        """The modes offered, in the order shown."""
        return list(self._segments)

    def set_mode(self, mode: Mode) -> None:
        """Chooses a mode (one the choice doesn't offer means Chat)."""
        self._segments.get(mode, self._segments[Mode.CHAT]).setChecked(True)

    def _on_toggled(self, mode: Mode, on: bool) -> None:
        if on:
            for other, segment in self._segments.items():
                if other is not mode:
                    segment.setChecked(False)
        elif not any(segment.isChecked() for segment in self._segments.values()):
            self._segments[Mode.CHAT].setChecked(True)  # one segment is always on


class Composer(QWidget):
    """The message box, the mode, the features' tools and the Send/Stop button.

    Features add to it: attachment chips to ``attachments``, buttons to ``tools``, and
    modes with :meth:`add_mode`.

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
        self.edit.setAccessibleName(self.tr("Message to send"))
        self.edit.setToolTip(self.tr("Enter sends, Shift+Enter adds a line, Esc stops"))
        self.edit.setTabChangesFocus(True)
        self.edit.submitted.connect(self.submit)
        self.edit.textChanged.connect(self._fit_height)
        self.button = QPushButton(self.tr("Send"))
        self.button.setObjectName("sendButton")
        self.button.setToolTip(self.tr("Send the message (Enter)"))
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.clicked.connect(self._on_button)
        self.modes = ModeChoice()
        self.attachments = QVBoxLayout()  # features put attachment chips here
        self.attachments.setContentsMargins(0, 0, 0, 0)
        self.tools = QHBoxLayout()  # features put buttons here (attach image...)
        self.tools.setContentsMargins(0, 0, 0, 0)

        row = TwoPartRow()  # the modes above the rest when large text needs the room
        row.first.addWidget(self.modes)
        row.second.addSpacing(2)
        row.second.addLayout(self.tools)
        row.second.addStretch(1)
        row.second.addWidget(self.button)
        self.row = row
        column = QWidget()  # as wide as the chat's column of messages, centred
        column.setMaximumWidth(READING_WIDTH)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.setSpacing(6)
        column_layout.addLayout(self.attachments)
        column_layout.addWidget(self.edit)
        column_layout.addWidget(row)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 10)
        layout.addStretch(0)
        layout.addWidget(column, 1)
        layout.addStretch(0)
        self._busy = False
        self.attachments_of: Callable[[], Sequence[Attachment]] = tuple  # set by features
        self.edit.installEventFilter(self)  # a new text size: the box fits its lines again
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
        """Adds the segment that turns ``mode`` on; one mode is on at a time."""
        self.modes.add(mode, switch)

    def mode(self) -> Mode:
        """The mode chosen (Chat unless another segment is on)."""
        return self.modes.mode()

    def set_mode(self, mode: Mode) -> None:
        """Chooses a mode (Chat: plain chat)."""
        self.modes.set_mode(mode)

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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Fits the message box to a new text size."""
        if watched is self.edit and event.type() == QEvent.Type.FontChange:
            self._fit_height()
        return super().eventFilter(watched, event)

    def _fit_height(self) -> None:
        lines = max(1, min(MAX_LINES, int(self.edit.document().size().height())))
        line = self.edit.fontMetrics().lineSpacing()
        margins = int(self.edit.document().documentMargin() * 2) + self.edit.frameWidth() * 2
        self.edit.setFixedHeight(lines * line + margins + 16)
