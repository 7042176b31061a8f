"""Images and charts: intake, storage, chart-to-table, grounding and the vision two-step."""

from agents.images.errors import (
    DamagedImageError,
    EmptyImageError,
    ImageError,
    ImageMissingError,
    ImageTooLargeError,
    ImageUnreadableError,
    NotAnImageError,
)
from agents.images.intake import MAX_SIDE, PreparedImage, prepare_image
from agents.images.store import ImageStore

__all__ = [
    "MAX_SIDE",
    "DamagedImageError",
    "EmptyImageError",
    "ImageError",
    "ImageMissingError",
    "ImageStore",
    "ImageTooLargeError",
    "ImageUnreadableError",
    "NotAnImageError",
    "PreparedImage",
    "prepare_image",
]
