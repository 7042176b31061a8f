"""The errors a person sees when a document can't be read or the index can't be used."""

from __future__ import annotations

from pathlib import Path

from agents.errors import HearthError
from agents.files import shown


class DocumentError(HearthError):
    """A document could not be read; the message names the file, the reason and what to do."""

    exit_code = 20

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{shown(Path(self.path).name)}: {reason}")


class UnsupportedFormat(DocumentError):
    """The file type is not one Hearth reads."""


class EmptyDocument(DocumentError):
    """The file is empty or has no text at all."""


class TooLarge(DocumentError):
    """The file (or what it unpacks to) is over a size, page or memory cap."""


class TooSlow(DocumentError):
    """Reading the file took longer than the time cap."""


class EncryptedDocument(DocumentError):
    """The PDF is protected by a password."""


class NoTextLayer(DocumentError):
    """A scanned PDF: pages are images without a text layer."""


class BinaryFile(DocumentError):
    """The file is not text although its name says so."""


class CorruptDocument(DocumentError):
    """The file is damaged or not what its extension claims."""


class IndexUnavailable(HearthError):
    """The document index can't be opened or reached."""

    exit_code = 21


class NotIndexed(HearthError):
    """A path the person named is not in the index."""

    exit_code = 22


class IndexMovedAside(IndexUnavailable):
    """The index could not be opened; it was moved aside (kept whole) and a rebuild is offered.

    Attributes:
        aside: Where the old index was moved.
    """

    def __init__(self, message: str, aside: str) -> None:
        super().__init__(message)
        self.aside = aside
