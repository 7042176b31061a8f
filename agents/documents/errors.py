"""The one error a person sees when a document can't be read or the index can't be used."""

from __future__ import annotations

from pathlib import Path

from agents.errors import HearthError, Kind
from agents.exit_codes import Exit
from agents.printable import shown
from agents.wording import Words, say


class DocumentKind(Kind):
    """Why a document was refused (exit 20) or the index could not do what was asked."""

    UNREADABLE = Exit.DOCUMENT, "The file is missing, can't be opened or is not a regular file."
    UNSUPPORTED_FORMAT = Exit.DOCUMENT, "The file type is not one Hearth reads."
    EMPTY = Exit.DOCUMENT, "The file is empty or has no text at all."
    TOO_LARGE = (
        Exit.DOCUMENT,
        "The file (or what it unpacks to) is over a size or page cap.",
    )
    TOO_SLOW = Exit.DOCUMENT, "Reading the file took longer than the time cap."
    ENCRYPTED = Exit.DOCUMENT, "The PDF is protected by a password."
    NO_TEXT_LAYER = Exit.DOCUMENT, "A scanned PDF: pages are images without a text layer."
    BINARY = Exit.DOCUMENT, "The file is not text although its name says so."
    CORRUPT = Exit.DOCUMENT, "The file is damaged or not what its extension claims."
    INDEX_UNAVAILABLE = Exit.INDEX_UNAVAILABLE, "The document index can't be opened or reached."
    NOT_INDEXED = Exit.NOT_INDEXED, "A path the person named is not in the index."
    MOVED_ASIDE = (
        Exit.INDEX_UNAVAILABLE,
        "The index couldn't be opened: it was moved aside whole, and a rebuild is offered.",
    )


class DocumentError(HearthError):
    """A document could not be read, or the index could not be used.

    Args:
        kind: Why.
        path: The file; the message is then "<file name>: <reason>". None for an error
            about the index as a whole (see :meth:`about_index`), whose reason is the
            whole message.
        reason: What is wrong and what to do.
        aside: For MOVED_ASIDE, where the old index now is.

    Attributes:
        reason: The reason in English.
    """

    kind: DocumentKind

    def __init__(
        self,
        kind: DocumentKind,
        path: Path | str | None,
        reason: Words,
        *,
        aside: str | None = None,
    ) -> None:
        self.path = None if path is None else str(path)
        self.reason = str(reason)
        self.aside = aside
        name = None if path is None else shown(Path(path).name)  # odd names print escaped
        super().__init__(
            reason if name is None else say("{name}: {reason}", name=name, reason=reason), kind
        )

    @classmethod
    def about_index(
        cls, kind: DocumentKind, message: Words, aside: str | None = None
    ) -> DocumentError:
        """An error about the index (INDEX_UNAVAILABLE, NOT_INDEXED, MOVED_ASIDE)."""
        return cls(kind, None, message, aside=aside)
