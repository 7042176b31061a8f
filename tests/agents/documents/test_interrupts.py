"""Stopping `hearth index`: Ctrl+C stops it promptly, a kill leaves no worker behind, and
the index stays consistent and resumes on the next run."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from agents.documents.index import DocumentIndex
from agents.llm import OllamaService
from agents.settings import Settings
from tests.fakes import OllamaDouble

ROOT = Path(__file__).resolve().parents[3]


def _hearth(data: Path, host: str, *args: str) -> subprocess.Popen[str]:
    """`hearth --data-dir DATA ARGS` in its own process group, as a terminal starts it."""
    return subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(data), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "OLLAMA_HOST": host},
        start_new_session=True,
    )


def _children(pid: int) -> list[int]:
    done = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    return [int(p) for p in done.stdout.split()]


def _gone(pids: list[int], seconds: float) -> bool:
    """Whether every process exited (zombies count as exited) within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        alive = []
        for pid in pids:
            with contextlib.suppress(OSError), open(f"/proc/{pid}/stat") as stat:
                if stat.read().split()[2] != "Z":
                    alive.append(pid)
        if not alive:
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def silent_ollama() -> Iterator[str]:
    """A server that accepts connections and never answers (a hung Ollama)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            with contextlib.suppress(OSError):
                held.append(server.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join(2)
    for conn in held:
        conn.close()
    server.close()


def _many_files(folder: Path, count: int = 300) -> Path:
    folder.mkdir()
    for number in range(count):
        (folder / f"note{number:03}.txt").write_text(
            f"Note {number}: the lantern in room {number} is checked on Mondays."
        )
    return folder


@pytest.mark.timeout(120)
def test_ctrl_c_stops_indexing_promptly_and_the_next_run_resumes(
    tmp_path: Path, ollama_double: OllamaDouble
) -> None:
    docs, data = _many_files(tmp_path / "docs"), tmp_path / "data"
    run = _hearth(data, ollama_double.url, "index", str(docs))
    assert run.stderr is not None
    for line in run.stderr:
        if line.startswith("indexing ") and not line.startswith("indexing 0/"):
            break
    workers = _children(run.pid)
    os.killpg(run.pid, signal.SIGINT)  # what Ctrl+C at a terminal does
    pressed = time.monotonic()
    rest = run.stderr.read()
    assert run.wait(30) == 130
    assert time.monotonic() - pressed < 10
    assert "hearth: stopped. Files done so far are indexed" in rest
    assert "Traceback" not in rest and "KeyboardInterrupt" not in rest
    assert _gone(workers, 10), "the index worker outlived the command"

    again = _hearth(data, ollama_double.url, "index", str(docs))
    _out, err = again.communicate(timeout=90)
    assert again.returncode == 0, err
    index = DocumentIndex(data, OllamaService(Settings(ollama_host=ollama_double.url)))
    try:
        assert len(index.files()) == 300
        assert index.collection.count() == index.manifest.chunk_count() == 300
    finally:
        index.close()


@pytest.mark.timeout(120)
def test_ctrl_c_ends_a_worker_stuck_in_one_step(tmp_path: Path, silent_ollama: str) -> None:
    docs, data = _many_files(tmp_path / "docs", 3), tmp_path / "data"
    run = _hearth(data, silent_ollama, "index", str(docs))
    time.sleep(4)  # the worker is waiting on Ollama, which never answers
    workers = _children(run.pid)
    os.killpg(run.pid, signal.SIGINT)
    pressed = time.monotonic()
    _out, err = run.communicate(timeout=60)
    assert run.returncode == 130, err
    assert time.monotonic() - pressed < 15
    assert "hearth: stopped" in err and "Traceback" not in err
    assert _gone(workers, 10)


@pytest.mark.timeout(120)
def test_a_killed_hearth_leaves_no_busy_worker_behind(tmp_path: Path, silent_ollama: str) -> None:
    docs, data = _many_files(tmp_path / "docs", 3), tmp_path / "data"
    run = _hearth(data, silent_ollama, "index", str(docs))
    time.sleep(4)  # the worker is busy: stuck waiting on Ollama
    workers = _children(run.pid)
    assert workers
    os.kill(run.pid, signal.SIGKILL)
    run.communicate(timeout=30)
    assert _gone(workers, 10), "the index worker spun on as an orphan"
