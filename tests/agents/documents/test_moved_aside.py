"""Never destroy the index: one that fails to open is kept byte for byte and a rebuild is
offered; a broken installation or a busy disk touches nothing."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from agents.documents import aside
from agents.documents.errors import DocumentError, DocumentKind
from agents.documents.index import DocumentIndex
from agents.llm import OllamaService
from tests.hostile.harness import tree_digest


def indexed(data_root: Path, docs_dir: Path, service: OllamaService) -> None:
    (docs_dir / "garden.md").write_text("# Garden\nTomatoes need six hours of sun.\n")
    (docs_dir / "bikes.txt").write_text("The bicycle shop repairs punctures on Tuesdays.")
    index = DocumentIndex(data_root, service)
    try:
        assert len(index.sync([docs_dir]).indexed) == 2
    finally:
        index.close()


def damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:100] = b"\x13" * 100  # the SQLite header is gone
    path.write_bytes(bytes(data))


def _the_one_kept(data_root: Path) -> Path:
    kept = list((data_root / "index").glob("unreadable-*"))
    assert len(kept) == 1
    return kept[0]


@pytest.mark.timeout(120)
def test_an_index_that_fails_to_open_is_kept_byte_for_byte(
    data_root: Path, docs_dir: Path, service: OllamaService
) -> None:
    indexed(data_root, docs_dir, service)
    chroma = data_root / "index" / "chroma"
    damage(chroma / "chroma.sqlite3")
    before = tree_digest(chroma)
    index = DocumentIndex(data_root, service)
    try:
        with pytest.raises(DocumentError) as caught:
            index.search("tomatoes")
        assert caught.value.kind is DocumentKind.MOVED_ASIDE
        kept = _the_one_kept(data_root)
        assert tree_digest(kept / "chroma") == before
        assert (kept / "manifest.sqlite3").exists()  # a copy of the ledger goes along
        assert caught.value.aside == str(kept)
        assert str(kept) in caught.value.message and "--rebuild" in caught.value.message
        # Until the person chooses, it stays refused (and kept).
        with pytest.raises(DocumentError, match="moved aside earlier") as refused1:
            DocumentIndex(data_root, service).search("tomatoes")
        assert refused1.value.kind is DocumentKind.MOVED_ASIDE
        report = index.rebuild()
        assert len(report.indexed) == 2 and not report.failed
        assert index.search("tomatoes", k=1)[0].path.endswith("garden.md")
        assert tree_digest(kept / "chroma") == before  # still there after the rebuild
        assert aside.moved_aside(data_root / "index") is None
    finally:
        index.close()


@pytest.mark.timeout(120)
def test_a_damaged_ledger_is_moved_aside_with_the_vectors(
    data_root: Path, docs_dir: Path, service: OllamaService
) -> None:
    indexed(data_root, docs_dir, service)
    index_dir = data_root / "index"
    DocumentIndex(data_root, service).close()  # checkpoints the WAL into the file
    damage(index_dir / "manifest.sqlite3")
    ledger = (index_dir / "manifest.sqlite3").read_bytes()
    vectors = tree_digest(index_dir / "chroma")
    with pytest.raises(DocumentError) as refused2:
        DocumentIndex(data_root, service)
    assert refused2.value.kind is DocumentKind.MOVED_ASIDE
    kept = _the_one_kept(data_root)
    assert (kept / "manifest.sqlite3").read_bytes() == ledger
    assert tree_digest(kept / "chroma") == vectors
    index = DocumentIndex(data_root, service)  # a new, empty ledger
    try:
        with pytest.raises(DocumentError) as refused3:
            index.search("tomatoes")
        assert refused3.value.kind is DocumentKind.MOVED_ASIDE
        assert index.rebuild().indexed == []  # the list of files went with the old ledger
        assert len(index.sync([docs_dir]).indexed) == 2
    finally:
        index.close()


@pytest.mark.parametrize(
    "problem",
    [
        ModuleNotFoundError("No module named 'chromadb.api.rust'"),
        ImportError("cannot import name 'Bindings'"),
        AttributeError("module 'chromadb' has no attribute 'PersistentClient'"),
        PermissionError(errno.EACCES, "Permission denied"),
        OSError(errno.ENOSPC, "No space left on device"),
        RuntimeError("error returned from database: (code: 5) database is locked"),
    ],
    ids=["module-missing", "import-error", "attribute-error", "permission", "disk-full", "locked"],
)
@pytest.mark.timeout(120)
def test_installation_and_disk_problems_touch_nothing(
    problem: BaseException,
    data_root: Path,
    docs_dir: Path,
    service: OllamaService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    indexed(data_root, docs_dir, service)
    before = tree_digest(data_root / "index")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise problem

    monkeypatch.setattr("agents.documents.index.open_chroma", broken)
    index = DocumentIndex(data_root, service)
    try:
        with pytest.raises(DocumentError) as caught:
            index.search("tomatoes")
        assert caught.value.kind is DocumentKind.INDEX_UNAVAILABLE
    finally:
        index.close()
    assert "not changed" in caught.value.message or "Nothing was changed" in caught.value.message
    assert not list((data_root / "index").glob("unreadable-*"))
    after = tree_digest(data_root / "index")
    assert {k: v for k, v in after.items() if "manifest" not in k} == {
        k: v for k, v in before.items() if "manifest" not in k
    }  # the vector store is untouched (the ledger may only checkpoint its journal)


def test_a_ledger_from_a_newer_hearth_is_left_alone(
    data_root: Path, service: OllamaService
) -> None:
    ledger = data_root / "index" / "manifest.sqlite3"
    ledger.parent.mkdir(parents=True)
    with sqlite3.connect(ledger) as db:
        db.execute("PRAGMA user_version=99")
    before = ledger.read_bytes()
    with pytest.raises(DocumentError, match="newer version of Hearth") as refused5:
        DocumentIndex(data_root, service)
    assert refused5.value.kind is DocumentKind.INDEX_UNAVAILABLE
    assert ledger.read_bytes() == before
