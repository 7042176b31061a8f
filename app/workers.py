"""Running work off the GUI thread and reporting back through Qt signals.

A worker runs a generator in a daemon thread and emits one signal per yielded value
(the shape of a token stream). Cancellation is cooperative: a CancelToken checked by
the generator between chunks. Daemon threads never keep the app from quitting, so a
model that is still loading cannot hang the window on close.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Signal

from agents.cancel import CancelToken

log = logging.getLogger(__name__)


class GeneratorWorker(QObject):
    """Runs ``fn(cancel)`` (a generator) in a thread; one ``item`` signal per value.

    Signals are delivered on the thread of the worker's QObject (the GUI thread), queued.
    After ``detach()`` no further signals are emitted, whatever the thread still does.
    """

    item = Signal(object)
    failed = Signal(object)
    done = Signal()
    _ended = Signal()  # always emitted, even when detached: releases the reference

    # Workers stay referenced until their thread ends, so a detached worker whose
    # thread is still blocked (e.g. on a loading model) is never collected under it.
    _live: ClassVar[set[GeneratorWorker]] = set()

    def __init__(
        self, fn: Callable[[CancelToken], Iterator[Any]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._fn = fn
        self.cancel_token = CancelToken()
        self._detached = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="hearth-worker")
        self._ended.connect(self._release)

    def start(self) -> GeneratorWorker:
        """Starts the thread; returns self."""
        GeneratorWorker._live.add(self)
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Asks the work to stop at its next check."""
        self.cancel_token.cancel()

    def detach(self) -> None:
        """Cancels and stops all further signals (the caller has moved on)."""
        self.cancel_token.cancel()
        self._detached.set()

    @property
    def running(self) -> bool:
        """Whether the thread is still working."""
        return self._thread.is_alive()

    def join(self, timeout: float | None = None) -> None:
        """Waits for the thread (tests and shutdown)."""
        self._thread.join(timeout)

    def _run(self) -> None:
        try:
            for value in self._fn(self.cancel_token):
                if self._detached.is_set() or not self._emit(self.item, value):
                    break
        except Exception as exc:
            log.warning("background work failed: %s", exc)
            if not self._detached.is_set():
                self._emit(self.failed, exc)
        finally:
            if not self._detached.is_set():
                self._emit(self.done)
            self._emit(self._ended)

    def _emit(self, signal: Any, *args: Any) -> bool:
        """Emits unless the receiver side is gone (its window closed); says whether it did."""
        try:
            signal.emit(*args)
            return True
        except RuntimeError:  # the QObject was deleted with its parent
            self._detached.set()
            return False

    def _release(self) -> None:
        GeneratorWorker._live.discard(self)
