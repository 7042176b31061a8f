"""Approval questions from a worker thread, answered by the person on the GUI thread.

The tool agent runs in a worker (a chat turn's EventPump). When a tool reaches the
approval gate, the gate calls :meth:`ApprovalBridge.decide` on that worker thread: it sends
the question to the GUI thread through a queued signal and blocks on an
:class:`ApprovalTicket` until the person answers, the turn's cancel token is set, or the
window closes. Nothing answers "yes" by itself: no handler, an error, or a stop all deny.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import uuid
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from agents.cancel import CancelToken
from agents.tools.approval import ApprovalGate, ProposedAction
from agents.tools.audit import AuditLog

log = logging.getLogger(__name__)

AskHandler = Callable[[ProposedAction, "ApprovalTicket"], None]
"""Shows a question without blocking (e.g. a dialog) and later answers the ticket."""

_POLL_SECONDS = 0.1


class ApprovalTicket:
    """One open question about one tool call: answered once (first answer wins), or withdrawn.

    Attributes:
        action: What would happen, in full.
        call_id: The tool call it decides.
    """

    def __init__(self, action: ProposedAction, call_id: str) -> None:
        self.action = action
        self.call_id = call_id
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
        """Denies and tells whoever shows the question to close it (GUI thread)."""
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


class ApprovalBridge(QObject):
    """The window's approver: asks on the GUI thread while the tool's worker waits.

    Args:
        audit: The audit log every decision goes to.
        ask: Shows a question on the GUI thread and later answers the ticket; without one
            every action is denied (see app.widgets.approval_dialog.dialog_asker).
        parent: The Qt parent; once it is deleted, every question is denied.

    Signals:
        approvalRequested(object, object): (ProposedAction, ApprovalTicket), on the GUI
            thread, as a question opens.

    Attributes:
        gate: The approval gate whose questions this bridge answers; build tools with it.
    """

    approvalRequested = Signal(object, object)
    _asked = Signal(object)  # worker thread -> GUI thread (queued): a ticket to show
    _given_up = Signal(object)  # worker thread -> GUI thread (queued): a ticket to close

    def __init__(
        self, audit: AuditLog, ask: AskHandler | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.audit = audit
        self.ask = ask
        self.gate = ApprovalGate(self.decide, audit)
        self._tickets: dict[str, ApprovalTicket] = {}
        self._lock = threading.Lock()
        self._asked.connect(self._show)
        self._given_up.connect(self._close)

    # -- the worker thread's side --------------------------------------------------------
    def decide(self, action: ProposedAction, call_id: str, cancel: CancelToken) -> bool:
        """Asks about one tool call and waits for the answer; True only for an approval.

        Called by the gate on the worker thread. Gives up, denying, when ``cancel`` is set.
        """
        ticket = ApprovalTicket(action, call_id or f"call_{uuid.uuid4().hex[:12]}")
        with self._lock:
            self._tickets[ticket.call_id] = ticket
        try:
            self._asked.emit(ticket)
            while not ticket.wait(_POLL_SECONDS):
                if cancel.cancelled:
                    self._given_up.emit(ticket)
                    return False
            return ticket.approved
        except RuntimeError:  # the bridge was deleted with its window
            return False
        finally:
            with self._lock:
                self._tickets.pop(ticket.call_id, None)

    # -- the GUI thread's side -----------------------------------------------------------
    def answer(self, call_id: str, approved: bool) -> None:
        """Answers the open question about ``call_id`` (only ``True`` approves)."""
        with self._lock:
            ticket = self._tickets.get(call_id)
        if ticket is not None:
            ticket.answer(approved)

    def withdraw_all(self) -> None:
        """Withdraws (denies) every open question and closes its dialog."""
        with self._lock:
            tickets = list(self._tickets.values())
        for ticket in tickets:
            ticket.withdraw()

    def _show(self, ticket: ApprovalTicket) -> None:
        if ticket.answered:
            return  # withdrawn before it could be shown
        self.approvalRequested.emit(ticket.action, ticket)
        if self.ask is None:
            ticket.answer(False)
            return
        try:
            self.ask(ticket.action, ticket)
        except Exception:
            log.exception("couldn't show an approval question")
            ticket.withdraw()

    def _close(self, ticket: ApprovalTicket) -> None:
        ticket.withdraw()  # the turn was stopped while the question was open
