"""Streaming an agent's events into Qt signals, with repaints coalesced.

One job at a time: starting a new one stops the last. Used for document answers and
summaries and for rewrites; chat turns have their own runner (ChatSession) because they
also save as they stream.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from agents.cancel import CancelToken
from agents.errors import HearthError
from agents.events import Failed, Final, Sources, Status, Stopped, SummaryProgress, Token
from app.workers import GeneratorWorker


def _message(exc: BaseException) -> str:
    return exc.message if isinstance(exc, HearthError) else f"Unexpected problem: {exc}"


class StreamTask(QObject):
    """One streamed job at a time (an answer or a summary); starting one stops the last.

    Signals:
        started(): the job began.
        status(str): a step the person should see ("Searching your documents…").
        progress(int, int): sections done, sections in all (summaries).
        partial(str): the text so far, at most every ``flush_ms`` (repaints coalesced).
        sources(list): the answer's Citation list (answers only), just before finished.
        finished(str): the complete text.
        stopped(str): the person stopped it; what arrived is kept.
        failed(str, str): what went wrong and what to do; what arrived.
        busyChanged(bool): a job is (no longer) running.
    """

    started = Signal()
    status = Signal(str)
    progress = Signal(int, int)
    partial = Signal(str)
    sources = Signal(list)
    finished = Signal(str)
    stopped = Signal(str)
    failed = Signal(str, str)
    busyChanged = Signal(bool)

    def __init__(self, flush_ms: int = 40, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker: GeneratorWorker | None = None
        self._parts: list[str] = []
        self._dirty = False
        self._flush = QTimer(self)
        self._flush.setInterval(flush_ms)
        self._flush.timeout.connect(self._push_partial)

    @property
    def busy(self) -> bool:
        """Whether a job is running."""
        return self._worker is not None

    @property
    def text(self) -> str:
        """The text that arrived so far."""
        return "".join(self._parts)

    def start(self, run: Callable[[CancelToken], Iterator[Any]]) -> None:
        """Runs ``run(cancel)`` off the GUI thread, turning its events into signals."""
        self._abandon()
        worker = GeneratorWorker(run, self)
        self._worker = worker
        self._parts = []
        worker.item.connect(lambda event, w=worker: self._on_event(w, event))
        worker.failed.connect(lambda exc, w=worker: self._on_crash(w, exc))
        self._flush.start()
        self.started.emit()
        self.busyChanged.emit(True)
        worker.start()

    def stop(self) -> None:
        """Stops now; ``stopped`` carries what arrived."""
        worker = self._worker
        if worker is None:
            return
        self._end()
        worker.detach()
        self.stopped.emit(self.text)

    def _abandon(self) -> None:
        if self._worker is not None:
            self._worker.detach()
            self._end()

    def _end(self) -> None:
        self._worker = None
        self._flush.stop()
        self._push_partial()
        self.busyChanged.emit(False)

    def _push_partial(self) -> None:
        if self._dirty:
            self._dirty = False
            self.partial.emit(self.text)

    def _on_event(self, worker: GeneratorWorker, event: Any) -> None:
        if worker is not self._worker:
            return
        if isinstance(event, Token):
            self._parts.append(event.text)
            self._dirty = True
        elif isinstance(event, Status):
            self.status.emit(event.text)
        elif isinstance(event, SummaryProgress):
            self.progress.emit(event.done, event.total)
        elif isinstance(event, Sources):
            self.sources.emit(list(event.citations))
        elif isinstance(event, Final):
            self._end()
            self.finished.emit(event.text)
        elif isinstance(event, Stopped):
            self._end()
            self.stopped.emit(event.partial)
        elif isinstance(event, Failed):
            self._end()
            self.failed.emit(event.error.message, event.partial)

    def _on_crash(self, worker: GeneratorWorker, exc: Exception) -> None:
        if worker is not self._worker:
            return
        self._end()
        self.failed.emit(_message(exc), self.text)
