"""The downloaded models: what each is and can do, which are in memory now, and
removing or unloading one (each asked first, done off the GUI thread)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agents.errors import HearthError
from agents.llm import ModelInfo, OllamaService
from agents.llm.models import LoadedModel, same_model
from app import plain
from app.services.jobs import JobSlot
from app.widgets.pull_dialog import human_size
from app.wording import worded

NAME_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class ModelList:
    """What the dialog shows: the downloaded models, and those in memory now."""

    models: Sequence[ModelInfo]
    loaded: Sequence[LoadedModel]

    def in_memory(self, name: str) -> LoadedModel | None:
        """The model as it is loaded now, if it is."""
        return next((m for m in self.loaded if same_model(m.name, name)), None)

    @classmethod
    def read(cls, service: OllamaService) -> ModelList:
        """Asks Ollama (/api/tags, /api/show, /api/ps); raises LLMError."""
        return cls(service.list_models(), service.loaded())


class ModelsDialog(QDialog):
    """Lists the downloaded models with Remove and Unload; non-modal.

    Args:
        service: The Ollama door.
        current: The model to select once listed (the open chat's).
        parent: The Qt parent.

    Signals:
        modelsChanged(): a model was removed (the window lists its models again).
    """

    modelsChanged = Signal()

    def __init__(
        self, service: OllamaService, current: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Models"))
        self.setMinimumSize(760, 360)
        self.service = service
        self.listing = ModelList((), ())
        self._changed = False  # a removal was asked for since the last listing
        self._wanted = current  # selected once the first listing arrives
        headers = [
            self.tr("Model"),
            self.tr("Size"),
            self.tr("Family"),
            self.tr("Quantisation"),
            self.tr("Can"),
            self.tr("In memory"),
        ]
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName("modelsTable")
        self.table.setAccessibleName(self.tr("Pulled models"))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.status = QLabel()
        plain.labels(self.status)
        self.status.setWordWrap(True)
        self.unload_button = QPushButton(self.tr("Unload…"))
        self.unload_button.setToolTip(self.tr("Free the memory the model holds now"))
        self.unload_button.clicked.connect(self.unload_selected)
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.remove_button.setToolTip(self.tr("Delete the model from this computer"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        actions = QHBoxLayout()
        for button in (self.unload_button, self.remove_button, self.refresh_button):
            actions.addWidget(button)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        actions.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(actions)
        self._job = JobSlot(translate=service.error, parent=self)
        self._job.returned.connect(self._show)
        self._job.failed.connect(self._on_failed)
        self._job.busyChanged.connect(lambda _busy: self._update_buttons())
        self.refresh()

    # -- what is listed ----------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """Whether Ollama is being asked something."""
        return self._job.busy

    def selected(self) -> str | None:
        """The selected model's name."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return str(item.data(NAME_ROLE)) if item is not None else None

    def select(self, name: str) -> None:
        """Selects a model's row (nothing if it isn't listed)."""
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and same_model(str(item.data(NAME_ROLE)), name):
                self.table.selectRow(row)
                return

    def refresh(self) -> None:
        """Lists the models again."""
        self._run(None, self.tr("Reading the models…"))

    def _show(self, listing: ModelList) -> None:
        wanted, self._wanted = self.selected() or self._wanted, ""
        self.listing = listing
        self.table.setRowCount(len(listing.models))
        for row, model in enumerate(listing.models):
            loaded = listing.in_memory(model.name)
            cells = (
                model.name,
                human_size(model.size) if model.size else "",
                model.family,
                model.quantization,
                worded(model.capability_words),
                human_size(loaded.size) if loaded is not None else "—",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(NAME_ROLE, model.name)
                if column == len(cells) - 1 and loaded is not None:
                    item.setToolTip(plain.tip(self._memory(loaded)))
                self.table.setItem(row, column, item)
        if wanted:
            self.select(wanted)
        count = len(listing.loaded)
        self.status.setText(
            self.tr("%n model(s) downloaded", "", len(listing.models))
            + " · "
            + self.tr("%n in memory", "", count)
        )
        self._update_buttons()
        self._announce()

    def _memory(self, loaded: LoadedModel) -> str:
        """How a loaded model sits in memory: on the graphics card, its context, until when."""
        parts = []
        if loaded.size:
            share = round(100 * loaded.size_vram / loaded.size)
            parts.append(self.tr("{0}% on the graphics card").format(share))
        if loaded.context_length:
            parts.append(self.tr("context: {0} tokens").format(loaded.context_length))
        if loaded.expires_at is not None:
            until = loaded.expires_at.astimezone()
            if until.year < 2200:  # "forever" is a date centuries away
                parts.append(self.tr("unloads at {0}").format(until.strftime("%H:%M")))
        return "\n".join(parts)

    def _update_buttons(self) -> None:
        name = self.selected()
        idle = not self.busy
        self.remove_button.setEnabled(idle and name is not None)
        self.unload_button.setEnabled(
            idle and name is not None and self.listing.in_memory(name) is not None
        )
        self.refresh_button.setEnabled(idle)

    # -- actions -----------------------------------------------------------------------
    def remove_selected(self) -> None:
        """Deletes the selected model from the computer, once the person agrees."""
        name = self.selected()
        if name is None or self.busy:
            return
        question = self.tr(
            "Remove {0} from this computer? To use it again, you will have to download it again."
        ).format(name)
        info = next((m for m in self.listing.models if m.name == name), None)
        if info is not None and info.size:
            question += "\n\n" + self.tr("It frees {0} of disk space.").format(
                human_size(info.size)
            )
        if self._confirm(self.tr("Remove {0}?").format(name), question):
            self._changed = True
            self._run(lambda: self.service.remove(name), self.tr("Removing {0}…").format(name))

    def unload_selected(self) -> None:
        """Frees the memory the selected model holds, once the person agrees."""
        name = self.selected()
        loaded = self.listing.in_memory(name) if name is not None else None
        if name is None or loaded is None or self.busy:
            return
        question = self.tr(
            "Unload {0} from memory? It frees {1}; the model loads again, which takes a "
            "moment, the next time it answers."
        ).format(name, human_size(loaded.size))
        if self._confirm(self.tr("Unload {0}?").format(name), question):
            self._run(lambda: self.service.unload(name), self.tr("Unloading {0}…").format(name))

    def _confirm(self, title: str, question: str) -> bool:
        answer = plain.ask(
            self,
            title,
            question,
            plain.Button.Yes | plain.Button.Cancel,
            plain.Button.Cancel,
        )
        return answer == plain.Button.Yes

    def _run(self, action: Callable[[], None] | None, note: str) -> None:
        """Does ``action`` (if any) off the GUI thread, then lists the models again."""
        service = self.service

        def work() -> ModelList:
            if action is not None:
                action()
            return ModelList.read(service)

        self.status.setText(note)
        self._job.call(work)

    def _on_failed(self, error: HearthError) -> None:
        self.status.setText(worded(error))
        self._update_buttons()
        self._announce()

    def _announce(self) -> None:
        """Tells the window once a removal went to Ollama, whatever came of it."""
        if self._changed:
            self._changed = False
            self.modelsChanged.emit()
