"""Embeddings are batched and never cut silently: a passage longer than the embedding
model's context is embedded in parts (averaged), not truncated by the server."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from agents.documents.index import DocumentIndex
from tests.fakes import OllamaDouble


def test_passages_go_in_batches(
    index: DocumentIndex, docs_dir: Path, ollama_double: OllamaDouble
) -> None:
    text = "\n\n".join(f"## Part {n}\n\n" + "harbour repair budget " * 40 for n in range(20))
    (docs_dir / "notes.md").write_text(text, encoding="utf-8")
    report = index.sync([docs_dir])
    batches = [r for r in ollama_double.requests_to("/api/embed") if r.body]
    sent = sum(len((r.body or {})["input"]) for r in batches)
    assert report.chunks_added == sent >= 20
    assert len(batches) <= report.chunks_added // index.settings.documents_embed_batch + 2


def test_a_passage_longer_than_the_context_is_embedded_whole(
    index: DocumentIndex, docs_dir: Path, ollama_double: OllamaDouble
) -> None:
    spec = ollama_double.model("nomic-embed-text")
    assert spec is not None
    ollama_double.add_model(replace(spec, context_length=64))  # 64 tokens: ~250 characters
    (docs_dir / "long.md").write_text("lighthouse keeper " * 60, encoding="utf-8")  # ~270 tokens
    report = index.sync([docs_dir])
    assert report.indexed and not report.failed
    requests = [r for r in ollama_double.requests_to("/api/embed") if r.body]
    assert all((r.body or {}).get("truncate") is False for r in requests)
    assert not any(r.overflowed for r in requests)  # nothing was cut
    assert index.collection.count() == report.chunks_added == 1
    (found,) = index.search("lighthouse keeper", k=1)
    assert found.similarity is not None and found.similarity > 0.5
