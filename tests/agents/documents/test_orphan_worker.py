"""A killed Hearth leaves no index worker behind holding the writer lock."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

SCRIPT = """
import sys, time
from pathlib import Path
from agents.documents.index_worker import IndexClient
from agents.settings import Settings

def main():
    client = IndexClient(Path(sys.argv[1]), Settings(ollama_host=sys.argv[2]))
    client.files()
    client.search("anything")  # starts the worker process
    print(client.pid, flush=True)
    time.sleep(60)

if __name__ == "__main__":
    main()
"""


@pytest.mark.timeout(60)
def test_worker_exits_when_hearth_is_killed(tmp_path: Path, ollama_double) -> None:  # type: ignore[no-untyped-def]
    script = tmp_path / "hold.py"
    script.write_text(SCRIPT, encoding="utf-8")
    parent = subprocess.Popen(
        [sys.executable, str(script), str(tmp_path / "data"), ollama_double.url],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert parent.stdout is not None
    worker_pid = int(parent.stdout.readline())
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            os.kill(worker_pid, 0)
        except ProcessLookupError:
            return  # gone
        time.sleep(0.1)
        with contextlib.suppress(OSError), open(f"/proc/{worker_pid}/stat") as stat:
            if stat.read().split()[2] == "Z":
                return  # exited; only its process-table entry is left
    pytest.fail("the index worker outlived Hearth")
