"""The approval gate every side effect passes.

A tool that changes the world builds a :class:`ProposedAction` holding the real content
(recipients, subject, full body, attachments, .ics text) and hands the gate a function that
performs it. The gate asks the person (through the injected :class:`Approver`, told which tool
call it decides and the turn's cancel token), records the decision in the audit log, and only
then calls the function. Denial is the default: an approver that fails, answers anything but
``True``, is stopped, or is missing denies.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, TypeVar

from agents.cancel import CancelToken
from agents.errors import HearthError
from agents.wording import Words, plain

if TYPE_CHECKING:
    from agents.tools.audit import AuditLog

T = TypeVar("T")
_POLL_SECONDS = 0.1


@dataclass(frozen=True)
class ProposedAction:
    """A side effect waiting for approval, with the real content it would send or write.

    Attributes:
        kind: What it does: ``send_mail``, ``send_invite``, ``save_draft``, ``create_event``,
            ``move_event``, ``delete_event``.
        summary: One line for lists and for ``denied: <summary>``.
        details: The full content, in display order: from, to, cc, subject, body,
            attachments, when, .ics text... Shown as-is in the approval dialog.
    """

    kind: str
    summary: str
    details: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CallRef:
    """The tool call a side effect belongs to, and the cancel token of its turn.

    Attributes:
        call_id: The model's id for the call (``call_...``); decisions are matched by it.
        cancel: Set when the turn is stopped: a question still open is then denied.
    """

    call_id: str = ""
    cancel: CancelToken = field(default_factory=CancelToken)


class Approver(Protocol):
    """Asks the person about one call; returns True only for an explicit approval.

    It may block (a terminal prompt, a dialog on the GUI thread) and must give up,
    denying, when ``cancel`` is set.
    """

    def __call__(self, action: ProposedAction, call_id: str, cancel: CancelToken) -> bool: ...


def deny_all(action: ProposedAction, call_id: str, cancel: CancelToken) -> bool:
    """The approver used when nobody can be asked."""
    return False


Decision = Callable[[ProposedAction, str, bool], None]
"""Told ``(action, call_id, approved)`` after each decision."""


@dataclass(frozen=True)
class Denied:
    """What a gated call returns when the person said no (or could not be asked)."""

    action: ProposedAction
    reason: str = "the user denied it"

    def __str__(self) -> str:
        return (
            f"Not done: {self.reason} ({self.action.kind}: {self.action.summary}). "
            "Do not try it again; tell the user it was not done."
        )


@dataclass(frozen=True)
class Undo:
    """How to take a done action back (stored in the audit log)."""

    op: str
    data: dict[str, str]


class ApprovalGate:
    """The only way a tool reaches a side effect.

    Args:
        approver: Asks the person. Called one action at a time, from the thread that runs
            the tool; it may block (a terminal prompt, a dialog on the GUI thread).
        audit: Where every decision and outcome is recorded.
    """

    def __init__(self, approver: Approver, audit: AuditLog) -> None:
        self._approver = approver
        self.audit = audit
        self._ask_lock = threading.Lock()
        self._listeners: list[Decision] = []

    def subscribe(self, listener: Decision) -> Callable[[], None]:
        """Calls ``listener(action, call_id, approved)`` after each decision; returns an
        unsubscriber."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                self._listeners.remove(listener)

        return unsubscribe

    def _ask(self, action: ProposedAction, call: CallRef) -> tuple[bool, str]:
        # One question at a time; a stopped turn asks nothing more.
        while not self._ask_lock.acquire(timeout=_POLL_SECONDS):
            if call.cancel.cancelled:
                return False, "the request was stopped"
        try:
            if call.cancel.cancelled:
                return False, "the request was stopped"
            try:
                answer = self._approver(action, call.call_id, call.cancel)
            except Exception as exc:  # a broken approver denies
                return False, f"approval failed ({type(exc).__name__})"
        finally:
            self._ask_lock.release()
        if call.cancel.cancelled:
            return False, "the request was stopped"
        return answer is True, "the user denied it"

    def run(
        self,
        action: ProposedAction,
        perform: Callable[[], T],
        *,
        call: CallRef | None = None,
        undo: Callable[[T], Undo | None] | None = None,
    ) -> T | Denied:
        """Asks, records, and performs the action only if approved.

        Args:
            action: What would happen, in full.
            perform: Does it (called only after an approval).
            call: The tool call and its turn's cancel token.
            undo: How to take the done action back, from what ``perform`` returned.

        Returns:
            What ``perform`` returned, or :class:`Denied`.

        Raises:
            Whatever ``perform`` raises (recorded as failed in the audit log).
        """
        call = call or CallRef()
        approved, reason = self._ask(action, call)
        entry_id = self.audit.record(action, approved=approved)
        for listener in list(self._listeners):
            with contextlib.suppress(Exception):
                listener(action, call.call_id, approved)
        if not approved:
            return Denied(action, reason)
        try:
            result = perform()
        except BaseException as exc:
            self.audit.finish(entry_id, "failed", error=failure(exc))
            raise
        undo_info = undo(result) if undo is not None else None
        self.audit.finish(entry_id, "done", undo=undo_info)
        return result


def failure(exc: BaseException) -> Words:
    """Why an action failed, in words: an error's own, or the exception's text."""
    if isinstance(exc, HearthError):
        return exc.words
    return plain(str(exc) or type(exc).__name__)
