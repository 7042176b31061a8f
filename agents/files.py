"""Opening a person's files safely, and showing their names safely.

Every reader of a file the person named or chose (documents, images, chat import) opens
it here, so the type is checked before a single byte is read:

- only regular files: a FIFO blocks an open forever, a device such as ``/dev/zero``
  never ends, a socket can't be read at all. The path is checked first (after
  resolving symlinks, loops refused), then opened with ``O_NONBLOCK`` (a FIFO swapped in
  meanwhile can't block) and ``O_NOFOLLOW`` (a symlink swapped in can't redirect), and
  the opened descriptor is checked again with ``fstat``;
- optionally kept inside a chosen folder: a symlink that resolves outside it is refused.

File names are bytes on Linux; Python hands the undecodable ones over with lone
surrogates (``surrogateescape``). :func:`shown` turns any name into one printable line,
:func:`path_text` into text that every store accepts.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from agents.printable import shown
from agents.wording import Words, say

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


class FileRefused(Exception):
    """A path that is not a regular file Hearth may read; ``reason`` says why in words
    (lower case, without a full stop: it is quoted inside a sentence).

    Readers turn it into their own error (a DocumentError, an ImageError...), which names
    the file with :func:`shown`.
    """

    def __init__(self, path: str | os.PathLike[str], reason: Words) -> None:
        super().__init__(str(reason))
        self.path = os.fspath(path)
        self.reason = reason


class SpecialFile(FileRefused):
    """A FIFO, device, socket or folder where a file was expected."""


class OutsideFolder(FileRefused):
    """A symlink that leads out of the chosen folder."""


class LinkLoop(FileRefused):
    """A symlink that points back at itself (directly or through others)."""


class FileTooLarge(FileRefused):
    """A file over the reader's size cap (``size`` and ``limit`` in bytes)."""

    def __init__(self, path: str | os.PathLike[str], size: int, limit: int) -> None:
        super().__init__(
            path,
            say("it is {size:,} bytes, over the {limit:,}-byte limit", size=size, limit=limit),
        )
        self.size = size
        self.limit = limit


def kind_of(mode: int) -> Words:
    """What a file is, in words, from its ``st_mode``."""
    kinds = (
        (stat.S_ISREG, say("a regular file")),
        (stat.S_ISDIR, say("a folder")),
        (stat.S_ISFIFO, say("a FIFO (named pipe)")),
        (stat.S_ISCHR, say("a character device")),
        (stat.S_ISBLK, say("a block device")),
        (stat.S_ISSOCK, say("a socket")),
        (stat.S_ISLNK, say("a symbolic link")),
    )
    return next((words for test, words in kinds if test(mode)), say("a special file"))


def resolve(path: str | os.PathLike[str]) -> Path:
    """The real path: every symlink resolved.

    Raises:
        LinkLoop: the links go round in a circle.
        FileNotFoundError: the path (or a link's target) doesn't exist.
        OSError: something else stops the lookup (permissions...).
    """
    try:
        return Path(os.path.realpath(path, strict=True))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise LinkLoop(path, say("it is a symlink that loops back on itself")) from exc
        raise
    except RuntimeError as exc:  # pathlib's own loop detection, on some versions
        raise LinkLoop(path, say("it is a symlink that loops back on itself")) from exc


def is_inside(path: str | os.PathLike[str], folder: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is ``folder`` or below it (both taken as they are: resolve first)."""
    return Path(path) == Path(folder) or Path(folder) in Path(path).parents


def open_regular(
    path: str | os.PathLike[str], *, within: str | os.PathLike[str] | None = None
) -> BinaryIO:
    """Opens a regular file for reading, after checking what it is.

    Args:
        path: The file (a symlink is followed if it resolves to a regular file).
        within: A chosen folder the file must resolve inside of (None: anywhere).

    Raises:
        SpecialFile: a FIFO, device, socket or folder (nothing was opened that could block).
        OutsideFolder: the path resolves outside ``within``.
        LinkLoop: a symlink loop.
        OSError: it doesn't exist or can't be opened (permissions...).
    """
    real = resolve(path)
    if within is not None and not is_inside(real, resolve(within)):
        raise OutsideFolder(
            path,
            say("it is a link to {target}, outside the chosen folder", target=shown(str(real))),
        )
    before = os.lstat(real)
    if not stat.S_ISREG(before.st_mode):
        raise SpecialFile(
            path, say("it is {kind}, not a regular file", kind=kind_of(before.st_mode))
        )
    descriptor = os.open(real, _OPEN_FLAGS)
    try:
        after = os.fstat(descriptor)
        if not stat.S_ISREG(after.st_mode) or (after.st_dev, after.st_ino) != (
            before.st_dev,
            before.st_ino,
        ):
            raise SpecialFile(path, say("it was replaced by something else while Hearth opened it"))
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_capped(handle: BinaryIO, limit: int, path: str | os.PathLike[str]) -> bytes:
    """All of an opened file, refused when it is (or grows) over ``limit`` bytes.

    Raises:
        FileTooLarge: over the limit (at most ``limit + 1`` bytes were read).
    """
    size = os.fstat(handle.fileno()).st_size
    if size > limit:
        raise FileTooLarge(path, size, limit)
    data = handle.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(path, len(data), limit)
    return data


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """Reads a whole regular file of at most ``limit`` bytes (see :func:`open_regular`)."""
    with open_regular(path) as handle:
        return read_capped(handle, limit, path)


def path_text(path: str | os.PathLike[str]) -> str:
    """A path as valid text, for stores that only take UTF-8 (Chroma, JSON, Qt).

    Names that are valid UTF-8 come back unchanged; an undecodable byte becomes ``\\xNN``.
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")
