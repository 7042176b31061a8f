"""The index: every format ingested, incremental by content hash, bad files leave it intact."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from agents.documents.index import HNSW_SEARCH_EF, DocumentIndex, open_chroma
from agents.documents.manifest import INDEXED, INDEXING
from agents.llm import OllamaService
from agents.settings import Settings, apply_environment
from tests.agents.documents.conftest import embed_calls
from tests.agents.documents.makers import make_docx, make_pdf, make_zip_bomb_docx, random_bytes
from tests.fakes import OllamaDouble


def _write_corpus(folder: Path) -> dict[str, Path]:
    files = {
        "pdf": make_pdf(
            folder / "lighthouse.pdf",
            ["Lighthouse history overview.", "The lighthouse lamp was replaced in 1987."],
        ),
        "docx": make_docx(
            folder / "bakery.docx", [("Menu", ["Sourdough bread costs four euros."])]
        ),
        "md": folder / "garden.md",
        "txt": folder / "bikes.txt",
        "html": folder / "museum.html",
    }
    files["md"].write_text("# Garden\nTomatoes need six hours of sun.\n", encoding="utf-8")
    files["txt"].write_text("The bicycle shop repairs punctures on Tuesdays.", encoding="utf-8")
    files["html"].write_text(
        "<h1>Museum</h1><p>The museum closes at seventeen hundred.</p>", encoding="utf-8"
    )
    return files


def _top_path(index: DocumentIndex, question: str) -> tuple[str, int | None]:
    passage = index.search(question, k=1)[0]
    return Path(passage.path).name, passage.page


def _consistent(index: DocumentIndex) -> None:
    assert index.collection.count() == index.manifest.chunk_count()
    for f in index.files():
        stored = index.collection.get(where={"path": f.path}, include=[])
        assert len(stored["ids"]) == f.chunks, f.path


def test_each_format_is_indexed_and_found(
    index: DocumentIndex, docs_dir: Path, ollama_double: OllamaDouble
) -> None:
    _write_corpus(docs_dir)
    report = index.sync([docs_dir])
    assert len(report.indexed) == 5 and not report.failed
    assert _top_path(index, "When was the lighthouse lamp replaced?") == ("lighthouse.pdf", 2)
    assert _top_path(index, "How much does sourdough bread cost?")[0] == "bakery.docx"
    assert _top_path(index, "How many hours of sun do tomatoes need?")[0] == "garden.md"
    assert _top_path(index, "When are bicycle punctures repaired?")[0] == "bikes.txt"
    assert _top_path(index, "When does the museum close?")[0] == "museum.html"
    assert index.search("sourdough", k=1)[0].heading == "Menu"
    _consistent(index)
    # Documents were embedded with nomic's document prefix, questions with its query prefix.
    bodies = [r.body or {} for r in ollama_double.requests_to("/api/embed")]
    inputs = [
        text
        for b in bodies
        for text in (b["input"] if isinstance(b["input"], list) else [b["input"]])
    ]
    assert any(t.startswith("search_document: ") for t in inputs)
    assert any(t.startswith("search_query: ") for t in inputs)


def test_unchanged_folder_costs_no_embedding_calls(
    index: DocumentIndex, docs_dir: Path, ollama_double: OllamaDouble
) -> None:
    _write_corpus(docs_dir)
    index.sync([docs_dir])
    before = embed_calls(ollama_double)
    report = index.sync([docs_dir])
    assert len(report.unchanged) == 5 and not report.indexed
    # A touched file with the same content is recognised by its hash.
    os.utime(docs_dir / "bikes.txt", ns=(1, 1))
    report = index.sync([docs_dir])
    assert len(report.unchanged) == 5
    assert embed_calls(ollama_double) == before


def test_changed_file_replaces_its_chunks_and_deleted_file_leaves(
    index: DocumentIndex, docs_dir: Path
) -> None:
    files = _write_corpus(docs_dir)
    index.sync([docs_dir])
    files["txt"].write_text("The bicycle shop now opens on Sundays only.", encoding="utf-8")
    files["md"].unlink()
    report = index.sync([docs_dir])
    assert report.indexed == [str(files["txt"])]
    assert report.removed == [str(files["md"])]
    texts = [p.text for p in index.search("bicycle shop", k=10)]
    assert "The bicycle shop now opens on Sundays only." in texts
    assert not any("punctures" in t for t in texts)
    assert not any("garden.md" in p.path for p in index.search("tomatoes sun", k=10))
    assert str(files["md"]) not in {f.path for f in index.files()}
    _consistent(index)


def test_bad_files_get_messages_and_leave_the_index_intact(
    index: DocumentIndex, docs_dir: Path, ollama_double: OllamaDouble
) -> None:
    files = _write_corpus(docs_dir)
    index.sync([docs_dir])
    count = index.collection.count()
    bad = docs_dir / "bad"
    bad.mkdir()
    make_pdf(bad / "locked.pdf", ["secret"], password="pw")
    make_zip_bomb_docx(bad / "bomb.docx")
    random_bytes(bad / "noise.txt")
    (bad / "empty.md").touch()
    report = index.sync([bad])
    messages = {path: str(message) for path, message in report.failed}
    assert len(messages) == 4
    assert "password" in messages[str(bad / "locked.pdf")]
    assert "compression bomb" in messages[str(bad / "bomb.docx")]
    assert "isn't text" in messages[str(bad / "noise.txt")]
    assert "empty" in messages[str(bad / "empty.md")]
    assert index.collection.count() == count
    # A good file that turns bad keeps its previous passages searchable, with the error shown.
    files["txt"].write_bytes(os.urandom(2048))
    index.sync([docs_dir])
    row = next(f for f in index.files() if f.path == str(files["txt"]))
    assert row.status == "failed" and "isn't text" in row.error and row.searchable
    assert "punctures" in index.search("bicycle punctures", k=1)[0].text
    # An unchanged bad file is not read again.
    before = len(ollama_double.requests)
    report = index.sync([bad])
    assert len(report.failed) == 4 and len(ollama_double.requests) == before
    _consistent(index)


def test_interrupted_write_is_detected_and_repaired(
    data_root: Path, service: OllamaService, docs_dir: Path
) -> None:
    files = _write_corpus(docs_dir)
    first = DocumentIndex(data_root, service)
    first.sync([docs_dir])
    # Simulate a kill between the vector write and the ledger commit of one file.
    path = str(files["txt"])
    first.manifest.begin_file(path, "txt")
    first.collection.add(
        ids=["orphan"], embeddings=[[0.1] * 768], documents=["x"], metadatas=[{"path": path}]
    )
    first.close()
    second = DocumentIndex(data_root, service)
    assert second.manifest.get(path).status == INDEXING  # type: ignore[union-attr]
    report = second.sync([])
    assert report.repaired and report.indexed == [path]
    assert all(f.status == INDEXED for f in second.files())
    _consistent(second)
    second.close()


def test_ledger_and_store_disagreeing_triggers_a_rebuild(
    data_root: Path, service: OllamaService, docs_dir: Path
) -> None:
    _write_corpus(docs_dir)
    first = DocumentIndex(data_root, service)
    first.sync([docs_dir])
    first.collection.delete(ids=first.collection.get(limit=2)["ids"])
    first.close()
    second = DocumentIndex(data_root, service)
    report = second.sync(None)
    assert report.repaired and len(report.indexed) == 5
    _consistent(second)
    second.close()


def test_new_embedding_model_means_a_new_collection(
    data_root: Path, ollama_double: OllamaDouble, docs_dir: Path
) -> None:
    from tests.fakes import ModelSpec

    ollama_double.add_model(ModelSpec("all-minilm:latest", ["embedding"], embedding_length=384))
    _write_corpus(docs_dir)
    first = DocumentIndex(data_root, OllamaService(apply_environment(Settings())))
    first.sync([docs_dir])
    assert first.collection.name.endswith("-768")
    first.close()
    settings = apply_environment(Settings(embed_model="all-minilm"))
    second = DocumentIndex(data_root, OllamaService(settings))
    report = second.sync(None)
    assert second.collection.name == "hearth-all-minilm-384"
    assert report.repaired and len(report.indexed) == 5
    assert len(second.search("museum", k=1)) == 1
    _consistent(second)
    second.close()


def test_an_index_from_before_gets_the_wider_search_and_keeps_its_vectors(
    data_root: Path, service: OllamaService, docs_dir: Path
) -> None:
    _write_corpus(docs_dir)
    first = DocumentIndex(data_root, service)
    first.sync([docs_dir])
    name = first.collection.name
    first.close()
    # As an earlier Hearth made it: Chroma's default search breadth.
    old = open_chroma(data_root).get_collection(name, embedding_function=None)
    old.modify(configuration={"hnsw": {"ef_search": 100}})
    assert old.configuration["hnsw"]["ef_search"] == 100
    count = old.count()
    second = DocumentIndex(data_root, service)
    report = second.sync(None)
    assert second.collection.configuration["hnsw"]["ef_search"] == HNSW_SEARCH_EF
    assert not report.repaired and report.indexed == [] and second.collection.count() == count
    assert _top_path(second, "When does the museum close?") == ("museum.html", None)
    second.close()
    reopened = open_chroma(data_root).get_collection(name, embedding_function=None)
    stored = reopened.configuration["hnsw"]
    assert stored["ef_search"] == HNSW_SEARCH_EF and stored["space"] == "cosine"


def test_remove_by_file_and_folder(index: DocumentIndex, docs_dir: Path) -> None:
    files = _write_corpus(docs_dir)
    index.sync([docs_dir])
    assert index.remove([files["pdf"]]) == [str(files["pdf"])]
    assert len(index.files()) == 4
    assert sorted(index.remove([docs_dir])) == sorted(
        str(p) for k, p in files.items() if k != "pdf"
    )
    assert index.files() == [] and index.collection.count() == 0


def test_chroma_never_uses_its_default_model(index: DocumentIndex, docs_dir: Path) -> None:
    # The autouse fixture makes any use of Chroma's ONNX model fail; prove it is armed.
    from chromadb.utils.embedding_functions import DefaultEmbeddingFunction

    with pytest.raises(AssertionError, match="ONNX"):
        DefaultEmbeddingFunction()(["hello"])
    _write_corpus(docs_dir)
    index.sync([docs_dir])
    assert index.search("museum", k=1)
    assert index.collection.configuration.get("embedding_function") is None


def test_unsupported_and_missing_targets_are_reported(index: DocumentIndex, docs_dir: Path) -> None:
    exe = docs_dir / "setup.exe"
    exe.write_bytes(b"MZ")
    report = index.sync([exe, docs_dir / "nowhere"])
    assert len(report.failed) == 2 and not report.indexed
    assert "doesn't read" in str(report.failed[0][1])
