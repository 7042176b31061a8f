"""The index worker: a separate process that owns the vector store.

Chroma's bindings hold the GIL while they write, so writing from any thread of the GUI
process would freeze the window. Every Chroma operation (index, remove, search) runs in
one worker process started with the 'spawn' context; the caller gets progress, results
and errors back over queues, and can cancel. Listing files reads the SQLite ledger
directly. A file lock makes sure only one worker writes to a data folder.
"""

from __future__ import annotations

import collections
import itertools
import logging
import multiprocessing
import os
import queue
import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agents.cancel import CancelToken
from agents.documents.errors import DocumentError, DocumentKind
from agents.documents.index import SyncProgress, SyncReport, manifest_path, relevant_passages
from agents.documents.manifest import IndexedFile, Manifest
from agents.documents.retrieval import Passage
from agents.errors import HearthError
from agents.llm.errors import ErrorKind, LLMError
from agents.settings import Settings

log = logging.getLogger(__name__)

_POLL_SECONDS = 0.1
_PARENT_CHECK_SECONDS = 1.0  # how soon a worker notices that Hearth is gone


@dataclass(frozen=True)
class WorkerSpec:
    """What the worker process needs to open the index (picklable).

    Attributes:
        root: The data folder.
        settings: The settings the worker uses, as a dict (see ``worker_spec``).
    """

    root: str
    settings: dict[str, Any]


# What the worker uses besides the documents_* settings; a change to any restarts it.
_WORKER_SETTINGS = frozenset(
    {
        "ollama_host",
        "allow_remote_ollama",
        "connect_timeout",
        "read_timeout",
        "keep_alive",
        "embed_model",
    }
)


def worker_spec(root: Path, settings: Settings) -> WorkerSpec:
    """The spec of a worker for these settings: only what the worker uses."""
    used = {
        name: value
        for name, value in settings.to_dict().items()
        if name in _WORKER_SETTINGS or name.startswith("documents_")
    }
    return WorkerSpec(str(root), used)


@dataclass
class _Worker:
    """One worker process with its queues, as the client sees it."""

    spec: WorkerSpec
    process: Any
    requests: Any
    replies: Any
    cancel: Any
    fatal: HearthError | None = None
    dispatcher: threading.Thread = field(init=False)


@dataclass(frozen=True)
class _ErrorReply:
    kind: str
    message: str
    exit_code: int
    llm_kind: str | None = None


class _ProcessCancel(CancelToken):
    """A cancel token backed by an event shared between processes."""

    def __init__(self, event: Any) -> None:
        self._event = event


def _lock_data_dir(root: Path) -> Any:
    """Takes the writer lock of a data folder; DocumentError INDEX_UNAVAILABLE when held."""
    directory = root / "index"
    directory.mkdir(parents=True, exist_ok=True)
    handle = (directory / "writer.lock").open("a+")
    try:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except ImportError:  # Windows: the app's single-instance lock is the guard
        return handle
    except OSError as exc:
        handle.close()
        raise DocumentError.about_index(
            DocumentKind.INDEX_UNAVAILABLE,
            "Another Hearth process is already indexing this data folder: wait for it to "
            "finish (or close it), then try again.",
        ) from exc
    return handle


def _error_reply(exc: BaseException) -> _ErrorReply:
    if isinstance(exc, LLMError):
        return _ErrorReply("llm", exc.message, exc.exit_code, exc.kind.name)
    if isinstance(exc, HearthError):
        return _ErrorReply("hearth", exc.message, exc.exit_code)
    return _ErrorReply(
        "internal",
        f"The document index failed unexpectedly ({type(exc).__name__}: {exc}). Try again; "
        "if it keeps failing, remove the 'index' folder in the data folder to rebuild it.",
        DocumentKind.INDEX_UNAVAILABLE.exit_code,
    )


def _as_error(reply: _ErrorReply) -> HearthError:
    if reply.kind == "llm" and reply.llm_kind:
        return LLMError(ErrorKind[reply.llm_kind], reply.message)
    error = DocumentError.about_index(DocumentKind.INDEX_UNAVAILABLE, reply.message)
    error.exit_code = reply.exit_code
    return error


def worker_main(spec: WorkerSpec, requests: Any, replies: Any, cancel_event: Any) -> None:
    """The worker process: serves index requests until told to stop (None).

    Searches that arrive during an indexing run are answered between two files.
    """
    from agents.documents.index import DocumentIndex
    from agents.llm import OllamaService

    logging.basicConfig(level=os.environ.get("HEARTH_LOG_LEVEL", "WARNING"))
    root = Path(spec.root)
    try:
        lock = _lock_data_dir(root)
        index = DocumentIndex(root, OllamaService(Settings.from_dict(spec.settings)))
    except BaseException as exc:
        replies.put((0, "fatal", _error_reply(exc)))
        return
    backlog: collections.deque[Any] = collections.deque()

    def serve(request_id: int, operation: str, arguments: dict[str, Any]) -> None:
        try:
            if operation == "sync":
                cancel = _ProcessCancel(cancel_event)

                def report_progress(step: SyncProgress, rid: int = request_id) -> None:
                    replies.put((rid, "progress", step))
                    serve_searches_meanwhile()

                result: Any = index.sync(arguments["targets"], report_progress, cancel)
            elif operation == "remove":
                result = index.remove(arguments["targets"])
            elif operation == "search":
                result = index.search(
                    arguments["question"], arguments.get("k"), arguments.get("method")
                )
            else:
                raise ValueError(f"unknown request {operation!r}")
            replies.put((request_id, "done", result))
        except HearthError as exc:  # expected (Ollama down, a bad file): the caller shows it
            log.warning("index request %s failed: %s", operation, exc)
            replies.put((request_id, "error", _error_reply(exc)))
        except BaseException as exc:
            log.exception("index request %s failed", operation)
            replies.put((request_id, "error", _error_reply(exc)))

    def serve_searches_meanwhile() -> None:
        """Between two files of an indexing run, answers waiting searches at once."""
        while True:
            try:
                message = requests.get_nowait()
            except queue.Empty:
                return
            if message is not None and message[1] == "search":
                serve(*message)
            else:
                backlog.append(message)

    parent = multiprocessing.parent_process()
    try:
        while True:
            if backlog:
                message = backlog.popleft()
            else:
                try:
                    message = requests.get(timeout=_PARENT_CHECK_SECONDS)
                except queue.Empty:
                    # Hearth was killed: don't linger holding the writer lock.
                    if parent is not None and not parent.is_alive():
                        break
                    continue
            if message is None:
                break
            serve(*message)
    finally:
        index.close()
        lock.close()


class IndexClient:
    """The documents index as the GUI and CLI use it: Chroma work runs in a worker process.

    Methods block the calling thread (call them off the GUI thread); they are safe to
    call from several threads. The worker starts on first use and restarts after a crash,
    and after a settings change that concerns it (see ``reconfigure``).

    Args:
        root: The data folder.
        settings: Hearth's settings (host, embedding model, ``documents_*``).
    """

    def __init__(self, root: Path, settings: Settings) -> None:
        self.root = Path(root)
        self.settings = settings
        self._context = multiprocessing.get_context("spawn")
        self._lock = threading.Lock()
        self._sync_lock = threading.Lock()
        self._worker: _Worker | None = None
        self._retiring: _Worker | None = None  # finishing its request in hand, then exiting
        self._pending: dict[int, queue.Queue[tuple[str, Any]]] = {}
        self._ids = itertools.count(1)

    def reconfigure(self, settings: Settings) -> None:
        """Uses new settings from the next request on.

        When they change what the worker uses (the Ollama connection, the embedding model
        or a ``documents_*`` setting), the next request retires the worker: it finishes
        the request in hand (an indexing run goes on to its end, never stopped mid-file)
        and exits, and a new worker starts with the new settings.
        """
        with self._lock:
            self.settings = settings

    # -- process ---------------------------------------------------------------------
    @property
    def pid(self) -> int | None:
        """The worker's process id while it runs."""
        worker = self._worker
        return worker.process.pid if worker is not None and worker.process.is_alive() else None

    def _submit(self, request: tuple[int, str, dict[str, Any]]) -> _Worker:
        """Hands a request to a worker started with the current settings."""
        while True:
            with self._lock:
                worker = self._current_worker()
                if worker is not None:
                    if request[1] == "sync":
                        worker.cancel.clear()  # a new run starts uncancelled
                    worker.requests.put(request)
                    return worker
                retiring = self._retiring
            assert retiring is not None
            # It holds the writer lock until its request in hand is done.
            retiring.process.join(_POLL_SECONDS)

    def _current_worker(self) -> _Worker | None:
        """The worker for the current settings, started if needed (call with the lock held).

        None while a retired worker is still finishing its request in hand.
        """
        spec = worker_spec(self.root, self.settings)
        worker = self._worker
        if worker is not None and worker.process.is_alive():
            if worker.spec == spec:
                return worker
            worker.requests.put(None)  # it exits after what it was already asked
            self._retiring, self._worker = worker, None
        if self._retiring is not None and self._retiring.process.is_alive():
            return None
        self._retiring = None
        requests, replies = self._context.Queue(), self._context.Queue()
        cancel = self._context.Event()
        process = self._context.Process(
            target=worker_main,
            args=(spec, requests, replies, cancel),
            name="hearth-index-worker",
            daemon=True,
        )
        process.start()
        worker = _Worker(spec, process, requests, replies, cancel)
        worker.dispatcher = threading.Thread(
            target=self._dispatch, args=(worker,), name="hearth-index-replies", daemon=True
        )
        worker.dispatcher.start()
        self._worker = worker
        return worker

    def _dispatch(self, worker: _Worker) -> None:
        """Routes a worker's replies to the waiting callers, until it is gone."""
        while True:
            alive = worker.process.is_alive()
            try:
                request_id, kind, payload = worker.replies.get(timeout=_POLL_SECONDS)
            except queue.Empty:
                if alive:
                    continue
                return  # it had exited before this wait: every reply it sent is routed
            except (EOFError, OSError):
                return
            if kind == "fatal":
                worker.fatal = _as_error(payload)
                continue
            waiter = self._pending.get(request_id)
            if waiter is not None:
                waiter.put((kind, payload))

    def _call(
        self,
        operation: str,
        arguments: dict[str, Any],
        on_progress: Callable[[Any], None] | None = None,
        cancel: CancelToken | None = None,
    ) -> Any:
        request_id = next(self._ids)
        waiter: queue.Queue[tuple[str, Any]] = queue.Queue()
        self._pending[request_id] = waiter
        try:
            worker = self._submit((request_id, operation, arguments))
            while True:
                if cancel is not None and cancel.cancelled:
                    worker.cancel.set()
                try:
                    kind, payload = waiter.get(timeout=_POLL_SECONDS)
                except queue.Empty:
                    if worker.fatal is not None:
                        raise worker.fatal from None
                    if not worker.dispatcher.is_alive() and waiter.empty():
                        raise DocumentError.about_index(
                            DocumentKind.INDEX_UNAVAILABLE,
                            f"The indexing process stopped unexpectedly (exit code "
                            f"{worker.process.exitcode}). The index stays consistent: run the "
                            "same command again to resume.",
                        ) from None
                    continue
                if kind == "progress":
                    if on_progress is not None:
                        on_progress(payload)
                    continue
                if kind == "error":
                    raise _as_error(payload)
                return payload
        finally:
            self._pending.pop(request_id, None)

    def close(self, timeout: float = 10.0) -> None:
        """Stops the worker (it finishes the file in hand first)."""
        with self._lock:
            workers = [w for w in (self._worker, self._retiring) if w is not None]
            self._worker = self._retiring = None
        for worker in workers:
            if worker.process.is_alive():
                worker.cancel.set()
                worker.requests.put(None)
                worker.process.join(timeout)
                if worker.process.is_alive():
                    worker.process.terminate()
                    worker.process.join(5)

    # -- operations ------------------------------------------------------------------
    def index(
        self,
        targets: Sequence[Path] | None,
        progress: Callable[[SyncProgress], None] | None = None,
        cancel: CancelToken | None = None,
    ) -> SyncReport:
        """Indexes files and folders (None: re-check every known file); see DocumentIndex.sync."""
        with self._sync_lock:
            absolute = (
                None if targets is None else [Path(t).expanduser().absolute() for t in targets]
            )
            report: SyncReport = self._call("sync", {"targets": absolute}, progress, cancel)
            return report

    def remove(self, targets: Sequence[Path | str]) -> list[str]:
        """Removes files or folders from the index; returns the removed paths."""
        absolute = [str(Path(t).expanduser().absolute()) for t in targets]
        removed: list[str] = self._call("remove", {"targets": absolute})
        return removed

    def search(
        self, question: str, k: int | None = None, method: str | None = None
    ) -> list[Passage]:
        """The passages that best answer the question (see DocumentIndex.search)."""
        found: list[Passage] = self._call(
            "search", {"question": question, "k": k, "method": method}
        )
        return found

    def relevant(self, question: str, passages: Sequence[Passage]) -> list[Passage]:
        """Drops passages unrelated to the question."""
        return relevant_passages(question, passages, self.settings.documents_min_similarity)

    def files(self) -> list[IndexedFile]:
        """The indexed files, read from the ledger (no worker needed)."""
        path = manifest_path(self.root)
        if not path.exists():
            return []
        manifest = Manifest(path, readonly=True)
        try:
            return manifest.files()
        except sqlite3.OperationalError:  # the worker is creating the ledger right now
            return []
        finally:
            manifest.close()
