"""An index that can't be opened is kept: moved aside whole, never deleted.

When the vector store or the ledger fails to open because its files are damaged, they
are renamed into ``index/unreadable-<time>/`` (byte for byte, nothing deleted) and a
marker records where. Until the person chooses to rebuild, the index refuses to open
and says where the old one is; a rebuild builds a new one from the files.

Failures that are not damage touch nothing: a missing or broken library (a packaging
problem: ImportError, AttributeError), a locked, read-only or full disk, a permission.
"""

from __future__ import annotations

import errno
import logging
import re
import shutil
import sqlite3
import time
from pathlib import Path

log = logging.getLogger(__name__)

MARKER = "moved-aside.txt"
LEDGER_FILES = ("manifest.sqlite3", "manifest.sqlite3-wal", "manifest.sqlite3-shm")
CHROMA_DIR = "chroma"

# SQLite result codes (as Chroma reports them: "(code: N)") that mean the disk or the
# environment is the problem, not the files: busy, locked, read-only, I/O, full, can't
# open, protocol, authorization.
_ENVIRONMENT_CODES = frozenset({5, 6, 8, 10, 13, 14, 15, 23})
_ENVIRONMENT_ERRNOS = frozenset(
    getattr(errno, name)
    for name in ("EACCES", "EPERM", "EROFS", "ENOSPC", "EDQUOT", "EBUSY", "EIO")
    if hasattr(errno, name)
)
_SQLITE_CODE = re.compile(r"\(code: (\d+)\)")


def is_installation_problem(exc: BaseException) -> bool:
    """A library is missing or broken (a packaging problem): the index is not at fault."""
    return isinstance(exc, ImportError | AttributeError)


def is_environment_problem(exc: BaseException) -> bool:
    """The disk or the system is the problem (locked, read-only, full, no permission)."""
    if isinstance(exc, OSError):
        return exc.errno in _ENVIRONMENT_ERRNOS
    if isinstance(exc, sqlite3.OperationalError):
        return True  # locked, read-only, can't open: SQLite's damage errors are others
    code = _SQLITE_CODE.search(str(exc))
    return code is not None and int(code.group(1)) in _ENVIRONMENT_CODES


def moved_aside(index_dir: Path) -> Path | None:
    """Where an unreadable index was moved, while the person hasn't rebuilt yet."""
    marker = index_dir / MARKER
    try:
        text = marker.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return Path(text) if text else None


def forget_moved_aside(index_dir: Path) -> None:
    """The person chose to rebuild: the kept copy stays, the refusal ends."""
    (index_dir / MARKER).unlink(missing_ok=True)


def move_aside(index_dir: Path, *, ledger_damaged: bool) -> Path:
    """Moves the unreadable index into ``unreadable-<time>/`` and marks it; returns where.

    The vector store folder is renamed (byte for byte). The ledger is renamed too when it
    is the damaged part; otherwise a copy of it goes along (the live one keeps the list of
    files, which a rebuild reads again).
    """
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = index_dir / f"unreadable-{stamp}"
    number = 1
    while aside.exists():
        number += 1
        aside = index_dir / f"unreadable-{stamp}-{number}"
    aside.mkdir(parents=True)
    chroma = index_dir / CHROMA_DIR
    if chroma.exists():
        chroma.rename(aside / CHROMA_DIR)
    ledger = index_dir / LEDGER_FILES[0]
    if ledger_damaged:
        for name in LEDGER_FILES:
            if (index_dir / name).exists():
                (index_dir / name).rename(aside / name)
    elif ledger.exists():
        _copy_ledger(ledger, aside / LEDGER_FILES[0])
    (index_dir / MARKER).write_text(str(aside), encoding="utf-8")
    log.warning("the document index could not be opened; it was moved to %s", aside)
    return aside


def _copy_ledger(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite ledger (its WAL included)."""
    try:
        live, copy = sqlite3.connect(str(source)), sqlite3.connect(str(target))
        try:
            live.backup(copy)
        finally:
            live.close()
            copy.close()
    except sqlite3.Error as exc:
        log.info("ledger not copied with SQLite (%s); copying its files", exc)
        for name in LEDGER_FILES:
            if (source.parent / name).exists():
                shutil.copy2(source.parent / name, target.parent / name)
