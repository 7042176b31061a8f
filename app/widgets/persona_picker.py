"""Choosing a chat's persona (its system prompt) from the library."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from agents.chat.personas import PersonaLibrary
from app.widgets.compact_combo import CompactCombo
from app.wording import worded

EDIT_ITEM = "__edit_personas__"
CUSTOM_ITEM = "__custom__"


class PersonaPicker(CompactCombo):
    """Lists the personas; the last item opens the editor.

    A chat whose persona was deleted (or whose prompt was set by hand) shows a
    "Custom" entry, so the picker never claims a persona the chat doesn't use.

    Args:
        library: The persona library.

    Signals:
        personaChosen(str, str): the person picked a persona: its id and its prompt.
        editRequested(): the person picked "Edit personas…".
    """

    personaChosen = Signal(str, str)
    editRequested = Signal()

    def __init__(self, library: PersonaLibrary, parent: QWidget | None = None) -> None:
        super().__init__(12, parent)
        self.setObjectName("personaPicker")
        self.setToolTip(self.tr("The persona (system prompt) of this chat"))
        self.setAccessibleName(self.tr("Persona"))
        self.library = library
        self._current: str | None = None
        self.activated.connect(self._on_activated)
        self.refresh()

    @property
    def current_persona(self) -> str | None:
        """The id shown as chosen (None: a custom prompt)."""
        return self._current

    def refresh(self) -> None:
        """Re-reads the library (after the editor changed it)."""
        self.blockSignals(True)
        self.clear()
        for persona in self.library.personas():
            self.addItem(worded(persona.label), persona.id)
            self.setItemData(self.count() - 1, persona.prompt[:300], Qt.ItemDataRole.ToolTipRole)
        if self._current is None or self.library.get(self._current) is None:
            self.addItem(self.tr("Custom"), CUSTOM_ITEM)
        self.insertSeparator(self.count())
        self.addItem(self.tr("Edit personas…"), EDIT_ITEM)
        self._select(self._current)
        self.blockSignals(False)

    def set_current(self, persona_id: str | None) -> None:
        """Shows a chat's persona without emitting ``personaChosen``."""
        self._current = persona_id
        self.refresh()

    def _select(self, persona_id: str | None) -> None:
        index = self.findData(persona_id) if persona_id else -1
        if index < 0:
            index = self.findData(CUSTOM_ITEM)
        self.setCurrentIndex(index)

    def _on_activated(self, index: int) -> None:
        data = self.itemData(index)
        if data == EDIT_ITEM:
            self._select(self._current)
            self.editRequested.emit()
            return
        if data == CUSTOM_ITEM:
            return
        persona = self.library.get(str(data))
        if persona is None:
            self.refresh()
            return
        self._current = persona.id
        self.refresh()
        self.personaChosen.emit(persona.id, persona.prompt)
