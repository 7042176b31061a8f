"""Settings: one schema, defaults for anything missing, mistyped or damaged."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import replace
from pathlib import Path

import pytest

from agents import settings as settings_mod
from agents.settings import Settings


def test_mistyped_values_keep_their_defaults() -> None:
    loaded = Settings.from_dict(
        {"num_ctx": "big", "temperature": "hot", "read_timeout": 60, "guard_enabled": True}
    )
    assert loaded.num_ctx == Settings().num_ctx
    assert loaded.temperature is None
    assert loaded.read_timeout == 60.0
    assert loaded.guard_enabled is True
    assert Settings.from_dict({"temperature": 0.2}).temperature == 0.2


def test_damaged_files_are_kept_aside_each_under_its_own_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OLLAMA_HOST", raising=False)
    damaged = [b"{not json", b"[1, 2]", b"\xff\xfe garbage"]
    for content in damaged:
        (tmp_path / "settings.json").write_bytes(content)
        loaded = settings_mod.load(tmp_path)
        assert loaded.settings == Settings()
        (note,) = map(str, loaded.notes)
        assert "damaged" in note and "kept as settings.json.bad-" in note
    kept = sorted(tmp_path.glob("settings.json.bad-*"))
    assert sorted(p.read_bytes() for p in kept) == sorted(damaged)  # nothing overwritten
    assert not (tmp_path / "settings.json").exists()


def test_a_settings_file_that_is_no_file_is_kept_aside(tmp_path: Path) -> None:
    (tmp_path / "settings.json").mkdir()
    loaded = settings_mod.load(tmp_path)
    assert loaded.settings.chat_model == Settings().chat_model
    assert "damaged" in str(loaded.notes[0])
    assert len(list(tmp_path.glob("settings.json.bad-*"))) == 1


def test_values_not_taken_as_written_are_told() -> None:
    settings, said = Settings.parse({"num_ctx": 10**9, "temperature": "hot", "top_p": 0.5})
    notes = [str(note) for note in said]
    assert settings.num_ctx == 131072 or settings.num_ctx < 10**9
    assert len(notes) == 2
    assert any("num_ctx" in n and "outside" in n and "Settings" in n for n in notes)
    assert any("temperature" in n and "wrong kind" in n for n in notes)


def test_save_then_load_round_trips(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OLLAMA_HOST", raising=False)
    wanted = Settings(chat_model="llama3.2:1b", num_ctx=4096, guard_enabled=True)
    settings_mod.save(tmp_path, wanted)
    assert json.loads((tmp_path / "settings.json").read_text())["num_ctx"] == 4096
    assert settings_mod.load(tmp_path).settings == wanted


def test_environment_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OLLAMA_HOST", "127.0.0.1:9999")
    monkeypatch.setenv("HEARTH_ALLOW_REMOTE_OLLAMA", "1")
    loaded, overrides, _ = settings_mod.load(tmp_path)
    assert loaded.ollama_host == "127.0.0.1:9999" and loaded.allow_remote_ollama
    assert set(overrides.applied) == {"ollama_host", "allow_remote_ollama"}


def test_environment_overrides_are_never_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings_mod.save(tmp_path, Settings(ollama_host="http://127.0.0.1:11500"))
    monkeypatch.setenv("OLLAMA_HOST", "http://gpu-box.example:11434")
    monkeypatch.setenv("HEARTH_ALLOW_REMOTE_OLLAMA", "yes")
    loaded, overrides, _ = settings_mod.load(tmp_path)
    assert loaded.ollama_host == "http://gpu-box.example:11434" and loaded.allow_remote_ollama
    settings_mod.save(tmp_path, replace(loaded, chat_model="llama3.2:1b"), overrides)
    monkeypatch.delenv("OLLAMA_HOST")
    monkeypatch.delenv("HEARTH_ALLOW_REMOTE_OLLAMA")
    reloaded = settings_mod.load(tmp_path).settings
    assert reloaded.ollama_host == "http://127.0.0.1:11500"  # the file's own value
    assert not reloaded.allow_remote_ollama
    assert reloaded.chat_model == "llama3.2:1b"  # the person's change is kept


def test_a_field_changed_away_from_its_override_is_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OLLAMA_HOST", "http://127.0.0.1:9999")
    monkeypatch.delenv("HEARTH_ALLOW_REMOTE_OLLAMA", raising=False)
    loaded, overrides, _ = settings_mod.load(tmp_path)  # no file: the defaults underneath
    assert overrides.stored == {"ollama_host": Settings().ollama_host}
    chosen = replace(loaded, ollama_host="http://127.0.0.1:11600")
    settings_mod.save(tmp_path, chosen, overrides)
    assert overrides.still_applied(chosen) == settings_mod.Overrides()
    monkeypatch.delenv("OLLAMA_HOST")
    assert settings_mod.load(tmp_path).settings.ollama_host == "http://127.0.0.1:11600"


def test_numbers_outside_their_range_are_brought_within_it() -> None:
    settings = Settings.from_dict(
        {
            "documents_top_k": 7,
            "documents_chunk_overlap": -5,
            "documents_max_file_bytes": 2**40,
            "documents_min_similarity": 1.5,
            "num_ctx": 1024,
        }
    )
    assert settings.documents_top_k == 7
    assert settings.documents_chunk_overlap == 0
    assert settings.documents_max_file_bytes == 2**32
    assert settings.documents_min_similarity == 1.0
    assert settings.num_ctx == 2048


def test_every_number_has_a_range() -> None:
    for f in dataclasses.fields(Settings):
        default = getattr(Settings(), f.name)
        if f.name == "temperature" or (
            isinstance(default, int | float) and not isinstance(default, bool)
        ):
            low, high = f.metadata["low"], f.metadata["high"]
            assert low is not None and high is not None and low < high, f.name
            assert default is None or low <= default <= high, f.name


def test_every_setting_is_described() -> None:
    assert all(doc for doc in Settings.docs().values())
