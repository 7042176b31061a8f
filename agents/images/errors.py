"""The errors a person sees when an image can't be used, each naming the file and why."""

from __future__ import annotations

from agents.errors import HearthError


class ImageError(HearthError):
    """An image was refused or could not be used; the message says why and what to do."""

    exit_code = 13

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"Can't use the image '{name}': {reason}")
        self.name = name
        self.reason = reason


class ImageUnreadableError(ImageError):
    """The file could not be read from disk."""


class EmptyImageError(ImageError):
    """The file has no bytes at all."""


class NotAnImageError(ImageError):
    """The content is not an image format Hearth can open (whatever its name says)."""


class ImageTooLargeError(ImageError):
    """Too many pixels or bytes: a decompression bomb or simply too big to open safely."""


class DamagedImageError(ImageError):
    """The image is truncated or corrupt."""


class ImageMissingError(HearthError):
    """A stored image is gone from the data folder (or was damaged)."""

    exit_code = 13
