"""Downloading a model through Ollama, with a progress bar and Cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from agents.errors import HearthError
from agents.llm import OllamaService, PullProgress
from app import plain
from app.services.jobs import JobSlot
from app.wording import worded


def human_size(n: int) -> str:
    """A size in bytes as people read it: ``812 MB``, ``1.9 GB``."""
    units = ("B", "KB", "MB", "GB", "TB")
    size, unit = float(n), 0
    while size >= 1024 and unit < len(units) - 1:
        size /= 1024
        unit += 1
    return f"{size:.{1 if unit >= 3 else 0}f} {units[unit]}"


class PullDialog(QDialog):
    """Pulls a model and shows its progress; emits ``pulled`` on success.

    Args:
        service: The Ollama door.
        model: The model to download (editable before starting).
        start: Start at once (when the app offers a missing model).
    """

    pulled = Signal(str)

    def __init__(
        self,
        service: OllamaService,
        model: str = "",
        start: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Download a model"))
        self.setMinimumWidth(440)
        self.service = service
        self.name = QLineEdit(model)
        self.name.setPlaceholderText("llama3.2")
        self.name.setAccessibleName(self.tr("Model to download"))
        self.explain = QLabel(
            self.tr("Ollama downloads the model once; it then runs on this computer.")
        )
        self.explain.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.status = QLabel()
        plain.labels(self.status)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(
            self.tr("Download"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.name)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._download = JobSlot(translate=service.error, parent=self)
        self._download.item.connect(self._on_progress)
        self._download.returned.connect(self._on_done)
        self._download.failed.connect(self._on_failed)
        self.result_state = "idle"
        if start and model:
            self.start()

    def start(self) -> None:
        """Starts the download."""
        model = self.name.text().strip()
        if not model or self._download.busy:
            return
        self.name.setEnabled(False)
        self.start_button.setEnabled(False)
        self.status.setText(self.tr("Starting…"))
        self.result_state = "running"
        self._download.start(lambda cancel: self.service.pull(model, cancel))

    def _on_progress(self, step: PullProgress) -> None:
        fraction = step.fraction
        if fraction is not None:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(fraction * 1000))
            self.status.setText(
                f"{step.status} — {human_size(step.completed)} / {human_size(step.total)}"
            )
        else:
            self.status.setText(step.status)

    def _on_failed(self, error: HearthError) -> None:
        self.result_state = "failed"
        self.status.setText(self.tr("Download failed: {0}").format(worded(error)))
        self.status.setProperty("kind", "error")
        self.start_button.setEnabled(True)
        self.start_button.setText(self.tr("Try again"))
        self.name.setEnabled(True)

    def _on_done(self, _nothing: object) -> None:
        model = self.name.text().strip()
        self.result_state = "done"
        self.progress.setValue(1000)
        self.status.setText(self.tr("{0} is ready.").format(model))
        self.cancel_button.setText(self.tr("Close"))
        self.pulled.emit(model)
        self.accept()

    def reject(self) -> None:
        """Cancel stops a running download."""
        if self._download.busy:
            self._download.stop()
            self.result_state = "cancelled"
        super().reject()
