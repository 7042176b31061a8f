"""The index's ledger in SQLite: which files are indexed, their hashes, chunks and BM25 terms.

The ledger is written after each file's vectors are committed, so a process killed midway
leaves a row marked ``indexing`` that the next start detects and repairs. It also holds
every passage's text and a keyword index over it (see ``Manifest.keyword_search``).

Paths are stored as the bytes the file system uses: a name that is not valid UTF-8 (Python
holds it with lone surrogates) is written with ``os.fsencode`` and read back with
``surrogateescape``, so every file name round-trips exactly.
"""

from __future__ import annotations

import heapq
import logging
import math
import os
import re
import sqlite3
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from agents.documents.chunking import Chunk
from agents.wording import Words, from_stored, plain, to_stored

log = logging.getLogger(__name__)

SCHEMA_VERSION = 3
"""2 added files.root (the folder a file was found in, so links stay inside it); 3 replaced
the FTS5 table by the keyword index (``terms`` and ``postings``), built from the passages
when an older ledger is opened."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    kind TEXT NOT NULL DEFAULT '',
    sha256 TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL DEFAULT 0,
    mtime_ns INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    chunks INTEGER NOT NULL DEFAULT 0,
    pages INTEGER NOT NULL DEFAULT 0,
    error TEXT NOT NULL DEFAULT '',
    failed_sha256 TEXT NOT NULL DEFAULT '',
    collection TEXT NOT NULL DEFAULT '',
    indexed_at REAL NOT NULL DEFAULT 0,
    root TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS chunks (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    position INTEGER NOT NULL,
    page INTEGER,
    heading TEXT,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_path ON chunks(path);
CREATE TABLE IF NOT EXISTS terms (
    id INTEGER PRIMARY KEY,
    term TEXT NOT NULL UNIQUE,
    passages INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS postings (
    term INTEGER NOT NULL,
    chunk INTEGER NOT NULL,
    weight INTEGER NOT NULL,
    PRIMARY KEY (term, chunk)
) WITHOUT ROWID;
"""

INDEXED = "indexed"
INDEXING = "indexing"
FAILED = "failed"
STALE = "stale"

# Words too common to help a keyword search (English); kept when nothing else is left.
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "do",
        "does",
        "for",
        "from",
        "how",
        "in",
        "is",
        "it",
        "of",
        "on",
        "or",
        "that",
        "the",
        "this",
        "to",
        "was",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "will",
        "with",
        "about",
        "can",
        "i",
        "my",
        "me",
        "you",
        "your",
    ]
)
MAX_QUERY_TERMS = 24
# BM25 as SQLite's FTS5 computes it (k1, b; an idf at or below 0 counts as 1e-6).
BM25_K1 = 1.2
BM25_B = 0.75
WEIGHT_SCALE = 1000  # postings.weight: a term's BM25 weight in a passage (idf aside), x1000
TERMS_IN_PASSAGES = "terms_in_passages"  # meta: the passages' total length in terms
KEYWORD_POSTINGS = 6000  # postings read to find candidates (see Manifest.keyword_ranking)
KEYWORD_CANDIDATES = 300  # candidates scored with every word of the query

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")


def search_terms(text: str) -> list[str]:
    """Lower-case words without accents; runs of CJK characters become overlapping bigrams.

    The keyword index is keyed by these terms (a passage's postings are found again from
    its text): a change here needs a ledger migration that rebuilds the index.
    """
    lowered = text.lower()
    if not _CJK.search(lowered):  # most text: the words as they are
        words = _WORD.findall(lowered)
        return words if lowered.isascii() else [_unaccented(w) for w in words]
    terms: list[str] = []
    for word in _WORD.findall(lowered):
        position = 0
        for run in _CJK.finditer(word):
            if run.start() > position:
                terms.append(_unaccented(word[position : run.start()]))
            chars = run.group()
            if len(chars) == 1:
                terms.append(chars)
            terms.extend(chars[i : i + 2] for i in range(len(chars) - 1))
            position = run.end()
        if position < len(word):
            terms.append(_unaccented(word[position:]))
    return terms


def _unaccented(word: str) -> str:
    """A word without its accents ("café" -> "cafe"), as FTS5's tokenizer folded them."""
    if word.isascii():
        return word
    bare = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare)


@dataclass(frozen=True)
class IndexedFile:
    """One file the index knows about.

    ``error`` is why it could not be read, in English; ``error_words`` the same for the
    window (None when the ledger kept only text, from before it kept words).
    """

    path: str
    kind: str
    status: str
    chunks: int
    pages: int
    error: str
    indexed_at: float
    sha256: str = ""
    size: int = 0
    mtime_ns: int = 0
    collection: str = ""
    failed_sha256: str = ""
    root: str = ""
    error_words: Words | None = None

    @property
    def problem(self) -> Words:
        """Why it could not be read, for a person ('' when it could)."""
        return self.error_words or plain(self.error)

    @property
    def searchable(self) -> bool:
        """Whether passages of this file can be found."""
        return self.chunks > 0 and self.status in {INDEXED, FAILED}


@dataclass(frozen=True)
class StoredChunk:
    """A passage as the ledger holds it."""

    chunk_id: str
    path: str
    position: int
    page: int | None
    heading: str | None
    text: str


class NewerLedger(Exception):
    """The ledger was written by a newer Hearth (its schema version is higher)."""


def _key(path: str) -> bytes:
    """A path as SQL binds it: its file-system bytes, stored with ``CAST(? AS TEXT)``."""
    return os.fsencode(path)


def _text(data: bytes) -> str:
    """SQLite text as Python reads it: undecodable bytes of file names kept as surrogates."""
    return data.decode("utf-8", "surrogateescape")


class Manifest:
    """The SQLite ledger next to the vector store.

    Args:
        path: The database file.
        readonly: Open for reading only (the GUI and CLI list files this way).

    Raises:
        sqlite3.DatabaseError: the file is not a readable ledger (damaged).
        NewerLedger: a newer Hearth wrote it; it is left as it is.
    """

    def __init__(self, path: Path, *, readonly: bool = False) -> None:
        self.path = path
        self._count: int | None = None  # passages, until a write
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        self.db.row_factory = sqlite3.Row
        self.db.text_factory = _text
        try:
            version = int(self.db.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise NewerLedger(f"ledger schema {version}, this Hearth knows {SCHEMA_VERSION}")
            if not readonly:
                self._migrate(version)
        except BaseException:
            self.db.close()
            raise

    def _migrate(self, version: int) -> None:
        """Creates the tables, or brings an older ledger up to this schema (in one
        transaction: a ledger whose upgrade was interrupted is left as it was)."""
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        with self.db:
            self.db.execute("BEGIN")
            if version == 1:
                self.db.execute("ALTER TABLE files ADD COLUMN root TEXT NOT NULL DEFAULT ''")
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self.db.execute(statement)
            if version < 3:
                self._build_keyword_index()
            self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def _build_keyword_index(self) -> None:
        """Indexes the passages of a ledger from before the keyword index, in place of its
        FTS5 table (about a minute per 100,000 passages, once)."""
        count = int(self.db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0])
        if count:
            log.info("building the keyword index of %d passages", count)
        total = sum(sum(terms.values()) for part in self._all_passages() for _, terms in part)
        _set_total(self.db, total)
        for part in self._all_passages():
            _add_postings(self.db, part, total / max(1, count))
        self.db.execute("DROP TABLE IF EXISTS chunks_fts")

    def _all_passages(self, size: int = 2000) -> Iterator[list[tuple[int, Counter[str]]]]:
        """Every passage's rowid and term counts, ``size`` at a time."""
        last = 0
        while True:
            rows = self.db.execute(
                "SELECT rowid, heading, text FROM chunks WHERE rowid > ? ORDER BY rowid LIMIT ?",
                (last, size),
            ).fetchall()
            if not rows:
                return
            last = int(rows[-1][0])
            yield [(int(rowid), passage_terms(heading, text)) for rowid, heading, text in rows]

    def close(self) -> None:
        """Closes the database."""
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write (it forgets the passage count kept for searching)."""
        self._count = None
        with self.db:
            yield self.db

    # -- meta -------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        """A stored value, or None."""
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return None if row is None else str(row["value"])

    def set_meta(self, key: str, value: str) -> None:
        """Stores a value."""
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)", (key, value))

    # -- files ------------------------------------------------------------------------
    def files(self) -> list[IndexedFile]:
        """Every known file, by path."""
        rows = self.db.execute("SELECT * FROM files ORDER BY path").fetchall()
        return [_file(row) for row in rows]

    def get(self, path: str) -> IndexedFile | None:
        """One file's row."""
        row = self.db.execute(
            "SELECT * FROM files WHERE path=CAST(? AS TEXT)", (_key(path),)
        ).fetchone()
        return None if row is None else _file(row)

    def paths_with_status(self, *statuses: str) -> list[str]:
        """Paths whose status is one of ``statuses``."""
        marks = ",".join("?" * len(statuses))
        rows = self.db.execute(f"SELECT path FROM files WHERE status IN ({marks})", statuses)
        return [str(r["path"]) for r in rows]

    def begin_file(self, path: str, kind: str) -> None:
        """Marks a file as being written (a crash from here on leaves it detectably stale)."""
        with self.transaction() as db:
            db.execute(
                "INSERT INTO files(path, kind, status) VALUES(CAST(? AS TEXT), ?, ?) "
                "ON CONFLICT(path) DO UPDATE SET status=excluded.status",
                (_key(path), kind, INDEXING),
            )

    def commit_file(
        self,
        path: str,
        *,
        kind: str,
        sha256: str,
        size: int,
        mtime_ns: int,
        pages: int,
        collection: str,
        chunks: Sequence[Chunk],
        root: str = "",
    ) -> None:
        """Records a file's new passages, atomically, after its vectors were stored.

        ``root`` is the chosen folder the file was found in ("" when chosen itself).
        """
        with self.transaction() as db:
            self._delete_chunks(db, path)
            added: list[tuple[int, Counter[str]]] = []
            for chunk in chunks:
                cursor = db.execute(
                    "INSERT INTO chunks(id, path, position, page, heading, text) "
                    "VALUES(?, CAST(? AS TEXT), ?, ?, ?, ?)",
                    (
                        chunk.chunk_id,
                        _key(path),
                        chunk.position,
                        chunk.page,
                        chunk.heading,
                        chunk.text,
                    ),
                )
                added.append((int(cursor.lastrowid or 0), passage_terms(chunk.heading, chunk.text)))
            if added:
                total = _total(db) + sum(sum(terms.values()) for _, terms in added)
                _set_total(db, total)
                count = int(db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0])
                _add_postings(db, added, total / count)
            db.execute(
                "INSERT OR REPLACE INTO files(path, kind, sha256, size, mtime_ns, status, chunks, "
                "pages, error, failed_sha256, collection, indexed_at, root) "
                "VALUES(CAST(? AS TEXT), ?, ?, ?, ?, ?, ?, ?, '', '', ?, ?, CAST(? AS TEXT))",
                (_key(path), kind, sha256, size, mtime_ns, INDEXED, len(chunks), pages, collection,
                 time.time(), _key(root)),
            )  # fmt: skip

    def touch_file(self, path: str, size: int, mtime_ns: int) -> None:
        """Records a new modification time for a file whose content did not change."""
        with self.transaction() as db:
            db.execute(
                "UPDATE files SET size=?, mtime_ns=? WHERE path=CAST(? AS TEXT)",
                (size, mtime_ns, _key(path)),
            )

    def fail_file(self, path: str, kind: str, sha256: str, error: Words, root: str = "") -> None:
        """Records why a file could not be read (its words, worded when shown); its
        previous passages (if any) stay."""
        kept = to_stored(error)
        with self.transaction() as db:
            row = db.execute(
                "SELECT chunks FROM files WHERE path=CAST(? AS TEXT)", (_key(path),)
            ).fetchone()
            if row is None:
                db.execute(
                    "INSERT INTO files(path, kind, status, error, failed_sha256, indexed_at, "
                    "root) VALUES(CAST(? AS TEXT), ?, ?, ?, ?, ?, CAST(? AS TEXT))",
                    (_key(path), kind, FAILED, kept, sha256, time.time(), _key(root)),
                )
            else:
                db.execute(
                    "UPDATE files SET status=?, error=?, failed_sha256=?, root=CAST(? AS TEXT) "
                    "WHERE path=CAST(? AS TEXT)",
                    (FAILED, kept, sha256, _key(root), _key(path)),
                )

    def mark_stale(self, path: str) -> None:
        """Forgets a file's passages; the next sync indexes it again."""
        with self.transaction() as db:
            self._delete_chunks(db, path)
            db.execute(
                "UPDATE files SET status=?, chunks=0, sha256='', failed_sha256='' "
                "WHERE path=CAST(? AS TEXT)",
                (STALE, _key(path)),
            )

    def mark_all_stale(self) -> None:
        """Forgets every passage (before a rebuild)."""
        with self.transaction() as db:
            db.execute("DELETE FROM chunks")
            db.execute("DELETE FROM postings")
            db.execute("DELETE FROM terms")
            _set_total(db, 0)
            db.execute("UPDATE files SET status=?, chunks=0, sha256='', failed_sha256=''", (STALE,))

    def remove_file(self, path: str) -> None:
        """Forgets a file entirely."""
        with self.transaction() as db:
            self._delete_chunks(db, path)
            db.execute("DELETE FROM files WHERE path=CAST(? AS TEXT)", (_key(path),))

    def _delete_chunks(self, db: sqlite3.Connection, path: str) -> None:
        """Deletes a file's passages and their postings (found again from their text)."""
        key = _key(path)
        removed = [
            (int(rowid), passage_terms(heading, text))
            for rowid, heading, text in db.execute(
                "SELECT rowid, heading, text FROM chunks WHERE path=CAST(? AS TEXT)", (key,)
            )
        ]
        if not removed:
            return
        ids = _term_ids(db, {t for _, terms in removed for t in terms})
        db.executemany(
            "DELETE FROM postings WHERE term=? AND chunk=?",
            sorted((ids[t], rowid) for rowid, terms in removed for t in terms if t in ids),
        )
        frequencies = Counter(t for _, terms in removed for t in terms if t in ids)
        db.executemany(
            "UPDATE terms SET passages=max(0, passages - ?) WHERE id=?",
            sorted((n, ids[t]) for t, n in frequencies.items()),
        )
        _set_total(db, max(0, _total(db) - sum(sum(terms.values()) for _, terms in removed)))
        db.execute("DELETE FROM chunks WHERE path=CAST(? AS TEXT)", (key,))

    # -- chunks -----------------------------------------------------------------------
    def chunk_count(self) -> int:
        """How many passages the ledger holds (counted once between writes)."""
        if self._count is None:
            self._count = int(self.db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0])
        return self._count

    def chunks_by_id(self, ids: Iterable[str]) -> dict[str, StoredChunk]:
        """Passages by id."""
        wanted = list(ids)
        found: dict[str, StoredChunk] = {}
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            marks = ",".join("?" * len(part))
            for row in self.db.execute(f"SELECT * FROM chunks WHERE id IN ({marks})", part):
                found[row["id"]] = _chunk(row)
        return found

    def keyword_search(self, query: str, limit: int) -> list[tuple[StoredChunk, float]]:
        """The passages that best match the query's words by BM25, best first, with their
        scores (higher is better); see ``keyword_ranking``."""
        ranked = self.keyword_ranking(query, limit)
        rowids = [rowid for rowid, _ in ranked]
        found: dict[int, StoredChunk] = {}
        for start in range(0, len(rowids), 500):
            part = rowids[start : start + 500]
            marks = ",".join("?" * len(part))
            for row in self.db.execute(f"SELECT * FROM chunks WHERE rowid IN ({marks})", part):
                found[int(row["rowid"])] = _chunk(row)
        return [(found[rowid], score) for rowid, score in ranked if rowid in found]

    def keyword_ids(self, query: str, limit: int) -> list[tuple[str, float]]:
        """``keyword_search`` as passage ids and scores (the passages are not read)."""
        ranked = self.keyword_ranking(query, limit)
        marks = ",".join("?" * len(ranked))
        ids = {
            int(rowid): str(cid)
            for rowid, cid in self.db.execute(
                f"SELECT rowid, id FROM chunks WHERE rowid IN ({marks})", [r for r, _ in ranked]
            )
        }
        return [(ids[rowid], score) for rowid, score in ranked if rowid in ids]

    def keyword_ranking(self, query: str, limit: int) -> list[tuple[int, float]]:
        """The passages (rowids) with the highest BM25 score for the query's words (stop
        words left out unless nothing else is left), best first, with their scores.

        A common word's postings are never all read. Candidates come from the rarest
        words, whose postings are read whole while they fit in ``KEYWORD_POSTINGS`` (the
        rarest word always counts, with at most that many of its heaviest postings); the
        ``KEYWORD_CANDIDATES`` best by those words then get the other words' weights,
        looked up by key, and are ranked by their full score. While a query's words have
        fewer postings than that (a small index), this is BM25 over every passage.
        """
        terms = self._query_terms(query)
        if not terms:
            return []
        read: list[tuple[int, float]] = []  # (id, idf) of the words whose postings are read
        parts: list[str] = []
        args: list[object] = []
        budget = KEYWORD_POSTINGS
        for term_id, idf, passages in terms:
            if read and passages > budget:
                break
            read.append((term_id, idf))
            parts.append(
                "SELECT chunk, weight * ? AS score FROM postings WHERE term=?"
                if passages <= budget
                else "SELECT chunk, weight * ? AS score FROM (SELECT chunk, weight FROM "
                "postings WHERE term=? ORDER BY weight DESC LIMIT ?)"
            )
            args += [idf / WEIGHT_SCALE, term_id] + ([] if passages <= budget else [budget])
            budget -= passages
        cursor = self.db.cursor()
        cursor.row_factory = None
        scores = dict(
            cursor.execute(
                f"SELECT chunk, sum(score) AS partial FROM ({' UNION ALL '.join(parts)}) "
                "GROUP BY chunk ORDER BY partial DESC, chunk LIMIT ?",
                (*args, max(limit, KEYWORD_CANDIDATES)),
            ).fetchall()
        )
        others = terms[len(read) :]
        if others and len(scores) > limit:
            # The other words add at most idf x (k1 + 1) each: a candidate that can't reach
            # the best ``limit`` with all of them is dropped before they are looked up.
            floor = heapq.nlargest(limit, scores.values())[-1]
            reach = sum(idf for _, idf, _ in others) * (BM25_K1 + 1)
            scores = {c: s for c, s in scores.items() if s + reach >= floor}
        if others and scores:
            words = ",".join("(?, ?)" for _ in others)
            marks = ",".join("?" * len(scores))
            for chunk, score in cursor.execute(
                f"WITH others(term, idf) AS (VALUES {words}) "
                "SELECT p.chunk, sum(others.idf * p.weight) FROM others JOIN postings p "
                f"ON p.term = others.term AND p.chunk IN ({marks}) GROUP BY p.chunk",
                (*(x for t, idf, _ in others for x in (t, idf / WEIGHT_SCALE)), *scores),
            ):
                scores[chunk] += score
        best = heapq.nlargest(limit, scores.items(), key=lambda item: (item[1], -item[0]))
        return [(int(chunk), float(score)) for chunk, score in best]

    def _query_terms(self, query: str) -> list[tuple[int, float, int]]:
        """The query's indexed words as (id, idf, passages holding it), rarest first."""
        words = list(dict.fromkeys(search_terms(query)))
        words = ([w for w in words if w not in STOPWORDS] or words)[:MAX_QUERY_TERMS]
        if not words:
            return []
        total = self.chunk_count()
        marks = ",".join("?" * len(words))
        rows = self.db.execute(
            f"SELECT id, passages FROM terms WHERE term IN ({marks}) AND passages > 0", words
        ).fetchall()
        terms = [(int(i), bm25_idf(int(n), total), int(n)) for i, n in rows]
        return sorted(terms, key=lambda term: (term[2], term[0]))


def passage_terms(heading: str | None, text: str) -> Counter[str]:
    """How often each search term occurs in a passage (its heading counts as text)."""
    return Counter(search_terms(f"{heading or ''}\n{text}"))


def bm25_idf(passages: int, total: int) -> float:
    """A term's inverse document frequency, as FTS5's BM25 computes it."""
    idf = math.log((total - passages + 0.5) / (passages + 0.5))
    return idf if idf > 0 else 1e-6


def _add_postings(
    db: sqlite3.Connection, passages: Sequence[tuple[int, Counter[str]]], average: float
) -> None:
    """Stores each term's BM25 weight in each passage (for ``average`` terms per passage),
    and counts the passages holding each term (``terms.passages``)."""
    if not passages:
        return
    ids = _term_ids(db, {t for _, terms in passages for t in terms}, create=True)
    rows = []
    frequencies: Counter[str] = Counter()
    for rowid, terms in passages:
        norm = BM25_K1 * (1 - BM25_B + BM25_B * sum(terms.values()) / max(average, 1.0))
        for term, count in terms.items():
            weight = round(WEIGHT_SCALE * count * (BM25_K1 + 1) / (count + norm))
            rows.append((ids[term], rowid, weight))
            frequencies[term] += 1
    db.executemany("INSERT INTO postings(term, chunk, weight) VALUES(?, ?, ?)", sorted(rows))
    db.executemany(
        "UPDATE terms SET passages=passages + ? WHERE id=?",
        sorted((n, ids[t]) for t, n in frequencies.items()),
    )


def _term_ids(db: sqlite3.Connection, terms: set[str], *, create: bool = False) -> dict[str, int]:
    """The ids of terms (new ones added when ``create``)."""
    if create:
        db.executemany("INSERT OR IGNORE INTO terms(term) VALUES(?)", ((t,) for t in terms))
    ids: dict[str, int] = {}
    for part in _batches(list(terms)):
        marks = ",".join("?" * len(part))
        for term_id, term in db.execute(
            f"SELECT id, term FROM terms WHERE term IN ({marks})", part
        ):
            ids[str(term)] = int(term_id)
    return ids


def _total(db: sqlite3.Connection) -> int:
    """The passages' total length in terms (BM25's average passage length is this over
    their number)."""
    row = db.execute("SELECT value FROM meta WHERE key=?", (TERMS_IN_PASSAGES,)).fetchone()
    return int(row[0]) if row is not None else 0


def _set_total(db: sqlite3.Connection, total: int) -> None:
    db.execute(
        "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)", (TERMS_IN_PASSAGES, str(total))
    )


def _batches(values: Sequence[object], size: int = 500) -> Iterator[Sequence[object]]:
    """``values`` in parts small enough to bind in one statement."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _file(row: sqlite3.Row) -> IndexedFile:
    error = from_stored(row["error"]) if row["error"] else None
    return IndexedFile(
        path=row["path"],
        kind=row["kind"],
        status=row["status"],
        chunks=row["chunks"],
        pages=row["pages"],
        error=str(error) if error is not None else "",
        error_words=error,
        indexed_at=row["indexed_at"],
        sha256=row["sha256"],
        size=row["size"],
        mtime_ns=row["mtime_ns"],
        collection=row["collection"],
        failed_sha256=row["failed_sha256"],
        # A ledger from before schema 2 has no root (and a Row's `in` looks at values).
        root=row["root"] if "root" in row.keys() else "",  # noqa: SIM118
    )


def _chunk(row: sqlite3.Row) -> StoredChunk:
    return StoredChunk(
        chunk_id=row["id"],
        path=row["path"],
        position=row["position"],
        page=row["page"] or None,
        heading=row["heading"] or None,
        text=row["text"],
    )
