"""The one atomic write: all or nothing, synced to disk, no temporary files left behind."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from agents.storage import atomic
from agents.storage.atomic import write_atomic


def test_content_is_replaced_and_nothing_else_is_left(tmp_path: Path) -> None:
    target = tmp_path / "notes.json"
    target.write_text("old", encoding="utf-8")
    write_atomic(target, "nouveau ✓")
    assert target.read_text(encoding="utf-8") == "nouveau ✓"
    write_atomic(target, b"\x00bytes")
    assert target.read_bytes() == b"\x00bytes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.json"]


def test_text_is_encoded_as_asked(tmp_path: Path) -> None:
    target = tmp_path / "legacy.txt"
    write_atomic(target, "café", encoding="latin-1")
    assert target.read_bytes() == b"caf\xe9"


def test_a_failed_write_keeps_the_old_file_and_removes_the_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "calendar.ics"
    target.write_bytes(b"the person's data")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, b"half a file")
    assert target.read_bytes() == b"the person's data"
    assert [p.name for p in tmp_path.iterdir()] == ["calendar.ics"]


def test_a_failed_rename_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "settings.json"
    target.write_text("{}", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(PermissionError):
        write_atomic(target, '{"new": 1}')
    assert target.read_text(encoding="utf-8") == "{}"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


@pytest.mark.skipif(sys.platform == "win32", reason="folders can't be synced on Windows")
def test_the_file_and_then_its_folder_are_synced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []
    real_fsync = os.fsync

    def recording_fsync(fd: int) -> None:
        synced.append(os.fstat(fd).st_ino)
        real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", recording_fsync)
    target = tmp_path / "sub" / "data.bin"
    write_atomic(target, b"x")
    assert synced == [target.stat().st_ino, target.parent.stat().st_ino]


def test_a_folder_that_cannot_be_synced_is_skipped_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync = os.fsync

    def files_only(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(22, "Invalid argument")
        real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", files_only)
    write_atomic(tmp_path / "a.txt", "kept")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "kept"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_new_files_are_private_and_replaced_files_keep_their_mode(tmp_path: Path) -> None:
    fresh = tmp_path / "accounts.json"
    write_atomic(fresh, "{}")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600
    shared = tmp_path / "shared.ics"
    shared.write_text("old", encoding="utf-8")
    shared.chmod(0o644)
    write_atomic(shared, "new")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o644
