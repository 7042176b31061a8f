"""Image intake: sniff, validate, orient, convert and downscale a picture for the model.

Everything a person drops, pastes or names goes through :func:`prepare_image`. The
format comes from the content, never the file name. Hostile files (decompression
bombs, truncated or fake images, empty files) are refused with an :class:`ImageError`
that names the file and the reason. What comes out is an RGB PNG or JPEG whose long
side is at most 1120 px: Llama 3.2 vision works on 560-px tiles, at most 1120x1120.
"""

from __future__ import annotations

import hashlib
import io
import math
import struct
import threading
import warnings
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError, features

from agents.attachments import ImageRef
from agents.files import FileRefused, FileTooLarge, read_regular
from agents.images.errors import ImageError, ImageKind
from agents.printable import shown
from agents.wording import Words, say

MAX_SIDE = 1120
"""Longest side sent to the vision model (two 560-px tiles)."""

MAX_PIXELS = 80_000_000
"""Largest image (declared width x height) Hearth opens; Pillow's own warning is at ~89 MP."""

MAX_FILE_BYTES = 100 * 1024 * 1024
"""Largest file Hearth reads."""

JPEG_QUALITY = 90
PNG_COMPRESS_LEVEL = 1
"""zlib level 1: 6x faster than the default on photo-like content, a few % larger."""
PNG_LIMIT_BYTES = 1_500_000
"""A lossless result larger than this is a photo in disguise: it is sent as JPEG."""

_OPENABLE = ["PNG", "JPEG", "GIF", "WEBP", "BMP", "TIFF"]  # JPEG also opens MPO
if features.check("avif"):
    _OPENABLE.append("AVIF")
# Only formats Pillow decodes itself: never EPS/PDF (they start external programs).
OPENABLE_FORMATS: tuple[str, ...] = tuple(_OPENABLE)

_PHOTO_FORMATS = {"JPEG", "MPO", "AVIF"}
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, struct.error, zlib.error, IndexError)
# warnings.catch_warnings changes process-wide state: one intake at a time inside it.
_WARNINGS_LOCK = threading.Lock()
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


@dataclass(frozen=True)
class PreparedImage:
    """An image ready for the vision model.

    Attributes:
        data: The encoded file (PNG or JPEG), long side at most ``MAX_SIDE``.
        sha256: Hex digest of ``data``: the key in the ImageStore.
        width: Width of ``data`` in pixels.
        height: Height of ``data`` in pixels.
        mime: ``image/png`` or ``image/jpeg``.
        name: What the person called it (file name, or ``pasted image``).
        original_width: Width of the source, upright.
        original_height: Height of the source, upright.
        original_format: The format sniffed from the content (``JPEG``, ``PNG``...).
        original_bytes: Size of the source file.
        notes: Things the person should know, e.g. ``animated GIF: first frame used``.
    """

    data: bytes
    sha256: str
    width: int
    height: int
    mime: str
    name: str
    original_width: int
    original_height: int
    original_format: str
    original_bytes: int
    notes: tuple[Words, ...] = ()

    @property
    def extension(self) -> str:
        """File extension of ``data`` without the dot."""
        return "png" if self.mime == "image/png" else "jpg"

    @property
    def original_size(self) -> tuple[int, int]:
        """(width, height) of the source, upright."""
        return (self.original_width, self.original_height)

    def attachment(self) -> ImageRef:
        """The image as a message carries it."""
        return ImageRef(self.sha256, self.name, self.width, self.height)


def prepare_image(
    source: Path | bytes,
    name: str | None = None,
    *,
    max_side: int = MAX_SIDE,
    max_pixels: int = MAX_PIXELS,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> PreparedImage:
    """Reads, checks and converts an image for the vision model.

    Args:
        source: A file path, or the image's bytes (a paste or a drop of data).
        name: The name shown in messages; defaults to the file name or ``pasted image``.
        max_side: Longest side of the result.
        max_pixels: Refuse images that declare more pixels than this.
        max_file_bytes: Refuse files larger than this.

    Returns:
        The prepared image.

    Raises:
        ImageError: Names the file and says why it was refused (its kind says which way).
    """
    raw, label = _read(source, name, max_file_bytes)
    if not raw:
        raise ImageError(
            ImageKind.EMPTY, label, say("the file is empty (0 bytes). Pick the image again.")
        )
    image = _open(raw, label, max_pixels)
    notes: list[Words] = []
    try:
        fmt = str(image.format or "unknown")
        declared_width, declared_height = image.size
        frames_note = _frames_note(image, fmt)
        if frames_note:
            notes.append(frames_note)
        misnamed = _misnamed_note(label, fmt)
        if misnamed:
            notes.append(misnamed)
        if fmt in {"JPEG", "MPO"}:
            # Decode at 1/2, 1/4 or 1/8 scale when that still gives enough pixels.
            scale = max_side / max(image.size)
            if scale < 1:
                image.draft(None, (math.ceil(image.width * scale), math.ceil(image.height * scale)))
        _load(image, label)
        image, turned = _upright(image, notes)
        original_size = (
            (declared_height, declared_width) if turned else (declared_width, declared_height)
        )
        image = _to_rgb(image, notes)
        if max(image.size) > max_side:
            image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS, reducing_gap=2.0)
        if min(image.size) < 32 and max(image.size) >= 16 * min(image.size):
            notes.append(
                say(
                    "very long image ({width}x{height}): shrunk to {new_width}x{new_height}, "
                    "so small details may be unreadable; crop it into parts for a closer look",
                    width=original_size[0],
                    height=original_size[1],
                    new_width=image.width,
                    new_height=image.height,
                )
            )
        data, mime = _encode(image, photo=fmt in _PHOTO_FORMATS)
        width, height = image.size
    except MemoryError as exc:
        raise ImageError(
            ImageKind.TOO_LARGE, label, say("it is too large to open on this computer.")
        ) from exc
    finally:
        image.close()
    return PreparedImage(
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        width=width,
        height=height,
        mime=mime,
        name=label,
        original_width=original_size[0],
        original_height=original_size[1],
        original_format=fmt,
        original_bytes=len(raw),
        notes=tuple(notes),
    )


def image_size(data: bytes) -> tuple[int, int]:
    """(width, height) of encoded image bytes, read from the header only."""
    with Image.open(io.BytesIO(data), formats=list(OPENABLE_FORMATS)) as image:
        return image.size


def sniff_format(data: bytes) -> str | None:
    """The image format of ``data`` from its content (``PNG``, ``JPEG``...), or None."""
    try:
        with _WARNINGS_LOCK, warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=list(OPENABLE_FORMATS)) as image:
                return str(image.format) if image.format else None
    except (*_DECODE_ERRORS, Image.DecompressionBombError):
        return None


# -- steps -------------------------------------------------------------------------------
def _read(source: Path | bytes, name: str | None, max_file_bytes: int) -> tuple[bytes, str]:
    if isinstance(source, bytes | bytearray | memoryview):
        raw = bytes(source)
        label = shown(name or "pasted image")
        if len(raw) > max_file_bytes:
            raise ImageError(ImageKind.TOO_LARGE, label, _too_many_bytes(len(raw), max_file_bytes))
        return raw, label
    path = Path(source)
    label = shown(name or path.name or str(path))
    try:
        return read_regular(path, max_file_bytes), label
    except FileTooLarge as exc:
        raise ImageError(
            ImageKind.TOO_LARGE, label, _too_many_bytes(exc.size, max_file_bytes)
        ) from exc
    except FileRefused as exc:
        raise ImageError(ImageKind.UNREADABLE, label, say("{reason}.", reason=exc.reason)) from exc
    except FileNotFoundError as exc:
        raise ImageError(
            ImageKind.UNREADABLE, label, say("the file doesn't exist ({path}).", path=shown(path))
        ) from exc
    except PermissionError as exc:
        raise ImageError(
            ImageKind.UNREADABLE, label, say("Hearth isn't allowed to read the file.")
        ) from exc
    except OSError as exc:
        raise ImageError(
            ImageKind.UNREADABLE,
            label,
            say("the file couldn't be read ({problem}).", problem=exc.strerror),
        ) from exc


def _too_many_bytes(size: int, limit: int) -> Words:
    return say(
        "the file is {size:.0f} MB, more than the {limit:.0f} MB Hearth accepts. "
        "Save a smaller copy and try again.",
        size=size / 1e6,
        limit=limit / 1e6,
    )


def _open(raw: bytes, label: str, max_pixels: int) -> Image.Image:
    """Opens the image lazily (headers only) and refuses bombs before any decoding."""
    try:
        with _WARNINGS_LOCK, warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(raw), formats=list(OPENABLE_FORMATS))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageError(ImageKind.TOO_LARGE, label, _bomb_reason(None, max_pixels)) from exc
    except UnidentifiedImageError as exc:
        raise ImageError(ImageKind.NOT_AN_IMAGE, label, _not_an_image_reason(raw)) from exc
    except ValueError as exc:
        if "too large" not in str(exc):
            raise ImageError(ImageKind.DAMAGED, label, _damaged_reason(exc)) from exc
        raise ImageError(
            ImageKind.TOO_LARGE,
            label,
            say(
                "a block of data in it unpacks to more than Hearth allows (a decompression "
                "bomb, or a damaged file)."
            ),
        ) from exc
    except _DECODE_ERRORS as exc:
        raise ImageError(ImageKind.DAMAGED, label, _damaged_reason(exc)) from exc
    width, height = image.size
    if width <= 0 or height <= 0:
        image.close()
        raise ImageError(ImageKind.DAMAGED, label, say("it says it has no pixels."))
    if width * height > max_pixels:
        image.close()
        raise ImageError(ImageKind.TOO_LARGE, label, _bomb_reason((width, height), max_pixels))
    return image


def _bomb_reason(size: tuple[int, int] | None, max_pixels: int) -> Words:
    declared = (
        say("it declares {width} x {height} pixels", width=size[0], height=size[1])
        if size
        else say("it declares too many pixels")
    )
    return say(
        "{declared}, more than the {limit:.0f} megapixels Hearth opens (it may be a "
        "decompression bomb). Resize it first if it is a real picture.",
        declared=declared,
        limit=max_pixels / 1e6,
    )


def _damaged_reason(exc: BaseException) -> Words:
    return say(
        "the file is damaged ({problem}). Open and save it again in an image editor.",
        problem=exc,
    )


_IMAGE_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF87a": "GIF",
    b"GIF89a": "GIF",
    b"BM": "BMP",
}


def _not_an_image_reason(raw: bytes) -> Words:
    head = raw[:64]
    for magic, name in _IMAGE_MAGIC.items():
        if head.startswith(magic):
            return say(
                "it starts like a {format} image but the rest is damaged. Open and save it "
                "again in an image editor, or get a new copy.",
                format=name,
            )
    if head.startswith(b"%PDF"):
        return say("it is a PDF document: add it as a document instead.")
    if head.startswith(b"PK\x03\x04"):
        return say("it is a ZIP archive (or an Office document), not an image.")
    if head[4:8] == b"ftyp" and head[8:12] in {b"heic", b"heix", b"mif1", b"msf1", b"hevc"}:
        return say("it is a HEIC photo, which Hearth can't read yet. Export it as JPEG or PNG.")
    if head[4:8] == b"ftyp" and head[8:12] in {b"avif", b"avis"}:
        return say("it is an AVIF image, which this installation can't read. Export it as PNG.")
    low = raw[:512].lstrip().lower()
    if low.startswith(b"<svg") or (low.startswith(b"<?xml") and b"<svg" in raw[:4096].lower()):
        return say("it is an SVG drawing; export it as PNG first.")
    if raw[:512] and all(32 <= b < 127 or b in b"\t\r\n" for b in raw[:512]):
        return say("it is text, not an image, whatever its name says.")
    return say(
        "its content is not an image format Hearth can open ({formats}).",
        formats=", ".join(OPENABLE_FORMATS),
    )


def _frames_note(image: Image.Image, fmt: str) -> Words | None:
    try:
        animated = bool(getattr(image, "is_animated", False))
        if animated:
            image.seek(0)
    except _DECODE_ERRORS:
        return None
    if not animated:
        return None
    if fmt == "TIFF":
        return say("multi-page TIFF: first page used")
    if fmt == "MPO":
        return None  # a JPEG with a depth map or preview: the first image is the photo
    return say("animated {format}: first frame used", format=fmt)


_EXTENSIONS = {
    "JPEG": {"jpg", "jpeg", "jpe", "jfif"},
    "MPO": {"jpg", "jpeg", "mpo"},
    "PNG": {"png"},
    "GIF": {"gif"},
    "WEBP": {"webp"},
    "BMP": {"bmp", "dib"},
    "TIFF": {"tif", "tiff"},
    "AVIF": {"avif"},
}


def _misnamed_note(label: str, fmt: str) -> Words | None:
    suffix = Path(label).suffix.lower().lstrip(".")
    known = set().union(*_EXTENSIONS.values())
    if suffix in known and suffix not in _EXTENSIONS.get(fmt, set()):
        return say(
            "named .{suffix} but it is really a {format} image (read as {format})",
            suffix=suffix,
            format=fmt,
        )
    return None


def _load(image: Image.Image, label: str) -> None:
    try:
        image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageError(ImageKind.TOO_LARGE, label, _bomb_reason(image.size, MAX_PIXELS)) from exc
    except _DECODE_ERRORS as exc:
        detail = (
            say("it is cut off (truncated)") if "truncated" in str(exc) else say("it is damaged")
        )
        raise ImageError(
            ImageKind.DAMAGED,
            label,
            say(
                "{detail}: the file may not have finished downloading or copying. "
                "Get a complete copy and try again.",
                detail=detail,
            ),
        ) from exc


def _upright(image: Image.Image, notes: list[Words]) -> tuple[Image.Image, bool]:
    """Applies the EXIF orientation (phones store photos sideways and say so in EXIF).

    Returns the upright image and whether width and height swapped.
    """
    try:
        orientation = image.getexif().get(0x0112, 1)
        if orientation not in {2, 3, 4, 5, 6, 7, 8}:
            return image, False  # upright already: no copy of a possibly huge image
        turned = ImageOps.exif_transpose(image)
    except _DECODE_ERRORS:
        notes.append(say("the photo's orientation data is unreadable: shown as stored"))
        return image, False
    if turned is not image:
        image.close()
    return turned, orientation in {5, 6, 7, 8}


def _to_rgb(image: Image.Image, notes: list[Words]) -> Image.Image:
    """Converts any mode (16-bit, CMYK, palette, alpha...) to 8-bit sRGB on white."""
    mode = image.mode
    if mode.startswith("I;16") or mode in {"I", "F"}:
        image = _deep_to_gray(image)
    if image.mode == "P" or (image.mode in {"L", "RGB"} and "transparency" in image.info):
        image = image.convert("RGBA")
    if image.mode in {"LA", "La", "PA", "RGBa"}:
        image = image.convert("RGBA")
    if image.mode == "RGBA":
        alpha = image.getchannel("A")
        lowest_alpha = cast(tuple[int, int], alpha.getextrema())[0]
        if lowest_alpha < 255:
            background = Image.new("RGB", image.size, (255, 255, 255))
            background.paste(image, mask=alpha)
            image = background
            notes.append(say("transparent areas shown on white"))
        else:
            image = image.convert("RGB")
    icc = image.info.get("icc_profile")
    if icc and image.mode in {"RGB", "CMYK", "L"}:
        converted = _to_srgb(image, icc)
        if converted is not None:
            return converted
    if image.mode != "RGB":
        image = image.convert("RGB")
    return image


def _deep_to_gray(image: Image.Image) -> Image.Image:
    """Maps a 16-bit or 32-bit grayscale image onto 0..255 without clipping to white."""
    if image.mode.startswith("I;16"):
        return image.convert("I").point(lambda v: v * (1 / 257)).convert("L")
    low, high = cast(tuple[float, float], image.getextrema())
    if image.mode == "F":
        top = 1.0 if low >= 0 and high <= 1.0 else float(high or 1)
        return image.point(lambda v: v * (255 / top)).convert("L")
    if high <= 255:
        return image.convert("L")
    top = 65535.0 if high <= 65535 else float(high)
    return image.point(lambda v: v * (255 / top)).convert("L")


def _to_srgb(image: Image.Image, icc: bytes) -> Image.Image | None:
    """Converts through the embedded colour profile (Display P3, Adobe RGB, CMYK...)."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        result = ImageCms.profileToProfile(image, source, _SRGB, outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return None
    return result if isinstance(result, Image.Image) else None


def _encode(image: Image.Image, *, photo: bool) -> tuple[bytes, str]:
    """PNG keeps charts and screenshots crisp; photos go as JPEG. No metadata is kept."""
    if not photo:
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", compress_level=PNG_COMPRESS_LEVEL)
        if buffer.tell() <= PNG_LIMIT_BYTES:
            return buffer.getvalue(), "image/png"
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=JPEG_QUALITY)
    return buffer.getvalue(), "image/jpeg"


__all__ = [
    "MAX_FILE_BYTES",
    "MAX_PIXELS",
    "MAX_SIDE",
    "OPENABLE_FORMATS",
    "PreparedImage",
    "image_size",
    "prepare_image",
    "sniff_format",
]
