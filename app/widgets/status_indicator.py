"""The server status in the toolbar: connected, loading, or unreachable with a fix."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app import plain
from app.services.ollama_monitor import ServerReport, ServerState


class StatusIndicator(QWidget):
    """A coloured dot and a short state; the tooltip says what to do.

    Signals:
        retryRequested(): Retry now was pressed.
    """

    retryRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusIndicator")
        self.dot = QLabel("●")
        self.dot.setObjectName("statusDot")
        self.label = QLabel()
        plain.labels(self.label)
        self.label.setObjectName("statusText")
        self.retry = QPushButton(self.tr("Retry now"))
        self.retry.setObjectName("flatButton")
        self.retry.clicked.connect(self.retryRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.dot)
        layout.addWidget(self.label)
        layout.addWidget(self.retry)
        self.state = "checking"
        self.show_checking()

    def show_checking(self) -> None:
        """Looking for the server."""
        self._set("checking", self.tr("Connecting…"), "", retry=False)

    def show_report(self, report: ServerReport) -> None:
        """Shows a check's outcome."""
        if report.state is ServerState.CONNECTED:
            self._set(
                "connected",
                self.tr("Connected"),
                self.tr("Ollama {0} is running").format(report.version),
                retry=False,
            )
        elif report.state is ServerState.CHECKING:
            self.show_checking()
        else:
            self._set("unreachable", self.tr("Ollama unreachable"), report.message, retry=True)

    def show_loading(self, text: str) -> None:
        """A model is loading (can take tens of seconds)."""
        self._set("loading", text, self.tr("The first answer waits for the model to load."))

    def _set(self, state: str, text: str, tip: str, retry: bool = False) -> None:
        self.state = state
        self.dot.setProperty("state", state)
        self.dot.style().unpolish(self.dot)
        self.dot.style().polish(self.dot)
        self.label.setText(text)
        self.setToolTip(plain.tip(tip))
        self.retry.setVisible(retry)
