"""Rewrites and safety checks off the GUI thread, reported back by Qt signals."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from agents.cancel import CancelToken
from agents.errors import HearthError
from agents.events import Event, Failed, Final, Status, Stopped, Token
from agents.guard import Guard, GuardVerdict
from agents.llm import OllamaService
from agents.personas import PersonaLibrary
from agents.storage import ChatStore
from agents.transfer import (
    ImageSource,
    ImportReport,
    export_json,
    export_markdown,
    import_file,
)
from agents.writing.rewrite import Rewriter
from agents.writing.styles import RewriteSpec
from app.workers import GeneratorWorker, run_call

RewriterFactory = Callable[[OllamaService], Rewriter]


class RewriteService(QObject):
    """Runs one rewrite at a time; starting a new one stops the old.

    Args:
        service: The Ollama door.
        rewriter_factory: Builds the rewriter (tests hand in others).
        flush_ms: How often streamed text is pushed to the view (repaints coalesced).

    Signals:
        started(): a rewrite began.
        status(str): e.g. "Rewriting part 2 of 5…".
        partial(str): the result so far (at most every ``flush_ms``).
        finished(str): the complete result.
        stopped(str): the person stopped it; what arrived.
        failed(str, str): what went wrong (and what to do); what arrived.
        busyChanged(bool): a rewrite is (no longer) running.
    """

    started = Signal()
    status = Signal(str)
    partial = Signal(str)
    finished = Signal(str)
    stopped = Signal(str)
    failed = Signal(str, str)
    busyChanged = Signal(bool)

    def __init__(
        self,
        service: OllamaService,
        rewriter_factory: RewriterFactory | None = None,
        flush_ms: int = 40,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.rewriter_factory = rewriter_factory or (lambda s: Rewriter(s))
        self._worker: GeneratorWorker | None = None
        self._parts: list[str] = []
        self._dirty = False
        self._flush = QTimer(self)
        self._flush.setInterval(flush_ms)
        self._flush.timeout.connect(self._push_partial)

    @property
    def busy(self) -> bool:
        """Whether a rewrite is running."""
        return self._worker is not None

    def start(self, text: str, spec: RewriteSpec) -> None:
        """Starts rewriting ``text`` (any running rewrite is stopped first)."""
        self._abandon()
        rewriter = self.rewriter_factory(self.service)

        def run(cancel: CancelToken) -> Iterator[Event]:
            return rewriter.stream(text, spec, cancel)

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
        """Stops the rewrite now; ``stopped`` carries what arrived."""
        worker = self._worker
        if worker is None:
            return
        self._end()
        worker.detach()
        self.stopped.emit("".join(self._parts))

    def _abandon(self) -> None:
        if self._worker is not None:
            self._worker.detach()
            self._end()

    def _end(self) -> None:
        self._worker = None
        self._flush.stop()
        self.busyChanged.emit(False)

    def _push_partial(self) -> None:
        if self._dirty:
            self._dirty = False
            self.partial.emit("".join(self._parts))

    def _on_event(self, worker: GeneratorWorker, event: Any) -> None:
        if worker is not self._worker:
            return
        if isinstance(event, Token):
            self._parts.append(event.text)
            self._dirty = True
        elif isinstance(event, Status):
            self.status.emit(event.text)
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
        message = exc.message if isinstance(exc, HearthError) else f"Unexpected problem: {exc}"
        self.failed.emit(message, "".join(self._parts))


class GuardService(QObject):
    """Llama Guard checks off the GUI thread, for Settings and one-off checks.

    The chat turn itself runs ``agents.guard.guarded_stream`` inside the chat worker.

    Signals:
        availability(bool, str): whether the guard model is ready; if not, what to do.
        verdict(object, str): a GuardVerdict for a checked text, and that text.
        failed(str): a check could not run (Ollama down, model missing).
    """

    availability = Signal(bool, str)
    verdict = Signal(object, str)
    failed = Signal(str)

    def __init__(self, service: OllamaService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service

    def check_availability(self, model: str | None = None) -> None:
        """Asks Ollama whether the guard model is pulled; answers with ``availability``."""
        guard = Guard(self.service, model)

        def report(problem: object) -> None:
            self.availability.emit(problem is None, str(problem or ""))

        run_call(guard.availability, report, lambda exc: self.failed.emit(str(exc)), self)

    def check_prompt(self, text: str) -> None:
        """Checks a message; answers with ``verdict`` or ``failed``."""
        guard = Guard(self.service)

        def report(result: object) -> None:
            if isinstance(result, GuardVerdict):
                self.verdict.emit(result, text)

        def crash(exc: Exception) -> None:
            self.failed.emit(exc.message if isinstance(exc, HearthError) else str(exc))

        run_call(lambda: guard.check_prompt(text), report, crash, self)


class TransferService(QObject):
    """Exports and imports chats off the GUI thread (large exports carry images).

    Args:
        store: The chat store (safe to use from the worker thread).
        images: The image store.
        personas: The persona library.

    Signals:
        exported(int, str): how many chats were written, and where.
        imported(object): the ImportReport (added, skipped).
        failed(str): what went wrong and what to do; nothing was changed.
    """

    exported = Signal(int, str)
    imported = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        store: ChatStore,
        images: ImageSource,
        personas: PersonaLibrary | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.images = images
        self.personas = personas

    def export_to(
        self, path: Path, fmt: str = "json", conversation_ids: Sequence[str] | None = None
    ) -> None:
        """Writes an export (``json`` or ``md``); answers with ``exported`` or ``failed``."""
        write = export_json if fmt == "json" else export_markdown
        target = Path(path)

        def run() -> int:
            return write(target, self.store, self.images, self.personas, conversation_ids)

        run_call(run, lambda count: self.exported.emit(int(count), str(target)), self._fail, self)

    def import_from(self, path: Path) -> None:
        """Checks and imports an export; answers with ``imported`` or ``failed``."""
        source = Path(path)

        def run() -> ImportReport:
            return import_file(source, self.store, self.images, self.personas)

        run_call(run, self.imported.emit, self._fail, self)

    def _fail(self, exc: Exception) -> None:
        self.failed.emit(
            exc.message if isinstance(exc, HearthError) else f"Unexpected problem: {exc}"
        )
