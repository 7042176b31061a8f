"""The server status in the toolbar: connected, loading, or unreachable with a fix."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app import plain
from app.services.ollama_monitor import ServerState
from app.services.status import Snapshot, TurnState


class StatusIndicator(QWidget):
    """A coloured dot and a short state, drawn from the window's status; the tooltip says
    what to do.

    Attributes:
        state: What the dot shows: ``checking``, ``connected``, ``loading`` or
            ``unreachable``.

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
        self.retry.setToolTip(self.tr("Look for the Ollama server again now"))
        self.retry.setObjectName("flatButton")
        self.retry.clicked.connect(self.retryRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.dot)
        layout.addWidget(self.label)
        layout.addWidget(self.retry)
        self.state = "checking"
        self.show_status(Snapshot())

    def show_status(self, status: Snapshot) -> None:
        """Shows the server's state, or the model loading for the answer or ahead of it."""
        host = status.remote_host
        where = f"\n{host}" if host else ""
        if status.server is ServerState.CHECKING:
            self._set("checking", self.tr("Connecting…"), "")
        elif status.server is not ServerState.CONNECTED:
            retry = status.server is ServerState.UNREACHABLE  # a refused host stays refused
            self._set("unreachable", self.tr("Ollama unreachable"), status.server_message, retry)
        elif status.turn is TurnState.LOADING and status.step:
            self._set("loading", status.step, self.tr("The answer waits for this step.") + where)
        elif status.warming:
            self._set(
                "loading",
                self.tr("Loading {0}…").format(status.warming),
                self.tr("The first answer waits for the model to load.") + where,
            )
        else:
            # Another computer sees every message: say so wherever the status shows.
            text = self.tr("Connected to {0}").format(host) if host else self.tr("Connected")
            tip = self.tr("Ollama {0} is running").format(status.version) + where
            self._set("connected", text, tip)

    def _set(self, state: str, text: str, tip: str, retry: bool = False) -> None:
        self.state = state
        self.dot.setProperty("state", state)
        self.dot.style().unpolish(self.dot)
        self.dot.style().polish(self.dot)
        self.label.setText(text)
        self.setToolTip(plain.tip(tip))
        self.retry.setVisible(retry)
