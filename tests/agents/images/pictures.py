"""Real images made by the tests: photos, hostile files, and charts with known values.

The chart and grounding helpers also *read* images (bar heights, a coloured square), so
a scripted model double can answer from the pixels it actually received: a test then
proves that the image arrived intact, not only that some bytes were sent.
"""

from __future__ import annotations

import base64
import functools
import io
import struct
import zlib
from collections.abc import Sequence
from typing import Any

from PIL import Image, ImageChops, ImageDraw

BAR_COLOURS = [(220, 40, 40), (40, 120, 220), (40, 170, 60), (230, 160, 20), (140, 60, 200)]
GRID_GREY = (128, 128, 128)


def encode(image: Image.Image, fmt: str = "PNG", **params: Any) -> bytes:
    """Encodes an image to bytes."""
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **params)
    return buffer.getvalue()


@functools.lru_cache(maxsize=16)
def photo(width: int, height: int, fmt: str = "JPEG") -> bytes:
    """A photo-like image (gradients and noise) of any size (cached: bytes are immutable)."""
    red = Image.linear_gradient("L").resize((width, height))
    green = Image.radial_gradient("L").resize((width, height))
    blue = Image.effect_noise((width, height), 40)
    return encode(Image.merge("RGB", (red, green, blue)), fmt)


def two_halves(width: int, height: int) -> Image.Image:
    """Left half red, right half blue: shows rotation and mirroring."""
    image = Image.new("RGB", (width, height), (0, 0, 255))
    ImageDraw.Draw(image).rectangle([0, 0, width // 2 - 1, height - 1], fill=(255, 0, 0))
    return image


def with_orientation(image: Image.Image, orientation: int) -> bytes:
    """A JPEG whose EXIF says how to turn it upright."""
    exif = Image.Exif()
    exif[0x0112] = orientation
    return encode(image, "JPEG", exif=exif, quality=95)


def png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` x ``height`` (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def animated_gif(
    colours: Sequence[tuple[int, int, int]], size: tuple[int, int] = (60, 40)
) -> bytes:
    """An animated GIF with one solid frame per colour."""
    frames = [Image.new("RGB", size, c) for c in colours]
    return encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)


# -- charts ------------------------------------------------------------------------------
def bar_chart(
    values: Sequence[float],
    *,
    size: tuple[int, int] = (1600, 1000),
    axis_max: float = 100.0,
) -> bytes:
    """A bar chart PNG with known values.

    A grey grid line marks ``axis_max``; the baseline is black. Bars are solid, one
    colour each, so :func:`read_bar_chart` can measure them back at any scale.
    """
    width, height = size
    image = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(image)
    left, right = int(width * 0.1), int(width * 0.95)
    top, base = int(height * 0.1), int(height * 0.9)
    draw.line([(left, top), (right, top)], fill=GRID_GREY, width=max(2, height // 200))
    draw.line([(left, base), (right, base)], fill=(0, 0, 0), width=max(2, height // 200))
    slot = (right - left) / len(values)
    for index, value in enumerate(values):
        x0 = int(left + slot * index + slot * 0.2)
        x1 = int(left + slot * (index + 1) - slot * 0.2)
        y0 = int(base - (base - top) * value / axis_max)
        draw.rectangle([x0, y0, x1, base - 1], fill=BAR_COLOURS[index % len(BAR_COLOURS)])
    return encode(image, "PNG")


def _close(a: tuple[int, ...], b: tuple[int, ...], tolerance: int = 40) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=False))


def read_bar_chart(data: bytes, count: int, axis_max: float = 100.0) -> list[float]:
    """Measures the bars of a :func:`bar_chart` image (at whatever size it arrives)."""
    image = Image.open(io.BytesIO(data)).convert("RGB")
    width, height = image.size
    loaded = image.load()
    assert loaded is not None

    def pixels_at(x: int, y: int) -> tuple[int, ...]:
        value = loaded[x, y]
        assert isinstance(value, tuple)
        return value

    column = int(width * 0.05) + 1
    # The grid line and the baseline cross the whole plot: find them left of the bars.
    probe = int(width * 0.12)
    grey_rows = [y for y in range(height) if _close(pixels_at(probe, y), GRID_GREY, 30)]
    dark_rows = [y for y in range(height) if max(pixels_at(probe, y)) < 60]
    assert grey_rows and dark_rows, "chart axes not found"
    first_run = [y for y in grey_rows if y - grey_rows[0] < height // 50]  # not the baseline's blur
    top = sum(first_run) / len(first_run)
    base = min(dark_rows)
    values = []
    for index in range(count):
        colour = BAR_COLOURS[index % len(BAR_COLOURS)]
        xs = [x for x in range(column, width) if _close(pixels_at(x, base - 2), colour)]
        assert xs, f"bar {index} not found"
        middle = xs[len(xs) // 2]
        rows = [y for y in range(height) if _close(pixels_at(middle, y), colour)]
        bar_top = min(rows)
        values.append((base - bar_top) / (base - top) * axis_max)
    return values


def square_scene(
    size: tuple[int, int], box: tuple[int, int, int, int], colour: tuple[int, int, int]
) -> bytes:
    """A grey scene with one coloured rectangle at ``box`` (pixels)."""
    image = Image.new("RGB", size, (200, 200, 200))
    ImageDraw.Draw(image).rectangle(box, fill=colour)
    return encode(image, "PNG")


def find_colour(data: bytes, colour: tuple[int, int, int]) -> tuple[float, ...] | None:
    """Normalized [x0, y0, x1, y1] of the pixels close to ``colour``, or None."""
    image = Image.open(io.BytesIO(data)).convert("RGB")
    masks = [
        band.point(lambda v, c=c: 255 if abs(v - c) <= 30 else 0)
        for band, c in zip(image.split(), colour, strict=True)
    ]
    mask = ImageChops.multiply(ImageChops.multiply(masks[0], masks[1]), masks[2])
    box = mask.getbbox()
    if box is None:
        return None
    width, height = image.size
    return (box[0] / width, box[1] / height, box[2] / width, box[3] / height)


def images_in(body: dict[str, Any]) -> list[bytes]:
    """Every image in a recorded /api/chat body, decoded (asserts bare base64)."""
    found = []
    for message in body.get("messages") or []:
        for item in message.get("images") or []:
            assert not item.startswith("data:"), "images must be bare base64"
            found.append(base64.b64decode(item, validate=True))
    return found
