"""Documents in the window: indexing, listing, removing, cited answers and summaries.

All work runs off the GUI thread (GeneratorWorker threads); every Chroma operation runs
in the index worker process behind ``IndexClient``, so the window never stalls on the
vector store's writes. Results come back as Qt signals.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from agents.cancel import CancelToken
from agents.documents.answer import DocumentAnswerer, Sources
from agents.documents.index import SyncProgress, SyncReport
from agents.documents.index_worker import IndexClient
from agents.documents.manifest import IndexedFile
from agents.documents.summarize import DocumentSummarizer, SummaryProgress
from agents.errors import HearthError
from agents.events import Failed, Final, Status, Stopped, Token
from agents.llm import OllamaService
from app.workers import GeneratorWorker, run_call

log = logging.getLogger(__name__)


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


class DocumentsService(QObject):
    """The documents feature for the window.

    Args:
        service: The Ollama door (answers and summaries).
        client: The index (its worker process does every Chroma operation).
        parent: The Qt parent.

    Signals:
        filesChanged(list): the IndexedFile list, after refresh, indexing or removal.
        indexingChanged(bool): an indexing run started or ended.
        indexProgress(int, int, int, str): files done, files in all, passages, current file.
        indexFinished(object): the SyncReport of a run (also when cancelled).
        indexFailed(str): an indexing run or a removal failed: what happened, what to do.

    Attributes:
        answers: The StreamTask of document questions.
        summaries: The StreamTask of summaries.
    """

    filesChanged = Signal(list)
    indexingChanged = Signal(bool)
    indexProgress = Signal(int, int, int, str)
    indexFinished = Signal(object)
    indexFailed = Signal(str)

    def __init__(
        self, service: OllamaService, client: IndexClient, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.client = client
        self.answers = StreamTask(parent=self)
        self.summaries = StreamTask(parent=self)
        self._indexer: GeneratorWorker | None = None
        self._files: list[IndexedFile] = []

    # -- files -----------------------------------------------------------------------
    @property
    def files(self) -> list[IndexedFile]:
        """The last known list of indexed files."""
        return list(self._files)

    @property
    def indexing(self) -> bool:
        """Whether an indexing run is going."""
        return self._indexer is not None

    def refresh(self) -> None:
        """Reloads the file list (off the GUI thread); ``filesChanged`` follows."""
        run_call(self.client.files, self._set_files, self._on_index_error, self)

    def _set_files(self, files: list[IndexedFile]) -> None:
        self._files = list(files)
        self.filesChanged.emit(self.files)

    def index_paths(self, paths: Sequence[Path] | None) -> bool:
        """Indexes files and folders (None: re-checks every known file).

        Returns False (and does nothing) while another run is going.
        """
        if self._indexer is not None:
            return False
        client = self.client
        targets = None if paths is None else [Path(p) for p in paths]

        def run(cancel: CancelToken) -> Iterator[Any]:
            steps: queue.Queue[Any] = queue.Queue()
            outcome: dict[str, Any] = {}

            def work() -> None:
                try:
                    outcome["report"] = client.index(targets, steps.put, cancel)
                except BaseException as exc:
                    outcome["error"] = exc
                finally:
                    steps.put(None)

            threading.Thread(target=work, name="hearth-indexing", daemon=True).start()
            while (step := steps.get()) is not None:
                yield step
            if "error" in outcome:
                raise outcome["error"]
            yield outcome["report"]

        worker = GeneratorWorker(run, self)
        self._indexer = worker
        worker.item.connect(self._on_index_item)
        worker.failed.connect(self._on_index_error)
        worker.done.connect(self._on_index_done)
        self.indexingChanged.emit(True)
        worker.start()
        return True

    def reindex_all(self) -> bool:
        """Re-checks every indexed file (changed ones are re-read, gone ones removed)."""
        return self.index_paths(None)

    def cancel_indexing(self) -> None:
        """Stops the indexing run after the file in hand; what is done stays indexed."""
        if self._indexer is not None:
            self._indexer.cancel()

    def remove(self, paths: Sequence[str | Path]) -> None:
        """Removes files (or folders) from the index; ``filesChanged`` follows."""
        client = self.client
        targets = list(paths)
        run_call(
            lambda: client.remove(targets),
            lambda _removed: self.refresh(),
            self._on_index_error,
            self,
        )

    def _on_index_item(self, item: Any) -> None:
        if isinstance(item, SyncProgress):
            self.indexProgress.emit(item.files_done, item.files_total, item.chunks_done, item.path)
        elif isinstance(item, SyncReport):
            self.indexFinished.emit(item)

    def _on_index_error(self, exc: Exception) -> None:
        self.indexFailed.emit(_message(exc))

    def _on_index_done(self) -> None:
        self._indexer = None
        self.indexingChanged.emit(False)
        self.refresh()

    # -- answers and summaries -------------------------------------------------------
    def ask(self, question: str, model: str | None = None) -> None:
        """Answers from the documents; see ``answers`` for the signals."""
        answerer = DocumentAnswerer(self.service, self.client, model=model)
        self.answers.start(lambda cancel: answerer.stream(question, cancel))

    def summarize(self, path: Path, lang: str | None = None, model: str | None = None) -> None:
        """Summarises a file; see ``summaries`` for the signals."""
        summarizer = DocumentSummarizer(self.service, model=model, config=self.client.config)
        self.summaries.start(lambda cancel: summarizer.stream(Path(path), lang, cancel))

    def shutdown(self) -> None:
        """Stops every job and the worker process (call when the window closes)."""
        self.answers.stop()
        self.summaries.stop()
        if self._indexer is not None:
            self._indexer.detach()
            self._indexer = None
        threading.Thread(target=self.client.close, name="hearth-index-close", daemon=True).start()
