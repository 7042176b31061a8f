"""The worker process: progress, cancel, kill midway and restart, one writer per folder."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from agents.cancel import CancelToken
from agents.documents.errors import DocumentError, DocumentKind
from agents.documents.index import DocumentIndex, SyncProgress
from agents.documents.index_worker import IndexClient
from agents.llm import OllamaService
from agents.settings import Settings, apply_environment
from tests.fakes import OllamaDouble


def _many_files(folder: Path, count: int) -> list[Path]:
    paths = []
    for n in range(count):
        path = folder / f"note{n:03}.txt"
        words = " ".join(f"topic{n} detail{i}" for i in range(200))
        path.write_text(f"Note {n} is about harbour number {n}. {words}", encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def client(data_root: Path, ollama_double: OllamaDouble) -> Iterator[IndexClient]:
    opened = IndexClient(data_root, apply_environment(Settings()))
    yield opened
    opened.close()


def _check_consistent(root: Path, service: OllamaService) -> None:
    index = DocumentIndex(root, service)
    try:
        assert index.collection.count() == index.manifest.chunk_count()
        for f in index.files():
            got = index.collection.get(where={"path": f.path}, include=[])
            assert len(got["ids"]) == f.chunks
    finally:
        index.close()


def test_progress_search_and_files(client: IndexClient, docs_dir: Path) -> None:
    _many_files(docs_dir, 4)
    steps: list[SyncProgress] = []
    report = client.index([docs_dir], steps.append)
    assert len(report.indexed) == 4
    assert [s.files_done for s in steps] == [0, 1, 2, 3, 4]
    assert steps[-1].chunks_done == report.chunks_added > 0
    assert [Path(f.path).name for f in client.files()] == [f"note00{n}.txt" for n in range(4)]
    found = client.search("harbour number 2 topic2", k=3)
    assert Path(found[0].path).name == "note002.txt"
    assert client.pid is not None and client.pid != os.getpid()


def test_cancel_stops_between_files_and_resume_finishes(
    client: IndexClient, docs_dir: Path, data_root: Path, service: OllamaService
) -> None:
    _many_files(docs_dir, 12)
    cancel = CancelToken()

    def stop_early(step: SyncProgress) -> None:
        if step.files_done >= 2:
            cancel.cancel()

    report = client.index([docs_dir], stop_early, cancel)
    assert report.cancelled and len(report.indexed) < 12
    report = client.index([docs_dir])
    assert not report.cancelled
    assert len(report.indexed) + len(report.unchanged) == 12
    client.close()
    _check_consistent(data_root, service)


def test_killed_midway_then_restarted_is_consistent(
    data_root: Path, ollama_double: OllamaDouble, docs_dir: Path, service: OllamaService
) -> None:
    files = _many_files(docs_dir, 40)
    first = IndexClient(data_root, apply_environment(Settings()))

    def kill_midway(step: SyncProgress) -> None:
        if step.files_done == 3 and first.pid:
            os.kill(first.pid, signal.SIGKILL)

    with pytest.raises(DocumentError, match="stopped unexpectedly") as caught:
        first.index([docs_dir], kill_midway)
    assert caught.value.kind is DocumentKind.INDEX_UNAVAILABLE
    assert caught.value.exit_code == 21
    first.close()
    partial = {f.path for f in IndexClient(data_root, Settings()).files() if f.status == "indexed"}
    assert 3 <= len(partial) < 40
    second = IndexClient(data_root, apply_environment(Settings()))
    report = second.index([docs_dir])
    second.close()
    assert sorted(report.indexed + report.unchanged) == sorted(str(p) for p in files)
    assert {f.status for f in second.files()} == {"indexed"}
    _check_consistent(data_root, service)


def test_one_writer_per_data_folder(client: IndexClient, data_root: Path, docs_dir: Path) -> None:
    _many_files(docs_dir, 1)
    client.index([docs_dir])
    other = IndexClient(data_root, apply_environment(Settings()))
    try:
        with pytest.raises(DocumentError, match="Another Hearth process") as caught:
            other.index([docs_dir])
        assert caught.value.kind is DocumentKind.INDEX_UNAVAILABLE
    finally:
        other.close()


def test_ollama_errors_come_back_as_clear_messages(
    client: IndexClient, docs_dir: Path, ollama_double: OllamaDouble
) -> None:
    _many_files(docs_dir, 1)
    ollama_double.remove_model("nomic-embed-text")
    from agents.llm.errors import LLMError

    with pytest.raises(LLMError, match="ollama pull nomic-embed-text"):
        client.index([docs_dir])


def test_search_is_answered_during_an_indexing_run(client: IndexClient, docs_dir: Path) -> None:
    _many_files(docs_dir, 20)
    found: list[str] = []

    def ask_meanwhile(step: SyncProgress) -> None:
        if step.files_done == 2 and not found:
            passages = client.search("harbour number 0 topic0", k=1)
            found.append(Path(passages[0].path).name)
            found.append(str(step.files_done))

    report = client.index([docs_dir], ask_meanwhile)
    assert found == ["note000.txt", "2"]
    assert len(report.indexed) == 20


def test_reconfigure_restarts_an_idle_worker_only_when_its_settings_change(
    client: IndexClient, docs_dir: Path
) -> None:
    _many_files(docs_dir, 4)
    client.index([docs_dir])
    assert len(client.search("harbour number 2")) == 5  # documents_top_k
    first = client.pid
    client.reconfigure(replace(client.settings, system_prompt="Be brief."))
    client.search("harbour number 2")
    assert client.pid == first  # nothing the worker uses changed
    client.reconfigure(replace(client.settings, documents_top_k=2))
    assert len(client.search("harbour number 2")) == 2
    assert client.pid not in {None, first}


def test_reconfigure_during_a_run_lets_it_finish_then_uses_the_new_settings(
    client: IndexClient, docs_dir: Path
) -> None:
    _many_files(docs_dir, 20)
    during: list[tuple[int, int | None, int]] = []

    def change_settings_meanwhile(step: SyncProgress) -> None:
        if step.files_done == 2 and not during:
            first = client.pid
            client.reconfigure(replace(client.settings, documents_top_k=1))
            # This search waits for the run in hand to end, then runs in a new worker.
            during.append((len(client.search("harbour number 0 topic0")), first, step.files_done))

    report = client.index([docs_dir], change_settings_meanwhile)
    assert not report.cancelled and len(report.indexed) == 20  # never stopped mid-run
    [(found, first, done)] = during
    assert (found, done) == (1, 2)
    assert client.pid not in {None, first}
    assert {f.status for f in client.files()} == {"indexed"}
