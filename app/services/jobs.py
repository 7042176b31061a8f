"""Work off the GUI thread: one job slot, reported back through Qt signals.

A job runs on a daemon thread, so a model that is still loading never keeps the app from
quitting. A job is a generator ``run(cancel)``: each value it yields is reported, and so
is what it returns. Cancellation is cooperative: a CancelToken the job checks between
chunks. Stopping does not wait for the thread: the job is detached at once and nothing it
sends later is delivered. The same token carries the job's progress (attempt n of m,
tokens so far): every job reports it as ``progress`` without plumbing of its own.

:func:`clear_error` is the one place where an unexpected exception becomes a message a
person can act on; every job reports failures as a HearthError.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Generator, Iterable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Signal

from agents.cancel import CancelToken
from agents.errors import HearthError
from agents.wording import say

log = logging.getLogger(__name__)

Job = Callable[[CancelToken], Iterable[Any]]
"""``run(cancel)``: a generator; what it yields is reported as it comes, then what it returns."""

Translate = Callable[[Exception], HearthError]
"""Turns a library's exception into a clear error (e.g. ``OllamaService.error``)."""


def clear_error(exc: Exception, translate: Translate | None = None) -> HearthError:
    """The error a person reads for ``exc``: a HearthError as it is, else translated.

    Args:
        exc: What the job raised.
        translate: Knows the library's exceptions (e.g. ``OllamaService.error``).
    """
    if isinstance(exc, HearthError):
        return exc
    if translate is not None:
        try:
            return translate(exc)
        except Exception:
            log.exception("couldn't translate %s", type(exc).__name__)
    return HearthError(
        say(
            "Unexpected problem ({error_type}: {problem}). Try again.",
            error_type=type(exc).__name__,
            problem=exc,
        )
    )


def _returning(fn: Callable[[], Any]) -> Job:
    """A job that yields nothing and returns what ``fn()`` returns."""

    def run(_cancel: CancelToken) -> Generator[Any, None, Any]:
        yield from ()
        return fn()

    return run


class _Worker(QObject):
    """Runs one job on a daemon thread; nothing it reports is delivered after detach().

    Reports wait in one queue, in order; the GUI thread is woken once for all that came
    since it last looked (a model streaming hundreds of tokens a second costs the window
    a few wake-ups per frame, not one per token). Each is checked on delivery, so a
    report already on its way when the job is detached is dropped too.
    """

    item = Signal(object)
    progress = Signal(object)
    returned = Signal(object)
    failed = Signal(object)
    _wake = Signal()  # worker thread -> GUI thread: reports are waiting
    _ended = Signal()  # always sent, even when detached: releases the reference

    # Workers stay referenced until their thread ends, so a detached worker whose thread is
    # still blocked (e.g. on a loading model) is never collected under it.
    _live: ClassVar[set[_Worker]] = set()

    def __init__(self, run: Job, translate: Translate | None, parent: QObject | None) -> None:
        super().__init__(parent)
        self._run = run
        self._translate = translate
        self.cancel_token = CancelToken(on_progress=lambda p: self._send("progress", p))
        self._detached = threading.Event()
        self._pending: list[tuple[str, Any]] = []  # (signal name, value), in order
        self._lock = threading.Lock()
        self._wake.connect(self._deliver)
        self._ended.connect(self._release)

    def start(self) -> None:
        """Starts the thread."""
        _Worker._live.add(self)
        threading.Thread(target=self._work, daemon=True, name="hearth-job").start()

    def detach(self) -> None:
        """Cancels the job and drops everything it reports from now on."""
        self.cancel_token.cancel()
        self._detached.set()

    def _work(self) -> None:
        try:
            values = iter(self._run(self.cancel_token))
            while not self._detached.is_set():
                try:
                    value = next(values)
                except StopIteration as end:
                    self._send("returned", end.value)
                    break
                self._send("item", value)
        except Exception as exc:
            log.warning("background work failed: %s", exc)
            self._send("failed", clear_error(exc, self._translate))
        finally:
            try:
                self._ended.emit()
            except RuntimeError:  # deleted with its parent: nothing left to release it
                _Worker._live.discard(self)

    def _send(self, name: str, value: Any) -> None:
        if self._detached.is_set():
            return
        with self._lock:
            wake = not self._pending  # else a wake-up is on its way and takes this too
            self._pending.append((name, value))
        if wake:
            try:
                self._wake.emit()
            except RuntimeError:  # deleted with its parent (the window closed)
                self._detached.set()

    def _deliver(self) -> None:
        with self._lock:
            reports, self._pending = self._pending, []
        for name, value in reports:
            if self._detached.is_set():
                return
            getattr(self, name).emit(value)

    def _release(self) -> None:
        _Worker._live.discard(self)


def run_call(
    fn: Callable[[], Any],
    on_result: Callable[[Any], None],
    on_error: Callable[[HearthError], None] | None = None,
    parent: QObject | None = None,
    translate: Translate | None = None,
) -> None:
    """Runs a plain function off the GUI thread; its result comes back on the GUI thread.

    For short calls that may overlap (reading a list, saving a form); a long job that a
    new one replaces belongs in a :class:`JobSlot`.

    Args:
        fn: The work.
        on_result: Gets what ``fn`` returned.
        on_error: Gets the HearthError if it raised (see :func:`clear_error`).
        parent: Nothing is reported once the parent is deleted.
        translate: Turns a library's exception into a HearthError.
    """
    worker = _Worker(_returning(fn), translate, parent)
    worker.returned.connect(on_result)
    if on_error is not None:
        worker.failed.connect(on_error)
    worker.start()


class JobSlot(QObject):
    """One long job at a time off the GUI thread; starting a new one stops the last.

    Every job that starts ends with exactly one of ``returned``, ``failed`` or ``stopped``,
    just after ``busyChanged(False)``.

    Args:
        translate: Turns a library's exception into a HearthError (e.g.
            ``OllamaService.error``); without it, "Unexpected problem…".
        parent: The Qt parent; nothing is reported once it is deleted.

    Signals:
        started(): a job began.
        item(object): a value the job yielded.
        progress(Progress): how far the job has come (told through its cancel token).
        returned(object): what the job returned (None for a generator that just ends).
        failed(object): the HearthError that ended the job.
        stopped(): the job was stopped (by stop() or a new start()); nothing more comes.
        busyChanged(bool): a job is (no longer) running.
    """

    started = Signal()
    item = Signal(object)
    progress = Signal(object)
    returned = Signal(object)
    failed = Signal(object)
    stopped = Signal()
    busyChanged = Signal(bool)

    def __init__(self, translate: Translate | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.translate = translate
        self._worker: _Worker | None = None

    @property
    def busy(self) -> bool:
        """Whether a job is running."""
        return self._worker is not None

    def start(self, run: Job) -> None:
        """Runs ``run(cancel)``, a generator, off the GUI thread (a running job is stopped)."""
        self.stop()
        worker = _Worker(run, self.translate, self)
        worker.item.connect(self.item)
        worker.progress.connect(self.progress)
        worker.returned.connect(self._on_returned)
        worker.failed.connect(self._on_failed)
        self._worker = worker
        self.started.emit()
        self.busyChanged.emit(True)
        worker.start()

    def call(self, fn: Callable[[], Any]) -> None:
        """Runs a plain function as the job; its result comes as ``returned``."""
        self.start(_returning(fn))

    def cancel(self) -> None:
        """Asks the job to stop at its next check; it still reports how it ended."""
        if self._worker is not None:
            self._worker.cancel_token.cancel()

    def stop(self) -> None:
        """Stops the job now, without waiting for its thread; ``stopped`` follows."""
        worker = self._worker
        if worker is None:
            return
        worker.detach()
        self._end()
        self.stopped.emit()

    def _end(self) -> None:
        self._worker = None
        self.busyChanged.emit(False)

    def _on_returned(self, value: object) -> None:
        self._end()
        self.returned.emit(value)

    def _on_failed(self, error: HearthError) -> None:
        self._end()
        self.failed.emit(error)
