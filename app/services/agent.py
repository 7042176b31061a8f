"""The mail and calendar agent off the GUI thread; approvals answered on the GUI thread.

The agent runs in a worker thread. When a tool reaches the approval gate, the gate calls
:meth:`AgentService._approve` on that worker thread: it sends the action to the GUI thread
through a queued signal and blocks on an :class:`ApprovalTicket` (a threading.Event) until
the person answers in the dialog, the request is stopped, or the window closes. Nothing
answers "yes" by itself: no handler, an error, or a stop all deny.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from agents.cancel import CancelToken
from agents.errors import HearthError
from agents.events import (
    Event,
    Failed,
    Final,
    Stopped,
    Token,
    ToolCallDecided,
    ToolCallProposed,
    ToolResult,
)
from agents.tools.approval import ApprovalGate, ProposedAction
from agents.tools.audit import AuditLog
from app.workers import GeneratorWorker

if TYPE_CHECKING:
    from agents.tools.agent import ToolAgent

AgentFactory = Callable[[ApprovalGate], "ToolAgent"]
AskHandler = Callable[[ProposedAction, "ApprovalTicket"], None]


class ApprovalTicket:
    """One pending question: answered once (first answer wins), or withdrawn."""

    def __init__(self, action: ProposedAction) -> None:
        self.action = action
        self._event = threading.Event()
        self._approved = False
        self._lock = threading.Lock()
        self._on_withdrawn: list[Callable[[], None]] = []

    def answer(self, approved: bool) -> None:
        """Records the person's answer (only ``True`` approves)."""
        with self._lock:
            if self._event.is_set():
                return
            self._approved = approved is True
            self._event.set()

    def withdraw(self) -> None:
        """Denies and tells whoever shows the question to close it."""
        self.answer(False)
        for callback in list(self._on_withdrawn):
            with contextlib.suppress(RuntimeError):  # the dialog is already gone
                callback()

    def on_withdrawn(self, callback: Callable[[], None]) -> None:
        """Calls ``callback`` (on the GUI thread) if the question is withdrawn."""
        self._on_withdrawn.append(callback)

    @property
    def answered(self) -> bool:
        """Whether an answer (or a withdrawal) arrived."""
        return self._event.is_set()

    @property
    def approved(self) -> bool:
        """The answer; False until answered."""
        return self._approved

    def wait(self, timeout: float) -> bool:
        """Waits up to ``timeout`` seconds; returns whether it was answered."""
        return self._event.wait(timeout)


class AgentService(QObject):
    """Runs one agent request at a time; starting a new one stops the old.

    Args:
        build_agent: Builds the agent (tools and all) around the service's gate, per request,
            so changed accounts or calendars apply to the next request.
        audit: The audit log every decision goes to.
        ask: Shows a question on the GUI thread and later answers the ticket; without one
            every action is denied (see app.widgets.approval_dialog.dialog_asker).

    Signals:
        started(): a request began.
        token(str): a piece of the answer.
        toolProposed(object): a ToolCallProposed.
        toolDecided(object): a ToolCallDecided.
        toolResult(object): a ToolResult.
        approvalRequested(object, object): (ProposedAction, ApprovalTicket), on the GUI thread.
        finished(str): the complete answer.
        stopped(str): stopped by the person; what arrived.
        failed(str, str): what went wrong and what to do; what arrived.
        busyChanged(bool): a request is (no longer) running.
    """

    started = Signal()
    token = Signal(str)
    toolProposed = Signal(object)
    toolDecided = Signal(object)
    toolResult = Signal(object)
    approvalRequested = Signal(object, object)
    finished = Signal(str)
    stopped = Signal(str)
    failed = Signal(str, str)
    busyChanged = Signal(bool)
    _ask = Signal(object, object)  # worker thread -> GUI thread (queued)

    def __init__(
        self,
        build_agent: AgentFactory,
        audit: AuditLog,
        ask: AskHandler | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.build_agent = build_agent
        self.audit = audit
        self.ask = ask
        self.gate = ApprovalGate(self._approve, audit)
        self._worker: GeneratorWorker | None = None
        self._cancel: CancelToken | None = None
        self._tickets: set[ApprovalTicket] = set()
        self._tickets_lock = threading.Lock()
        self._ask.connect(self._show_question)

    @property
    def busy(self) -> bool:
        """Whether a request is running."""
        return self._worker is not None

    def start(self, request: str) -> None:
        """Runs ``request`` (a running one is stopped first)."""
        self.stop()
        agent = self.build_agent(self.gate)

        def run(cancel: CancelToken) -> Iterator[Event]:
            self._cancel = cancel
            return agent.stream(request, cancel)

        worker = GeneratorWorker(run, self)
        worker.item.connect(self._on_event)
        worker.failed.connect(self._on_crash)
        worker.done.connect(self._on_done)
        self._worker = worker
        self.busyChanged.emit(True)
        self.started.emit()
        worker.start()

    def stop(self) -> None:
        """Stops the running request; a pending question is withdrawn (denied)."""
        worker, self._worker = self._worker, None
        if worker is None:
            return
        worker.detach()
        self._withdraw_all()
        self.busyChanged.emit(False)

    def shutdown(self) -> None:
        """Stops everything (window closing)."""
        self.stop()

    def bind(self, cancel: CancelToken) -> None:
        """Ties pending questions to a request run elsewhere (the chat session's worker)."""
        self._cancel = cancel

    def withdraw_pending(self) -> None:
        """Withdraws (denies) every open question and closes its dialog (GUI thread)."""
        self._withdraw_all()

    # -- approval (worker thread side) --------------------------------------------------
    def _approve(self, action: ProposedAction, call_id: str, cancel: CancelToken) -> bool:
        ticket = ApprovalTicket(action)
        with self._tickets_lock:
            self._tickets.add(ticket)
        try:
            self._ask.emit(action, ticket)
            while not ticket.wait(0.1):
                if cancel is not None and cancel.cancelled:
                    return False
            return ticket.approved
        except RuntimeError:  # the service was deleted with its window
            return False
        finally:
            with self._tickets_lock:
                self._tickets.discard(ticket)

    # -- approval (GUI thread side) -----------------------------------------------------
    def _show_question(self, action: ProposedAction, ticket: ApprovalTicket) -> None:
        if ticket.answered:
            return
        self.approvalRequested.emit(action, ticket)
        if self.ask is None:
            ticket.answer(False)
            return
        try:
            self.ask(action, ticket)
        except Exception:
            ticket.answer(False)

    def _withdraw_all(self) -> None:
        with self._tickets_lock:
            tickets = list(self._tickets)
        for ticket in tickets:
            ticket.withdraw()

    # -- events -------------------------------------------------------------------------
    def _on_event(self, event: Event) -> None:
        if isinstance(event, Token):
            self.token.emit(event.text)
        elif isinstance(event, ToolCallProposed):
            self.toolProposed.emit(event)
        elif isinstance(event, ToolCallDecided):
            self.toolDecided.emit(event)
        elif isinstance(event, ToolResult):
            self.toolResult.emit(event)
        elif isinstance(event, Final):
            self.finished.emit(event.text)
        elif isinstance(event, Stopped):
            self.stopped.emit(event.partial)
        elif isinstance(event, Failed):
            self.failed.emit(event.error.message, event.partial)

    def _on_crash(self, exc: Exception) -> None:
        message = exc.message if isinstance(exc, HearthError) else str(exc)
        self.failed.emit(message or type(exc).__name__, "")

    def _on_done(self) -> None:
        self._worker = None
        self.busyChanged.emit(False)
