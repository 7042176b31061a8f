"""Special files the hostile cases put where a document, an image or an export is expected."""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path


def fifo(path: Path) -> Path:
    """A named pipe: opening it for reading blocks until a writer comes."""
    os.mkfifo(path)
    return path


def unix_socket(path: Path) -> Path:
    """A Unix socket: it can't be opened at all."""
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()
    return path


def zero_device(path: Path) -> Path:
    """A character device with /dev/zero's numbers (reading it never ends); needs root."""
    os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 5))
    return path


def link(path: Path, target: str | Path) -> Path:
    """A symlink at ``path`` to ``target`` (a file or a folder, relative or absolute)."""
    path.symlink_to(target)
    return path


def link_loop(first: Path, second: Path) -> Path:
    """Two symlinks pointing at each other; returns the first."""
    link(first, second.name)
    link(second, first.name)
    return first
