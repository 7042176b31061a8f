"""Ranking passages: plain vector search, MMR, and hybrid (BM25 + vectors, fused by RRF).

The default is chosen by measurement (see docs/documents.md): hybrid, because keyword
search finds exact names, numbers and rare terms that embeddings blur, and vectors find
paraphrases that keywords miss; reciprocal rank fusion needs no score calibration.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

METHODS = ("vector", "mmr", "hybrid")
RRF_K = 60


@dataclass(frozen=True)
class Passage:
    """A retrieved passage with where it came from.

    Attributes:
        chunk_id: The chunk's id in the index.
        path: The source file.
        page: 1-based page (PDF), else None.
        heading: The nearest heading, if any.
        text: The passage.
        similarity: Cosine similarity to the question (None if only keywords found it).
        keyword_score: BM25 score (0 if keywords did not find it).
        score: The final ranking score (higher is better).
    """

    chunk_id: str
    path: str
    page: int | None
    heading: str | None
    text: str
    similarity: float | None = None
    keyword_score: float = 0.0
    score: float = 0.0


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    """Cosine similarity of two vectors."""
    dot = sum(x * y for x, y in zip(a, b, strict=False))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norm if norm else 0.0


def mmr(
    query: Sequence[float],
    candidates: Sequence[tuple[Passage, Sequence[float]]],
    k: int,
    diversity: float = 0.3,
) -> list[Passage]:
    """Maximal marginal relevance: relevant passages that don't repeat each other."""
    chosen: list[tuple[Passage, Sequence[float]]] = []
    pool = list(candidates)
    relevance = {id(p): cosine(query, v) for p, v in pool}
    while pool and len(chosen) < k:

        def gain(item: tuple[Passage, Sequence[float]]) -> float:
            redundancy = max((cosine(item[1], v) for _, v in chosen), default=0.0)
            return (1 - diversity) * relevance[id(item[0])] - diversity * redundancy

        best = max(pool, key=gain)
        pool.remove(best)
        chosen.append(best)
    return [replace(p, score=relevance[id(p)]) for p, _ in chosen]


def reciprocal_rank_fusion(rankings: Sequence[Sequence[Passage]], k: int) -> list[Passage]:
    """Fuses ranked lists by reciprocal rank (RRF); keeps each passage's best details."""
    scores: dict[str, float] = {}
    merged: dict[str, Passage] = {}
    for ranking in rankings:
        for rank, passage in enumerate(ranking):
            scores[passage.chunk_id] = scores.get(passage.chunk_id, 0.0) + 1.0 / (RRF_K + rank + 1)
            known = merged.get(passage.chunk_id)
            if known is None:
                merged[passage.chunk_id] = passage
            else:
                merged[passage.chunk_id] = replace(
                    known,
                    similarity=known.similarity
                    if known.similarity is not None
                    else passage.similarity,
                    keyword_score=max(known.keyword_score, passage.keyword_score),
                )
    order = sorted(scores, key=lambda cid: scores[cid], reverse=True)[:k]
    return [replace(merged[cid], score=scores[cid]) for cid in order]


def recall_at_k(ranked: Sequence[Sequence[str]], relevant: Sequence[set[str]], k: int = 5) -> float:
    """Share of questions whose top ``k`` holds at least one relevant id."""
    if not ranked:
        return 0.0
    hits = sum(1 for got, want in zip(ranked, relevant, strict=True) if set(got[:k]) & want)
    return hits / len(ranked)
