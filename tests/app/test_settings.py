"""Settings in the window: the dialog built from the one schema, changes saved and applied
to every service at once."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDoubleSpinBox, QLabel, QLineEdit, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from agents import settings as settings_mod
from agents.settings import Loaded, Settings
from app.main_window import MainWindow
from app.services.settings import SettingsService
from app.widgets.settings_dialog import HIDDEN, LABELS, SettingsDialog
from tests.fakes import OllamaDouble


def _editor(dialog: SettingsDialog, name: str) -> QWidget:
    editor = dialog.findChild(QWidget, f"setting_{name}")
    assert editor is not None, name
    return editor


def test_unchanged_dialog_gives_back_the_same_settings(qtbot: QtBot) -> None:
    settings = Settings(documents_max_file_bytes=3 * 2**30, documents_min_similarity=0.35)
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.values() == settings
    assert isinstance(dialog.values().documents_max_file_bytes, int)


def test_every_setting_has_a_label_and_an_editor(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    shown = {f.name for f in dataclasses.fields(Settings)} - HIDDEN
    assert shown <= set(LABELS)
    for name in shown:
        _editor(dialog, name)
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    assert not shown & texts  # no raw field names


def test_numbers_stay_within_their_declared_ranges(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    for f in dataclasses.fields(Settings):
        editor = dialog.findChild(QWidget, f"setting_{f.name}")
        if f.name == "temperature" or not isinstance(editor, QSpinBox | QDoubleSpinBox):
            continue
        assert (editor.minimum(), editor.maximum()) == (f.metadata["low"], f.metadata["high"])
        editor.setValue(editor.maximum() + 1)
        assert getattr(dialog.values(), f.name) == f.metadata["high"]
    # A byte size beyond what a QSpinBox can hold (2^31 - 1) is edited exactly.
    size = _editor(dialog, "documents_max_unpacked_bytes")
    assert isinstance(size, QDoubleSpinBox) and size.decimals() == 0
    size.setValue(4_000_000_001)
    assert dialog.values().documents_max_unpacked_bytes == 4_000_000_001


def test_applied_settings_are_saved_and_announced_once(qtbot: QtBot, tmp_path: Path) -> None:
    service = SettingsService(tmp_path, Loaded(Settings()))
    new = Settings(chat_model="llama3.2:1b")
    announced: list[Settings] = []
    service.changed.connect(announced.append)
    service.apply(new)
    assert announced == [new] and service.settings == new
    saved = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert saved["chat_model"] == "llama3.2:1b"


def test_settings_that_cannot_be_saved_still_apply_and_say_why(
    qtbot: QtBot, tmp_path: Path
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    service = SettingsService(blocked, Loaded(Settings()))
    new = Settings(num_ctx=4096)
    with (
        qtbot.waitSignal(service.saveFailed) as failed,
        qtbot.waitSignal(service.changed) as changed,
    ):
        service.apply(new)
    assert "couldn't save the settings" in failed.args[0]
    assert "make the data folder writable" in failed.args[0]
    assert changed.args == [new] and service.settings == new


def test_a_change_reaches_the_server_check_and_the_document_index(
    qtbot: QtBot, window: MainWindow, data_root: Path, ollama_double: OllamaDouble
) -> None:
    client = window.documents.service.client
    checks = len(ollama_double.requests_to("/api/version"))
    new = dataclasses.replace(window.settings, documents_top_k=3, read_timeout=42.0)
    window.apply_settings(new)
    assert window.settings == new
    assert window.service.settings == new
    assert client.settings == new
    saved = json.loads((data_root / "settings.json").read_text(encoding="utf-8"))
    assert (saved["documents_top_k"], saved["read_timeout"]) == (3, 42.0)
    qtbot.waitUntil(lambda: len(ollama_double.requests_to("/api/version")) > checks)


def _edit_and_apply(qtbot: QtBot, service: SettingsService, name: str, text: str) -> Any:
    """Changes one text field in the dialog, applies the result and returns the saved file."""
    dialog = SettingsDialog(service.settings, overridden=service.overrides.applied)
    qtbot.addWidget(dialog)
    editor = _editor(dialog, name)
    assert isinstance(editor, QLineEdit)
    editor.setText(text)
    service.apply(dialog.values())
    return json.loads((service.data_dir / "settings.json").read_text(encoding="utf-8"))


def test_environment_overrides_are_noted_in_the_dialog_and_never_saved(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings_mod.save(tmp_path, Settings(ollama_host="http://127.0.0.1:11500"))
    monkeypatch.setenv("OLLAMA_HOST", "http://gpu-box.example:11434")
    monkeypatch.setenv("HEARTH_ALLOW_REMOTE_OLLAMA", "1")
    service = SettingsService(tmp_path, settings_mod.load(tmp_path))
    dialog = SettingsDialog(service.settings, overridden=service.overrides.applied)
    qtbot.addWidget(dialog)
    note = dialog.findChild(QLabel, "environment_ollama_host")
    assert note is not None and note.textFormat() == Qt.TextFormat.PlainText
    assert "OLLAMA_HOST" in note.text() and "this run" in note.text()
    assert dialog.findChild(QLabel, "environment_allow_remote_ollama") is not None
    assert dialog.findChild(QLabel, "environment_chat_model") is None

    saved = _edit_and_apply(qtbot, service, "chat_model", "llama3.2:1b")
    assert saved["chat_model"] == "llama3.2:1b"
    assert (saved["ollama_host"], saved["allow_remote_ollama"]) == ("http://127.0.0.1:11500", False)
    assert service.settings.ollama_host == "http://gpu-box.example:11434"  # still in force
    # Changed in the dialog to something else: that is the person's choice, and saved.
    saved = _edit_and_apply(qtbot, service, "ollama_host", "http://127.0.0.1:11600")
    assert saved["ollama_host"] == "http://127.0.0.1:11600"
    assert set(service.overrides.applied) == {"allow_remote_ollama"}


def test_a_damaged_settings_file_is_told_in_the_window_and_kept(
    qtbot: QtBot, tmp_path: Path, ollama_double: OllamaDouble, monkeypatch: pytest.MonkeyPatch
) -> None:
    from agents.llm import OllamaService
    from agents.storage import ChatStore

    monkeypatch.setenv("OLLAMA_HOST", ollama_double.url)
    (tmp_path / "settings.json").write_text('{"num_ctx": ', encoding="utf-8")
    loaded = settings_mod.load(tmp_path)
    with ChatStore.in_data_dir(tmp_path) as store:
        window = MainWindow(
            store,
            OllamaService(loaded.settings),
            data_dir=tmp_path,
            settings_service=SettingsService(tmp_path, loaded),
        )
        qtbot.addWidget(window)
        window.show()
        assert window.banner.isVisible() and window.banner.action == "settings"
        assert "damaged" in window.banner.label.text()
        assert "settings.json.bad-" in window.banner.label.text()
        opened: list[bool] = []
        monkeypatch.setattr(window, "open_settings", lambda: opened.append(True))
        window.banner.button.click()
        assert opened == [True] and not window.banner.isVisible()
    (kept,) = tmp_path.glob("settings.json.bad-*")
    assert kept.read_text(encoding="utf-8") == '{"num_ctx": '
