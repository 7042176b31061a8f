"""What the window says about itself: the Ollama server, the models a chat needs, the turn.

One state machine, fed by the Ollama monitor (every check), the chat session (each turn's
start, steps, text, stop and ending) and the settings (which models are needed). Every
status label reads from it: the status indicator, the model picker, the banner and the
note under the answer being written. A problem shows while its cause lasts and goes when
its cause goes; a failed answer is evidence too (the server went away, a model is gone)
until the next check says otherwise.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QObject, Signal

from agents.errors import HearthError
from agents.llm import ErrorKind, LLMError
from agents.llm.models import same_model
from agents.settings import Settings
from agents.storage import MessageStatus
from app.services.chat_session import ChatSession
from app.services.ollama_monitor import OllamaMonitor, ServerReport, ServerState
from app.services.settings import SettingsService
from app.wording import worded


class ModelState(enum.Enum):
    """Whether a model the chat needs is there."""

    PRESENT = "present"
    MISSING = "missing"
    UNKNOWN = "unknown"  # the server can't be asked right now


class TurnState(enum.Enum):
    """Where the answer being written is."""

    IDLE = "idle"
    LOADING = "loading"  # a model loads, or a step runs before more text ("Searching…")
    STREAMING = "streaming"  # text is arriving
    STOPPING = "stopping"
    FAILED = "failed"  # the last answer ended with an error


class Purpose(enum.Enum):
    """Why a model is needed."""

    CHAT = "chat"  # it answers in the open chat
    TURN = "turn"  # the last answer asked for it and it wasn't there (e.g. vision)
    GUARD = "guard"  # the safety check is on


class Cause(enum.Enum):
    """What the banner is about, most important first."""

    SERVER_UNREACHABLE = "server_unreachable"
    SERVER_REFUSED = "server_refused"
    MODEL_MISSING = "model_missing"
    GUARD_MISSING = "guard_missing"


@dataclass(frozen=True)
class NeededModel:
    """A model the window needs, and whether it is there."""

    name: str
    purpose: Purpose
    state: ModelState


@dataclass(frozen=True)
class Problem:
    """Something wrong that the person can act on (the banner shows it).

    Attributes:
        cause: What is wrong.
        detail: The server's message, or the missing model's name.
    """

    cause: Cause
    detail: str


@dataclass(frozen=True)
class Notice:
    """A one-off message for the banner (a setting out of range, a send refused)."""

    text: str
    action: str = ""
    button: str = ""


@dataclass(frozen=True)
class Snapshot:
    """The whole state at one moment; every label is drawn from one of these.

    Attributes:
        server: Connected, unreachable, refused or still checking.
        server_message: Why it is unreachable or refused (what to do).
        version: Ollama's version when connected.
        remote_host: The server's host when it is another computer ("" on this one).
        models: The models needed now, each present, missing or unknown.
        turn: Where the answer being written is.
        step: What the turn is doing while LOADING ("Loading llama3.2…").
        answer_id: The id of the answer being written (or that just failed).
        error: Why the last answer failed (FAILED).
        warming: A model being loaded ahead of the first answer.
        notice: A one-off message for the banner.
    """

    server: ServerState = ServerState.CHECKING
    server_message: str = ""
    version: str = ""
    remote_host: str = ""
    models: tuple[NeededModel, ...] = ()
    turn: TurnState = TurnState.IDLE
    step: str = ""
    answer_id: int | None = None
    error: str = ""
    warming: str = ""
    notice: Notice | None = None

    def model(self, purpose: Purpose) -> NeededModel | None:
        """The needed model for a purpose, if any."""
        return next((m for m in self.models if m.purpose is purpose), None)

    @property
    def problem(self) -> Problem | None:
        """The most important thing wrong, while its cause lasts."""
        if self.server is ServerState.UNREACHABLE:
            return Problem(Cause.SERVER_UNREACHABLE, self.server_message)
        if self.server is ServerState.REFUSED:
            return Problem(Cause.SERVER_REFUSED, self.server_message)
        for purpose in (Purpose.CHAT, Purpose.TURN):
            needed = self.model(purpose)
            if needed is not None and needed.state is ModelState.MISSING:
                return Problem(Cause.MODEL_MISSING, needed.name)
        guard = self.model(Purpose.GUARD)
        if guard is not None and guard.state is ModelState.MISSING:
            return Problem(Cause.GUARD_MISSING, guard.name)
        return None


@dataclass
class _Inputs:
    """What the state is computed from."""

    report: ServerReport
    chat_model: str = ""
    guard_model: str = ""  # "" when the safety check is off
    wanted: set[str] = field(default_factory=set)  # missing models the last turn asked for
    lost: set[str] = field(default_factory=set)  # models a turn found gone since the check


class WindowStatus(QObject):
    """The one state machine for server, model and turn status.

    Args:
        monitor: The Ollama monitor (its ``checked`` signal, every check).
        session: The chat session (turns).
        settings: The settings service (``changed``: which models are needed).
        chat_model: The open chat's model (asked whenever the state is recomputed).
        parent: The Qt parent.

    Signals:
        changed(object): the new Snapshot, whenever it differs from the last.
    """

    changed = Signal(object)

    def __init__(
        self,
        monitor: OllamaMonitor,
        session: ChatSession,
        settings: SettingsService,
        chat_model: Callable[[], str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.monitor = monitor
        self.session = session
        self._chat_model = chat_model or (lambda: settings.settings.chat_model)
        self._inputs = _Inputs(monitor.report)
        self._guard_setting(settings.settings)
        self._text_at_step = 0
        self._emitting = False
        self._again = False
        self.snapshot = Snapshot()
        monitor.checked.connect(self._on_report)
        settings.changed.connect(self._on_settings)
        session.turnStarted.connect(self._on_turn_started)
        session.status.connect(self._on_step)
        session.partial.connect(self._on_text)
        session.stopping.connect(lambda _cid: self._set(turn=TurnState.STOPPING))
        session.turnEnded.connect(self._on_turn_ended)
        self.refresh()

    # -- what the window tells it --------------------------------------------------------
    def refresh(self) -> None:
        """Recomputes the needed models (the open chat's model may have changed)."""
        chat_model = self._chat_model()
        if chat_model != self._inputs.chat_model:
            self._inputs.chat_model = chat_model
            self._inputs.wanted.clear()
        self._set(**self._derived())

    def notify(self, text: str, action: str = "", button: str = "") -> None:
        """Shows a one-off message in the banner (until dismissed or replaced)."""
        self._set(notice=Notice(text, action, button))

    def dismiss(self, action: str | None = None) -> None:
        """Takes the one-off message away (only if it has this action, when given)."""
        notice = self.snapshot.notice
        if notice is not None and (action is None or notice.action == action):
            self._set(notice=None)

    def warming(self, model: str) -> None:
        """A model is being loaded ahead of the first answer ("" when done)."""
        self._set(warming=model)

    # -- what it is fed ------------------------------------------------------------------
    def _on_report(self, report: ServerReport) -> None:
        self._inputs.report = report
        self._inputs.lost.clear()
        present = {m.name for m in report.models}
        self._inputs.wanted = {
            name for name in self._inputs.wanted if not any(same_model(p, name) for p in present)
        }
        self._set(**self._derived())

    def _on_settings(self, settings: Settings) -> None:
        self._guard_setting(settings)
        self.refresh()

    def _guard_setting(self, settings: Settings) -> None:
        self._inputs.guard_model = settings.guard_model if settings.guard_enabled else ""

    def _on_turn_started(self, _conversation_id: str, _user_id: int, answer_id: int) -> None:
        self._inputs.wanted.clear()
        self._text_at_step = 0
        self._set(
            turn=TurnState.STREAMING, step="", answer_id=answer_id, error="", **self._derived()
        )
        self.dismiss("")

    def _on_step(self, _conversation_id: str, text: str) -> None:
        # What arrived before the step is not new text: only more text ends the step.
        self._text_at_step = len(self.session.active_text)
        self._set(turn=TurnState.LOADING, step=text)

    def _on_text(self, _conversation_id: str, _answer_id: int, text: str) -> None:
        if self.snapshot.turn is TurnState.LOADING and len(text) > self._text_at_step:
            self._set(turn=TurnState.STREAMING, step="")

    def _on_turn_ended(
        self, _conversation_id: str, _answer_id: int, status: object, error: object
    ) -> None:
        message = worded(error) if isinstance(error, HearthError) else ""
        failed = status is MessageStatus.ERROR or bool(message)
        if isinstance(error, LLMError):
            self._take_evidence(error)
        turn = TurnState.FAILED if failed else TurnState.IDLE
        self._set(turn=turn, step="", error=message, **self._derived())

    def _take_evidence(self, error: LLMError) -> None:
        """What a failed answer says about the server and the models."""
        if error.kind is ErrorKind.UNREACHABLE:
            self._inputs.report = ServerReport(ServerState.UNREACHABLE, message=worded(error))
        elif error.kind is ErrorKind.MODEL_MISSING and error.model:
            self._inputs.lost.add(error.model)
            known = (self._inputs.chat_model, self._inputs.guard_model)
            if not any(same_model(error.model, name) for name in known if name):
                self._inputs.wanted.add(error.model)

    # -- the state -----------------------------------------------------------------------
    def _derived(self) -> dict[str, object]:
        """The fields that follow from the inputs: server and models."""
        inputs = self._inputs
        report = inputs.report
        service = self.monitor.service
        needed = [(inputs.chat_model, Purpose.CHAT)]
        needed += [(name, Purpose.TURN) for name in sorted(inputs.wanted)]
        if inputs.guard_model:
            needed.append((inputs.guard_model, Purpose.GUARD))
        models = tuple(
            NeededModel(name, purpose, self._model_state(name)) for name, purpose in needed if name
        )
        return {
            "server": report.state,
            "server_message": report.message,
            "version": report.version,
            "remote_host": service.host if service.is_remote else "",
            "models": models,
        }

    def _model_state(self, name: str) -> ModelState:
        report = self._inputs.report
        if report.state is not ServerState.CONNECTED:
            return ModelState.UNKNOWN
        if any(same_model(name, lost) for lost in self._inputs.lost):
            return ModelState.MISSING
        present = any(same_model(m.name, name) for m in report.models)
        return ModelState.PRESENT if present else ModelState.MISSING

    def _set(self, **changes: object) -> None:
        """Changes the state; listeners get every new state, in order, the last one last."""
        snapshot = replace(self.snapshot, **changes)  # type: ignore[arg-type]
        if snapshot == self.snapshot:
            return
        self.snapshot = snapshot
        if self._emitting:  # a listener changed it: told once this round is over
            self._again = True
            return
        self._emitting = True
        try:
            self._again = True
            while self._again:
                self._again = False
                self.changed.emit(self.snapshot)
        finally:
            self._emitting = False
