"""The settings dialog, built from the one settings schema (agents.settings.Settings)."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from agents.settings import ENVIRONMENT, Settings
from app.widgets.dialog_buttons import ok_cancel
from app.wording import worded

# Settings edited elsewhere or not meant for this form.
HIDDEN = {"model_num_ctx", "calendar"}
# Marked for translation here (lupdate can't see through a variable); shown with self.tr.
LABELS = {
    "ollama_host": QT_TRANSLATE_NOOP("SettingsDialog", "Ollama server"),
    "allow_remote_ollama": QT_TRANSLATE_NOOP("SettingsDialog", "Allow remote Ollama"),
    "chat_model": QT_TRANSLATE_NOOP("SettingsDialog", "Chat model"),
    "fast_model": QT_TRANSLATE_NOOP("SettingsDialog", "Fast model"),
    "vision_model": QT_TRANSLATE_NOOP("SettingsDialog", "Vision model"),
    "embed_model": QT_TRANSLATE_NOOP("SettingsDialog", "Embedding model"),
    "guard_model": QT_TRANSLATE_NOOP("SettingsDialog", "Safety model"),
    "guard_enabled": QT_TRANSLATE_NOOP("SettingsDialog", "Check with Llama Guard"),
    "num_ctx": QT_TRANSLATE_NOOP("SettingsDialog", "Context window (tokens)"),
    "keep_alive": QT_TRANSLATE_NOOP("SettingsDialog", "Keep model loaded for"),
    "connect_timeout": QT_TRANSLATE_NOOP("SettingsDialog", "Connect timeout (s)"),
    "read_timeout": QT_TRANSLATE_NOOP("SettingsDialog", "Answer timeout (s)"),
    "temperature": QT_TRANSLATE_NOOP("SettingsDialog", "Temperature"),
    "reasoning": QT_TRANSLATE_NOOP("SettingsDialog", "Show thinking models' reasoning"),
    "system_prompt": QT_TRANSLATE_NOOP("SettingsDialog", "System prompt for new chats"),
    "warm_up": QT_TRANSLATE_NOOP("SettingsDialog", "Load the chat model at start"),
    "documents_chroma_server": QT_TRANSLATE_NOOP("SettingsDialog", "Shared documents server"),
    "documents_retrieval": QT_TRANSLATE_NOOP("SettingsDialog", "Passage search"),
    "documents_top_k": QT_TRANSLATE_NOOP("SettingsDialog", "Sources per answer"),
    "documents_summary_max_ctx": QT_TRANSLATE_NOOP("SettingsDialog", "Summary context limit"),
    "documents_max_file_bytes": QT_TRANSLATE_NOOP("SettingsDialog", "Largest document (bytes)"),
    "documents_max_pages": QT_TRANSLATE_NOOP("SettingsDialog", "Most pages per document"),
    "documents_max_chars": QT_TRANSLATE_NOOP("SettingsDialog", "Most characters per document"),
    "documents_max_unpacked_bytes": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Largest unpacked Word file (bytes)"
    ),
    "documents_parse_seconds": QT_TRANSLATE_NOOP("SettingsDialog", "Reading time limit (s)"),
    "documents_chunk_chars": QT_TRANSLATE_NOOP("SettingsDialog", "Passage length (characters)"),
    "documents_chunk_overlap": QT_TRANSLATE_NOOP("SettingsDialog", "Passage overlap (characters)"),
    "documents_embed_batch": QT_TRANSLATE_NOOP("SettingsDialog", "Passages per embedding request"),
    "documents_min_similarity": QT_TRANSLATE_NOOP("SettingsDialog", "Least similarity of a source"),
    "appearance": QT_TRANSLATE_NOOP("SettingsDialog", "Colours"),
}
# How each choice of a setting with choices reads (a choice not named here shows as is).
CHOICE_LABELS = {
    "system": QT_TRANSLATE_NOOP("SettingsDialog", "As the system"),
    "light": QT_TRANSLATE_NOOP("SettingsDialog", "Light"),
    "dark": QT_TRANSLATE_NOOP("SettingsDialog", "Dark"),
}
SPINBOX_MAX = 2**31 - 1  # a QSpinBox holds a 32-bit int; bigger ranges use a double box


class SettingsDialog(QDialog):
    """One row per setting, with its description as the tooltip; OK returns new settings.

    Args:
        settings: The settings in force.
        parent: The Qt parent.
        overridden: Settings the environment set for this run (each gets a note).
    """

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        overridden: Collection[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        self._original = settings
        self._editors: dict[str, QWidget] = {}
        form = QFormLayout()
        docs = {name: worded(doc) for name, doc in Settings.docs().items()}
        for field in dataclasses.fields(Settings):
            if field.name in HIDDEN:
                continue
            editor = self._editor(field.name, getattr(settings, field.name), field.metadata)
            editor.setObjectName(f"setting_{field.name}")
            label = QLabel(self.tr(str(LABELS.get(field.name, field.name))))
            label.setBuddy(editor)
            for widget in (label, editor):
                widget.setToolTip(docs.get(field.name, ""))
            editor.setAccessibleName(label.text())
            editor.setAccessibleDescription(docs.get(field.name, ""))
            self._editors[field.name] = editor
            if field.name in overridden:
                editor = self._with_environment_note(field.name, editor)
            form.addRow(label, editor)
        body = QWidget()
        body.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        note = QLabel(
            self.tr(
                "Hearth talks only to the Ollama server named here. A server on another "
                "computer needs “Allow remote Ollama”."
            )
        )
        note.setWordWrap(True)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    def _with_environment_note(self, name: str, editor: QWidget) -> QWidget:
        """The editor over a plain-text note: the environment set this for this run."""
        note = QLabel(
            self.tr("Set by {0} for this run only; saved only if you change it.").format(
                ENVIRONMENT.get(name, "the environment")
            )
        )
        note.setObjectName(f"environment_{name}")
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(editor)
        layout.addWidget(note)
        return box

    def _editor(self, name: str, value: Any, meta: Any) -> QWidget:
        if meta.get("choices"):
            combo = QComboBox()
            for choice in meta["choices"]:
                combo.addItem(self.tr(str(CHOICE_LABELS.get(choice, choice))), choice)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            return combo
        if isinstance(value, bool):
            box = QCheckBox()
            box.setChecked(value)
            return box
        if isinstance(value, int):
            low, high = int(meta.get("low") or 0), int(meta.get("high") or 1_000_000)
            if high > SPINBOX_MAX:  # byte sizes: whole numbers in a double box, MB steps
                whole = QDoubleSpinBox()
                whole.setDecimals(0)
                whole.setRange(low, high)
                whole.setSingleStep(2**20)
                whole.setGroupSeparatorShown(True)
                whole.setValue(value)
                return whole
            spin = QSpinBox()
            spin.setRange(low, high)
            spin.setSingleStep(1024 if value >= 2048 else 1)
            spin.setGroupSeparatorShown(True)
            spin.setValue(value)
            return spin
        if isinstance(value, float) or name == "temperature":
            dspin = QDoubleSpinBox()
            if name == "temperature":
                dspin.setRange(-0.1, 2.0)
                dspin.setSingleStep(0.1)
                dspin.setSpecialValueText(self.tr("model default"))
                dspin.setValue(-0.1 if value is None else float(value))
            else:
                top = float(meta.get("high") or 1e6)
                dspin.setRange(float(meta.get("low") or 0.0), top)
                dspin.setSingleStep(0.05 if top <= 1 else 1.0)
                dspin.setValue(float(value))
            return dspin
        if name == "system_prompt":
            text = QPlainTextEdit(str(value))
            text.setFixedHeight(90)
            return text
        return QLineEdit(str(value))

    def values(self) -> Settings:
        """The settings as edited."""
        changes: dict[str, Any] = {}
        for name, editor in self._editors.items():
            if isinstance(editor, QCheckBox):
                changes[name] = editor.isChecked()
            elif isinstance(editor, QComboBox):
                changes[name] = editor.currentData()
            elif isinstance(editor, QSpinBox):
                changes[name] = editor.value()
            elif isinstance(editor, QDoubleSpinBox):
                value = editor.value()
                if name == "temperature":
                    changes[name] = None if value < 0 else value
                elif isinstance(getattr(self._original, name), int):
                    changes[name] = round(value)
                else:
                    changes[name] = value
            elif isinstance(editor, QPlainTextEdit):
                changes[name] = editor.toPlainText().strip()
            elif isinstance(editor, QLineEdit):
                changes[name] = editor.text().strip() or getattr(Settings(), name)
        return dataclasses.replace(self._original, **changes)
