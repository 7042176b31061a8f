"""Images and charts: intake, storage, chart-to-table, grounding and the vision two-step."""

from typing import TYPE_CHECKING, Any

from agents.images.errors import ImageError, ImageKind
from agents.images.store import ImageStore

if TYPE_CHECKING:
    from agents.images.intake import MAX_SIDE, PreparedImage, prepare_image

__all__ = [
    "MAX_SIDE",
    "ImageError",
    "ImageKind",
    "ImageStore",
    "PreparedImage",
    "prepare_image",
]

_INTAKE = {"MAX_SIDE", "PreparedImage", "prepare_image"}


def __getattr__(name: str) -> Any:
    """Intake is loaded when first used: Pillow and its format plugins (AVIF's library
    alone takes ~80 ms) are not needed to start the window."""
    if name in _INTAKE:
        from agents.images import intake

        return getattr(intake, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
