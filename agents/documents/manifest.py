"""The index's ledger in SQLite: which files are indexed, their hashes, chunks and BM25 terms.

The ledger is written after each file's vectors are committed, so a process killed midway
leaves a row marked ``indexing`` that the next start detects and repairs. It also holds
every passage's text in an FTS5 table, which gives keyword (BM25) search.

Paths are stored as the bytes the file system uses: a name that is not valid UTF-8 (Python
holds it with lone surrogates) is written with ``os.fsencode`` and read back with
``surrogateescape``, so every file name round-trips exactly.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from agents.documents.chunking import Chunk
from agents.wording import Words, from_stored, plain, to_stored

SCHEMA_VERSION = 2
"""2 added files.root (the folder a file was found in, so links stay inside it)."""

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
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(terms);
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
COMMON_TERM_SHARE = 0.1

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")


def search_terms(text: str) -> list[str]:
    """Lower-case words; runs of CJK characters become overlapping bigrams."""
    lowered = text.lower()
    if not _CJK.search(lowered):  # most text: the words as they are
        return _WORD.findall(lowered)
    terms: list[str] = []
    for word in _WORD.findall(lowered):
        position = 0
        for run in _CJK.finditer(word):
            if run.start() > position:
                terms.append(word[position : run.start()])
            chars = run.group()
            if len(chars) == 1:
                terms.append(chars)
            terms.extend(chars[i : i + 2] for i in range(len(chars) - 1))
            position = run.end()
        if position < len(word):
            terms.append(word[position:])
    return terms


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
        self._frequencies: dict[str, int] = {}  # term -> passages holding it, until a write
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
        """Creates the tables, or brings an older ledger up to this schema."""
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        with self.db:
            if version == 1:
                self.db.execute("ALTER TABLE files ADD COLUMN root TEXT NOT NULL DEFAULT ''")
            self.db.executescript(_SCHEMA)
            self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def close(self) -> None:
        """Closes the database."""
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write (it forgets the counts kept for searching)."""
        self._frequencies.clear()
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
                terms = " ".join(search_terms(f"{chunk.heading or ''}\n{chunk.text}"))
                db.execute(
                    "INSERT INTO chunks_fts(rowid, terms) VALUES(?, ?)", (cursor.lastrowid, terms)
                )
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
            db.execute("DELETE FROM chunks_fts")
            db.execute("UPDATE files SET status=?, chunks=0, sha256='', failed_sha256=''", (STALE,))

    def remove_file(self, path: str) -> None:
        """Forgets a file entirely."""
        with self.transaction() as db:
            self._delete_chunks(db, path)
            db.execute("DELETE FROM files WHERE path=CAST(? AS TEXT)", (_key(path),))

    @staticmethod
    def _delete_chunks(db: sqlite3.Connection, path: str) -> None:
        key = _key(path)
        rowids = [
            r[0] for r in db.execute("SELECT rowid FROM chunks WHERE path=CAST(? AS TEXT)", (key,))
        ]
        db.executemany("DELETE FROM chunks_fts WHERE rowid=?", ((r,) for r in rowids))
        db.execute("DELETE FROM chunks WHERE path=CAST(? AS TEXT)", (key,))

    # -- chunks -----------------------------------------------------------------------
    def chunk_count(self) -> int:
        """How many passages the ledger holds (counted once between writes)."""
        if self._count is None:
            self._count = int(self.db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0])
        return self._count

    def _document_frequencies(self, terms: list[str]) -> dict[str, int]:
        """In how many passages each term is; counted once between writes (FTS5 walks a
        term's whole posting list to count it: milliseconds for a common word)."""
        missing = [t for t in terms if t not in self._frequencies]
        if missing:
            self.db.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.chunks_vocab "
                "USING fts5vocab(main, chunks_fts, row)"
            )
            self._frequencies.update(dict.fromkeys(missing, 0))
            marks = ",".join("?" * len(missing))
            for term, count in self.db.execute(
                f"SELECT term, doc FROM temp.chunks_vocab WHERE term IN ({marks})", missing
            ):
                self._frequencies[str(term)] = int(count)
        return {t: self._frequencies[t] for t in terms}

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

    def _informative(self, terms: list[str]) -> list[str]:
        """Drops terms found in over ``COMMON_TERM_SHARE`` of all passages (they add little
        to BM25 but make it score most of the table); the rarest few always stay."""
        if len(terms) <= 2:
            return terms
        counts = self._document_frequencies(terms)
        total = max(1, self.chunk_count())
        by_rarity = sorted(terms, key=lambda t: counts.get(t, 0))
        kept = [t for t in by_rarity if counts.get(t, 0) <= total * COMMON_TERM_SHARE]
        return kept if len(kept) >= 2 else by_rarity[:2]

    def keyword_search(self, query: str, limit: int) -> list[tuple[StoredChunk, float]]:
        """BM25 search over passage terms (SQLite FTS5); best first, score higher = better."""
        terms = list(dict.fromkeys(search_terms(query)))
        terms = [t for t in terms if t not in STOPWORDS] or terms
        if not terms:
            return []
        terms = self._informative(terms[:MAX_QUERY_TERMS])
        match = " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)
        rows = self.db.execute(
            "SELECT c.*, bm25(chunks_fts) AS rank FROM chunks_fts "
            "JOIN chunks c ON c.rowid = chunks_fts.rowid "
            "WHERE chunks_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit),
        ).fetchall()
        return [(_chunk(row), -float(row["rank"])) for row in rows]


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
