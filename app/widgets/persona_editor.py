"""The persona library editor: add, rename, edit, delete, restore the defaults."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agents.chat.personas import PersonaError, PersonaLibrary
from app import plain
from app.wording import worded

ID_ROLE = Qt.ItemDataRole.UserRole


class PersonaEditorDialog(QDialog):
    """Edits the persona library; every change is saved at once.

    Args:
        library: The persona library.
        confirm: Ask before deleting or restoring (tests turn it off).

    Signals:
        personasChanged(): the library changed (refresh pickers).
    """

    personasChanged = Signal()

    def __init__(
        self, library: PersonaLibrary, confirm: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("personaEditor")
        self.setWindowTitle(self.tr("Personas"))
        self.resize(760, 460)
        self.library = library
        self.confirm = confirm

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Personas"))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setPlaceholderText(self.tr("Name"))
        self.prompt = QPlainTextEdit()
        self.prompt.setPlaceholderText(self.tr("How should the assistant act? (system prompt)"))
        self.prompt.setAccessibleName(self.tr("System prompt"))
        self.message = QLabel()
        plain.labels(self.message)
        self.message.setWordWrap(True)
        self.add_button = QPushButton(self.tr("New"))
        self.save_button = QPushButton(self.tr("Save"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.restore_button = QPushButton(self.tr("Restore defaults"))
        close_button = QPushButton(self.tr("Close"))

        form = QVBoxLayout()
        form.addWidget(QLabel(self.tr("Name")))
        form.addWidget(self.name)
        form.addWidget(QLabel(self.tr("System prompt")))
        form.addWidget(self.prompt, 1)
        form.addWidget(self.message)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(form, 2)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.delete_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)

        self.list.currentItemChanged.connect(self._show_selected)
        self.add_button.clicked.connect(self.new_persona)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete_selected)
        self.restore_button.clicked.connect(self.restore_defaults)
        close_button.clicked.connect(self.accept)
        self._reload()

    # -- public API --------------------------------------------------------------------
    @property
    def selected_id(self) -> str | None:
        """The id of the persona being edited (None: a new one)."""
        item = self.list.currentItem()
        return str(item.data(ID_ROLE)) if item is not None and item.data(ID_ROLE) else None

    def new_persona(self) -> None:
        """Clears the form for a new persona."""
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
        self.name.setText("")
        self.prompt.setPlainText("")
        self.name.setFocus()
        self.message.setText(self.tr("Give the new persona a name and a prompt, then Save."))

    def save(self) -> None:
        """Saves the form: a new persona, or changes to the selected one."""
        try:
            selected = self.selected_id
            if selected is None:
                persona = self.library.add(self.name.text(), self.prompt.toPlainText())
            else:
                persona = self.library.update(
                    selected, name=self.name.text(), prompt=self.prompt.toPlainText()
                )
        except PersonaError as exc:
            self.message.setText(worded(exc))
            return
        self._reload(persona.id)
        self.message.setText(self.tr("Saved."))
        self.personasChanged.emit()

    def delete_selected(self) -> None:
        """Deletes the selected persona (after asking)."""
        selected = self.selected_id
        if selected is None:
            return
        persona = self.library.get(selected)
        if persona is None:
            return
        if self.confirm and not self._ask(
            self.tr("Delete the persona “{0}”? Chats that use it keep their prompt.").format(
                worded(persona.label)
            )
        ):
            return
        try:
            self.library.delete(selected)
        except PersonaError as exc:
            self.message.setText(worded(exc))
            return
        self._reload()
        self.message.setText(self.tr("Deleted."))
        self.personasChanged.emit()

    def restore_defaults(self) -> None:
        """Brings the built-in personas back as they shipped (your own ones stay)."""
        if self.confirm and not self._ask(
            self.tr("Restore the built-in personas to their original text? Your own stay.")
        ):
            return
        try:
            self.library.restore_defaults()
        except PersonaError as exc:
            self.message.setText(worded(exc))
            return
        self._reload(self.selected_id)
        self.message.setText(self.tr("Built-in personas restored."))
        self.personasChanged.emit()

    # -- internals -----------------------------------------------------------------------
    def _ask(self, question: str) -> bool:
        answer = plain.ask(self, self.tr("Personas"), question)
        return answer == QMessageBox.StandardButton.Yes

    def _reload(self, select: str | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        row = 0
        for i, persona in enumerate(self.library.personas()):
            label = worded(persona.label)
            if persona.builtin and not self.library.is_default(persona.id):
                label = self.tr("{0} (edited)").format(label)
            item = QListWidgetItem(label)
            item.setData(ID_ROLE, persona.id)
            self.list.addItem(item)
            if persona.id == select:
                row = i
        self.list.blockSignals(False)
        self.list.setCurrentRow(row)
        self._show_selected()

    def _show_selected(self) -> None:
        selected = self.selected_id
        persona = self.library.get(selected) if selected else None
        self.delete_button.setEnabled(persona is not None)
        if persona is not None:
            self.name.setText(persona.name)
            self.prompt.setPlainText(persona.prompt)
            self.message.setText("")
