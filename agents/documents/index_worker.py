"""The index worker: a separate process that owns the vector store.

Chroma's bindings hold the GIL while they write, so writing from any thread of the GUI
process would freeze the window. Every Chroma operation (index, remove, search) runs in
one worker process started with the 'spawn' context; the caller gets progress, results
and errors back over queues, and can cancel. Listing files reads the SQLite ledger
directly. A file lock makes sure only one worker writes to a data folder.

The worker never outlives Hearth: it ignores Ctrl+C (Hearth asks it to stop, and it stops
between two steps), and a watchdog thread ends it as soon as Hearth's process is gone,
whatever it is doing. A worker that doesn't stop within a few seconds of a cancel is
terminated; the ledger marks the file in hand, so the next run repairs and resumes it.
"""

from __future__ import annotations

import collections
import itertools
import logging
import multiprocessing
import os
import queue
import signal
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any

from agents import paths
from agents.cancel import Cancelled, CancelToken
from agents.documents import aside
from agents.documents.errors import DocumentError, DocumentKind
from agents.documents.index import SyncProgress, SyncReport, manifest_path, relevant_passages
from agents.documents.manifest import IndexedFile, Manifest
from agents.documents.retrieval import Passage
from agents.errors import HearthError
from agents.llm.errors import ErrorKind, LLMError
from agents.settings import Settings
from agents.wording import Words, say

log = logging.getLogger(__name__)

_POLL_SECONDS = 0.1
_PARENT_CHECK_SECONDS = 1.0  # how soon an idle worker notices that Hearth is gone
_CANCEL_GRACE_SECONDS = 5.0  # how long a cancelled run may take to stop by itself
_EXIT_GRACE_SECONDS = 2.0  # how long an orphaned worker may take to finish a step


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
    message: Words
    exit_code: int
    llm_kind: str | None = None
    aside: str | None = None


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
            say(
                "Another Hearth process is already indexing this data folder: wait for it to "
                "finish (or close it), then try again."
            ),
        ) from exc
    return handle


def _error_reply(exc: BaseException) -> _ErrorReply:
    if isinstance(exc, LLMError):
        return _ErrorReply("llm", exc.words, exc.exit_code, exc.kind.name)
    if isinstance(exc, DocumentError) and exc.kind is DocumentKind.MOVED_ASIDE:
        return _ErrorReply("aside", exc.words, exc.exit_code, aside=exc.aside)
    if isinstance(exc, HearthError):
        return _ErrorReply("hearth", exc.words, exc.exit_code)
    return _ErrorReply(
        "internal",
        say(
            "The document index failed unexpectedly ({error_type}: {problem}). Nothing was "
            "deleted; try again, and if it keeps failing, rebuild the index with "
            "`hearth index --rebuild` (or Rebuild in the Documents tab).",
            error_type=type(exc).__name__,
            problem=exc,
        ),
        DocumentKind.INDEX_UNAVAILABLE.exit_code,
    )


def _as_error(reply: _ErrorReply) -> HearthError:
    if reply.kind == "llm" and reply.llm_kind:
        return LLMError(ErrorKind[reply.llm_kind], reply.message)
    if reply.kind == "aside" and reply.aside:
        return DocumentError.about_index(DocumentKind.MOVED_ASIDE, reply.message, reply.aside)
    error = DocumentError.about_index(DocumentKind.INDEX_UNAVAILABLE, reply.message)
    error.exit_code = reply.exit_code
    return error


def _watch_parent(cancel_event: Any) -> None:
    """Ends the worker when Hearth's process is gone (killed, crashed), even mid-run.

    The parent's sentinel becomes ready when it exits. The run in hand is asked to stop
    and gets a moment to finish its step; then the process ends regardless (the ledger
    marks an unfinished file, which the next run repairs).
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        cancel_event.set()
        threading.Event().wait(_EXIT_GRACE_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="hearth-parent-watch", daemon=True).start()


def worker_main(spec: WorkerSpec, requests: Any, replies: Any, cancel_event: Any) -> None:
    """The worker process: serves index requests until told to stop (None).

    Searches that arrive during an indexing run are answered between two files.
    """
    from agents.documents.index import DocumentIndex
    from agents.llm import OllamaService

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C reaches Hearth, which cancels
    _watch_parent(cancel_event)
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
            if operation in {"sync", "rebuild"}:
                cancel = _ProcessCancel(cancel_event)

                def report_progress(step: SyncProgress, rid: int = request_id) -> None:
                    replies.put((rid, "progress", step))
                    serve_searches_meanwhile()

                result: Any = (
                    index.sync(arguments["targets"], report_progress, cancel)
                    if operation == "sync"
                    else index.rebuild(report_progress, cancel)
                )
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
            log.info("index request %s failed: %s", operation, exc)
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


def _start_ignoring_ctrl_c(process: Any) -> None:
    """Starts a worker with Ctrl+C ignored from its first instruction.

    Ctrl+C at a terminal reaches every process of the group: Hearth turns it into a
    cancel, and the worker must not die half way through a write. The ignored disposition
    is inherited by the new process (it can only be set from the main thread; the worker
    sets it again first thing).
    """
    if threading.current_thread() is not threading.main_thread():
        process.start()
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        process.start()
    finally:
        signal.signal(signal.SIGINT, previous)


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
                    if request[1] in {"sync", "rebuild"}:
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
        _start_ignoring_ctrl_c(process)
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
        cancelled_at: float | None = None
        try:
            worker = self._submit((request_id, operation, arguments))
            while True:
                if cancel is not None and cancel.cancelled and cancelled_at is None:
                    worker.cancel.set()
                    cancelled_at = time.monotonic()
                try:
                    kind, payload = waiter.get(timeout=_POLL_SECONDS)
                except queue.Empty:
                    if (
                        cancelled_at is not None
                        and time.monotonic() - cancelled_at > _CANCEL_GRACE_SECONDS
                    ):
                        self._stop(worker)  # stuck in one step: the ledger marks the file
                        raise Cancelled() from None
                    if worker.fatal is not None:
                        raise worker.fatal from None
                    if not worker.dispatcher.is_alive() and waiter.empty():
                        raise DocumentError.about_index(
                            DocumentKind.INDEX_UNAVAILABLE,
                            say(
                                "The indexing process stopped unexpectedly (exit code "
                                "{code}). The index stays consistent: run the same "
                                "command again to resume.",
                                code=worker.process.exitcode,
                            ),
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

    def _stop(self, worker: _Worker) -> None:
        """Ends a worker that didn't stop when asked (the next request starts a new one)."""
        with self._lock:
            if self._worker is worker:
                self._worker = None
        log.warning("the index worker did not stop when asked; ending it")
        worker.process.terminate()
        worker.process.join(5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join(5)

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
        absolute = None if targets is None else [Path(t).expanduser().absolute() for t in targets]
        return self._run("sync", {"targets": absolute}, progress, cancel)

    def rebuild(
        self,
        progress: Callable[[SyncProgress], None] | None = None,
        cancel: CancelToken | None = None,
    ) -> SyncReport:
        """Builds the index again from its files (after it was moved aside); see
        DocumentIndex.rebuild."""
        return self._run("rebuild", {}, progress, cancel)

    def _run(
        self,
        operation: str,
        arguments: dict[str, Any],
        progress: Callable[[SyncProgress], None] | None,
        cancel: CancelToken | None,
    ) -> SyncReport:
        """An indexing run, one at a time; a worker stopped by force reports a cancelled run."""
        with self._sync_lock:
            try:
                report: SyncReport = self._call(operation, arguments, progress, cancel)
            except Cancelled:
                return SyncReport(cancelled=True)
            return report

    def moved_aside(self) -> Path | None:
        """Where an unreadable index was moved, while no rebuild has been done (no worker
        needed)."""
        return aside.moved_aside(paths.index_dir(self.root))

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
        try:
            manifest = Manifest(path, readonly=True)
        except sqlite3.DatabaseError as exc:  # damaged: the worker moves it aside when it opens
            log.warning("the index's ledger can't be read: %s", exc)
            return []
        try:
            return manifest.files()
        except sqlite3.DatabaseError:  # being created right now, or damaged (see above)
            return []
        finally:
            manifest.close()
