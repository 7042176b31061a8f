"""Export and import: identical round trips, refusals that change nothing, no overwrites."""

from __future__ import annotations

import base64
import hashlib
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from agents.attachments import ImageRef
from agents.chat.personas import PersonaLibrary
from agents.images.store import ImageStore
from agents.storage import ChatStore, StorageError, StorageKind
from agents.storage.transfer import (
    FORMAT,
    VERSION,
    checksum,
    export_json,
    export_markdown,
    import_file,
    read_export,
)


def png(color: tuple[int, int, int], size: tuple[int, int] = (8, 6)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


class DataDir:
    """A data folder with its chat store, image store and persona library."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.store = ChatStore.in_data_dir(root)
        self.images = ImageStore.in_data_dir(root)
        self.personas = PersonaLibrary.in_data_dir(root)

    def snapshot(self) -> Any:
        chats = []
        for c in sorted(self.store.list_conversations(), key=lambda c: c.created_at):
            tree = self.store.tree(c.id)
            position = {m.id: i for i, m in enumerate(tree.messages)}
            msgs = [
                (
                    m.role,
                    m.content,
                    m.status,
                    m.model,
                    m.stats,
                    m.error,
                    m.attachments,
                    position.get(m.parent_id),  # type: ignore[arg-type]
                )
                for m in tree.messages
            ]
            path = [position[m.id] for m in tree.path]
            options = (c.temperature, c.num_ctx)
            chats.append((c.title, c.model, c.system_prompt, c.persona, options, msgs, path))
        images = (
            sorted(p.name for p in self.images.directory.glob("*"))
            if (self.images.directory.exists())
            else []
        )
        return chats, images, [(p.id, p.name, p.prompt) for p in self.personas.personas()]


@pytest.fixture
def source(tmp_path: Path) -> Iterator[DataDir]:
    data = DataDir(tmp_path / "source")
    poet = data.personas.add("Poet", "You answer in verse.")
    red, blue = png((200, 0, 0)), png((0, 0, 200), (5, 5))
    red_sha, blue_sha = data.images.put(red), data.images.put(blue)
    first = data.store.create_conversation(
        "Trip to Kyoto 京都", model="llama3.2", system_prompt="Be brief.", persona="pirate"
    )
    data.store.add_message(
        first.id,
        "user",
        "What is in this photo?",
        attachments=[ImageRef(red_sha, "red.png", 8, 6)],
    )
    data.store.add_message(
        first.id,
        "assistant",
        "A red square, matey.",
        model="llama3.2-vision",
        stats={"model": "llama3.2-vision", "output_tokens": 5, "total_seconds": 1.5},
    )
    data.store.add_message(
        first.id,
        "user",
        "And this one?\n\nSecond paragraph.",
        attachments=[
            ImageRef(blue_sha, "blue.png", 5, 5),
            ImageRef(red_sha, "red again.png", 8, 6),
        ],
    )
    stopped = data.store.add_message(first.id, "assistant", "Blue and red", status="interrupted")
    # Retried, then the first answer chosen again: both versions travel, and the choice.
    data.store.add_message(first.id, "assistant", "Blue and red, arr.", parent_id=stopped.parent_id)
    data.store.select_message(stopped.id)
    data.store.set_options(first.id, temperature=0.2, num_ctx=16384)
    second = data.store.create_conversation("Poems", system_prompt=poet.prompt, persona=poet.id)
    data.store.add_message(second.id, "user", "A poem about tea, please 🍵")
    data.store.add_message(second.id, "assistant", "", status="error", error="Ollama stopped.")
    data.store.create_conversation("Empty chat")
    yield data
    data.store.close()


@pytest.fixture
def target(tmp_path: Path) -> Iterator[DataDir]:
    data = DataDir(tmp_path / "target")
    yield data
    data.store.close()


def test_export_then_import_gives_identical_chats(
    source: DataDir, target: DataDir, tmp_path: Path
) -> None:
    out = tmp_path / "chats.json"
    assert export_json(out, source.store, source.images, source.personas) == 3
    report = import_file(out, target.store, target.images, target.personas)
    assert len(report.conversations_added) == 3
    assert report.messages_added == 7
    assert report.images_added == 2
    assert report.personas_added == ["Poet"]
    chats, images, personas = target.snapshot()
    src_chats, src_images, src_personas = source.snapshot()
    assert chats == src_chats
    assert images == src_images
    assert personas == src_personas
    for name in images:
        sha = name.split(".")[0]
        assert target.images.get(sha) == source.images.get(sha)
    # The newest chat stays the newest.
    assert [c.title for c in target.store.list_conversations()] == [
        c.title for c in source.store.list_conversations()
    ]
    # New ids: nothing was overwritten or reused.
    assert {c.id for c in target.store.list_conversations()}.isdisjoint(
        {c.id for c in source.store.list_conversations()}
    )


def test_one_chat_can_be_exported(source: DataDir, target: DataDir, tmp_path: Path) -> None:
    poems = next(c for c in source.store.list_conversations() if c.title == "Poems")
    out = tmp_path / "one.json"
    assert export_json(out, source.store, source.images, source.personas, [poems.id]) == 1
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert payload["format"] == FORMAT and payload["version"] == VERSION == 2
    assert payload["images"] == {}
    import_file(out, target.store, target.images, target.personas)
    (chat,) = target.store.list_conversations()
    assert chat.title == "Poems"
    with pytest.raises(StorageError, match="no chat with the id") as caught:
        export_json(out, source.store, source.images, source.personas, ["nope"])
    assert caught.value.kind is StorageKind.TRANSFER


def test_importing_twice_skips_exact_duplicates_and_reports(
    source: DataDir, target: DataDir, tmp_path: Path
) -> None:
    out = tmp_path / "chats.json"
    export_json(out, source.store, source.images, source.personas)
    import_file(out, target.store, target.images, target.personas)
    before = target.snapshot()
    report = import_file(out, target.store, target.images, target.personas)
    assert report.conversations_added == []
    assert sum("already here (identical chat)" in str(s) for s in report.skipped) == 3
    assert any("persona 'Poet'" in str(s) for s in report.skipped)
    assert target.snapshot() == before
    # Importing into the source itself adds nothing either.
    report = import_file(out, source.store, source.images, source.personas)
    assert report.conversations_added == []


def test_a_changed_chat_is_added_not_merged(
    source: DataDir, target: DataDir, tmp_path: Path
) -> None:
    out = tmp_path / "chats.json"
    export_json(out, source.store, source.images, source.personas)
    import_file(out, target.store, target.images, target.personas)
    poems = next(c for c in source.store.list_conversations() if c.title == "Poems")
    source.store.add_message(poems.id, "user", "One more?")
    export_json(out, source.store, source.images, source.personas)
    report = import_file(out, target.store, target.images, target.personas)
    assert report.conversations_added == ["Poems"]
    assert len(target.store.list_conversations()) == 4


def rewrite_export(path: Path, change: Any, *, fix_checksum: bool) -> None:
    payload = json.loads(path.read_text(encoding="utf-8"))
    change(payload)
    if fix_checksum:
        payload["checksum"] = checksum(payload)
    path.write_text(json.dumps(payload), encoding="utf-8")


def set_content(payload: dict[str, Any]) -> None:
    payload["conversations"][0]["messages"][1]["content"] = "Something else entirely"


def swap_image(payload: dict[str, Any]) -> None:
    sha = next(iter(payload["images"]))
    payload["images"][sha] = base64.b64encode(png((1, 2, 3))).decode()


def drop_image(payload: dict[str, Any]) -> None:
    payload["images"].pop(next(iter(payload["images"])))


def bad_role(payload: dict[str, Any]) -> None:
    payload["conversations"][0]["messages"][0]["role"] = "tool"


def content_not_text(payload: dict[str, Any]) -> None:
    payload["conversations"][0]["messages"][0]["content"] = {"x": 1}


def newer_version(payload: dict[str, Any]) -> None:
    payload["version"] = VERSION + 1


def parent_after_child(payload: dict[str, Any]) -> None:
    messages = payload["conversations"][0]["messages"]
    messages[0]["parent_id"] = messages[1]["id"]


def id_used_twice(payload: dict[str, Any]) -> None:
    messages = payload["conversations"][0]["messages"]
    messages[1]["id"] = messages[0]["id"]


def unknown_choice(payload: dict[str, Any]) -> None:
    payload["conversations"][0]["chosen"] = [123456789, [1]]


def parent_not_a_number(payload: dict[str, Any]) -> None:
    payload["conversations"][0]["messages"][1]["parent_id"] = {"id": 1}


def two_choices_at_one_fork(payload: dict[str, Any]) -> None:
    chat = payload["conversations"][0]
    parents = [m["parent_id"] for m in chat["messages"]]
    fork = next(p for p in parents if parents.count(p) > 1)
    chat["chosen"] = [m["id"] for m in chat["messages"] if m["parent_id"] == fork]


def not_an_image(payload: dict[str, Any]) -> None:
    data = b"MZ\x90\x00 not a picture"
    old = next(iter(payload["images"]))
    sha = hashlib.sha256(data).hexdigest()
    payload["images"][sha] = base64.b64encode(data).decode()
    payload["images"].pop(old)
    for chat in payload["conversations"]:
        for message in chat["messages"]:
            for a in message["attachments"]:
                if a.get("sha256") == old:
                    a["sha256"] = sha


def huge_title(payload: dict[str, Any]) -> None:
    payload["conversations"][0]["title"] = "x" * 5000


@pytest.mark.parametrize(
    ("change", "fix_checksum", "message"),
    [
        (set_content, False, "changed after it was exported"),
        (swap_image, True, "does not match its hash"),
        (drop_image, True, "image that is not in the file"),
        (bad_role, True, "role must be one of"),
        (content_not_text, True, "content must be text"),
        (newer_version, True, "made by a newer Hearth"),
        (not_an_image, True, "not a PNG or JPEG"),
        (huge_title, True, "title is too long"),
        (parent_after_child, True, "parent_id must name an earlier message"),
        (id_used_twice, True, "id must be a whole number, used once"),
        (parent_not_a_number, True, "parent_id must name an earlier message"),
        (unknown_choice, True, "chosen must be a list of the chat's message ids"),
        (two_choices_at_one_fork, True, "chosen names two versions of one message"),
    ],
)
def test_a_tampered_export_is_refused_and_nothing_changes(
    change: Any,
    fix_checksum: bool,
    message: str,
    source: DataDir,
    target: DataDir,
    tmp_path: Path,
) -> None:
    out = tmp_path / "chats.json"
    export_json(out, source.store, source.images, source.personas)
    rewrite_export(out, change, fix_checksum=fix_checksum)
    before = target.snapshot()
    with pytest.raises(StorageError, match=message) as info:
        import_file(out, target.store, target.images, target.personas)
    assert info.value.kind is StorageKind.TRANSFER
    assert "Nothing was imported" in info.value.message
    assert target.snapshot() == before


@pytest.mark.parametrize("keep", [0.2, 0.5, 0.99])
def test_a_truncated_export_is_refused_and_nothing_changes(
    keep: float, source: DataDir, target: DataDir, tmp_path: Path
) -> None:
    out = tmp_path / "chats.json"
    export_json(out, source.store, source.images, source.personas)
    raw = out.read_bytes()
    out.write_bytes(raw[: int(len(raw) * keep)])
    before = target.snapshot()
    with pytest.raises(StorageError, match="damaged or incomplete") as caught:
        import_file(out, target.store, target.images, target.personas)
    assert caught.value.kind is StorageKind.TRANSFER
    assert target.snapshot() == before


def test_other_files_are_refused_clearly(tmp_path: Path, target: DataDir) -> None:
    for name, data, message in [
        ("a.md", b"# Title\n\n## You\nhello", "damaged or incomplete"),
        ("b.json", b'{"hello": 1}', "not a Hearth chat export"),
        ("c.bin", b"\xff\xfe\x00\x01", "not UTF-8"),
    ]:
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(StorageError, match=message) as caught:
            read_export(path)
        assert caught.value.kind is StorageKind.TRANSFER
    with pytest.raises(StorageError, match="could not read") as caught:
        read_export(tmp_path / "missing.json")
    assert caught.value.kind is StorageKind.TRANSFER


def test_a_failure_while_saving_rolls_everything_back(
    source: DataDir, target: DataDir, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "chats.json"
    export_json(out, source.store, source.images, source.personas)
    before = target.snapshot()
    real_add = target.store.add_message
    calls = {"n": 0}

    def failing_add(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 4:
            raise OSError("disk full")
        return real_add(*args, **kwargs)

    monkeypatch.setattr(target.store, "add_message", failing_add)
    with pytest.raises(StorageError, match="removed again") as caught:
        import_file(out, target.store, target.images, target.personas)
    assert caught.value.kind is StorageKind.TRANSFER
    assert target.snapshot() == before
    assert PersonaLibrary.in_data_dir(target.root).find_by_name("Poet") is None


def test_persona_ids_that_clash_get_new_ids(
    source: DataDir, target: DataDir, tmp_path: Path
) -> None:
    poet = source.personas.find_by_name("Poet")
    assert poet is not None
    target.personas.add("Poet", "Something different.", persona_id=poet.id)
    out = tmp_path / "chats.json"
    export_json(out, source.store, source.images, source.personas)
    report = import_file(out, target.store, target.images, target.personas)
    assert report.personas_added == ["Poet (imported)"]
    imported = target.personas.find_by_name("Poet (imported)")
    assert imported is not None and imported.id != poet.id
    chat = next(c for c in target.store.list_conversations() if c.title == "Poems")
    assert chat.persona == imported.id
    assert target.personas.get(poet.id).prompt == "Something different."  # type: ignore[union-attr]


def test_missing_pictures_are_noted_not_fatal(
    source: DataDir, target: DataDir, tmp_path: Path
) -> None:
    source.images.delete(hashlib.sha256(png((0, 0, 200), (5, 5))).hexdigest())
    out = tmp_path / "chats.json"
    export_json(out, source.store, source.images, source.personas)
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert len(payload["missing_images"]) == 1
    report = import_file(out, target.store, target.images, target.personas)
    assert any("already missing when exported" in str(s) for s in report.skipped)
    assert target.snapshot()[0] == source.snapshot()[0]


def test_markdown_export_is_readable_and_links_pictures(source: DataDir, tmp_path: Path) -> None:
    out = tmp_path / "chats.md"
    assert export_markdown(out, source.store, source.images, source.personas) == 3
    text = out.read_text(encoding="utf-8")
    assert "# Trip to Kyoto 京都" in text
    assert "## You" in text and "## Assistant (interrupted)" in text
    assert "persona Pirate" in text
    assert "> Be brief." in text
    assert "*Error: Ollama stopped.*" in text
    links = [line for line in text.splitlines() if line.startswith("![")]
    assert len(links) == 3
    for link in links:
        target = tmp_path / link.split("](")[1].rstrip(")")
        assert target.exists() and target.read_bytes().startswith(b"\x89PNG")
    assert text.index("Trip to Kyoto") < text.index("# Poems")


def test_versions_and_their_choices_survive_export_and_import(
    source: DataDir, target: DataDir, tmp_path: Path
) -> None:
    trip = next(c for c in source.store.list_conversations() if c.title.startswith("Trip"))
    first_question = source.store.active_path(trip.id)[0]
    edited = source.store.add_message(trip.id, "user", "What colour is it?", parent_id=None)
    source.store.add_message(trip.id, "assistant", "Red.", parent_id=edited.id)
    source.store.select_message(first_question.id)  # back: the later fork keeps its choice
    out = tmp_path / "chats.json"
    export_json(out, source.store, source.images, source.personas, [trip.id])
    chat = json.loads(out.read_text(encoding="utf-8"))["conversations"][0]
    assert all("id" in m and "parent_id" in m for m in chat["messages"])
    assert len(chat["chosen"]) == 2
    import_file(out, target.store, target.images, target.personas)
    (copy,) = target.store.list_conversations()
    path = [m.content for m in target.store.active_path(copy.id)]
    assert path == [m.content for m in source.store.active_path(trip.id)]
    assert path[-1] == "Blue and red"  # the older answer, as chosen
    assert target.snapshot()[0] == [s for s in source.snapshot()[0] if s[0] == trip.title]
    other = target.store.tree(copy.id).versions(target.store.active_path(copy.id)[0].id)
    assert [m.content for m in other][-1] == "What colour is it?"
    assert target.store.integrity_check()


def test_an_export_of_the_first_format_still_imports(target: DataDir, tmp_path: Path) -> None:
    """Version 1 files (before versions) hold each chat as one line of messages."""
    chat = {
        "id": "0" * 32,
        "title": "Old chat",
        "model": "llama3.2",
        "system_prompt": None,
        "persona": None,
        "created_at": 1.0,
        "updated_at": 2.0,
        "messages": [
            {
                "role": role,
                "content": text,
                "status": "complete",
                "created_at": 1.5,
                "model": None,
                "stats": None,
                "error": None,
                "attachments": [],
            }
            for role, text in [("user", "Hello"), ("assistant", "Hi!"), ("user", "Bye")]
        ],
    }
    payload: dict[str, Any] = {
        "format": FORMAT,
        "version": 1,
        "exported_at": "2024-05-01T10:00:00+00:00",
        "app_version": "0.1.0",
        "personas": [],
        "images": {},
        "missing_images": [],
        "conversations": [chat],
    }
    payload["checksum"] = checksum(payload)
    out = tmp_path / "old.json"
    out.write_text(json.dumps(payload), encoding="utf-8")
    report = import_file(out, target.store, target.images, target.personas)
    assert report.messages_added == 3
    (imported,) = target.store.list_conversations()
    messages = target.store.messages(imported.id)
    assert [m.parent_id for m in messages] == [None, messages[0].id, messages[1].id]
    assert target.store.active_path(imported.id) == messages
    assert import_file(out, target.store, target.images, target.personas).skipped


def test_markdown_export_shows_the_chosen_versions(source: DataDir, tmp_path: Path) -> None:
    out = tmp_path / "chats.md"
    export_markdown(out, source.store, source.images, source.personas)
    text = out.read_text(encoding="utf-8")
    assert "Blue and red" in text
    assert "Blue and red, arr." not in text  # the version not chosen
