"""The document index: Chroma vectors plus the SQLite ledger, kept consistent.

Only the index worker process opens this for writing (``DocumentIndex.sync``/``remove``):
Chroma's bindings hold the GIL while writing, which would freeze a window. Vectors are
always computed here with Ollama and passed in, and the collection is created without an
embedding function, so Chroma never downloads its default ONNX model.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import time
import urllib.parse
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from agents import paths
from agents.cancel import CancelToken
from agents.documents.chunking import Chunk, chunk_document
from agents.documents.errors import DocumentError, DocumentKind
from agents.documents.loaders import file_sha256, is_supported, load_document
from agents.documents.manifest import (
    FAILED,
    INDEXED,
    INDEXING,
    STALE,
    STOPWORDS,
    IndexedFile,
    Manifest,
    search_terms,
)
from agents.documents.retrieval import METHODS, Passage, cosine, mmr, reciprocal_rank_fusion
from agents.llm import OllamaService
from agents.settings import Settings

log = logging.getLogger(__name__)

# Task prefixes some embedding models were trained with (document side, query side).
EMBED_PREFIXES: dict[str, tuple[str, str]] = {
    "nomic-embed-text": ("search_document: ", "search_query: "),
    "mxbai-embed-large": ("", "Represent this sentence for searching relevant passages: "),
}
CHROMA_ADD_BATCH = 1000


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
    """Hearth's embedding function: Ollama's /api/embed with the model's task prefixes."""

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
        self.calls += 1
        try:
            response = self.service.client.embed(
                model=self.model,
                input=texts,
                truncate=True,
                keep_alive=self.service.settings.keep_alive,
            )
        except Exception as exc:
            raise self.service.error(exc, self.model) from exc
        vectors = [list(map(float, v)) for v in response.embeddings]
        if len(vectors) != len(texts):
            raise DocumentError.about_index(
                DocumentKind.INDEX_UNAVAILABLE,
                f"Ollama returned {len(vectors)} embeddings for {len(texts)} passages; "
                f"check the embedding model '{self.model}'.",
            )
        return vectors

    def dimension(self) -> int:
        """The model's vector size (from /api/show; one probe embedding if it isn't listed)."""
        info = self.service.show(self.model)
        if info.embedding_length:
            return int(info.embedding_length)
        return len(self.embed_query("dimension probe"))


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


@dataclass(frozen=True)
class SyncProgress:
    """How far an indexing run is."""

    files_done: int
    files_total: int
    chunks_done: int
    path: str = ""


@dataclass
class SyncReport:
    """What an indexing run did."""

    indexed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
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
        self.manifest = Manifest(manifest_path(root))
        self._client: Any = None
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
        name = self.collection_name
        server = self.settings.documents_chroma_server
        try:
            self._client = open_chroma(self.root, server)
            self._collection = self._client.get_or_create_collection(
                name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
            )
            self._collection.count()
        except Exception as exc:
            if server:
                raise DocumentError.about_index(
                    DocumentKind.INDEX_UNAVAILABLE,
                    f"The Chroma server at {server} can't be used ({exc}). "
                    "Check that it is running, or clear the server setting to use the "
                    "built-in index.",
                ) from exc
            log.warning("document index is damaged (%s); rebuilding it", exc)
            self._rebuild_store()
            self._client = open_chroma(self.root)
            self._collection = self._client.get_or_create_collection(
                name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
            )
        self._repair(name)

    def _rebuild_store(self) -> None:
        from chromadb.api.client import SharedSystemClient

        SharedSystemClient.clear_system_cache()
        directory = paths.index_dir(self.root) / "chroma"
        if directory.exists():
            aside = directory.with_name(f"chroma.damaged-{int(time.time())}")
            shutil.move(str(directory), str(aside))
            shutil.rmtree(aside, ignore_errors=True)
        self.manifest.mark_all_stale()
        self.repaired = True

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
            log.info("%s was being indexed when Hearth stopped: indexing it again", path)
            self._collection.delete(where={"path": path})
            self.manifest.mark_stale(path)
            self.repaired = True
        if self._collection.count() != self.manifest.chunk_count():
            log.warning("vector store and ledger disagree: rebuilding the index from the files")
            self._client.delete_collection(name)
            self._collection = self._client.get_or_create_collection(
                name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
            )
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
        total = collection.count()
        if total == 0 or not question.strip():
            return []
        query = self.embedder.embed_query(question)
        wanted = min(total, max(4 * k, 20))
        result = collection.query(
            query_embeddings=[query],
            n_results=wanted,
            include=["documents", "metadatas", "distances", "embeddings"],
        )
        vectors: dict[str, list[float]] = {}
        by_vector: list[Passage] = []
        for cid, text, meta, distance, vector in zip(
            result["ids"][0],
            result["documents"][0],
            result["metadatas"][0],
            result["distances"][0],
            result["embeddings"][0],
            strict=True,
        ):
            vectors[cid] = list(map(float, vector))
            by_vector.append(
                Passage(
                    chunk_id=cid,
                    path=str(meta.get("path", "")),
                    page=int(meta.get("page") or 0) or None,
                    heading=str(meta.get("heading") or "") or None,
                    text=str(text),
                    similarity=1.0 - float(distance),
                    score=1.0 - float(distance),
                )
            )
        if method == "vector":
            return by_vector[:k]
        if method == "mmr":
            return mmr(query, [(p, vectors[p.chunk_id]) for p in by_vector], k)
        by_keyword = [
            Passage(
                chunk_id=c.chunk_id,
                path=c.path,
                page=c.page,
                heading=c.heading,
                text=c.text,
                keyword_score=score,
            )
            for c, score in self.manifest.keyword_search(question, wanted)
        ]
        fused = reciprocal_rank_fusion([by_vector, by_keyword], k)
        missing = [p.chunk_id for p in fused if p.similarity is None]
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
        always included.
        """
        cancel = cancel or CancelToken()
        report = SyncReport()
        _ = self.collection  # opens and repairs
        report.repaired = self.repaired
        files, gone, refused = self._plan(targets)
        for path, message in refused:
            report.failed.append((path, message))
        for path in gone:
            self._remove_one(path)
            report.removed.append(path)
        chunks_done = 0
        for number, path in enumerate(files):
            if cancel.cancelled:
                report.cancelled = True
                break
            if progress:
                progress(SyncProgress(number, len(files), chunks_done, path))
            added = self._sync_file(Path(path), report, cancel)
            if added is None:
                report.cancelled = True
                break
            chunks_done += added
        if progress and not report.cancelled:
            progress(SyncProgress(len(files), len(files), chunks_done, ""))
        report.chunks_added = chunks_done
        return report

    def _plan(
        self, targets: Sequence[Path] | None
    ) -> tuple[list[str], list[str], list[tuple[str, str]]]:
        known = {f.path: f for f in self.manifest.files()}
        files: dict[str, None] = {}
        gone: list[str] = []
        refused: list[tuple[str, str]] = []
        if targets is None:
            for path in known:
                (files.__setitem__(path, None) if Path(path).is_file() else gone.append(path))
        else:
            for named in targets:
                target = Path(named).expanduser().absolute()
                if target.is_dir():
                    found = set(_walk(target))
                    files.update(dict.fromkeys(sorted(found)))
                    prefix = str(target).rstrip(os.sep) + os.sep
                    gone += [p for p in known if p.startswith(prefix) and p not in found]
                elif target.is_file():
                    if is_supported(target):
                        files[str(target)] = None
                    else:
                        error = DocumentError(
                            DocumentKind.UNSUPPORTED_FORMAT,
                            target,
                            "Hearth doesn't read this kind of file. Supported: PDF, Word "
                            "(.docx), Markdown, text and HTML.",
                        )
                        refused.append((str(target), error.message))
                elif str(target) in known:
                    gone.append(str(target))
                else:
                    refused.append((str(target), f"{target}: no such file or folder."))
        for path in self.manifest.paths_with_status(STALE):
            if path not in files and path not in gone:
                (files.__setitem__(path, None) if Path(path).is_file() else gone.append(path))
        return list(files), list(dict.fromkeys(gone)), refused

    def _sync_file(self, path: Path, report: SyncReport, cancel: CancelToken) -> int | None:
        """Indexes one file; returns chunks added, or None when cancelled midway."""
        key = str(path)
        row = self.manifest.get(key)
        name = self.collection_name
        try:
            stat = path.stat()
        except OSError:
            self._remove_one(key)
            report.removed.append(key)
            return 0
        current = row is not None and row.collection == name and row.status == INDEXED
        if (
            current
            and row is not None
            and (row.size, row.mtime_ns) == (stat.st_size, stat.st_mtime_ns)
        ):
            report.unchanged.append(key)
            return 0
        settings = self.settings
        sha = file_sha256(path) if stat.st_size <= settings.documents_max_file_bytes else ""
        if current and row is not None and sha and sha == row.sha256:
            self.manifest.touch_file(key, stat.st_size, stat.st_mtime_ns)
            report.unchanged.append(key)
            return 0
        if row is not None and row.status == FAILED and sha and sha == row.failed_sha256:
            report.failed.append((key, row.error))
            return 0
        kind = path.suffix.lower().lstrip(".")
        try:
            document = load_document(path, settings)
            chunks = chunk_document(document, sha, settings)
        except DocumentError as exc:
            self.manifest.fail_file(key, kind, sha, exc.message)
            report.failed.append((key, exc.message))
            return 0
        vectors: list[list[float]] = []
        batch = max(1, settings.documents_embed_batch)
        for start in range(0, len(chunks), batch):
            if cancel.cancelled:
                return None  # nothing written: the previous version stays intact
            vectors += self.embedder.embed_documents(
                [c.text for c in chunks[start : start + batch]]
            )
        if cancel.cancelled:
            return None  # stopped while the last batch was embedded: nothing written
        self._write(
            key,
            kind=kind,
            sha=sha,
            stat=stat,
            pages=document.pages,
            name=name,
            chunks=chunks,
            vectors=vectors,
        )
        report.indexed.append(key)
        return len(chunks)

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
    ) -> None:
        self.manifest.begin_file(key, kind)
        self.collection.delete(where={"path": key})
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
        self.collection.delete(where={"path": path})
        self.manifest.remove_file(path)


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


def _walk(folder: Path) -> Iterable[str]:
    """Supported files under a folder, skipping hidden files and folders."""
    for directory, subdirs, names in os.walk(folder):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in sorted(names):
            path = Path(directory) / name
            if not name.startswith(".") and is_supported(path):
                yield str(path)
