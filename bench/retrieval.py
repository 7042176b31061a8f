"""Goal 6: hybrid retrieval (the default) at 100,000 passages: latency and recall.

A document index (Chroma vectors + the SQLite ledger with its keyword index) is filled
with 100,000 generated passages of ~150 words drawn from a 20,000-word vocabulary with
Zipf frequencies, in files of 1,000 passages. Two vector sets are measured:

* bag-of-words: a passage's vector is the sum of its words' random vectors (what the
  Ollama double's embeddings do: neighbours share words);
* dense topics: each passage belongs to one of 1,000 topics and its vector is the
  topic's centre plus noise, whatever its words: vector neighbours and keyword matches
  are different passages, as with a real embedding model.

Each of 200 questions (6 words of a passage; its vector from the same model) is
answered by ``DocumentIndex.search`` (hybrid: HNSW + keywords, fused by reciprocal
rank), timed from the question's vector to the ranked passages (the embedding request
is the model's time, not the index's). Baseline: exact search, the same ranking with
brute-force cosine (numpy) in place of HNSW. Figures: p50 and p95 latency (goal: p95
under 10 ms) and recall@5 against exact search (goal: 0.95). For the keyword side,
which reads whole only the postings of the rarest words (``Manifest.keyword_ranking``),
its recall@20 against full BM25 over every word (SQLite FTS5 over the same terms) is
printed too.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from pathlib import Path
from typing import Any

PASSAGES = int(os.environ.get("HEARTH_BENCH_PASSAGES", "100000"))
DIM = 768
QUERIES = 200
VOCABULARY = 20_000
WORDS = 150
K = 5
FILE = 1000  # passages per file


class Vectors:
    """The question vectors for a vector set (the embedder DocumentIndex asks)."""

    def __init__(self) -> None:
        self.by_question: dict[str, list[float]] = {}

    def embed_query(self, text: str) -> list[float]:
        """The vector made for this question."""
        return self.by_question[text]


def corpus(count: int, seed: int = 1) -> tuple[list[str], Any]:
    """Passages of Zipf-distributed words; returns their texts and word ids."""
    import numpy as np

    rng = np.random.default_rng(seed)
    ranks = np.arange(1, VOCABULARY + 1)
    weights = 1.0 / ranks
    ids = rng.choice(VOCABULARY, size=(count, WORDS), p=weights / weights.sum())
    texts = [" ".join(f"w{i:x}" for i in row) for row in ids]
    return texts, ids


def bow_vectors(ids: Any, seed: int = 2) -> tuple[Any, Any]:
    """Bag-of-words vectors (the words' random vectors summed); returns them and the
    words' vectors."""
    import numpy as np

    rng = np.random.default_rng(seed)
    words = rng.standard_normal((VOCABULARY, DIM)).astype("float32")
    vectors = np.stack([words[row].sum(axis=0) for row in ids])
    return _unit(vectors), words


def dense_vectors(count: int, seed: int = 3) -> tuple[Any, Any, Any]:
    """Topic vectors (a centre plus noise, whatever the words); returns them, each
    passage's topic and the centres."""
    import numpy as np

    rng = np.random.default_rng(seed)
    centres = _unit(rng.standard_normal((1000, DIM)).astype("float32"))
    topic = rng.integers(0, 1000, size=count)
    noise = rng.standard_normal((count, DIM)).astype("float32") * 0.04
    return _unit(centres[topic] + noise), topic, centres


def _unit(vectors: Any) -> Any:
    import numpy as np

    return vectors / np.linalg.norm(vectors, axis=-1, keepdims=True)


def build(root: Path, texts: list[str], sets: dict[str, Any]) -> Any:
    """A DocumentIndex over ``texts`` with a collection per vector set."""
    from agents.documents.chunking import Chunk
    from agents.documents.index import (
        DocumentIndex,
        collection_name,
        open_chroma,
        open_collection,
    )
    from agents.llm import OllamaService
    from agents.settings import Settings

    service = OllamaService(Settings(ollama_host="127.0.0.1:9"))
    index = DocumentIndex(root, service)
    model = index.embedder.model
    index.manifest.set_meta(f"dimension:{model}", str(DIM))
    client = open_chroma(root)
    collections = {}
    for name, vectors in sets.items():
        collection = open_collection(client, collection_name(f"{model}-{name}", DIM))
        for first in range(0, len(texts), 5000):
            ids = [f"c{n}" for n in range(first, min(len(texts), first + 5000))]
            collection.add(
                ids=ids,
                embeddings=vectors[first : first + len(ids)],
                documents=texts[first : first + len(ids)],
                metadatas=[
                    {"path": f"/docs/f{n // FILE}.txt", "page": 0}
                    for n in range(first, first + len(ids))
                ],
            )
        collections[name] = collection
    for first in range(0, len(texts), FILE):
        path = f"/docs/f{first // FILE}.txt"
        chunks = [
            Chunk(f"c{n}", path, n - first, texts[n])
            for n in range(first, min(len(texts), first + FILE))
        ]
        index.manifest.commit_file(
            path,
            kind="txt",
            sha256="",
            size=0,
            mtime_ns=0,
            pages=0,
            collection="bench",
            chunks=chunks,
        )
    index._client = client
    return index, collections


def exact(index: Any, question: str, query: Any, vectors: Any, wanted: int, k: int) -> list[str]:
    """Exact hybrid: brute-force cosine instead of HNSW, the same keyword ranking, the same
    fusion."""
    import numpy as np

    from agents.documents.retrieval import Passage, reciprocal_rank_fusion

    scores = vectors @ np.asarray(query, dtype="float32")
    top = np.argpartition(-scores, wanted)[:wanted]
    top = top[np.argsort(-scores[top])]
    by_vector = [Passage(f"c{n}", "", None, None, "") for n in top]
    by_keyword = [
        Passage(c.chunk_id, "", None, None, "", keyword_score=score)
        for c, score in index.manifest.keyword_search(question, wanted)
    ]
    return [p.chunk_id for p in reciprocal_rank_fusion([by_vector, by_keyword], k)]


def full_bm25_recall(
    index: Any, texts: list[str], questions: list[tuple[str, Any]], wanted: int, folder: Path
) -> float:
    """How much of full BM25's top ``wanted`` (every query word over every posting: SQLite
    FTS5 over the same terms, in a database of its own) the keyword ranking finds."""
    import sqlite3

    from agents.documents.manifest import search_terms

    reference = sqlite3.connect(folder / "full-bm25.sqlite3")
    reference.execute("CREATE VIRTUAL TABLE passages USING fts5(terms)")
    with reference:
        reference.executemany(
            "INSERT INTO passages(rowid, terms) VALUES(?, ?)",
            ((n, " ".join(search_terms(f"\n{text}"))) for n, text in enumerate(texts)),
        )
    hits = 0
    for question, _ in questions:
        terms = list(dict.fromkeys(search_terms(question)))
        rows = reference.execute(
            "SELECT rowid FROM passages WHERE passages MATCH ? ORDER BY bm25(passages) LIMIT ?",
            (" OR ".join(f'"{t}"' for t in terms), wanted),
        ).fetchall()
        ours = {c.chunk_id for c, _ in index.manifest.keyword_search(question, wanted)}
        hits += len(ours & {f"c{row[0]}" for row in rows})
    reference.close()
    return hits / (wanted * len(questions))


def measure(name: str, index: Any, vectors: Any, questions: list[tuple[str, Any]]) -> None:
    """Times search and exact search over the questions; prints latency and recall."""
    embedder = Vectors()
    embedder.by_question = {q: list(map(float, v)) for q, v in questions}
    index.embedder = embedder
    wanted = max(4 * K, 20)
    ours: list[float] = []
    theirs: list[float] = []
    hits = 0
    for question, vector in questions:
        start = time.perf_counter()
        found = [p.chunk_id for p in index.search(question, K, "hybrid")]
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        truth = exact(index, question, vector, vectors, wanted, K)
        theirs.append(time.perf_counter() - start)
        hits += len(set(found) & set(truth))
    recall = hits / (K * len(questions))
    p50, p95 = _pct(ours, 50), _pct(ours, 95)
    b50, b95 = _pct(theirs, 50), _pct(theirs, 95)
    print(
        f"hybrid search at {len(vectors):,} passages, {name} vectors: p50 {p50:.1f} ms, p95 "
        f"{p95:.1f} ms vs exact (numpy cosine for HNSW) p50 {b50:.1f} ms, p95 {b95:.1f} ms "
        f"-> ratio {p95 / b95:.2f} ({'meets' if p95 < 10 else 'misses'} goal p95 10 ms); "
        f"recall@{K} against exact {recall:.3f} "
        f"({'meets' if recall >= 0.95 else 'misses'} goal 0.95)",
        flush=True,
    )


def _pct(values: list[float], p: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))] * 1000


def main(passages: int = PASSAGES) -> None:
    """Builds the index with both vector sets, then measures each."""
    import numpy as np

    rng = random.Random(4)
    start = time.perf_counter()
    texts, ids = corpus(passages)
    bow, words = bow_vectors(ids)
    dense, topic, centres = dense_vectors(passages)
    with tempfile.TemporaryDirectory(prefix="hearth-bench-retrieval-") as tmp:
        index, collections = build(Path(tmp), texts, {"bow": bow, "dense": dense})
        print(
            f"-- {passages:,} passages indexed in {time.perf_counter() - start:.0f} s", flush=True
        )
        picks = [rng.randrange(passages) for _ in range(QUERIES)]
        for name, vectors in (("bag-of-words", bow), ("dense-topic", dense)):
            questions = []
            for n in picks:
                chosen = rng.sample(list(ids[n]), 6)
                question = " ".join(f"w{i:x}" for i in chosen)
                if name == "bag-of-words":
                    vector = _unit(words[chosen].sum(axis=0))
                else:
                    noise = np.random.default_rng(n).standard_normal(DIM).astype("float32")
                    vector = _unit(centres[topic[n]] + noise * 0.04)
                questions.append((question, vector))
            index._collection = collections["bow" if name == "bag-of-words" else "dense"]
            measure(name, index, vectors, questions)
        recall = full_bm25_recall(index, texts, questions[:50], 20, Path(tmp))
        print(
            f"keyword ranking (only the rarest words' postings read whole) against full BM25 "
            f"over every word: recall@20 {recall:.2f}",
            flush=True,
        )
        index.close()


if __name__ == "__main__":
    main()
