"""The one error a person sees when a document can't be read or the index can't be used."""

from __future__ import annotations

from pathlib import Path

from agents.errors import HearthError, Kind


class DocumentKind(Kind):
    """Why a document was refused (exit 20) or the index could not do what was asked."""

    UNREADABLE = 20, "The file is missing, can't be opened or is not a regular file."
    UNSUPPORTED_FORMAT = 20, "The file type is not one Hearth reads."
    EMPTY = 20, "The file is empty or has no text at all."
    TOO_LARGE = 20, "The file (or what it unpacks to) is over a size, page or memory cap."
    TOO_SLOW = 20, "Reading the file took longer than the time cap."
    ENCRYPTED = 20, "The PDF is protected by a password."
    NO_TEXT_LAYER = 20, "A scanned PDF: pages are images without a text layer."
    BINARY = 20, "The file is not text although its name says so."
    CORRUPT = 20, "The file is damaged or not what its extension claims."
    INDEX_UNAVAILABLE = 21, "The document index can't be opened or reached."
    NOT_INDEXED = 22, "A path the person named is not in the index."


class DocumentError(HearthError):
    """A document could not be read, or the index could not be used.

    Args:
        kind: Why.
        path: The file; the message is then "<file name>: <reason>". None for an error
            about the index as a whole (see :meth:`about_index`), whose reason is the
            whole message.
        reason: What is wrong and what to do.
    """

    kind: DocumentKind

    def __init__(self, kind: DocumentKind, path: Path | str | None, reason: str) -> None:
        self.path = None if path is None else str(path)
        self.reason = reason
        super().__init__(reason if path is None else f"{Path(path).name}: {reason}", kind)

    @classmethod
    def about_index(cls, kind: DocumentKind, message: str) -> DocumentError:
        """An error about the index (INDEX_UNAVAILABLE, NOT_INDEXED), not one file."""
        return cls(kind, None, message)
