"""The settings dialog: built from the one schema, every number within its declared range."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QDoubleSpinBox, QLabel, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from agents.settings import Settings
from app.widgets.settings_dialog import HIDDEN, LABELS, SettingsDialog


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
