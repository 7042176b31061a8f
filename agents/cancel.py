"""Cooperative cancellation, checked between chunks of work."""

import threading


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

    def wait(self, timeout: float) -> bool:
        """Sleeps up to ``timeout`` seconds, waking early on cancel; returns cancelled."""
        return self._event.wait(timeout)
