"""The one atomic file write (a crash or an error never leaves half a file), and the one
way a damaged file is set aside (never overwritten, never deleted).

The data goes to a temporary file in the same folder, is flushed and synced to disk,
then renamed over the target; the folder is synced too, so the rename itself survives a
power cut. On any failure the temporary file is removed and the old file is untouched.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from pathlib import Path


def write_atomic(path: Path | str, data: bytes | str, *, encoding: str = "utf-8") -> None:
    """Replaces a file's content atomically, creating the file (and its folder) if needed.

    A new file is private to the person (mode 0600, as the rest of the data folder); a
    replaced file keeps its permissions.

    Args:
        path: The file to write.
        data: The new content; text is encoded with ``encoding``.
        encoding: The encoding of text data.

    Raises:
        OSError: The file could not be written; the old file, if any, is unchanged.
    """
    path = Path(path)
    payload = data.encode(encoding) if isinstance(data, str) else data
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, stat.S_IMODE(os.stat(path).st_mode))
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Makes a rename in ``folder`` durable; quietly skipped where the OS can't (Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:  # Windows can't open a folder; its renames are as durable as it makes them
        return
    try:
        os.fsync(fd)
    except OSError:  # some file systems can't sync a folder
        pass
    finally:
        os.close(fd)


def keep_aside(path: Path) -> Path:
    """Renames a damaged file beside itself (``name.bad-<time>``), never over an earlier
    one kept the same way; returns where it went. Nothing is deleted."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in range(1000):
        target = path.with_name(f"{path.name}.bad-{stamp}" + (f"-{n}" if n else ""))
        if not target.exists():
            path.replace(target)
            return target
    raise OSError(f"no free name to keep {path} aside")
