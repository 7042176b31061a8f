"""The same index code against a real Chroma server (``chroma run``) on loopback."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest

from agents import paths
from agents.documents.errors import DocumentError, DocumentKind
from agents.documents.index import DocumentIndex
from agents.llm import OllamaService


def _using(service: OllamaService, server: str) -> OllamaService:
    return OllamaService(replace(service.settings, documents_chroma_server=server))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[str]:
    binary = Path(sys.executable).parent / "chroma"
    if not binary.exists():
        binary = Path(shutil.which("chroma") or "chroma")
    port = _free_port()
    process = subprocess.Popen(
        [
            str(binary),
            "run",
            "--path",
            str(tmp_path / "server"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert process.poll() is None, "chroma server exited"
            assert time.monotonic() < deadline, "chroma server did not start"
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(10)


def test_index_and_search_on_a_chroma_server(
    chroma_server: str, data_root: Path, service: OllamaService, docs_dir: Path
) -> None:
    (docs_dir / "team.md").write_text(
        "# Team\nThe on-call phone number is 5550123.\n", encoding="utf-8"
    )
    index = DocumentIndex(data_root, _using(service, chroma_server))
    report = index.sync([docs_dir])
    assert len(report.indexed) == 1
    assert "5550123" in index.search("on-call phone number", k=1)[0].text
    assert not (paths.index_dir(data_root) / "chroma").exists()  # nothing embedded
    index.close()


def test_unreachable_server_gives_a_clear_error(
    data_root: Path, service: OllamaService, docs_dir: Path
) -> None:
    url = f"http://127.0.0.1:{_free_port()}"
    index = DocumentIndex(data_root, _using(service, url))
    with pytest.raises(DocumentError, match=r"Chroma server at .* can.t be used") as caught:
        index.sync([docs_dir])
    assert caught.value.kind is DocumentKind.INDEX_UNAVAILABLE
    index.close()
