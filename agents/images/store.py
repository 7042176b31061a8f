"""Prepared images, stored once by content hash in the data folder.

Messages refer to images by their SHA-256 (``{"kind": "image", "sha256": ...}``); the
file itself lives at ``<images_dir>/<sha256>.png`` or ``.jpg``. The same picture
attached twice is stored once. Files are written atomically, so a crash never leaves
half an image under a good name.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from agents import paths
from agents.images.errors import ImageError
from agents.storage.atomic import write_atomic
from agents.wording import say

_SHA256 = re.compile(r"[0-9a-f]{64}")
_EXTENSIONS = ("png", "jpg")


def stored_extension(data: bytes) -> str:
    """``png`` or ``jpg`` from the content; raises ValueError for anything else."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    raise ValueError("the image store only keeps prepared PNG or JPEG images")


class ImageStore:
    """Prepared images on disk, one file per distinct content.

    Args:
        directory: The folder (usually ``paths.images_dir(data_root)``); created on demand.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    @classmethod
    def in_data_dir(cls, root: Path) -> ImageStore:
        """The store in a data folder."""
        return cls(paths.images_dir(root))

    def put(self, data: bytes) -> str:
        """Stores a prepared image (PNG or JPEG bytes) and returns its SHA-256 hex digest.

        Raises:
            ValueError: ``data`` is not a PNG or JPEG (prepare it with ``prepare_image``).
        """
        extension = stored_extension(data)
        digest = hashlib.sha256(data).hexdigest()
        target = self.directory / f"{digest}.{extension}"
        if target.exists() and target.stat().st_size == len(data):
            return digest
        write_atomic(target, data)
        return digest

    def get(self, sha256: str) -> bytes:
        """The stored image's bytes.

        Raises:
            ImageError (kind MISSING): No such image, or the file no longer matches its hash.
        """
        data = self.path(sha256).read_bytes()
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ImageError.missing(
                sha256,
                say(
                    "The stored image {image}… is damaged (its content changed on disk). "
                    "Attach the picture again.",
                    image=sha256[:12],
                ),
            )
        return data

    def path(self, sha256: str) -> Path:
        """Where the stored image is.

        Raises:
            ImageError (kind MISSING): No image with this hash is stored.
        """
        for candidate in self._candidates(sha256):
            if candidate.is_file():
                return candidate
        raise ImageError.missing(
            sha256,
            say(
                "The image {image}… is no longer in Hearth's data folder ({directory}). "
                "Attach the picture again.",
                image=sha256[:12],
                directory=self.directory,
            ),
        )

    def has(self, sha256: str) -> bool:
        """Whether an image with this hash is stored."""
        try:
            return any(c.is_file() for c in self._candidates(sha256))
        except ImageError:  # only MISSING: the hash is not one Hearth made
            return False

    def delete(self, sha256: str) -> None:
        """Removes a stored image (nothing happens if it is not there)."""
        for candidate in self._candidates(sha256):
            candidate.unlink(missing_ok=True)

    def _candidates(self, sha256: str) -> list[Path]:
        key = sha256.lower()
        if not _SHA256.fullmatch(key):
            raise ImageError.missing(
                sha256, say("'{sha256}' is not an image reference Hearth made.", sha256=sha256)
            )
        return [self.directory / f"{key}.{ext}" for ext in _EXTENSIONS]


__all__ = ["ImageStore", "stored_extension"]
