"""Hostile chat imports through `hearth import`: each is refused whole with a clear message
(the chats, pictures and personas already there unchanged), or imported without
overwriting anything, in bounds."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from agents.chat.personas import MAX_NAME_CHARS
from agents.storage.transfer import FORMAT, checksum
from app.main import main
from tests.agents.documents.makers import make_sparse
from tests.agents.images.pictures import encode, png_header_only
from tests.agents.storage.test_transfer import DataDir
from tests.hostile.harness import Case, assert_clear, params, tree_digest, within_bounds
from tests.hostile.specials import fifo, link

ACCEPTED = "accepted"


def _payload() -> dict[str, Any]:
    """A small valid export: one chat of two messages, one picture, one persona."""
    from PIL import Image

    picture = encode(Image.new("RGB", (8, 6), (200, 0, 0)))
    sha = hashlib.sha256(picture).hexdigest()
    message = {
        "role": "user",
        "content": "What is in this photo?",
        "status": "complete",
        "created_at": 1_700_000_000.0,
        "model": None,
        "stats": None,
        "error": None,
        "attachments": [
            {"kind": "image", "sha256": sha, "name": "red.png", "width": 8, "height": 6}
        ],
    }
    answer = {**message, "role": "assistant", "content": "A red square.", "attachments": []}
    return {
        "format": FORMAT,
        "version": 1,
        "exported_at": "2024-01-01T00:00:00+00:00",
        "app_version": "0.1",
        "personas": [{"id": "poet", "name": "Poet", "prompt": "You answer in verse."}],
        "images": {sha: base64.b64encode(picture).decode("ascii")},
        "missing_images": [],
        "conversations": [
            {
                "id": "c1",
                "title": "Trip to Kyoto",
                "model": "llama3.2",
                "system_prompt": None,
                "persona": "poet",
                "created_at": 1_700_000_000.0,
                "updated_at": 1_700_000_100.0,
                "messages": [message, answer],
            }
        ],
    }


def _sealed(change: Callable[[dict[str, Any]], None]) -> Callable[[Path], Path]:
    """A builder: the valid export, changed, with a checksum that matches the change."""

    def make(folder: Path) -> Path:
        payload = _payload()
        change(payload)
        payload["checksum"] = checksum(payload)
        path = folder / "export.json"
        path.write_text(json.dumps(payload), encoding="utf-8", errors="surrogatepass")
        return path

    return make


def _raw(data: bytes | Callable[[], bytes], name: str = "export.json") -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data() if callable(data) else data)
        return path

    return make


def _sealed_text() -> bytes:
    payload = _payload()
    payload["checksum"] = checksum(payload)
    return json.dumps(payload).encode()


def _chat(payload: dict[str, Any]) -> dict[str, Any]:
    chat: dict[str, Any] = payload["conversations"][0]
    return chat


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """A change: the field at 'a.0.b' (dots; numbers index lists) gets ``value``."""

    def change(payload: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = payload
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        node[int(last) if last.isdigit() else last] = value

    return change


def huge_sparse(folder: Path) -> Path:
    return make_sparse(folder / "huge.json", 2 << 30)


def a_fifo(folder: Path) -> Path:
    return fifo(folder / "pipe.json")


def dev_zero(folder: Path) -> Path:
    return link(folder / "zeros.json", "/dev/zero")


def a_folder(folder: Path) -> Path:
    (folder / "export.json").mkdir()
    return folder / "export.json"


def _bomb_image(payload: dict[str, Any]) -> None:
    """The picture replaced by a PNG that claims 100,000 x 100,000 pixels (hash correct)."""
    bomb = png_header_only(100_000, 100_000)
    sha = hashlib.sha256(bomb).hexdigest()
    payload["images"] = {sha: base64.b64encode(bomb).decode("ascii")}
    _chat(payload)["messages"][0]["attachments"][0]["sha256"] = sha


def _bad_base64(payload: dict[str, Any]) -> None:
    sha = next(iter(payload["images"]))
    payload["images"][sha] = "!!!! not base64 ####"


def _hash_mismatch(payload: dict[str, Any]) -> None:
    sha = next(iter(payload["images"]))
    payload["images"][sha] = base64.b64encode(b"\x89PNG\r\n\x1a\nother").decode("ascii")


def _duplicate_ids(payload: dict[str, Any]) -> None:
    twin = copy.deepcopy(_chat(payload))
    twin["messages"][1]["content"] = "A red square, twice."
    payload["conversations"].append(twin)  # same id "c1", different chat


def _identical_twice(payload: dict[str, Any]) -> None:
    _chat(payload)["title"] = "Kyoto \x1b[2J\x1b[31mtrip\n"
    payload["conversations"].append(copy.deepcopy(_chat(payload)))


def _duplicate_persona_ids(payload: dict[str, Any]) -> None:
    payload["personas"].append({"id": "poet", "name": "Critic", "prompt": "You criticise."})


def _long_persona_name(payload: dict[str, Any]) -> None:
    payload["personas"] = [{"id": "long", "name": "N" * MAX_NAME_CHARS, "prompt": "Mine."}]


def _lone_surrogates(payload: dict[str, Any]) -> None:
    _chat(payload)["messages"][0]["content"] = "half an emoji: \ud83d and \udcff"


def _too_many_attachments(payload: dict[str, Any]) -> None:
    _chat(payload)["messages"][1]["attachments"] = [{"kind": "file", "name": "x"}] * 101


def _unknown_image(payload: dict[str, Any]) -> None:
    _chat(payload)["messages"][0]["attachments"][0]["sha256"] = "a" * 64


IMPORT_CASES = [
    Case(
        "huge-2gib-sparse",
        huge_sparse,
        r"huge\.json is too large to import \(2\.0 GiB, at most 1 GiB\)",
    ),
    Case("fifo", a_fifo, r"pipe\.json can't be imported: it is a FIFO \(named pipe\)"),
    Case("link-to-dev-zero", dev_zero, r"zeros\.json can't be imported: it is a character device"),
    Case("folder", a_folder, r"export\.json can't be imported: it is a folder"),
    Case("empty", _raw(b""), r"export\.json is damaged or incomplete"),
    Case("not-utf8", _raw(b"\xff\xfe\x00garbage"), r"it is not UTF-8 text"),
    Case("truncated", _raw(lambda: _sealed_text()[:300]), r"damaged or incomplete \(invalid JSON"),
    Case(
        "deep-nesting-100k",
        _raw(b'{"format": "hearth-chats", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"),
        r"nested far deeper than an export ever is",
    ),
    Case(
        "huge-integer",
        _raw(b'{"format": "hearth-chats", "version": ' + b"9" * 100_000 + b"}"),
        r"holds a number too long to read",
    ),
    Case(
        "nan-number",
        _sealed(_set("conversations.0.created_at", float("nan"))),
        r"conversations\[0\]\.created_at must be a number",
    ),
    Case(
        "infinite-number",
        _sealed(_set("conversations.0.messages.0.created_at", float("inf"))),
        r"created_at must be a number",
    ),
    Case(
        "title-not-text",
        _sealed(_set("conversations.0.title", ["a", "list"])),
        r"conversations\[0\]\.title must be text",
    ),
    Case(
        "messages-not-list",
        _sealed(_set("conversations.0.messages", {"a": 1})),
        r"messages must be a list",
    ),
    Case(
        "role-unknown",
        _sealed(_set("conversations.0.messages.0.role", "root")),
        r"role must be one of",
    ),
    Case("personas-not-list", _sealed(_set("personas", "poet")), r"personas must be a list"),
    Case(
        "persona-wrong-types",
        _sealed(_set("personas.0", {"id": 3, "name": ["x"]})),
        r"personas\[0\]: A persona has a missing or invalid id",
    ),
    Case("images-not-object", _sealed(_set("images", [1, 2])), r"images must be an object"),
    Case("top-level-array", _raw(b"[1, 2, 3]"), r"is not a Hearth chat export"),
    Case(
        "checksum-mismatch",
        _raw(lambda: _sealed_text().replace(b"A red square", b"A blue square")),
        r"changed after it was exported",
    ),
    Case("newer-version", _sealed(_set("version", 99)), r"made by a newer Hearth"),
    Case("base64-invalid", _sealed(_bad_base64), r"is not valid base64"),
    Case(
        "base64-image-bomb",
        _sealed(_bomb_image),
        r"is not a picture Hearth stores \(damaged, or a decompression bomb\)",
    ),
    Case("image-hash-mismatch", _sealed(_hash_mismatch), r"does not match its hash"),
    Case(
        "title-too-long", _sealed(_set("conversations.0.title", "t" * 5000)), r"title is too long"
    ),
    Case(
        "too-many-attachments",
        _sealed(_too_many_attachments),
        r"attachments must be a list of at most 100",
    ),
    Case(
        "attachment-unknown-image",
        _sealed(_unknown_image),
        r"shows an image that is not in the file",
    ),
    Case(
        "byte-order-mark", _raw(lambda: b"\xef\xbb\xbf" + _sealed_text()), r"damaged or incomplete"
    ),
    Case(
        "duplicate-conversation-ids",
        _sealed(_duplicate_ids),
        r"imported 2 chat\(s\) with 4 message\(s\)",
        ACCEPTED,
    ),
    Case(
        "identical-chats-escaped-title",
        _sealed(_identical_twice),
        r"skipped chat 'Kyoto \\u001b\[2J\\u001b\[31mtrip\\u000a': already here",
        ACCEPTED,
    ),
    Case("duplicate-persona-ids", _sealed(_duplicate_persona_ids), r"2 new persona\(s\)", ACCEPTED),
    Case("long-persona-name-clash", _sealed(_long_persona_name), r"1 new persona\(s\)", ACCEPTED),
    Case("lone-surrogates", _sealed(_lone_surrogates), r"imported 1 chat|not valid", "any"),
]


@pytest.mark.timeout(120)
@pytest.mark.parametrize("case", params(IMPORT_CASES))
def test_hostile_import(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = DataDir(tmp_path / "data")
    data.personas.add("N" * MAX_NAME_CHARS, "A persona with the longest name.")
    first = data.store.create_conversation("Already here")
    data.store.add_message(first.id, "user", "An old question.")
    before = data.snapshot()
    data.store.close()
    files = tree_digest(data.root)
    source = tmp_path / "in"
    source.mkdir()
    path = case.make(source)
    with within_bounds():
        code = main(["--data-dir", str(data.root), "import", str(path)])
    out, err = capsys.readouterr()
    text = out + err
    assert_clear(text)
    assert re.search(case.expect, text), text
    refused = case.outcome == "refused" or (case.outcome == "any" and code != 0)
    if refused:
        assert tree_digest(data.root) == files  # refused whole: not a byte changed
    after = DataDir(data.root)
    try:
        if refused:
            assert code != 0 and "Nothing was imported" in text, text
            assert after.snapshot() == before
        else:
            assert code == 0, text
            chats, _images, personas = after.snapshot()
            assert before[0][0] in chats  # what was there is still there, unchanged
            assert all(len(name) <= MAX_NAME_CHARS for _id, name, _prompt in personas)
            assert len({name.casefold() for _id, name, _prompt in personas}) == len(personas)
    finally:
        after.store.close()
