"""The persona library: defaults, editing, persistence, damaged files."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from agents.chat.personas import DEFAULT_PERSONAS, PersonaError, PersonaLibrary, personas_file


def test_a_new_library_has_the_defaults_including_a_pirate(tmp_path: Path) -> None:
    library = PersonaLibrary.in_data_dir(tmp_path)
    ids = [p.id for p in library.personas()]
    assert ids == ["assistant", "concise", "teacher", "coder", "translator", "pirate"]
    assert "pirate" in library.get("pirate").prompt.lower()  # type: ignore[union-attr]
    assert library.default().id == "assistant"
    assert all(p.builtin for p in library.personas())
    assert not personas_file(tmp_path).exists()  # nothing written until something changes


def test_add_rename_edit_delete_survive_a_reopen(tmp_path: Path) -> None:
    library = PersonaLibrary.in_data_dir(tmp_path)
    mine = library.add("Poet", "You answer in rhyming couplets.")
    assert not mine.builtin
    library.rename(mine.id, "  Bard  ")
    library.update("pirate", prompt="Talk like a pirate, briefly.")
    library.delete("teacher")
    again = PersonaLibrary.in_data_dir(tmp_path)
    assert again.get(mine.id).name == "Bard"  # type: ignore[union-attr]
    assert again.get("pirate").prompt == "Talk like a pirate, briefly."  # type: ignore[union-attr]
    assert again.get("teacher") is None
    assert not again.is_default("pirate")
    data = json.loads(personas_file(tmp_path).read_text(encoding="utf-8"))
    assert data["format"] == "hearth-personas" and data["version"] == 1


def test_restore_defaults_keeps_the_persons_own(tmp_path: Path) -> None:
    library = PersonaLibrary.in_data_dir(tmp_path)
    library.delete("pirate")
    library.update("concise", prompt="Be short.")
    mine = library.add("Pirate", "My own pirate.")
    library.restore_defaults()
    ids = [p.id for p in library.personas()]
    assert ids[: len(DEFAULT_PERSONAS)] == [p.id for p in DEFAULT_PERSONAS]
    assert library.is_default("concise") and library.is_default("pirate")
    kept = library.get(mine.id)
    assert kept is not None and kept.prompt == "My own pirate." and kept.name == "Pirate (mine)"


def test_bad_input_is_refused_with_a_reason(tmp_path: Path) -> None:
    library = PersonaLibrary.in_data_dir(tmp_path)
    with pytest.raises(PersonaError, match="needs a name"):
        library.add("  ", "x")
    with pytest.raises(PersonaError, match="system prompt"):
        library.add("Empty", "\n ")
    with pytest.raises(PersonaError, match="already a persona called"):
        library.add("pirate", "another")
    with pytest.raises(PersonaError, match="too long"):
        library.add("Long", "x" * 30_000)
    with pytest.raises(PersonaError, match="no longer exists"):
        library.rename("nope", "x")
    for persona in library.personas()[1:]:
        library.delete(persona.id)
    with pytest.raises(PersonaError, match="last persona"):
        library.delete(library.personas()[0].id)


def test_a_damaged_file_is_kept_aside_and_defaults_are_used(tmp_path: Path) -> None:
    personas_file(tmp_path).write_text('{"format": "hearth-personas", "version": 1, "perso')
    library = PersonaLibrary.in_data_dir(tmp_path)
    assert len(library.personas()) == len(DEFAULT_PERSONAS)
    assert len(list(tmp_path.glob("personas.json.bad-*"))) == 1


def test_concurrent_adds_lose_nothing(tmp_path: Path) -> None:
    library = PersonaLibrary.in_data_dir(tmp_path)

    def add(i: int) -> None:
        library.add(f"P{i}", f"prompt {i}")

    threads = [threading.Thread(target=add, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(PersonaLibrary.in_data_dir(tmp_path).personas()) == len(DEFAULT_PERSONAS) + 20
    assert not list(tmp_path.glob("*.tmp"))
