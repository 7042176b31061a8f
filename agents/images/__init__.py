"""Images and charts: intake, storage, chart-to-table, grounding and the vision two-step."""

from agents.images.errors import ImageError, ImageKind
from agents.images.intake import MAX_SIDE, PreparedImage, prepare_image
from agents.images.store import ImageStore

__all__ = [
    "MAX_SIDE",
    "ImageError",
    "ImageKind",
    "ImageStore",
    "PreparedImage",
    "prepare_image",
]
