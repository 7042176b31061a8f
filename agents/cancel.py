"""Cooperative cancellation, checked between chunks of work, and the one way work says it
was stopped.

Streaming work ends with a ``Stopped`` event (agents/events.py); work that returns a value
(a chart's table, a digest) raises :class:`Cancelled` instead. Nothing else reports a stop.
"""

import threading

from agents.errors import HearthError
from agents.exit_codes import Exit


class Cancelled(HearthError):
    """The person stopped the work before it finished."""

    exit_code = Exit.STOPPED

    def __init__(self) -> None:
        super().__init__("Stopped.")


class CancelToken:
    """A flag one thread sets and another checks between chunks."""

    def __init__(self) -> None:
        self._event = threading.Event()

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
