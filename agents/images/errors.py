"""The one error a person sees when an image can't be used, and its kinds."""

from __future__ import annotations

from agents.errors import HearthError, Kind
from agents.exit_codes import Exit
from agents.wording import Words, say


class ImageKind(Kind):
    """Why an image was refused or could not be used (all exit 13)."""

    UNREADABLE = Exit.IMAGE, "The file could not be read from disk."
    EMPTY = Exit.IMAGE, "The file has no bytes at all."
    NOT_AN_IMAGE = Exit.IMAGE, "The content is not an image format Hearth can open."
    TOO_LARGE = (
        Exit.IMAGE,
        "Too many pixels or bytes: a bomb, or too big to open safely.",
    )
    DAMAGED = Exit.IMAGE, "The image is truncated or corrupt."
    MISSING = Exit.IMAGE, "A stored image is gone from the data folder (or was damaged)."


class ImageError(HearthError):
    """An image was refused or could not be used; the message says why and what to do.

    Args:
        kind: Why.
        name: The file the person picked (for MISSING: the stored image's hash).
        reason: What is wrong and what to do. The message is "Can't use the image
            '<name>': <reason>", except for MISSING, whose reason is the whole message
            (see :meth:`missing`).

    Attributes:
        reason: The reason in English.
    """

    kind: ImageKind

    def __init__(self, kind: ImageKind, name: str, reason: Words) -> None:
        if kind is ImageKind.MISSING:
            message = reason
        else:
            message = say("Can't use the image '{name}': {reason}", name=name, reason=reason)
        super().__init__(message, kind)
        self.name = name
        self.reason = str(reason)

    @classmethod
    def missing(cls, sha256: str, message: Words) -> ImageError:
        """A stored image that is gone or damaged; ``message`` is shown as it is."""
        return cls(ImageKind.MISSING, sha256, message)
