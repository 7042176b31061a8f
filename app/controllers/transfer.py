"""Chats that travel, from the window: export the open chat or all of them, import an export.

Exports carry images and can be large, so both run off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from agents.errors import HearthError
from agents.storage.transfer import ImportReport, export_json, export_markdown, import_file
from app import plain
from app.services.jobs import run_call
from app.wording import worded

if TYPE_CHECKING:
    from app.main_window import MainWindow


class TransferController(QObject):
    """Asks where, exports or imports off the GUI thread, and says how it went.

    Args:
        window: The window (its store, images, personas, open chat and status bar).

    Signals:
        exported(int, str): how many chats were written, and where.
        imported(object): the ImportReport (added, skipped).
        failed(str): what went wrong and what to do; nothing was changed.
    """

    exported = Signal(int, str)
    imported = Signal(object)
    failed = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.exported.connect(self._on_exported)
        self.imported.connect(self._on_imported)
        self.failed.connect(lambda message: plain.tell(window, self.tr("Hearth"), message))

    def export_chats(self, fmt: str, everything: bool = False, path: Path | None = None) -> None:
        """Exports the open chat (or all) as Markdown (``md``) or JSON (``json``)."""
        window = self.window
        current = window.chats.conversation_id
        if not everything and not current:
            return
        if path is None:
            suffix = "md" if fmt == "md" else "json"
            name, _ = QFileDialog.getSaveFileName(
                window, self.tr("Export chats"), f"hearth-chats.{suffix}", f"*.{suffix}"
            )
            if not name:
                return
            path = Path(name)
        target, chosen = path, None if everything else [current or ""]
        write = export_json if fmt == "json" else export_markdown

        def run() -> int:
            return write(target, window.store, window.image_store, window.personas, chosen)

        run_call(run, lambda count: self.exported.emit(int(count), str(target)), self._fail, self)

    def import_chats(self, path: Path | None = None) -> None:
        """Imports chats from a Hearth JSON export; nothing existing is overwritten."""
        window = self.window
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                window, self.tr("Import chats"), "", self.tr("Hearth export (*.json)")
            )
            if not name:
                return
            path = Path(name)
        source = path

        def run() -> ImportReport:
            return import_file(source, window.store, window.image_store, window.personas)

        run_call(run, self.imported.emit, self._fail, self)

    def _fail(self, error: HearthError) -> None:
        self.failed.emit(worded(error))

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
        lines += [self.tr("Skipped: {0}").format(worded(s)) for s in report.skipped]
        plain.tell(
            self.window,
            self.tr("Import finished"),
            "\n".join(lines),
            QMessageBox.Icon.Information,
        )
