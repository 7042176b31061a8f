"""Watches the Ollama server: connected, unreachable (with automatic retry), models."""

from __future__ import annotations

import enum
import threading
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from agents.llm import LLMError, ModelInfo, OllamaService
from agents.llm.errors import ErrorKind
from agents.settings import Settings
from app.workers import run_call


class ServerState(enum.Enum):
    """What the status indicator shows."""

    CHECKING = "checking"
    CONNECTED = "connected"
    UNREACHABLE = "unreachable"
    REFUSED = "refused"


@dataclass(frozen=True)
class ServerReport:
    """The outcome of one check."""

    state: ServerState
    version: str = ""
    models: tuple[ModelInfo, ...] = ()
    message: str = ""


class OllamaMonitor(QObject):
    """Checks the server off the GUI thread and retries by itself while it is down.

    Args:
        service: The Ollama door.
        retry_ms: First retry delay while unreachable; doubles up to ``max_retry_ms``.
        refresh_ms: How often to refresh the model list while connected.
    """

    stateChanged = Signal(object)  # ServerReport
    modelsChanged = Signal(list)  # list[ModelInfo]

    def __init__(
        self,
        service: OllamaService,
        retry_ms: int = 2000,
        max_retry_ms: int = 15000,
        refresh_ms: int = 60000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.retry_ms = retry_ms
        self.max_retry_ms = max_retry_ms
        self.refresh_ms = refresh_ms
        self.report = ServerReport(ServerState.CHECKING)
        self._delay = retry_ms
        self._checking = threading.Event()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check_now)

    @property
    def models(self) -> tuple[ModelInfo, ...]:
        """The models seen at the last successful check."""
        return self.report.models

    def start(self) -> None:
        """Starts checking."""
        self.check_now()

    def stop(self) -> None:
        """Stops checking."""
        self._timer.stop()

    def reconfigure(self, settings: Settings) -> None:
        """Uses new settings (host, timeouts, models) and checks the server again."""
        self.service.reconfigure(settings)
        self.check_now()

    def check_now(self) -> None:
        """Checks at once (the Retry button), unless a check is under way."""
        if self._checking.is_set():
            return
        self._checking.set()
        self._timer.stop()
        run_call(self._probe, self._on_report, self._on_crash, parent=self)

    def _probe(self) -> ServerReport:
        try:
            version = self.service.version()
            self.service.forget()
            models = tuple(self.service.list_models())
            return ServerReport(ServerState.CONNECTED, version, models)
        except LLMError as exc:
            state = (
                ServerState.REFUSED
                if exc.kind is ErrorKind.REFUSED_HOST
                else (ServerState.UNREACHABLE)
            )
            return ServerReport(state, message=exc.message)

    def _on_crash(self, exc: Exception) -> None:
        self._on_report(ServerReport(ServerState.UNREACHABLE, message=str(exc)))

    def _on_report(self, report: ServerReport) -> None:
        self._checking.clear()
        previous = self.report
        self.report = report
        if report.state is ServerState.CONNECTED:
            self._delay = self.retry_ms
            self._timer.start(self.refresh_ms)
        elif report.state is ServerState.UNREACHABLE:
            self._timer.start(self._delay)
            self._delay = min(self._delay * 2, self.max_retry_ms)
        if report.state != previous.state or report.message != previous.message:
            self.stateChanged.emit(report)
        if report.models != previous.models and report.state is ServerState.CONNECTED:
            self.modelsChanged.emit(list(report.models))

    def has_model(self, name: str) -> bool:
        """Whether the last check saw this model pulled."""
        from agents.llm.models import same_model

        return any(same_model(m.name, name) for m in self.report.models)
