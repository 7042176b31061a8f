"""The strip above the chat that says what is wrong and offers the fix."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class Banner(QFrame):
    """A strip above the chat that says what is wrong and offers the fix."""

    actionTriggered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action: str = ""
        self.setObjectName("banner")
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # messages may quote untrusted text
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton()
        self.button.clicked.connect(lambda: self.actionTriggered.emit(self.action))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.action = ""
        self.hide()

    def show_message(self, text: str, action: str = "", button: str = "") -> None:
        """Shows a problem and, when there is one, the button that fixes it."""
        self.label.setText(text)
        self.action = action
        self.button.setText(button)
        self.button.setVisible(bool(action))
        self.show()

    def clear(self) -> None:
        """Hides the banner."""
        self.action = ""
        self.hide()
