"""The ledger's keyword index: BM25 as FTS5 ranked it, kept right through replaced and
removed files, common words never read whole, and an FTS5 ledger migrated in place."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from agents.documents import manifest as ledger_module
from agents.documents.chunking import Chunk
from agents.documents.manifest import INDEXED, SCHEMA_VERSION, Manifest, search_terms

VOCABULARY = [f"word{n}" for n in range(300)]


def _commit(ledger: Manifest, path: str, texts: list[str]) -> None:
    chunks = [Chunk(f"{path}#{n}", path, n, text) for n, text in enumerate(texts)]
    ledger.commit_file(
        path, kind="txt", sha256="", size=0, mtime_ns=0, pages=0, collection="c", chunks=chunks
    )


def _corpus(
    seed: int = 1, files: int = 12, lengths: tuple[int, int] = (30, 30)
) -> dict[str, list[str]]:
    """Files of ten passages of words with Zipf frequencies (a length drawn from ``lengths``)."""
    rng = random.Random(seed)
    weights = [1 / (n + 1) for n in range(len(VOCABULARY))]
    return {
        f"/docs/f{f}.txt": [
            " ".join(rng.choices(VOCABULARY, weights, k=rng.randint(*lengths))) for _ in range(10)
        ]
        for f in range(files)
    }


def _fts5_ranking(corpus: dict[str, list[str]], query: str, limit: int) -> list[str]:
    """BM25 as the ledger's FTS5 table ranked it (every word of the query)."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(id UNINDEXED, terms)")
    for path, texts in corpus.items():
        for n, text in enumerate(texts):
            db.execute("INSERT INTO t VALUES(?, ?)", (f"{path}#{n}", " ".join(search_terms(text))))
    words = " OR ".join(f'"{w}"' for w in dict.fromkeys(search_terms(query)))
    rows = db.execute(
        "SELECT id FROM t WHERE t MATCH ? ORDER BY bm25(t), rowid LIMIT ?", (words, limit)
    )
    return [row[0] for row in rows]


def _consistent(ledger: Manifest) -> None:
    """The counts kept for BM25 agree with the postings and the passages."""
    db = ledger.db
    counted = dict(db.execute("SELECT term, COUNT(*) FROM postings GROUP BY term").fetchall())
    stored = {i: n for i, n in db.execute("SELECT id, passages FROM terms") if n}
    assert stored == counted
    length = sum(
        sum(ledger_module.passage_terms(h, t).values())
        for h, t in db.execute("SELECT heading, text FROM chunks")
    )
    assert ledger.get_meta(ledger_module.TERMS_IN_PASSAGES) == str(length)


@pytest.mark.parametrize("query", ["word3 word40", "word7 word150 word299", "word1 word2 word90"])
def test_the_ranking_is_bm25_as_fts5_computed_it(tmp_path: Path, query: str) -> None:
    corpus = _corpus()  # passages of one length: the average BM25 uses never moves
    ledger = Manifest(tmp_path / "manifest.sqlite3")
    for path, texts in corpus.items():
        _commit(ledger, path, texts)
    ours = [c.chunk_id for c, _ in ledger.keyword_search(query, 10)]
    assert ours == _fts5_ranking(corpus, query, 10)
    assert [cid for cid, _ in ledger.keyword_ids(query, 10)] == ours
    ledger.close()


def test_a_common_word_is_not_read_whole_and_the_best_passage_still_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger = Manifest(tmp_path / "manifest.sqlite3")
    texts = [f"harbour budget {n}" for n in range(200)] + ["harbour lighthouse keeper"]
    _commit(ledger, "/docs/harbour.txt", texts)
    monkeypatch.setattr(ledger_module, "KEYWORD_POSTINGS", 5)
    monkeypatch.setattr(ledger_module, "KEYWORD_CANDIDATES", 3)
    reads: list[str] = []
    ledger.db.set_trace_callback(reads.append)
    best = ledger.keyword_search("harbour lighthouse", 3)
    ledger.db.set_trace_callback(None)
    assert best[0][0].text == "harbour lighthouse keeper"
    # Only "lighthouse" was read whole; "harbour" (in every passage) was only looked up for
    # the candidates.
    (candidates,) = [r for r in reads if "AS partial" in r]
    assert candidates.count("FROM postings WHERE term=") == 1
    (others,) = [r for r in reads if "WITH others" in r]
    assert others.count("p.chunk IN (") == 1
    ledger.close()


def test_replaced_and_removed_files_leave_nothing_behind(tmp_path: Path) -> None:
    ledger = Manifest(tmp_path / "manifest.sqlite3")
    _commit(ledger, "/docs/a.txt", ["The zebra crossing is repainted.", "A second passage."])
    _commit(ledger, "/docs/b.txt", ["The ferry leaves at noon."])
    assert [c.path for c, _ in ledger.keyword_search("zebra", 5)] == ["/docs/a.txt"]
    _consistent(ledger)
    _commit(ledger, "/docs/a.txt", ["The crossing is now a roundabout."])
    assert ledger.keyword_search("zebra", 5) == []
    assert [c.text for c, _ in ledger.keyword_search("roundabout", 5)] == [
        "The crossing is now a roundabout."
    ]
    _consistent(ledger)
    ledger.mark_stale("/docs/b.txt")
    assert ledger.keyword_search("ferry", 5) == []
    _consistent(ledger)
    ledger.remove_file("/docs/a.txt")
    assert ledger.db.execute("SELECT COUNT(*) FROM postings").fetchone()[0] == 0
    _consistent(ledger)
    _commit(ledger, "/docs/c.txt", ["Bread is baked at dawn."])
    ledger.mark_all_stale()
    assert ledger.keyword_search("bread", 5) == []
    _consistent(ledger)
    ledger.close()


def test_accents_and_case_do_not_matter(tmp_path: Path) -> None:
    ledger = Manifest(tmp_path / "manifest.sqlite3")
    _commit(ledger, "/docs/menu.txt", ["Le CAFÉ ouvre à sept heures.", "会议在周三举行"])
    assert [c.chunk_id for c, _ in ledger.keyword_search("cafe", 5)] == ["/docs/menu.txt#0"]
    assert [c.chunk_id for c, _ in ledger.keyword_search("Café", 5)] == ["/docs/menu.txt#0"]
    assert [c.chunk_id for c, _ in ledger.keyword_search("会议", 5)] == ["/docs/menu.txt#1"]
    ledger.close()


def _fts5_ledger(path: Path, corpus: dict[str, list[str]]) -> None:
    """A ledger as Hearth wrote it before the keyword index (schema 2, an FTS5 table)."""
    with sqlite3.connect(path) as db:
        db.executescript(
            """
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE files (
                path TEXT PRIMARY KEY, kind TEXT NOT NULL DEFAULT '',
                sha256 TEXT NOT NULL DEFAULT '', size INTEGER NOT NULL DEFAULT 0,
                mtime_ns INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL,
                chunks INTEGER NOT NULL DEFAULT 0, pages INTEGER NOT NULL DEFAULT 0,
                error TEXT NOT NULL DEFAULT '', failed_sha256 TEXT NOT NULL DEFAULT '',
                collection TEXT NOT NULL DEFAULT '', indexed_at REAL NOT NULL DEFAULT 0,
                root TEXT NOT NULL DEFAULT '');
            CREATE TABLE chunks (
                rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, path TEXT NOT NULL,
                position INTEGER NOT NULL, page INTEGER, heading TEXT, text TEXT NOT NULL);
            CREATE INDEX chunks_path ON chunks(path);
            CREATE VIRTUAL TABLE chunks_fts USING fts5(terms);
            PRAGMA user_version=2;
            """
        )
        for name, texts in corpus.items():
            db.execute(
                "INSERT INTO files(path, status, chunks, collection) VALUES(?, ?, ?, 'c')",
                (name, INDEXED, len(texts)),
            )
            for n, text in enumerate(texts):
                cursor = db.execute(
                    "INSERT INTO chunks(id, path, position, text) VALUES(?, ?, ?, ?)",
                    (f"{name}#{n}", name, n, text),
                )
                db.execute(
                    "INSERT INTO chunks_fts(rowid, terms) VALUES(?, ?)",
                    (cursor.lastrowid, " ".join(search_terms(f"\n{text}"))),
                )


def test_a_ledger_with_the_fts5_table_is_migrated_in_place(tmp_path: Path) -> None:
    corpus = _corpus(seed=2, lengths=(5, 60))
    path = tmp_path / "manifest.sqlite3"
    _fts5_ledger(path, corpus)
    readonly = Manifest(path, readonly=True)  # the window lists files before the worker runs
    assert len(readonly.files()) == len(corpus)
    readonly.close()
    ledger = Manifest(path)
    assert ledger.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
    tables = {r[0] for r in ledger.db.execute("SELECT name FROM sqlite_master")}
    assert "chunks_fts" not in tables and {"terms", "postings"} <= tables
    assert len(ledger.files()) == len(corpus) and ledger.chunk_count() == 12 * 10
    for query in ("word3 word40", "word7 word150 word299"):
        assert [c.chunk_id for c, _ in ledger.keyword_search(query, 10)] == _fts5_ranking(
            corpus, query, 10
        )
    _consistent(ledger)
    _commit(ledger, "/docs/new.txt", ["A new passage about the lighthouse."])
    _consistent(ledger)
    ledger.close()
    assert Manifest(path).keyword_search("lighthouse", 1)  # and it opens as it is from now on


def test_an_interrupted_migration_leaves_the_old_ledger_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "manifest.sqlite3"
    _fts5_ledger(path, _corpus(seed=3))

    def killed(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(ledger_module, "_add_postings", killed)
    with pytest.raises(KeyboardInterrupt):
        Manifest(path)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 2
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
        assert "chunks_fts" in tables and "postings" not in tables
        assert db.execute("SELECT COUNT(*) FROM chunks_fts").fetchone()[0] == 120
    monkeypatch.undo()
    assert Manifest(path).keyword_search("word3", 1)  # the next start migrates it
