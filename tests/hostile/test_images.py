"""Hostile images through image preparation: each is refused with a message naming the
file and the reason, or prepared within the size limits, in bounds; the data folder keeps
only what was prepared."""

from __future__ import annotations

import io
import os
import re
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from agents.errors import HearthError
from agents.images.intake import MAX_SIDE, prepare_image
from agents.images.store import ImageStore
from app.cli import fail
from tests.agents.documents.makers import make_sparse
from tests.agents.images.pictures import (
    animated_gif,
    encode,
    photo,
    png_header_only,
    two_halves,
    with_orientation,
)
from tests.hostile.harness import Case, assert_clear, can_mknod, params, tree_digest, within_bounds
from tests.hostile.specials import fifo, link, link_loop, unix_socket, zero_device

ACCEPTED = "accepted"


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def _png_with(extra: bytes, good: bool = True) -> bytes:
    """A small valid PNG with an extra chunk inserted after the header."""
    data = encode(Image.new("RGB", (40, 30), (10, 120, 200)))
    head, rest = data[:33], data[33:]
    return head + extra + rest if good else data


# -- builders ------------------------------------------------------------------------------
def bomb_png(folder: Path) -> Path:
    return _write(folder / "bomb.png", png_header_only(100_000, 100_000))


def bomb_gif(folder: Path) -> Path:
    """A GIF whose logical screen and frame claim 65535 x 65535."""
    data = bytearray(encode(Image.new("P", (4, 4)), "GIF"))
    data[6:10] = struct.pack("<HH", 65535, 65535)
    frame = data.index(b"\x2c")  # the image descriptor: its width and height too
    data[frame + 5 : frame + 9] = struct.pack("<HH", 65535, 65535)
    return _write(folder / "bomb.gif", bytes(data))


def bomb_jpeg(folder: Path) -> Path:
    """A JPEG whose frame header claims 60000 x 60000."""
    data = bytearray(photo(16, 16))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", 60000, 60000)
    return _write(folder / "bomb.jpg", bytes(data))


def bomb_bmp(folder: Path) -> Path:
    """A BMP header claiming 50000 x 50000 with no pixels behind it."""
    header = b"BM" + struct.pack("<IHHI", 54, 0, 0, 54)
    info = struct.pack("<IiiHHIIiiII", 40, 50000, 50000, 1, 24, 0, 0, 2835, 2835, 0, 0)
    return _write(folder / "bomb.bmp", header + info)


def text_chunk_bomb(folder: Path) -> Path:
    """A PNG with a compressed text chunk that inflates to 100 MB."""
    bomb = b"Comment\x00\x00" + zlib.compress(b"A" * (100 << 20), 9)
    return _write(folder / "ztxt-bomb.png", _png_with(_chunk(b"zTXt", bomb)))


def icc_bomb(folder: Path) -> Path:
    """A PNG whose colour profile chunk inflates to 100 MB of garbage."""
    bomb = b"icc\x00\x00" + zlib.compress(b"\x00" * (100 << 20), 9)
    return _write(folder / "iccp-bomb.png", _png_with(_chunk(b"iCCP", bomb)))


def truncated_png(folder: Path) -> Path:
    data = photo(800, 600, "PNG")
    return _write(folder / "cut.png", data[: len(data) // 2])


def truncated_jpeg(folder: Path) -> Path:
    data = photo(800, 600)
    return _write(folder / "cut.jpg", data[: len(data) // 3])


def bad_crc_png(folder: Path) -> Path:
    data = bytearray(encode(Image.new("RGB", (40, 30), "red")))
    data[29] ^= 0xFF  # the header's checksum
    return _write(folder / "bad-crc.png", bytes(data))


def fake_extension(folder: Path) -> Path:
    return _write(folder / "really-png.jpg", encode(two_halves(64, 48)))


def text_as_image(folder: Path) -> Path:
    return _write(folder / "notes.png", b"Shopping list: eggs, milk, bread.\n" * 20)


def pdf_as_image(folder: Path) -> Path:
    return _write(folder / "scan.png", b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n")


def zip_as_image(folder: Path) -> Path:
    return _write(folder / "archive.jpg", b"PK\x03\x04" + os.urandom(200))


def svg_as_image(folder: Path) -> Path:
    return _write(folder / "logo.png", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')


def heic_photo(folder: Path) -> Path:
    return _write(folder / "IMG_0001.HEIC", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic")


def empty_image(folder: Path) -> Path:
    return _write(folder / "empty.png", b"")


def over_byte_limit(folder: Path) -> Path:
    """A 300 MB sparse file named like a photo."""
    return make_sparse(folder / "huge.jpg", 300 << 20)


def fifo_image(folder: Path) -> Path:
    return fifo(folder / "pipe.png")


def link_to_dev_zero(folder: Path) -> Path:
    return link(folder / "zeros.png", "/dev/zero")


def socket_image(folder: Path) -> Path:
    return unix_socket(folder / "sock.png")


def device_image(folder: Path) -> Path:
    return zero_device(folder / "device.png")


def folder_image(folder: Path) -> Path:
    (folder / "album.png").mkdir()
    return folder / "album.png"


def link_loop_image(folder: Path) -> Path:
    return link_loop(folder / "a.png", folder / "b.png")


def panorama(folder: Path) -> Path:
    return _write(folder / "panorama.png", encode(Image.new("RGB", (20_000, 60), "teal")))


def big_photo(folder: Path) -> Path:
    """A 9000 x 6000 photo (54 MP): downscaled to the tile limit."""
    return _write(folder / "big.jpg", photo(9000, 6000))


def many_frames_gif(folder: Path) -> Path:
    colours = [((n * 37) % 256, (n * 91) % 256, (n * 13) % 256) for n in range(3000)]
    return _write(folder / "many-frames.gif", animated_gif(colours, (32, 32)))


def animated_webp(folder: Path) -> Path:
    frames = [Image.new("RGB", (64, 64), c) for c in ("red", "green", "blue")]
    return _write(
        folder / "moving.webp", encode(frames[0], "WEBP", save_all=True, append_images=frames[1:])
    )


def tiff_many_pages(folder: Path) -> Path:
    pages = [Image.new("L", (32, 32), n % 256) for n in range(500)]
    return _write(
        folder / "pages.tiff", encode(pages[0], "TIFF", save_all=True, append_images=pages[1:])
    )


def cmyk_jpeg(folder: Path) -> Path:
    return _write(
        folder / "print.jpg", encode(Image.new("CMYK", (120, 80), (0, 200, 200, 0)), "JPEG")
    )


def deep_png(folder: Path) -> Path:
    image = Image.new("I;16", (64, 64))
    image.putdata([n * 16 for n in range(64 * 64)])
    return _write(folder / "16-bit.png", encode(image))


def palette_png(folder: Path) -> Path:
    image = Image.new("P", (64, 64), 1)
    image.putpalette([0, 0, 0, 255, 0, 0] + [0] * 762)
    image.paste(0, (0, 0, 32, 64))  # the left half transparent
    return _write(folder / "palette.png", encode(image, transparency=0))


def rotated_photo(folder: Path) -> Path:
    return _write(folder / "sideways.jpg", with_orientation(two_halves(80, 40), 6))


def broken_exif(folder: Path) -> Path:
    """A JPEG whose EXIF block is garbage."""
    data = photo(64, 48)
    app1 = b"\xff\xe1" + struct.pack(">H", 2 + 6 + 64) + b"Exif\x00\x00" + os.urandom(64)
    return _write(folder / "broken-exif.jpg", data[:2] + app1 + data[2:])


def wrong_profile(folder: Path) -> Path:
    """An RGB image carrying a CMYK colour profile (it can't apply)."""
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes()
    return _write(
        folder / "mismatch.png", encode(Image.new("RGB", (30, 30), "red"), icc_profile=profile)
    )


def odd_name(folder: Path) -> Path:
    name = os.fsdecode(b"\x1b[2Jph\xf6to\n.png")
    return _write(folder / name, b"not an image at all, just text with an odd name")


IMAGE_CASES = [
    Case("bomb-png-100k", bomb_png, r"'bomb\.png'.*megapixels Hearth opens"),
    Case("bomb-gif-65535", bomb_gif, r"'bomb\.gif'.*megapixels Hearth opens"),
    Case("bomb-jpeg-60000", bomb_jpeg, r"'bomb\.jpg'.*megapixels Hearth opens"),
    Case("bomb-bmp-50000", bomb_bmp, r"'bomb\.bmp'.*megapixels Hearth opens"),
    Case("png-text-chunk-bomb", text_chunk_bomb, r"'ztxt-bomb\.png'.*unpacks to more than"),
    Case("png-icc-bomb", icc_bomb, r"'iccp-bomb\.png'.*unpacks to more than"),
    Case("truncated-png", truncated_png, r"'cut\.png'.*cut off \(truncated\)"),
    Case("truncated-jpeg", truncated_jpeg, r"'cut\.jpg'.*cut off \(truncated\)"),
    Case("png-bad-crc", bad_crc_png, r"'bad-crc\.png'.*starts like a PNG image but the rest"),
    Case("fake-extension", fake_extension, r"named \.jpg but it is really a PNG", ACCEPTED),
    Case("text-as-image", text_as_image, r"'notes\.png'.*it is text, not an image"),
    Case("pdf-as-image", pdf_as_image, r"'scan\.png'.*a PDF document"),
    Case("zip-as-image", zip_as_image, r"'archive\.jpg'.*a ZIP archive"),
    Case("svg-as-image", svg_as_image, r"'logo\.png'.*an SVG drawing"),
    Case("heic-photo", heic_photo, r"'IMG_0001\.HEIC'.*a HEIC photo"),
    Case("empty-file", empty_image, r"'empty\.png'.*empty \(0 bytes\)"),
    Case(
        "over-byte-limit", over_byte_limit, r"'huge\.jpg'.*the file is 315 MB, more than the 105 MB"
    ),
    Case("fifo", fifo_image, r"'pipe\.png'.*it is a FIFO \(named pipe\), not a regular file"),
    Case(
        "link-to-dev-zero",
        link_to_dev_zero,
        r"'zeros\.png'.*it is a character device, not a regular file",
    ),
    Case("socket", socket_image, r"'sock\.png'.*it is a socket"),
    Case("char-device", device_image, r"'device\.png'.*character device", needs="mknod"),
    Case("folder", folder_image, r"'album\.png'.*it is a folder"),
    Case("link-loop", link_loop_image, r"'a\.png'.*loops back on itself"),
    Case("panorama-20000px", panorama, r"very long image \(20000x60\)", ACCEPTED),
    Case("photo-54-megapixels", big_photo, r"big\.jpg", ACCEPTED),
    Case("gif-3000-frames", many_frames_gif, r"animated GIF: first frame used", ACCEPTED),
    Case("animated-webp", animated_webp, r"animated WEBP: first frame used", ACCEPTED),
    Case("tiff-500-pages", tiff_many_pages, r"multi-page TIFF: first page used", ACCEPTED),
    Case("cmyk-jpeg", cmyk_jpeg, r"print\.jpg", ACCEPTED),
    Case("png-16-bit", deep_png, r"16-bit\.png", ACCEPTED),
    Case("palette-transparent", palette_png, r"transparent areas shown on white", ACCEPTED),
    Case("exif-rotated", rotated_photo, r"sideways\.jpg", ACCEPTED),
    Case("exif-garbage", broken_exif, r"broken-exif\.jpg", ACCEPTED),
    Case("colour-profile-mismatch", wrong_profile, r"mismatch\.png", ACCEPTED),
    Case("odd-name", odd_name, r"'\\u001b\[2Jph\\udcf6to\\u000a\.png'.*it is text"),
]


@pytest.mark.timeout(120)
@pytest.mark.parametrize("case", params(IMAGE_CASES))
def test_hostile_image(case: Case, tmp_path: Path) -> None:
    if case.needs == "mknod" and not can_mknod():
        pytest.skip("making a device file needs root")
    inputs, data = tmp_path / "in", tmp_path / "data"
    inputs.mkdir()
    store = ImageStore.in_data_dir(data)
    kept = store.put(encode(Image.new("RGB", (8, 8), "green")))  # a picture from before
    before = tree_digest(data)
    path = case.make(inputs)
    printed = io.StringIO()
    with within_bounds():
        try:  # what the window's image service does with a dropped file
            prepared = prepare_image(path)
            store.put(prepared.data)
        except HearthError as error:
            prepared = None
            fail(error, printed)  # the line the command line prints
        else:
            for note in prepared.notes:
                print(f"hearth: {prepared.name}: {note}", file=printed)
            print(f"hearth: {prepared.name}: ready", file=printed)
    text = printed.getvalue()
    assert_clear(text)
    assert re.search(case.expect, text), text
    if case.outcome == "refused":
        assert prepared is None
    if prepared is not None:
        assert case.outcome != "refused"
        assert max(prepared.width, prepared.height) <= MAX_SIDE
        assert Image.open(io.BytesIO(prepared.data)).mode == "RGB"
        assert store.get(prepared.sha256) == prepared.data
    else:
        assert tree_digest(data) == before  # a refusal leaves nothing behind
    assert store.get(kept)
