"""Local mail files, checked before anything reads them, and read within bounds.

A Maildir or an mbox can hold what no mail client wrote: a FIFO that blocks the first read
forever, a device such as ``/dev/zero`` that never ends, a socket, a link to a file
outside the mailbox. Every file is looked at with ``lstat`` first, opened without
following a last link and without blocking, and checked again with ``fstat``: only
regular files are read, only inside the mailbox, and only up to a cap. Refusals are
MailErrors whose message names the file and the reason, for a note or an error line.

An mbox is read from its end: the last N messages cost what they weigh, however long the
file has grown.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from agents.mail.errors import MailError, MailKind
from agents.wording import Words, say

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO opens at once instead of waiting for a writer
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_KINDS = (
    (stat.S_ISDIR, say("a folder")),
    (stat.S_ISFIFO, say("a FIFO")),
    (stat.S_ISCHR, say("a device")),
    (stat.S_ISBLK, say("a device")),
    (stat.S_ISSOCK, say("a socket")),
)
MBOX_CHUNK = 1024 * 1024
MBOX_SCAN_BYTES = 1024 * 1024 * 1024  # read from an mbox's end, at most, per request
_SEPARATOR = b"\nFrom "


def shown_name(path: str | os.PathLike[str]) -> str:
    """A file name fit for a message: undecodable bytes and control characters replaced."""
    text = os.fspath(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return "".join(c if c.isprintable() else "\ufffd" for c in text)


def kind_of(mode: int) -> Words:
    """What a file is, in words, for one that isn't a regular file."""
    return next((words for check, words in _KINDS if check(mode)), say("not a regular file"))


def open_regular(path: Path, *, inside: Path | None = None) -> BinaryIO:
    """Opens a regular file for reading, having checked what it is first.

    Args:
        path: The file.
        inside: When given, ``path`` may be a link only to a file within this folder (a
            resolved path); a link leaving it is refused. Without it, a link is followed
            (the person chose the path) but its target must still be a regular file.

    Raises:
        FileNotFoundError: It is gone (a mail client moved or deleted it).
        MailError: It isn't a regular file, or it is a link that leaves ``inside``; the
            message says which, without the file's name (the caller adds it).
        OSError: It can't be opened or read.
    """
    target = _target(path, inside)
    descriptor = os.open(target, _OPEN_FLAGS)
    try:
        check_regular(os.fstat(descriptor).st_mode)
        handle = os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
    return handle


def check_regular(mode: int) -> None:
    """Raises MailError (saying what it is instead) unless ``mode`` is a regular file's."""
    if not stat.S_ISREG(mode):
        raise MailError(MailKind.GENERAL, say("it is {kind}, not a mail file", kind=kind_of(mode)))


def _target(path: Path, inside: Path | None) -> Path:
    """The file a path names: itself, or where its link leads (kept within ``inside``)."""
    if not stat.S_ISLNK(os.lstat(path).st_mode):
        return path
    target = Path(os.path.realpath(path))
    if inside is not None and not target.is_relative_to(inside):
        raise MailError(MailKind.GENERAL, say("it is a link to a file outside the mailbox"))
    return target


def read_capped(handle: BinaryIO, limit: int) -> tuple[bytes, bool]:
    """At most ``limit`` bytes from the handle's position, and whether there were more."""
    data = handle.read(limit + 1)
    return data[:limit], len(data) > limit


# -- Maildir -------------------------------------------------------------------------------
@dataclass(frozen=True)
class MaildirEntry:
    """One message file of a Maildir.

    Attributes:
        name: Where it is, relative to the Maildir (``cur/1700000000.123.host:2,S``).
        arrived: When it was delivered (the file's modification time).
    """

    name: str
    arrived: float


def maildir_entries(root: Path) -> tuple[list[MaildirEntry], list[Words]]:
    """The message files of a Maildir's ``new`` and ``cur``, newest first, and a note for
    each entry skipped (not a regular file, or a link leaving the Maildir).

    Nothing is opened: entries are looked at with ``lstat`` (and a link's target with
    ``stat``, which never blocks).

    Raises:
        OSError: A folder can't be listed.
    """
    found: list[MaildirEntry] = []
    skipped: list[Words] = []
    for sub in ("new", "cur"):
        folder = root / sub
        if not Path(os.path.realpath(folder)).is_relative_to(root):
            skipped.append(
                say("Skipped {name}: it is a link to a folder outside the mailbox.", name=f"{sub}/")
            )
            continue
        with os.scandir(folder) as listing:
            for entry in listing:
                if entry.name.startswith("."):
                    continue
                name = f"{sub}/{entry.name}"
                try:
                    target = _target(root / name, root)
                    info = os.stat(target, follow_symlinks=False)
                    check_regular(info.st_mode)
                except FileNotFoundError:
                    continue
                except MailError as exc:
                    skipped.append(
                        say("Skipped {name}: {reason}.", name=shown_name(name), reason=exc.words)
                    )
                    continue
                except OSError as exc:
                    skipped.append(
                        say(
                            "Skipped {name}: {reason}.",
                            name=shown_name(name),
                            reason=exc.strerror or exc,
                        )
                    )
                    continue
                found.append(MaildirEntry(name, info.st_mtime))
    found.sort(key=lambda e: (e.arrived, e.name), reverse=True)
    return found, skipped


# -- mbox ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class MboxSpan:
    """Where one message of an mbox lies: from its ``From`` line up to the next one."""

    start: int
    end: int

    @property
    def key(self) -> str:
        """The span as a key (``start:end``)."""
        return f"{self.start}:{self.end}"

    @classmethod
    def from_key(cls, key: str) -> MboxSpan:
        """The span a key names."""
        start, _, end = key.partition(":")
        return cls(int(start), int(end))


def mbox_spans(handle: BinaryIO, budget: int = MBOX_SCAN_BYTES) -> Iterator[MboxSpan]:
    """The messages of an mbox, newest (last) first, found by reading backwards.

    A message starts at a line beginning with ``From ``. Reading stops after ``budget``
    bytes; a message whose start lies further back is not yielded.
    """
    size = os.fstat(handle.fileno()).st_size
    end = cursor = size
    after = b""  # the bytes just after the current chunk, for separators across chunks
    while cursor > 0 and size - cursor < budget:
        begin = max(0, cursor - MBOX_CHUNK)
        handle.seek(begin)
        chunk = handle.read(cursor - begin)
        window = chunk + after
        found = window.rfind(_SEPARATOR, 0, len(chunk) + len(_SEPARATOR) - 1)
        while found >= 0:
            start = begin + found + 1
            if start < end:
                yield MboxSpan(start, end)
                end = start
            found = window.rfind(_SEPARATOR, 0, found)
        after = window[: len(_SEPARATOR) - 1]
        cursor = begin
    if cursor == 0 and end > 0:
        handle.seek(0)
        if handle.read(5) == b"From ":
            yield MboxSpan(0, end)


def read_span(handle: BinaryIO, span: MboxSpan, limit: int) -> tuple[bytes, bool]:
    """One mbox message without its ``From`` line: at most ``limit`` bytes, and whether
    it was longer."""
    handle.seek(span.start)
    first = handle.readline(4096)
    length = max(0, span.end - span.start - len(first))
    data = handle.read(min(length, limit))
    return data, length > limit
