"""The document index: Chroma vectors plus the SQLite ledger, kept consistent.

Only the index worker process opens this for writing (``DocumentIndex.sync``/``remove``):
Chroma's bindings hold the GIL while writing, which would freeze a window. Vectors are
always computed here with Ollama and passed in, and the collection is created without an
embedding function, so Chroma never downloads its default ONNX model.
"""

from __future__ import annotations

import logging
import math
import os
import re
import sqlite3
import urllib.parse
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

from agents import paths
from agents.cancel import Cancelled, CancelToken
from agents.documents import aside
from agents.documents.chunking import Chunk, chunk_document
from agents.documents.errors import DocumentError, DocumentKind
from agents.documents.loaders import content_sha256, open_document, read_document
from agents.documents.manifest import (
    FAILED,
    INDEXED,
    INDEXING,
    STALE,
    STOPWORDS,
    IndexedFile,
    Manifest,
    NewerLedger,
    StoredChunk,
    search_terms,
)
from agents.documents.retrieval import METHODS, Passage, cosine, mmr, reciprocal_rank_fusion
from agents.documents.scan import plan_run
from agents.files import path_text
from agents.llm import OllamaService
from agents.printable import shown
from agents.settings import Settings
from agents.wording import Words, say

log = logging.getLogger(__name__)

# Task prefixes some embedding models were trained with (document side, query side).
EMBED_PREFIXES: dict[str, tuple[str, str]] = {
    "nomic-embed-text": ("search_document: ", "search_query: "),
    "mxbai-embed-large": ("", "Represent this sentence for searching relevant passages: "),
}
CHROMA_ADD_BATCH = 1000
HNSW_SEARCH_EF = 200
"""How many candidates an HNSW query keeps while it walks the graph (Chroma's ``ef_search``).

Chroma's default, 100, found three in four of the exact top 5 at 100,000 passages of
bag-of-words vectors (bench/retrieval.py). It is the one HNSW setting an existing
collection can change, so it is applied to collections made before it too."""


def embed_prefixes(model: str) -> tuple[str, str]:
    """The (document, query) prefixes for an embedding model."""
    base = model.split(":", 1)[0].rsplit("/", 1)[-1]
    return EMBED_PREFIXES.get(base, ("", ""))


def manifest_path(root: Path) -> Path:
    """The ledger's file inside the data folder."""
    return paths.index_dir(root) / "manifest.sqlite3"


def collection_name(model: str, dimension: int) -> str:
    """A Chroma collection per embedding model and dimension."""
    slug = re.sub(r"[^a-zA-Z0-9._-]+", "-", model).strip("-._") or "model"
    return f"hearth-{slug}-{dimension}"[:500]


class OllamaEmbedder:
    """Hearth's embedding function: Ollama's /api/embed with the model's task prefixes.

    Nothing is cut silently: inputs go with ``truncate`` off, and a passage longer than
    the model's context is embedded in parts whose vectors are averaged (weighted by
    length), so every word of it counts.
    """

    def __init__(self, service: OllamaService, model: str) -> None:
        self.service = service
        self.model = model
        self.document_prefix, self.query_prefix = embed_prefixes(model)
        self.calls = 0

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        """Vectors for passages."""
        return self._embed([self.document_prefix + t for t in texts])

    def embed_query(self, text: str) -> list[float]:
        """The vector for a question."""
        return self._embed([self.query_prefix + text])[0]

    def _embed(self, texts: list[str]) -> list[list[float]]:
        try:
            return self._request(texts)
        except _TooLong:
            return [self._embed_long(text) for text in texts]  # which one: each alone

    def _embed_long(self, text: str, depth: int = 0) -> list[float]:
        """One text, in halves (recursively) if the model's context can't hold it."""
        try:
            return self._request([text])[0]
        except _TooLong as exc:
            cut = _middle(text)
            if depth >= MAX_SPLITS or not 0 < cut < len(text):
                raise DocumentError.about_index(
                    DocumentKind.INDEX_UNAVAILABLE,
                    say(
                        "A passage is too long for the embedding model '{model}' even in "
                        "parts: lower the passage length in Settings.",
                        model=self.model,
                    ),
                ) from exc
            parts = [text[:cut], text[cut:]]
            vectors = [self._embed_long(part, depth + 1) for part in parts]
            return _mean([len(part) for part in parts], vectors)

    def _request(self, texts: list[str]) -> list[list[float]]:
        self.calls += 1
        try:
            response = self.service.client.embed(
                model=self.model,
                input=texts,
                truncate=False,
                keep_alive=self.service.settings.keep_alive,
            )
        except Exception as exc:
            text = str(getattr(exc, "error", exc)).lower()
            if "context length" in text and "exceed" in text:
                raise _TooLong from exc
            raise self.service.error(exc, self.model) from exc
        vectors = [list(map(float, v)) for v in response.embeddings]
        if len(vectors) != len(texts):
            raise DocumentError.about_index(
                DocumentKind.INDEX_UNAVAILABLE,
                say(
                    "Ollama returned {vectors} embeddings for {passages} passages; check the "
                    "embedding model '{model}'.",
                    vectors=len(vectors),
                    passages=len(texts),
                    model=self.model,
                ),
            )
        return vectors

    def dimension(self) -> int:
        """The model's vector size (from /api/show; one probe embedding if it isn't listed)."""
        info = self.service.show(self.model)
        if info.embedding_length:
            return int(info.embedding_length)
        return len(self.embed_query("dimension probe"))


MAX_SPLITS = 6  # a passage is embedded in at most 2**6 parts


class _EmbedAhead:
    """Embeds one file's passages in a background thread while the file before it is
    written (Chroma and the ledger stay in the calling thread).

    Back-pressure: at most one file waits embedded or being embedded; the next is
    submitted only once that one's write has begun.

    Args:
        embed: ``embed(chunks, cancel, stop)``, the vectors of the passages.
    """

    def __init__(
        self,
        embed: Callable[[Sequence[Chunk], CancelToken, CancelToken], list[list[float]]],
    ) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self._embed = embed
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hearth-embed")
        self._stop = CancelToken()
        self._ahead: tuple[Future[list[list[float]]], Callable[[list[list[float]]], int]] | None
        self._ahead = None

    def submit(
        self,
        chunks: Sequence[Chunk],
        write: Callable[[list[list[float]]], int],
        cancel: CancelToken,
    ) -> int:
        """Starts embedding ``chunks``; writes the file submitted before (its vectors
        awaited). Returns how many passages that wrote.

        Raises:
            Cancelled: ``cancel`` was set: the file before was not written.
        """
        future = self._pool.submit(self._embed, chunks, cancel, self._stop)
        done = self.finish()
        self._ahead = (future, write)
        return done

    @property
    def waiting(self) -> int:
        """Files submitted and not yet written (0 or 1)."""
        return int(self._ahead is not None)

    def finish(self) -> int:
        """Writes the file submitted last, once its vectors are in; returns its passages."""
        ahead, self._ahead = self._ahead, None
        if ahead is None:
            return 0
        future, write = ahead
        return write(future.result())

    def close(self) -> None:
        """Stops what is being embedded (nothing of it is written) and the thread."""
        self._ahead = None
        self._stop.cancel()
        self._pool.shutdown(wait=True, cancel_futures=True)


class _TooLong(Exception):
    """The server refused an input longer than the embedding model's context."""


def _middle(text: str) -> int:
    """Where to cut a text in two: at the whitespace nearest its middle."""
    half = len(text) // 2
    space = text.rfind(" ", 0, half)
    return space if space > half // 2 else half


def _mean(weights: Sequence[int], vectors: Sequence[Sequence[float]]) -> list[float]:
    """The weighted mean of vectors, scaled to unit length."""
    total = [
        sum(w * v[i] for w, v in zip(weights, vectors, strict=True)) for i in range(len(vectors[0]))
    ]
    norm = math.sqrt(sum(x * x for x in total)) or 1.0
    return [x / norm for x in total]


def open_chroma(root: Path, server: str = "") -> Any:
    """A Chroma client: embedded under the data folder, or the server (host:port or URL)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if server:
        parts = urllib.parse.urlsplit(server if "//" in server else f"//{server}")
        return chromadb.HttpClient(
            host=parts.hostname or "localhost",
            port=parts.port or 8000,
            ssl=parts.scheme == "https",
            settings=settings,
        )
    directory = paths.index_dir(root) / "chroma"
    directory.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(directory), settings=settings)


def open_collection(client: Any, name: str) -> Any:
    """The collection ``name`` (created if needed: cosine space, no embedding function).

    A collection made by an earlier Hearth is given ``HNSW_SEARCH_EF`` in place (Chroma
    stores it in the collection's configuration; the graph itself is kept), so nobody's
    index is rebuilt for it. If the store refuses (an older Chroma server), the collection
    is used as it is.
    """
    collection = client.get_or_create_collection(
        name,
        embedding_function=None,
        configuration={"hnsw": {"space": "cosine", "ef_search": HNSW_SEARCH_EF}},
    )
    hnsw = (collection.configuration or {}).get("hnsw") or {}
    if (hnsw.get("ef_search") or 0) < HNSW_SEARCH_EF:
        try:
            collection.modify(configuration={"hnsw": {"ef_search": HNSW_SEARCH_EF}})
        except Exception as exc:
            log.warning("the vector store kept its narrower search (%s)", exc)
    return collection


@dataclass(frozen=True)
class SyncProgress:
    """How far an indexing run is."""

    files_done: int
    files_total: int
    chunks_done: int
    path: str = ""


@dataclass
class SyncReport:
    """What an indexing run did.

    ``failed`` holds files that could not be read, ``skipped`` what a chosen folder holds
    that isn't read (special files, links out of it), each with the message to show.
    """

    indexed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, Words]] = field(default_factory=list)
    skipped: list[tuple[str, Words]] = field(default_factory=list)
    chunks_added: int = 0
    cancelled: bool = False
    repaired: bool = False


class DocumentIndex:
    """Vectors in Chroma, passages and file states in the ledger; writes from one process.

    Args:
        root: The data folder.
        service: The Ollama door (embeddings); its settings give the caps, chunk sizes,
            retrieval choice and Chroma server (``documents_*``).
    """

    def __init__(self, root: Path, service: OllamaService) -> None:
        self.root = root
        self.service = service
        self.embedder = OllamaEmbedder(service, service.settings.embed_model)
        self.index_dir = paths.index_dir(root)
        self.manifest = _open_ledger(self.index_dir)
        self._client: Any = None
        self._pipeline: _EmbedAhead | None = None  # during sync()
        self._collection: Any = None
        self.repaired = False

    @property
    def settings(self) -> Settings:
        """The settings in force (the service's)."""
        return self.service.settings

    # -- opening and repair ----------------------------------------------------------
    @property
    def collection_name(self) -> str:
        """The collection for the configured embedding model."""
        key = f"dimension:{self.embedder.model}"
        stored = self.manifest.get_meta(key)
        if stored is None:
            stored = str(self.embedder.dimension())
            self.manifest.set_meta(key, stored)
        return collection_name(self.embedder.model, int(stored))

    @property
    def collection(self) -> Any:
        """The Chroma collection, opened (and repaired if needed) on first use."""
        if self._collection is None:
            self._open()
        return self._collection

    def _open(self) -> None:
        """Opens the vector store; one that can't be opened is kept (see agents.documents.aside).

        Raises:
            IndexMovedAside: it is damaged and was moved aside (now or before), until the
                person rebuilds.
            IndexUnavailable: a library, the disk or the Chroma server is the problem;
                nothing was changed.
        """
        server = self.settings.documents_chroma_server
        kept = None if server else aside.moved_aside(self.index_dir)
        if kept is not None:
            raise _moved_aside_error(kept, say("earlier"))
        name = self.collection_name
        try:
            self._client = open_chroma(self.root, server)
            self._collection = open_collection(self._client, name)
            self._collection.count()
        except Exception as exc:
            self._client = self._collection = None
            if server:
                raise DocumentError.about_index(
                    DocumentKind.INDEX_UNAVAILABLE,
                    say(
                        "The Chroma server at {server} can't be used ({problem}). Check that it "
                        "is running, or clear the server setting to use the built-in index.",
                        server=server,
                        problem=exc,
                    ),
                ) from exc
            raise _open_failure(self.index_dir, exc, ledger_damaged=False) from exc
        self._repair(name)

    def rebuild(
        self,
        progress: Callable[[SyncProgress], None] | None = None,
        cancel: CancelToken | None = None,
    ) -> SyncReport:
        """Builds the index again from the files it knows (the person asked for it).

        An index moved aside stays where it is; otherwise the passages are dropped and
        every known file is read and embedded again.
        """
        aside.forget_moved_aside(self.index_dir)
        self.manifest.mark_all_stale()
        collection = self.collection
        if collection.count():
            self._client.delete_collection(collection.name)
            self._collection = None
        return self.sync(None, progress, cancel)

    def _repair(self, name: str) -> None:
        """Detects what a killed run or a changed embedding model left behind."""
        previous = self.manifest.get_meta("collection")
        if previous is not None and previous != name:
            log.info("embedding model changed (%s -> %s): re-indexing everything", previous, name)
            try:
                self._client.delete_collection(previous)
            except Exception as exc:  # it may already be gone
                log.debug("old collection not deleted: %s", exc)
            self.manifest.mark_all_stale()
            self.repaired = True
        self.manifest.set_meta("collection", name)
        for path in self.manifest.paths_with_status(INDEXING):
            log.info("%s was being indexed when Hearth stopped: indexing it again", shown(path))
            self._collection.delete(where={"path": path_text(path)})
            self.manifest.mark_stale(path)
            self.repaired = True
        if self._collection.count() != self.manifest.chunk_count():
            log.warning("vector store and ledger disagree: rebuilding the index from the files")
            self._client.delete_collection(name)
            self._collection = open_collection(self._client, name)
            self.manifest.mark_all_stale()
            self.repaired = True

    def close(self) -> None:
        """Closes the ledger (Chroma has nothing to close)."""
        self.manifest.close()

    # -- reading ---------------------------------------------------------------------
    def files(self) -> list[IndexedFile]:
        """Every file the index knows about."""
        return self.manifest.files()

    def search(
        self, question: str, k: int | None = None, method: str | None = None
    ) -> list[Passage]:
        """The passages that best answer ``question``, best first.

        Args:
            question: The question, as typed.
            k: How many passages (default from settings).
            method: "vector", "mmr" or "hybrid" (default from settings).
        """
        k = k or self.settings.documents_top_k
        method = method or self.settings.documents_retrieval
        if method not in METHODS:
            raise ValueError(f"unknown retrieval method {method!r}; use one of {METHODS}")
        collection = self.collection
        total = self.manifest.chunk_count()  # counted once between writes
        if total == 0 or not question.strip():
            return []
        query = self.embedder.embed_query(question)
        wanted = min(total, max(4 * k, 20))
        # Each side gives ids only: the k passages come from the ledger at the end, the
        # vectors (for MMR) only when asked for.
        include = ["distances", "embeddings"] if method == "mmr" else ["distances"]
        result = collection.query(query_embeddings=[query], n_results=wanted, include=include)
        by_vector = [
            Passage(cid, "", None, None, "", similarity=1.0 - float(distance))
            for cid, distance in zip(result["ids"][0], result["distances"][0], strict=True)
        ]
        if method == "vector":
            return self._with_text(by_vector, k)
        if method == "mmr":
            found = zip(by_vector, result["embeddings"][0], strict=True)
            stored = self.manifest.chunks_by_id(p.chunk_id for p in by_vector)
            candidates = [(p, list(map(float, v))) for p, v in found if p.chunk_id in stored]
            return [_filled(p, stored[p.chunk_id]) for p in mmr(query, candidates, k)]
        by_keyword = [
            Passage(cid, "", None, None, "", keyword_score=score)
            for cid, score in self.manifest.keyword_ids(question, wanted)
        ]
        fused = self._with_text(
            reciprocal_rank_fusion([by_vector, by_keyword], len(by_vector) + len(by_keyword)), k
        )
        missing = [p.chunk_id for p in fused if p.similarity is None]
        vectors: dict[str, list[float]] = {}
        if missing:
            got = collection.get(ids=missing, include=["embeddings"])
            for cid, vector in zip(got["ids"], got["embeddings"], strict=True):
                vectors[cid] = list(map(float, vector))
        return [
            p
            if p.similarity is not None
            else replace(p, similarity=cosine(query, vectors[p.chunk_id]))
            for p in fused
            if p.similarity is not None or p.chunk_id in vectors
        ]

    def _with_text(self, ranked: Sequence[Passage], k: int) -> list[Passage]:
        """The first ``k`` of ``ranked`` that the ledger holds, with their text and place
        (a passage Chroma has and the ledger doesn't, as a repair would find, is skipped)."""
        found: list[Passage] = []
        start = 0
        while len(found) < k and start < len(ranked):
            part = ranked[start : start + k - len(found)]
            stored = self.manifest.chunks_by_id(p.chunk_id for p in part)
            found += [_filled(p, stored[p.chunk_id]) for p in part if p.chunk_id in stored]
            start += len(part)
        return found

    def relevant(self, question: str, passages: Sequence[Passage]) -> list[Passage]:
        """Drops passages unrelated to the question (see ``relevant_passages``)."""
        return relevant_passages(question, passages, self.settings.documents_min_similarity)

    # -- writing (index worker process only) -----------------------------------------
    def sync(
        self,
        targets: Sequence[Path] | None = None,
        progress: Callable[[SyncProgress], None] | None = None,
        cancel: CancelToken | None = None,
    ) -> SyncReport:
        """Brings the index up to date with files and folders.

        Unchanged files (same content hash) cost nothing; changed ones replace their
        passages; files gone from disk (or from a named folder) leave the index. With no
        targets, every known file is checked. Files left stale by an interrupted run are
        always included. What a folder holds besides documents (special files, links out
        of it) is skipped with a note (see agents.documents.scan). ``cancel`` stops the
        run between two steps, whatever the file in hand: the index stays consistent.
        """
        cancel = cancel or CancelToken()
        report = SyncReport()
        _ = self.collection  # opens and repairs
        report.repaired = self.repaired
        known = {f.path: f for f in self.manifest.files()}
        try:
            plan = plan_run(targets, known, self.manifest.paths_with_status(STALE), cancel)
        except Cancelled:
            report.cancelled = True
            return report
        report.failed += plan.refused
        report.skipped += plan.skipped
        for path in plan.gone:
            self._remove_one(path)
            report.removed.append(path)
        chunks_done = 0
        files = list(plan.files.items())
        told = -1

        def tell(done: int, path: str) -> None:  # each time a file is done (written or not)
            nonlocal told
            if progress and done != told:
                told = done
                progress(SyncProgress(done, len(files), chunks_done, path))

        self._pipeline = pipeline = _EmbedAhead(self._embed_all)
        try:
            for number, (path, root) in enumerate(files):
                if cancel.cancelled:
                    report.cancelled = True
                    break
                tell(number - pipeline.waiting, path_text(path))
                try:
                    chunks_done += self._sync_file(Path(path), root, report, cancel)
                except Cancelled:
                    report.cancelled = True  # nothing of this file was written
                    break
                tell(number + 1 - pipeline.waiting, path_text(path))
            if not report.cancelled:
                chunks_done += pipeline.finish()
                tell(len(files), "")
        except Cancelled:
            report.cancelled = True  # the file being written last was not
        finally:
            pipeline.close()
            self._pipeline = None
        report.chunks_added = chunks_done
        return report

    def _sync_file(self, path: Path, root: str, report: SyncReport, cancel: CancelToken) -> int:
        """Indexes one file (kept inside ``root`` when found in a folder); returns chunks added.

        Raises:
            Cancelled: ``cancel`` was set; nothing of this file was written.
        """
        key = str(path)
        try:
            handle = open_document(path, Path(root) if root else None)
        except DocumentError as exc:
            if isinstance(exc.__cause__, FileNotFoundError):
                self._remove_one(key)
                report.removed.append(key)
            else:
                self.manifest.fail_file(key, _kind(path), "", exc.words, root)
                report.failed.append((key, exc.words))
            return 0
        with handle:
            return self._sync_opened(handle, path, root, report, cancel)

    def _sync_opened(
        self, handle: BinaryIO, path: Path, root: str, report: SyncReport, cancel: CancelToken
    ) -> int:
        key = str(path)
        row = self.manifest.get(key)
        name = self.collection_name
        stat = os.fstat(handle.fileno())
        current = row is not None and row.collection == name and row.status == INDEXED
        if (
            current
            and row is not None
            and (row.size, row.mtime_ns) == (stat.st_size, stat.st_mtime_ns)
        ):
            report.unchanged.append(key)
            return 0
        settings = self.settings
        small = stat.st_size <= settings.documents_max_file_bytes
        sha = content_sha256(handle, cancel) if small else ""
        if current and row is not None and sha and sha == row.sha256:
            self.manifest.touch_file(key, stat.st_size, stat.st_mtime_ns)
            report.unchanged.append(key)
            return 0
        if row is not None and row.status == FAILED and sha and sha == row.failed_sha256:
            report.failed.append((key, row.problem))
            return 0
        kind = _kind(path)
        try:
            document = read_document(handle, path, settings, cancel)
            chunks = chunk_document(document, sha, settings)
        except DocumentError as exc:
            self.manifest.fail_file(key, kind, sha, exc.words, root)
            report.failed.append((key, exc.words))
            return 0

        def write(vectors: list[list[float]]) -> int:
            self._write(
                key,
                kind=kind,
                sha=sha,
                stat=stat,
                pages=document.pages,
                name=name,
                chunks=chunks,
                vectors=vectors,
                root=root,
            )
            report.indexed.append(key)
            return len(chunks)

        if self._pipeline is None:  # outside a run: embedded, then written
            return write(self._embed_all(chunks, cancel))
        # Embedded in the background while the file before it is written (counted then).
        return self._pipeline.submit(chunks, write, cancel)

    def _embed_all(
        self, chunks: Sequence[Chunk], cancel: CancelToken, stop: CancelToken | None = None
    ) -> list[list[float]]:
        """The passages' vectors, a batch per request; stops between batches when asked
        (nothing is written before every vector is in: the previous version stays)."""
        vectors: list[list[float]] = []
        batch = max(1, self.settings.documents_embed_batch)
        for start in range(0, len(chunks), batch):
            cancel.check()
            if stop is not None:
                stop.check()
            vectors += self.embedder.embed_documents(
                [c.text for c in chunks[start : start + batch]]
            )
        cancel.check()
        return vectors

    def _write(
        self,
        key: str,
        *,
        kind: str,
        sha: str,
        stat: os.stat_result,
        pages: int,
        name: str,
        chunks: list[Chunk],
        vectors: list[list[float]],
        root: str,
    ) -> None:
        self.manifest.begin_file(key, kind)
        self.collection.delete(where={"path": path_text(key)})
        for start in range(0, len(chunks), CHROMA_ADD_BATCH):
            part = chunks[start : start + CHROMA_ADD_BATCH]
            self.collection.add(
                ids=[c.chunk_id for c in part],
                embeddings=vectors[start : start + CHROMA_ADD_BATCH],
                documents=[c.text for c in part],
                metadatas=[c.metadata() for c in part],
            )
        self.manifest.commit_file(
            key,
            kind=kind,
            sha256=sha,
            size=stat.st_size,
            mtime_ns=stat.st_mtime_ns,
            pages=pages,
            collection=name,
            chunks=chunks,
            root=root,
        )

    def remove(self, targets: Iterable[Path | str]) -> list[str]:
        """Removes files (or everything under folders) from the index; returns the paths."""
        _ = self.collection
        known = [f.path for f in self.manifest.files()]
        removed: list[str] = []
        for target in targets:
            key = str(Path(target).expanduser().absolute())
            prefix = key.rstrip(os.sep) + os.sep
            for path in known:
                if (path == key or path.startswith(prefix)) and path not in removed:
                    self._remove_one(path)
                    removed.append(path)
        return removed

    def _remove_one(self, path: str) -> None:
        self.manifest.begin_file(path, "")
        self.collection.delete(where={"path": path_text(path)})
        self.manifest.remove_file(path)


def _filled(passage: Passage, chunk: StoredChunk) -> Passage:
    """A ranked passage with its text and place from the ledger (a ranking without a score
    of its own scores by similarity)."""
    return replace(
        passage,
        path=path_text(chunk.path),
        page=chunk.page,
        heading=chunk.heading,
        text=chunk.text,
        score=passage.score or passage.similarity or 0.0,
    )


def relevant_passages(
    question: str, passages: Sequence[Passage], min_similarity: float
) -> list[Passage]:
    """Keeps passages similar to the question, or sharing at least half its key words."""
    wanted = {t for t in search_terms(question) if t not in STOPWORDS}
    kept = []
    for passage in passages:
        have = set(search_terms(f"{passage.heading or ''} {passage.text}"))
        coverage = len(wanted & have) / len(wanted) if wanted else 0.0
        similar = passage.similarity is not None and passage.similarity >= min_similarity
        if similar or coverage >= 0.5:
            kept.append(passage)
    return kept


def _kind(path: Path) -> str:
    """The kind of a document as the ledger records it: its extension."""
    return path.suffix.lower().lstrip(".")


def _open_ledger(index_dir: Path) -> Manifest:
    """Opens the ledger; a damaged one is moved aside with the vector store, never deleted.

    Raises:
        IndexMovedAside: it was damaged and has been moved aside.
        IndexUnavailable: it is locked, unreadable for the system or from a newer Hearth;
            nothing was changed.
    """
    path = index_dir / aside.LEDGER_FILES[0]
    try:
        return Manifest(path)
    except NewerLedger as exc:
        raise DocumentError.about_index(
            DocumentKind.INDEX_UNAVAILABLE,
            say(
                "The document index was made by a newer version of Hearth ({problem}). "
                "Update Hearth to use it; nothing was changed.",
                problem=exc,
            ),
        ) from exc
    except sqlite3.DatabaseError as exc:
        raise _open_failure(index_dir, exc, ledger_damaged=True) from exc


def _open_failure(index_dir: Path, exc: BaseException, *, ledger_damaged: bool) -> DocumentError:
    """The error for an index that failed to open; moves it aside only when it is damaged."""
    if aside.is_installation_problem(exc):
        return DocumentError.about_index(
            DocumentKind.INDEX_UNAVAILABLE,
            say(
                "The document index can't be opened because part of Hearth's "
                "installation is missing or broken ({error_type}: {problem}). Your index "
                "was not changed; reinstall Hearth.",
                error_type=type(exc).__name__,
                problem=exc,
            ),
        )
    if aside.is_environment_problem(exc):
        return DocumentError.about_index(
            DocumentKind.INDEX_UNAVAILABLE,
            say(
                "The document index can't be opened right now ({problem}). Nothing was "
                "changed: check the disk (free space, permissions) and that no other "
                "program holds it, then try again.",
                problem=exc,
            ),
        )
    _release_chroma()
    kept = aside.move_aside(index_dir, ledger_damaged=ledger_damaged)
    return _moved_aside_error(
        kept, say("now ({error_type}: {problem})", error_type=type(exc).__name__, problem=exc)
    )


def _release_chroma() -> None:
    """Drops Chroma's cached clients of this process, so none holds files moved aside."""
    try:
        from chromadb.api.client import SharedSystemClient
    except ImportError:
        return
    SharedSystemClient.clear_system_cache()


def _moved_aside_error(kept: Path, when: Words) -> DocumentError:
    return DocumentError.about_index(
        DocumentKind.MOVED_ASIDE,
        say(
            "The document index could not be opened, so it was moved aside {when}. "
            "Nothing was deleted: the old index is kept in {kept}. Rebuild the index "
            "from your files with `hearth index --rebuild` (or Rebuild in the "
            "Documents tab).",
            when=when,
            kept=shown(str(kept)),
        ),
        str(kept),
    )
