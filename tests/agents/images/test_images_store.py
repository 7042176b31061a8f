"""ImageStore: prepared images kept once by content hash, atomically, safely named."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from agents import paths
from agents.images import ImageError, ImageKind, ImageStore, prepare_image
from tests.agents.images.pictures import encode, photo, two_halves


def test_put_get_has_and_path(tmp_path: Path) -> None:
    store = ImageStore.in_data_dir(tmp_path)
    prepared = prepare_image(encode(two_halves(40, 20)))

    digest = store.put(prepared.data)

    assert digest == prepared.sha256 == hashlib.sha256(prepared.data).hexdigest()
    assert store.has(digest)
    assert store.path(digest) == paths.images_dir(tmp_path) / f"{digest}.png"
    assert store.get(digest) == prepared.data


def test_same_image_is_stored_once(tmp_path: Path) -> None:
    store = ImageStore(tmp_path / "images")
    data = prepare_image(photo(300, 200)).data
    assert store.put(data) == store.put(data)
    files = list((tmp_path / "images").iterdir())
    assert [p.suffix for p in files] == [".jpg"]


def test_missing_and_damaged_images_are_clear_errors(tmp_path: Path) -> None:
    store = ImageStore(tmp_path)
    absent = "0" * 64
    assert not store.has(absent)
    with pytest.raises(ImageError, match="no longer in Hearth's data folder") as gone:
        store.get(absent)
    digest = store.put(encode(two_halves(10, 10)))
    store.path(digest).write_bytes(encode(two_halves(12, 12)))
    with pytest.raises(ImageError, match="damaged") as damaged:
        store.get(digest)
    assert gone.value.kind is damaged.value.kind is ImageKind.MISSING
    assert str(gone.value).startswith("The image 000000000000… is no longer")
    assert gone.value.exit_code == 13


def test_references_that_are_not_hashes_never_touch_the_disk(tmp_path: Path) -> None:
    store = ImageStore(tmp_path / "images")
    (tmp_path / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    for bad in ("../secret", "../../etc/passwd", "abc", "g" * 64):
        assert not store.has(bad)
        with pytest.raises(ImageError, match="not an image reference") as caught:
            store.path(bad)
        assert caught.value.kind is ImageKind.MISSING


def test_only_prepared_png_or_jpeg_is_accepted(tmp_path: Path) -> None:
    store = ImageStore(tmp_path)
    with pytest.raises(ValueError, match="PNG or JPEG"):
        store.put(b"GIF89a....")
    assert list(tmp_path.iterdir()) == []


def test_delete(tmp_path: Path) -> None:
    store = ImageStore(tmp_path)
    digest = store.put(encode(two_halves(10, 10)))
    store.delete(digest)
    assert not store.has(digest)
    store.delete(digest)  # already gone: no error
