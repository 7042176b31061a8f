"""One running Hearth per data folder, so a store never has two writers.

The lock is an OS file lock on ``<data_dir>/.lock`` (``flock`` on POSIX,
``msvcrt.locking`` on Windows). The OS drops it when the process ends, however it
ends, so a crash never leaves a stale lock behind. The file holds the owner's PID,
for information only.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import ClassVar

from agents import paths
from agents.storage.errors import StorageError, StorageKind
from agents.wording import say


class InstanceLock:
    """Exclusive hold on a data folder for the life of this process (or until released).

    Example::

        with InstanceLock(data_dir):
            run_the_app()
    """

    # Lock files held by this process: refuses a second holder even where the OS
    # lock alone would not.
    _held: ClassVar[set[Path]] = set()
    _held_guard: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, data_dir: Path) -> None:
        """Prepares the lock; nothing is locked until ``acquire``."""
        self.data_dir = Path(data_dir)
        self.path = paths.instance_lock(self.data_dir)
        self._fd: int | None = None
        self._key: Path | None = None

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._fd is not None

    def acquire(self) -> None:
        """Takes the lock. Does nothing if this object already holds it.

        Raises:
            StorageError: ALREADY_RUNNING when another instance holds it; STORE when the
                lock file cannot be created (e.g. a read-only folder).
        """
        if self._fd is not None:
            return
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            key = self.path.resolve()
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise StorageError(
                StorageKind.STORE,
                say(
                    "Hearth can't create its lock file {path} ({problem}). Check that the "
                    "data folder is writable, or start with --data-dir.",
                    path=self.path,
                    problem=exc.strerror,
                ),
            ) from exc
        with self._held_guard:
            if key in self._held:
                os.close(fd)
                raise StorageError.already_running(self.data_dir, os.getpid())
            try:
                _lock(fd)
            except OSError as exc:
                pid = _read_pid(fd)
                os.close(fd)
                if _is_contention(exc):
                    raise StorageError.already_running(self.data_dir, pid) from exc
                raise StorageError(
                    StorageKind.STORE,
                    say(
                        "Hearth can't lock {path} ({problem}). If the data folder is on a "
                        "network drive, start with --data-dir pointing to a local folder.",
                        path=self.path,
                        problem=exc.strerror,
                    ),
                ) from exc
            self._held.add(key)
            self._key = key
            self._fd = fd
        _write_pid(fd)

    def release(self) -> None:
        """Lets the lock go. Safe to call when not held."""
        with self._held_guard:
            fd, self._fd = self._fd, None
            if fd is None:
                return
            if self._key is not None:
                self._held.discard(self._key)
            try:
                _unlock(fd)
            finally:
                os.close(fd)

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def _read_pid(fd: int) -> int | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return int(os.read(fd, 32).decode("ascii").strip())
    except (OSError, ValueError):
        return None


def _write_pid(fd: int) -> None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
    except OSError:
        pass  # the PID is only informative


if sys.platform == "win32":
    import errno
    import msvcrt

    # A byte far past the PID, so that others can still read the PID.
    _LOCK_OFFSET = 1 << 20

    def _lock(fd: int) -> None:
        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

    def _is_contention(exc: OSError) -> bool:
        return exc.errno in (errno.EACCES, errno.EDEADLK) or isinstance(exc, PermissionError)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

    def _is_contention(exc: OSError) -> bool:
        return isinstance(exc, BlockingIOError)
