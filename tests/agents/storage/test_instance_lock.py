"""Tests for the one-instance-per-data-folder lock, within and across processes."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import agents.storage.instance_lock as instance_lock_module
from agents.storage import InstanceLock, StorageError, StorageKind

REPO_ROOT = Path(instance_lock_module.__file__).resolve().parents[2]

HOLDER = """
    import sys
    from pathlib import Path
    from agents.storage import InstanceLock

    lock = InstanceLock(Path(sys.argv[1]))
    lock.acquire()
    print("locked", flush=True)
    sys.stdin.read()  # hold until the parent closes our stdin (or kills us)
    lock.release()
    print("released", flush=True)
"""


def start_holder(data_dir: Path) -> subprocess.Popen[str]:
    """A separate Python process that holds the lock on ``data_dir``."""
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(HOLDER), str(data_dir)],
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "locked"
    return child


def test_acquire_writes_pid_and_release_frees(tmp_path: Path) -> None:
    data_dir = tmp_path / "profile"
    lock = InstanceLock(data_dir)
    assert not lock.held
    lock.acquire()
    assert lock.held
    assert (data_dir / ".lock").read_text().strip() == str(os.getpid())
    lock.acquire()  # already ours: nothing happens
    lock.release()
    assert not lock.held
    lock.release()  # safe when not held
    with InstanceLock(data_dir) as again:
        assert again.held
    assert not again.held


def test_second_lock_in_same_process_is_refused(tmp_path: Path) -> None:
    with InstanceLock(tmp_path):
        with pytest.raises(StorageError) as caught:
            InstanceLock(tmp_path).acquire()
        assert caught.value.kind is StorageKind.ALREADY_RUNNING
        message = str(caught.value)
        assert message == (
            f"Hearth is already running with this data folder ({tmp_path}). Switch to that "
            "window, or start with --data-dir for a separate profile."
        )
        assert caught.value.data_dir == tmp_path
        with InstanceLock(tmp_path / "other-profile"):
            pass  # another data folder is independent
    with InstanceLock(tmp_path):
        pass


def test_lock_held_by_another_process_is_refused(tmp_path: Path) -> None:
    with start_holder(tmp_path) as child:
        with pytest.raises(StorageError) as caught:
            InstanceLock(tmp_path).acquire()
        assert caught.value.kind is StorageKind.ALREADY_RUNNING
        assert caught.value.pid == child.pid
        out, _ = child.communicate("", timeout=10)
    assert out.strip() == "released"
    with InstanceLock(tmp_path):
        pass


def test_killed_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    with start_holder(tmp_path) as child:
        child.kill()  # SIGKILL on POSIX: the holder never releases
        child.wait(timeout=10)
    assert (tmp_path / ".lock").exists()
    with InstanceLock(tmp_path) as lock:
        assert lock.held


def test_unusable_data_dir_is_a_store_error(tmp_path: Path) -> None:
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    with pytest.raises(StorageError, match="lock file") as caught:
        InstanceLock(not_a_dir).acquire()
    assert caught.value.kind is StorageKind.STORE  # not ALREADY_RUNNING: nothing to switch to
