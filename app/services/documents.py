"""Documents in the window: indexing, listing and removing.

All work runs off the GUI thread (a JobSlot for indexing, run_call for the rest); every
Chroma operation runs in the index worker process behind ``IndexClient``, so the window
never stalls on the vector store's writes. Results come back as Qt signals. Questions and
summaries are chat turns (see agents.documents.chat).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Generator, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from agents.cancel import CancelToken
from agents.documents.errors import DocumentError, DocumentKind
from agents.documents.index import SyncProgress, SyncReport
from agents.documents.index_worker import IndexClient
from agents.documents.manifest import IndexedFile
from agents.errors import HearthError
from agents.llm import OllamaService
from agents.printable import shown
from agents.settings import Settings
from app.services.jobs import JobSlot, run_call
from app.wording import worded

log = logging.getLogger(__name__)

STOP_WAIT_SECONDS = 600.0
"""After a stop, how long to wait for the worker to let go before listing the files."""


class DocumentsService(QObject):
    """The documents feature for the window.

    Args:
        service: The Ollama door.
        client: The index (its worker process does every Chroma operation).
        parent: The Qt parent.

    Signals:
        filesChanged(list): the IndexedFile list, after refresh, indexing or removal.
        indexingChanged(bool): an indexing run started or ended.
        indexProgress(int, int, int, str): files done, files in all, passages, current file.
        indexFinished(object): the SyncReport of a run that ran to its end.
        indexStopped(int, int): the run was stopped after this many files of so many;
            ``filesChanged`` follows once the worker has let go of the file in hand.
        indexFailed(str): an indexing run or a removal failed: what happened, what to do.
        rebuildOffered(str): the index could not be opened and was moved aside (kept); the
            message says where. ``rebuild`` builds a new one.
    """

    filesChanged = Signal(list)
    indexingChanged = Signal(bool)
    indexProgress = Signal(int, int, int, str)
    indexFinished = Signal(object)
    indexStopped = Signal(int, int)
    indexFailed = Signal(str)
    rebuildOffered = Signal(str)

    def __init__(
        self, service: OllamaService, client: IndexClient, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.client = client
        self._files: list[IndexedFile] = []
        self._step = SyncProgress(0, 0, 0, "")
        self._run_ended = threading.Event()
        self._run_ended.set()
        self._indexer = JobSlot(parent=self)
        self._indexer.busyChanged.connect(self.indexingChanged)
        self._indexer.item.connect(self._on_index_progress)
        self._indexer.returned.connect(self._on_indexed)
        self._indexer.failed.connect(self._on_index_failed)

    # -- files -----------------------------------------------------------------------
    @property
    def files(self) -> list[IndexedFile]:
        """The last known list of indexed files."""
        return list(self._files)

    @property
    def indexing(self) -> bool:
        """Whether an indexing run is going."""
        return self._indexer.busy

    @property
    def settled(self) -> bool:
        """Whether the index worker has let go of the last run (a stopped run finishes the
        embedding request in hand first)."""
        return self._run_ended.is_set()

    def refresh(self) -> None:
        """Reloads the file list (off the GUI thread); ``filesChanged`` follows, and
        ``rebuildOffered`` while the index is moved aside."""
        client = self.client
        run_call(
            lambda: (client.files(), client.moved_aside()),
            self._set_state,
            self._on_index_error,
            self,
        )

    def _set_state(self, state: tuple[list[IndexedFile], Path | None]) -> None:
        files, kept = state
        self._files = list(files)
        self.filesChanged.emit(self.files)
        if kept is not None:
            self.rebuildOffered.emit(
                self.tr(
                    "The document index could not be opened, so it was moved aside and kept "
                    "in {0}. Nothing was deleted. Rebuild builds a new index from your files."
                ).replace("{0}", shown(str(kept)))
            )

    def index_paths(self, paths: Sequence[Path] | None) -> bool:
        """Indexes files and folders (None: re-checks every known file).

        Returns False (and does nothing) while another run is going.
        """
        client = self.client
        targets = None if paths is None else [Path(p) for p in paths]
        return self._start_run(lambda progress, cancel: client.index(targets, progress, cancel))

    def rebuild(self) -> bool:
        """Builds a new index from the known files (after the old one was moved aside).

        Returns False (and does nothing) while another run is going.
        """
        return self._start_run(self.client.rebuild)

    def _start_run(
        self, call: Callable[[Callable[[SyncProgress], None], CancelToken], SyncReport]
    ) -> bool:
        """Runs an indexing call off the GUI thread, its progress as ``indexProgress``."""
        if self._indexer.busy:
            return False
        self._step = SyncProgress(0, 0, 0, "")
        self._run_ended = ended = threading.Event()

        def run(cancel: CancelToken) -> Generator[SyncProgress, None, SyncReport]:
            steps: queue.Queue[SyncProgress | None] = queue.Queue()
            outcome: dict[str, Any] = {}

            def work() -> None:
                try:
                    outcome["report"] = call(steps.put, cancel)
                except BaseException as exc:
                    outcome["error"] = exc
                finally:
                    ended.set()
                    steps.put(None)

            threading.Thread(target=work, name="hearth-indexing", daemon=True).start()
            while (step := steps.get()) is not None:
                yield step
            if "error" in outcome:
                raise outcome["error"]
            report: SyncReport = outcome["report"]
            return report

        self._indexer.start(run)
        return True

    def reindex_all(self) -> bool:
        """Re-checks every indexed file (changed ones are re-read, gone ones removed)."""
        return self.index_paths(None)

    def stop_indexing(self) -> None:
        """Stops the indexing run now (``indexStopped`` follows at once).

        The worker stops at its next check (between embedding requests) without writing
        the file in hand, which keeps its earlier version; files finished before stay
        indexed. Nothing is half-written: a file's passages are replaced in one step.
        """
        if not self._indexer.busy:
            return
        ended = self._run_ended
        self._indexer.stop()
        self.indexStopped.emit(self._step.files_done, self._step.files_total)
        self.refresh()
        run_call(lambda: ended.wait(STOP_WAIT_SECONDS), lambda _ended: self.refresh(), parent=self)

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

    def _on_index_progress(self, step: SyncProgress) -> None:
        self._step = step
        self.indexProgress.emit(step.files_done, step.files_total, step.chunks_done, step.path)

    def _on_indexed(self, report: SyncReport) -> None:
        self.indexFinished.emit(report)
        self.refresh()

    def reconfigure(self, settings: Settings) -> None:
        """Uses new settings: the index worker takes them from the next request on."""
        self.client.reconfigure(settings)

    def _on_index_failed(self, error: HearthError) -> None:
        self._on_index_error(error)
        self.refresh()

    def _on_index_error(self, error: HearthError) -> None:
        if isinstance(error, DocumentError) and error.kind is DocumentKind.MOVED_ASIDE:
            self.rebuildOffered.emit(worded(error))
        else:
            self.indexFailed.emit(worded(error))

    def shutdown(self) -> None:
        """Stops indexing and the worker process (call when the window closes)."""
        self._indexer.stop()
        threading.Thread(target=self.client.close, name="hearth-index-close", daemon=True).start()
