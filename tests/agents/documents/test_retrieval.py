"""Retrieval quality on a labelled question set: recall@5 of vector, MMR and hybrid.

The double's embeddings hash words, so this measures lexical retrieval, not semantic
quality; it shows that hybrid keeps exact names and numbers findable when many passages
share the same generic wording. The figures are recorded in docs/documents.md.
"""

from __future__ import annotations

from pathlib import Path

from agents.documents.index import DocumentIndex
from agents.documents.retrieval import Passage, cosine, mmr, recall_at_k, reciprocal_rank_fusion
from agents.llm import OllamaService
from tests.agents.documents.makers import build_labelled_corpus


def _passage(cid: str, similarity: float | None = None, keyword: float = 0.0) -> Passage:
    return Passage(cid, "f", None, None, cid, similarity, keyword)


def test_rrf_rewards_agreement() -> None:
    vector = [_passage("a", 0.9), _passage("b", 0.8), _passage("c", 0.7)]
    keyword = [_passage("c", keyword=5.0), _passage("d", keyword=4.0)]
    fused = reciprocal_rank_fusion([vector, keyword], 3)
    assert [p.chunk_id for p in fused] == ["c", "a", "b"]
    assert fused[0].similarity == 0.7 and fused[0].keyword_score == 5.0


def test_mmr_prefers_diverse_passages() -> None:
    query = [1.0, 0.0, 0.0]
    near = [
        (_passage("a"), [0.9, 0.1, 0.0]),
        (_passage("a2"), [0.9, 0.1, 0.0]),
        (_passage("b"), [0.7, 0.0, 0.7]),
    ]
    assert [p.chunk_id for p in mmr(query, near, 2, diversity=0.5)] == ["a", "b"]
    assert cosine([1, 0], [0, 1]) == 0.0


def test_recall_at_5_by_method(
    data_root: Path, service: OllamaService, docs_dir: Path, capsys: object
) -> None:
    questions = build_labelled_corpus(docs_dir)
    index = DocumentIndex(data_root, service)
    index.sync([docs_dir])
    recall = {}
    for method in ("vector", "mmr", "hybrid"):
        ranked, relevant = [], []
        for question, name, answer in questions:
            passages = index.search(question, k=5, method=method)
            ranked.append([p.chunk_id for p in passages])
            relevant.append(
                {p.chunk_id for p in passages if p.path.endswith(name) and answer in p.text}
            )
            # ids of the right passage (found or not) come from the ledger's keyword table
            right = [
                c.chunk_id
                for c, _ in index.manifest.keyword_search(answer, 50)
                if answer in c.text and c.path.endswith(name)
            ]
            relevant[-1] |= set(right)
        recall[method] = recall_at_k(ranked, relevant, 5)
    index.close()
    print(f"\nrecall@5 over {len(questions)} questions: {recall}")
    assert recall["hybrid"] >= recall["vector"]
    assert recall["hybrid"] >= recall["mmr"]
    assert recall["hybrid"] >= 0.9
