"""Cooperative cancellation, checked between chunks of work, and the one way work says it
was stopped; the same token carries how far the work has come.

Streaming work ends with a ``Stopped`` event (agents/events.py); work that returns a value
(a chart's table, a digest) raises :class:`Cancelled` instead. Nothing else reports a stop.

Long work tells its :class:`Progress` through the token it already checks: the stream loop
counts the pieces of a reply, the repair loop names its attempt. Whoever started the job
listens (the window's job slot shows it beside a Stop button); nobody else needs to know.
"""

import dataclasses
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from agents.errors import HearthError
from agents.exit_codes import Exit
from agents.wording import say

TOKEN_REPORT_SECONDS = 0.1
"""Token counts are told at most this often (a fast model writes hundreds a second)."""


class Cancelled(HearthError):
    """The person stopped the work before it finished."""

    exit_code = Exit.STOPPED

    def __init__(self) -> None:
        super().__init__(say("Stopped."))


@dataclass(frozen=True)
class Progress:
    """How far a long job has come, as shown beside its Stop button.

    Attributes:
        attempt: Which try at a usable answer (1-based); 0 when nothing is retried.
        attempts: Tries allowed in all.
        tokens: Pieces of the current reply received so far.
        done: Items finished (files, messages, parts); meaningful with ``total``.
        total: Items in all; 0 when not counted.
    """

    attempt: int = 0
    attempts: int = 0
    tokens: int = 0
    done: int = 0
    total: int = 0


ProgressListener = Callable[[Progress], None]


class CancelToken:
    """A flag one thread sets and another checks between chunks; it also carries progress.

    Args:
        on_progress: Told each new :class:`Progress` (in the working thread); token counts
            at most every ``TOKEN_REPORT_SECONDS``.
    """

    def __init__(self, on_progress: ProgressListener | None = None) -> None:
        self._event = threading.Event()
        self._on_progress = on_progress
        self._progress = Progress()
        self._lock = threading.Lock()
        self._told_at = 0.0

    def cancel(self) -> None:
        """Asks the work to stop at its next check."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """Whether cancel() was called."""
        return self._event.is_set()

    def check(self) -> None:
        """Raises :class:`Cancelled` if cancel() was called."""
        if self._event.is_set():
            raise Cancelled()

    def wait(self, timeout: float) -> bool:
        """Sleeps up to ``timeout`` seconds, waking early on cancel; returns cancelled."""
        return self._event.wait(timeout)

    # -- progress ------------------------------------------------------------------------
    @property
    def progress(self) -> Progress:
        """How far the work has come."""
        return self._progress

    def report(self, **changes: int) -> None:
        """Records progress (``attempt=2, attempts=3``, ``tokens=0``...) and tells it."""
        with self._lock:
            self._progress = dataclasses.replace(self._progress, **changes)
            self._told_at = time.monotonic()
            progress = self._progress
        if self._on_progress is not None:
            self._on_progress(progress)

    def count_token(self) -> None:
        """One more piece of the reply arrived (told at most every few tenths of a second)."""
        with self._lock:
            self._progress = dataclasses.replace(self._progress, tokens=self._progress.tokens + 1)
            now = time.monotonic()
            if now - self._told_at < TOKEN_REPORT_SECONDS:
                return
            self._told_at = now
            progress = self._progress
        if self._on_progress is not None:
            self._on_progress(progress)
