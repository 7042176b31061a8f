"""Image intake: real, odd and hostile images each give a correct conversion or a clear error."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from agents.attachments import ImageRef
from agents.images import (
    MAX_SIDE,
    ImageError,
    ImageKind,
    prepare_image,
)
from agents.images.intake import sniff_format
from tests.agents.images.pictures import (
    animated_gif,
    encode,
    photo,
    png_header_only,
    two_halves,
    with_orientation,
)


def rgb(image: Image.Image, xy: tuple[int, int]) -> tuple[int, int, int]:
    value = image.convert("RGB").getpixel(xy)
    assert isinstance(value, tuple)
    return (int(value[0]), int(value[1]), int(value[2]))


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_large_photo_is_downscaled_to_the_tile_limit_as_jpeg(tmp_path: Path) -> None:
    path = tmp_path / "holiday.jpg"
    path.write_bytes(photo(4000, 3000))

    prepared = prepare_image(path)

    assert (prepared.width, prepared.height) == (1120, 840)
    assert prepared.original_size == (4000, 3000)
    assert prepared.original_format == "JPEG"
    assert prepared.mime == "image/jpeg"
    assert prepared.name == "holiday.jpg"
    assert prepared.sha256 == hashlib.sha256(prepared.data).hexdigest()
    image = opened(prepared.data)
    assert image.format == "JPEG" and image.mode == "RGB" and image.size == (1120, 840)
    assert prepared.notes == ()


def test_small_png_keeps_its_size_and_stays_png() -> None:
    prepared = prepare_image(encode(two_halves(300, 200)))

    assert (prepared.width, prepared.height) == (300, 200)
    assert prepared.mime == "image/png"
    assert prepared.name == "pasted image"
    image = opened(prepared.data).convert("RGB")
    assert rgb(image, (10, 100)) == (255, 0, 0)
    assert rgb(image, (290, 100)) == (0, 0, 255)


def test_exif_orientation_is_applied() -> None:
    # Stored 400x200 with red on the left; orientation 6 means "turn 90° clockwise".
    prepared = prepare_image(with_orientation(two_halves(400, 200), 6), "phone.jpg")

    assert (prepared.width, prepared.height) == (200, 400)
    assert prepared.original_size == (200, 400)
    image = opened(prepared.data).convert("RGB")
    red, _, blue = rgb(image, (100, 50))
    assert red > 200 and blue < 60, "the red half must be on top after turning"
    red, _, blue = rgb(image, (100, 350))
    assert blue > 200 and red < 60


def test_exif_orientation_on_a_downscaled_photo() -> None:
    big = two_halves(3000, 1500)
    prepared = prepare_image(with_orientation(big, 8), "sideways.jpg")
    assert (prepared.width, prepared.height) == (560, 1120)
    assert prepared.original_size == (1500, 3000)


def test_bomb_header_claiming_100k_by_100k_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.png"
    path.write_bytes(png_header_only(100_000, 100_000))

    with pytest.raises(ImageError) as caught:
        prepare_image(path)

    assert caught.value.kind is ImageKind.TOO_LARGE
    message = str(caught.value)
    assert "bomb.png" in message
    assert "megapixels" in message and "decompression bomb" in message


def test_pillow_bomb_warning_becomes_an_error() -> None:
    # 9500 x 9500 = 90 MP: above Pillow's warning threshold (89 MP), below its error.
    assert (Image.MAX_IMAGE_PIXELS or 0) < 9500 * 9500
    with pytest.raises(ImageError, match="bomb") as caught:
        prepare_image(png_header_only(9500, 9500), "warned.png", max_pixels=10**9)
    assert caught.value.kind is ImageKind.TOO_LARGE


def test_real_compressed_huge_image_is_refused_by_our_own_cap() -> None:
    data = encode(Image.new("1", (3000, 3000)), "PNG")
    assert len(data) < 100_000  # small on disk, 9 MP when decoded
    with pytest.raises(ImageError, match="3000 x 3000") as caught:
        prepare_image(data, "flat.png", max_pixels=5_000_000)
    assert caught.value.kind is ImageKind.TOO_LARGE


def test_pillow_global_limit_is_untouched() -> None:
    before = Image.MAX_IMAGE_PIXELS
    with pytest.raises(ImageError) as caught:
        prepare_image(png_header_only(100_000, 100_000))
    assert caught.value.kind is ImageKind.TOO_LARGE
    assert before == Image.MAX_IMAGE_PIXELS


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_truncated_image_is_refused(fmt: str) -> None:
    whole = photo(800, 600, fmt)
    with pytest.raises(ImageError) as caught:
        prepare_image(whole[: len(whole) // 2], f"cut.{fmt.lower()}")
    assert caught.value.kind is ImageKind.DAMAGED
    assert "cut." in str(caught.value)
    assert "truncated" in str(caught.value) or "damaged" in str(caught.value)


def test_wrong_extension_is_read_by_content(tmp_path: Path) -> None:
    path = tmp_path / "chart.png"
    path.write_bytes(photo(200, 100, "JPEG"))

    prepared = prepare_image(path)

    assert prepared.original_format == "JPEG"
    assert any("named .png but it is really a JPEG" in str(note) for note in prepared.notes)


def test_text_file_named_like_an_image_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.jpg"
    path.write_text("shopping list: eggs, milk\n")
    with pytest.raises(ImageError, match=r"notes\.jpg.*text, not an image") as caught:
        prepare_image(path)
    assert caught.value.kind is ImageKind.NOT_AN_IMAGE


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n1 0 obj\n", "PDF"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "HEIC"),
        (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', "SVG"),
        (bytes(range(256)) * 4, "not an image format"),
    ],
)
def test_other_formats_get_a_specific_message(data: bytes, expected: str) -> None:
    with pytest.raises(ImageError, match=expected) as caught:
        prepare_image(data, "thing")
    assert caught.value.kind is ImageKind.NOT_AN_IMAGE


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.png"
    path.write_bytes(b"")
    with pytest.raises(ImageError, match=r"'empty\.png'.*empty \(0 bytes\)") as caught:
        prepare_image(path)
    assert caught.value.kind is ImageKind.EMPTY


def test_missing_file_and_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ImageError, match="doesn't exist") as gone:
        prepare_image(tmp_path / "gone.png")
    with pytest.raises(ImageError, match="it is a folder, not a regular file") as folder:
        prepare_image(tmp_path)
    assert gone.value.kind is folder.value.kind is ImageKind.UNREADABLE


def test_file_over_the_byte_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.png"
    path.write_bytes(encode(two_halves(400, 400)))
    with pytest.raises(ImageError, match="MB") as caught:
        prepare_image(path, max_file_bytes=1000)
    assert caught.value.kind is ImageKind.TOO_LARGE


def test_cmyk_jpeg_is_converted_to_rgb() -> None:
    data = encode(Image.new("CMYK", (120, 80), (0, 255, 255, 0)), "JPEG", quality=95)
    assert opened(data).mode == "CMYK"

    prepared = prepare_image(data, "print.jpg")

    image = opened(prepared.data)
    assert image.mode == "RGB"
    red, green, blue = rgb(image, (60, 40))
    assert red > 200 and green < 60 and blue < 60


def test_cmyk_with_an_icc_profile_goes_through_colour_management() -> None:
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = encode(Image.new("RGB", (50, 50), (10, 200, 30)), "PNG", icc_profile=profile)
    image = opened(prepare_image(data).data).convert("RGB")
    red, green, blue = rgb(image, (25, 25))
    assert abs(red - 10) < 8 and abs(green - 200) < 8 and abs(blue - 30) < 8


def test_16_bit_grayscale_png_keeps_its_tones() -> None:
    image = Image.new("I", (64, 64), 0)
    image.paste(32768, (32, 0, 64, 64))
    data = encode(image.convert("I;16"), "PNG")
    assert opened(data).mode.startswith("I")

    prepared = prepare_image(data, "scan.png")

    out = opened(prepared.data).convert("RGB")
    assert rgb(out, (10, 10)) == (0, 0, 0)
    assert all(abs(v - 128) <= 2 for v in rgb(out, (50, 10))), "mid grey, not white"


def test_palette_image_with_transparency_is_flattened_on_white() -> None:
    image = Image.new("P", (40, 40), 0)
    image.putpalette([0, 0, 0, 255, 0, 0] + [0] * 762)
    image.paste(1, (20, 0, 40, 40))
    data = encode(image, "PNG", transparency=0)

    prepared = prepare_image(data, "icon.png")

    out = opened(prepared.data).convert("RGB")
    assert rgb(out, (5, 5)) == (255, 255, 255)
    assert rgb(out, (30, 5)) == (255, 0, 0)
    assert "transparent areas shown on white" in [str(note) for note in prepared.notes]


def test_rgba_half_transparent_is_blended_on_white() -> None:
    data = encode(Image.new("RGBA", (20, 20), (0, 0, 0, 128)), "PNG")
    out = opened(prepare_image(data).data).convert("RGB")
    assert all(120 <= v <= 135 for v in rgb(out, (10, 10)))


def test_animated_gif_uses_the_first_frame_and_says_so() -> None:
    data = animated_gif([(0, 200, 0), (200, 0, 0), (0, 0, 200)])

    prepared = prepare_image(data, "dance.gif")

    assert "animated GIF: first frame used" in [str(note) for note in prepared.notes]
    red, green, blue = rgb(opened(prepared.data), (30, 20))
    assert green > 150 and red < 60 and blue < 60
    assert prepared.mime == "image/png"


def test_20000_pixel_panorama_is_downscaled_with_a_warning() -> None:
    data = encode(Image.new("RGB", (20000, 50), (30, 90, 150)), "PNG")

    prepared = prepare_image(data, "panorama.png")

    assert prepared.width == MAX_SIDE
    assert prepared.height == 3
    assert prepared.original_size == (20000, 50)
    assert any("very long image (20000x50)" in str(note) for note in prepared.notes)


def test_tall_noisy_png_over_the_size_budget_is_sent_as_jpeg() -> None:
    prepared = prepare_image(photo(1200, 1200, "PNG"), "render.png")
    assert prepared.mime == "image/jpeg"
    assert max(prepared.width, prepared.height) == MAX_SIDE


def test_metadata_is_not_kept() -> None:
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    data = encode(two_halves(100, 100), "JPEG", exif=exif)
    prepared = prepare_image(data)
    assert b"SecretCam" not in prepared.data


def test_every_refusal_is_an_image_error_with_the_name() -> None:
    for data in (b"", b"plain text", png_header_only(50_000, 50_000)):
        with pytest.raises(ImageError) as caught:
            prepare_image(data, "sample.bin")
        assert "'sample.bin'" in str(caught.value)
        assert caught.value.exit_code == 13


def test_attachment_record_matches_the_chat_store_format() -> None:
    prepared = prepare_image(encode(two_halves(64, 32)), "a.png")
    assert prepared.attachment() == ImageRef(prepared.sha256, "a.png", 64, 32)
    assert prepared.attachment().to_record() == {
        "kind": "image",
        "sha256": prepared.sha256,
        "name": "a.png",
        "width": 64,
        "height": 32,
    }


def test_sniff_format_reads_content() -> None:
    assert sniff_format(photo(10, 10, "JPEG")) == "JPEG"
    assert sniff_format(encode(two_halves(10, 10), "WEBP")) == "WEBP"
    assert sniff_format(b"GIF89a nonsense") is None
