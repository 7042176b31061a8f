"""Choosing the model for a chat, with each model's capabilities in view."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from agents.llm import ModelInfo
from agents.llm.models import canonical
from app.widgets.compact_combo import CompactCombo
from app.wording import worded

NAME_ROLE = Qt.ItemDataRole.UserRole
PULL_ITEM = "__pull__"
MANAGE_ITEM = "__manage__"


class ModelPicker(CompactCombo):
    """Lists pulled models as ``name — chat, tools``; the last items offer a pull and
    the Models dialog.

    Signals:
        modelChosen(str): the person picked a model.
        pullRequested(): the person picked "Download a model…".
        manageRequested(): the person picked "Manage models…".
    """

    modelChosen = Signal(str)
    pullRequested = Signal()
    manageRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(15, parent)
        self.setObjectName("modelPicker")
        self.setToolTip(self.tr("The model that answers in this chat"))
        self.setAccessibleName(self.tr("Model"))
        self._models: list[ModelInfo] = []
        self._current = ""
        self._known = True
        self.activated.connect(self._on_activated)
        self.set_models([], "")

    @property
    def current_model(self) -> str:
        """The chosen model's name."""
        return self._current

    def set_models(self, models: Sequence[ModelInfo], current: str, known: bool = True) -> None:
        """Fills the list; a chosen model that isn't listed is still shown, marked.

        Args:
            models: The pulled models, as the server last listed them.
            current: The chat's model.
            known: Whether the server could be asked: when it can't, a model missing from
                the list is not called "not downloaded".
        """
        self._models = [m for m in models if m.supports("completion")]
        self._current = current
        self._known = known
        self.blockSignals(True)
        self.clear()
        names = [m.name for m in self._models]
        for model in self._models:
            self.addItem(f"{model.name} — {worded(model.capability_words)}", model.name)
            self.setItemData(self.count() - 1, self._details(model), Qt.ItemDataRole.ToolTipRole)
        if current and canonical(current) not in names:
            mark = self.tr("{0} — not downloaded") if known else self.tr("{0} — Ollama unreachable")
            self.addItem(mark.format(current), current)
        self.insertSeparator(self.count())
        self.addItem(self.tr("Download a model…"), PULL_ITEM)
        self.addItem(self.tr("Manage models…"), MANAGE_ITEM)
        index = self.findData(canonical(current)) if current else -1
        if index < 0 and current:
            index = self.findData(current)
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)

    def _details(self, model: ModelInfo) -> str:
        parts = [model.name, self.tr("can: {0}").format(worded(model.capability_words))]
        if model.parameter_size:
            parts.append(self.tr("size: {0}").format(model.parameter_size))
        if model.context_length:
            parts.append(self.tr("context: {0} tokens").format(model.context_length))
        return "\n".join(parts)

    def _on_activated(self, index: int) -> None:
        data = self.itemData(index)
        if data in (PULL_ITEM, MANAGE_ITEM):
            self.set_models(self._models, self._current, self._known)
            (self.pullRequested if data == PULL_ITEM else self.manageRequested).emit()
        elif data:
            self._current = str(data)
            self.modelChosen.emit(self._current)
