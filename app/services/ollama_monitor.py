"""Watches the Ollama server: connected, unreachable (with automatic retry), models."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from agents.errors import HearthError
from agents.llm import LLMError, ModelInfo, OllamaService
from agents.llm.errors import ErrorKind
from agents.settings import Settings
from app.services.jobs import JobSlot
from app.wording import worded


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

    stateChanged = Signal(object)  # ServerReport, when the state or its message changed
    modelsChanged = Signal(list)  # list[ModelInfo]
    checked = Signal(object)  # ServerReport, after every check

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
        self._check = JobSlot(translate=service.error, parent=self)
        self._check.returned.connect(self._on_report)
        self._check.failed.connect(self._on_failed)
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
        """Stops checking; a check under way reports nothing."""
        self._timer.stop()
        self._check.stop()

    def reconfigure(self, settings: Settings) -> None:
        """Uses new settings (host, timeouts, models) and checks the server again."""
        self.service.reconfigure(settings)
        self.check_now()

    def check_now(self) -> None:
        """Checks at once (the Retry button), unless a check is under way."""
        if self._check.busy:
            return
        self._timer.stop()
        self._check.call(self._probe)

    def _probe(self) -> ServerReport:
        version = self.service.version()
        self.service.forget()
        return ServerReport(ServerState.CONNECTED, version, tuple(self.service.list_models()))

    def _on_failed(self, error: HearthError) -> None:
        refused = isinstance(error, LLMError) and error.kind is ErrorKind.REFUSED_HOST
        state = ServerState.REFUSED if refused else ServerState.UNREACHABLE
        self._on_report(ServerReport(state, message=worded(error)))

    def _on_report(self, report: ServerReport) -> None:
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
        self.checked.emit(report)

    def has_model(self, name: str) -> bool:
        """Whether the last check saw this model pulled."""
        from agents.llm.models import same_model

        return any(same_model(m.name, name) for m in self.report.models)
