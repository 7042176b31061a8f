"""Chats that travel, from the window: export the open chat or all of them, import an export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from agents.storage.transfer import ImportReport
from app.services.writing import TransferService

if TYPE_CHECKING:
    from app.main_window import MainWindow


class TransferController(QObject):
    """Asks where, runs the export or import off the GUI thread, and says how it went.

    Args:
        window: The window (its store, images, personas, open chat and status bar).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.service = TransferService(window.store, window.image_store, window.personas, self)
        self.service.exported.connect(self._on_exported)
        self.service.imported.connect(self._on_imported)
        self.service.failed.connect(
            lambda message: QMessageBox.warning(window, self.tr("Hearth"), message)
        )

    def export_chats(self, fmt: str, everything: bool = False, path: Path | None = None) -> None:
        """Exports the open chat (or all) as Markdown (``md``) or JSON (``json``)."""
        current = self.window.chats.conversation_id
        if not everything and not current:
            return
        if path is None:
            suffix = "md" if fmt == "md" else "json"
            name, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Export chats"), f"hearth-chats.{suffix}", f"*.{suffix}"
            )
            if not name:
                return
            path = Path(name)
        self.service.export_to(path, fmt, None if everything else [current or ""])

    def import_chats(self, path: Path | None = None) -> None:
        """Imports chats from a Hearth JSON export; nothing existing is overwritten."""
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Import chats"), "", self.tr("Hearth export (*.json)")
            )
            if not name:
                return
            path = Path(name)
        self.service.import_from(path)

    def _on_exported(self, count: int, path: str) -> None:
        message = self.tr("Exported {0} chat(s) to {1}").format(count, path)
        self.window.statusBar().showMessage(message, 8000)

    def _on_imported(self, report: ImportReport) -> None:
        self.window.conversations.refresh()
        self.window.persona_picker.refresh()
        lines = [
            self.tr("Imported {0} chat(s) with {1} message(s).").format(
                len(report.conversations_added), report.messages_added
            )
        ]
        lines += [self.tr("Skipped: {0}").format(s) for s in report.skipped]
        QMessageBox.information(self.window, self.tr("Import finished"), "\n".join(lines))
