"""The Documents panel: indexed files with their state, add, re-index, remove, progress."""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agents.cancel import Progress
from agents.documents.index import SyncReport
from agents.documents.loaders import SUPPORTED_SUFFIXES
from agents.documents.manifest import FAILED, INDEXED, INDEXING, STALE, IndexedFile
from agents.printable import shown
from app import plain
from app.services.documents import DocumentsService
from app.widgets.documents_drop import document_paths
from app.widgets.job_bar import JobBar
from app.widgets.measure import TwoPartRow
from app.wording import lines, worded

PATH_ROLE = Qt.ItemDataRole.UserRole


class DocumentsPanel(QWidget):
    """Lists indexed files and drives indexing through a DocumentsService.

    Args:
        documents: The documents service (indexing runs in its worker process).
        parent: The Qt parent.

    Signals:
        summarizeRequested(object): the person asked to summarise a file (its path, a str).
    """

    summarizeRequested = Signal(object)  # a str path (not a Qt string: any file name)

    def __init__(self, documents: DocumentsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.documents = documents
        self._paths: list[str] = []  # the shown rows' paths, exactly
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Indexed documents"))
        self.tree.setHeaderLabels(
            [
                self.tr("File"),
                self.tr("State"),
                self.tr("Passages"),
                self.tr("Pages"),
                self.tr("Folder"),
            ]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # The names share the width; the folder takes what is left (both elide): the
        # table never scrolls sideways.
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemDoubleClicked.connect(
            lambda item, _column: self.summarizeRequested.emit(
                self._paths[int(item.data(0, PATH_ROLE))]
            )
        )
        self.add_files_button = QPushButton(self.tr("Add files…"))
        self.add_files_button.setToolTip(self.tr("Choose documents to index"))
        self.add_folder_button = QPushButton(self.tr("Add folder…"))
        self.add_folder_button.setToolTip(self.tr("Index every document in a folder"))
        self.reindex_button = QPushButton(self.tr("Re-index"))
        self.reindex_button.setToolTip(
            self.tr("Read changed files again and drop files that were deleted")
        )
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Take the selected documents out of the index"))
        self.summarize_button = QPushButton(self.tr("Summarize"))
        self.summarize_button.setToolTip(self.tr("Summarize the selected document in a chat"))
        self.job = JobBar()
        self.stop_button = self.job.stop_button
        self.rebuild_button = QPushButton(self.tr("Rebuild index"))
        self.rebuild_button.setToolTip(
            self.tr("Build a new index from your files; the old one stays where it was moved")
        )
        self.rebuild_button.setVisible(False)
        self.message = QLabel()
        plain.labels(self.message)  # file names are untrusted text
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # Adding on the left, what acts on the chosen files on the right (under it when
        # large text needs the room).
        buttons = TwoPartRow()
        for button in (self.add_files_button, self.add_folder_button, self.reindex_button):
            buttons.first.addWidget(button)
        buttons.second.addStretch(1)
        for button in (self.summarize_button, self.remove_button):
            buttons.second.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(buttons)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.job)
        layout.addWidget(self.message)
        layout.addWidget(self.rebuild_button)

        self.add_files_button.clicked.connect(self.choose_files)
        self.add_folder_button.clicked.connect(self.choose_folder)
        self.reindex_button.clicked.connect(self.reindex)
        self.remove_button.clicked.connect(self.remove_selected)
        self.summarize_button.clicked.connect(self._summarize_selected)
        self.stop_button.clicked.connect(documents.stop_indexing)
        self.rebuild_button.clicked.connect(self.rebuild)
        documents.filesChanged.connect(self.show_files)
        documents.indexingChanged.connect(self._on_indexing)
        documents.indexProgress.connect(self._on_progress)
        documents.indexFinished.connect(self._on_finished)
        documents.indexStopped.connect(self._on_stopped)
        documents.indexFailed.connect(self._on_failed)
        documents.rebuildOffered.connect(self._offer_rebuild)
        self._on_indexing(documents.indexing)
        self.show_files(documents.files)
        self.setAcceptDrops(True)
        documents.refresh()

    # -- drops -----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accepts files and folders Hearth can read."""
        if document_paths(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Indexes dropped files and folders."""
        paths = document_paths(event.mimeData().urls())
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    # -- actions ---------------------------------------------------------------------
    def add_paths(self, paths: list[Path]) -> None:
        """Indexes files or folders (also used for drops onto the panel)."""
        if paths and not self.documents.index_paths(paths):
            self.message.setText(self.tr("Indexing is already running; wait for it or stop it."))

    def choose_files(self) -> None:
        """Asks for files to add."""
        patterns = " ".join(f"*{s}" for s in sorted(SUPPORTED_SUFFIXES))
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add documents"), "", self.tr("Documents ({0})").replace("{0}", patterns)
        )
        self.add_paths([Path(n) for n in names])

    def choose_folder(self) -> None:
        """Asks for a folder to add."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a folder of documents"))
        if folder:
            self.add_paths([Path(folder)])

    def reindex(self) -> None:
        """Re-indexes the selected files, or every file when none is selected."""
        selected = self.selected_paths()
        if selected:
            self.add_paths([Path(p) for p in selected])
        elif not self.documents.reindex_all():
            self.message.setText(self.tr("Indexing is already running; wait for it or stop it."))

    def rebuild(self) -> None:
        """Builds a new index from the known files (offered after it was moved aside)."""
        if self.documents.rebuild():
            self.rebuild_button.setVisible(False)
        else:
            self.message.setText(self.tr("Indexing is already running; wait for it or cancel it."))

    def remove_selected(self) -> None:
        """Removes the selected files from the index (the files themselves stay)."""
        selected = self.selected_paths()
        if selected:
            self.documents.remove(selected)

    def selected_paths(self) -> list[str]:
        """Paths of the selected rows (exactly as the index knows them)."""
        return [self._paths[int(item.data(0, PATH_ROLE))] for item in self.tree.selectedItems()]

    def _summarize_selected(self) -> None:
        selected = self.selected_paths()
        if selected:
            self.summarizeRequested.emit(selected[0])

    # -- view ------------------------------------------------------------------------
    def show_files(self, files: list[IndexedFile]) -> None:
        """Shows the indexed files."""
        chosen = set(self.selected_paths())
        self.tree.clear()
        # Qt strings can't hold a name that isn't valid UTF-8: rows keep an index into this
        # list of exact paths, and show the names escaped.
        self._paths = [f.path for f in files]
        for row, f in enumerate(files):
            path = Path(f.path)
            item = QTreeWidgetItem(
                [
                    shown(path.name),
                    self._state(f),
                    str(f.chunks),
                    str(f.pages or ""),
                    shown(str(path.parent)),
                ]
            )
            item.setData(0, PATH_ROLE, row)
            when = (
                datetime.datetime.fromtimestamp(f.indexed_at).strftime("%Y-%m-%d %H:%M")
                if f.indexed_at
                else ""
            )
            text = (
                shown(f.path)
                + (f"\n{when}" if when else "")
                + (f"\n{worded(f.problem)}" if f.error else "")
            )
            for column in range(5):
                item.setToolTip(column, plain.tip(text))
            self.tree.addTopLevelItem(item)
            item.setSelected(f.path in chosen)
        self._update_buttons()

    def _state(self, f: IndexedFile) -> str:
        if f.status == INDEXED:
            return self.tr("Indexed")
        if f.status == FAILED:
            return self.tr("Old version kept: can't read") if f.chunks else self.tr("Can't read")
        if f.status in {STALE, INDEXING}:
            return self.tr("Needs re-indexing")
        return f.status

    def _update_buttons(self) -> None:
        busy = self.documents.indexing
        has_selection = bool(self.tree.selectedItems())
        self.remove_button.setEnabled(has_selection)
        self.summarize_button.setEnabled(len(self.tree.selectedItems()) == 1)
        self.reindex_button.setEnabled(not busy and self.tree.topLevelItemCount() > 0)
        self.add_files_button.setEnabled(not busy)
        self.add_folder_button.setEnabled(not busy)

    def _on_indexing(self, running: bool) -> None:
        self.job.set_running(running)
        if running:
            self.message.setText(self.tr("Starting the indexer…"))
        self._update_buttons()

    def _on_progress(self, done: int, total: int, chunks: int, path: str) -> None:
        self.job.set_progress(Progress(done=done, total=total))
        name = shown(Path(path).name) if path else ""
        self.message.setText(
            self.tr("{0} of {1} files, {2} passages {3}")
            .replace("{0}", str(done))
            .replace("{1}", str(total))
            .replace("{2}", str(chunks))
            .replace("{3}", f"— {name}" if name else "")
        )

    def _on_finished(self, report: SyncReport) -> None:
        text = (
            self.tr("{0} indexed, {1} unchanged, {2} removed, {3} can't be read.")
            .replace("{0}", str(len(report.indexed)))
            .replace("{1}", str(len(report.unchanged)))
            .replace("{2}", str(len(report.removed)))
            .replace("{3}", str(len(report.failed)))
        )
        if report.skipped:
            text += " " + self.tr("{0} skipped.").replace("{0}", str(len(report.skipped)))
        if report.cancelled:
            text = self.tr("Stopped. ") + text
        notes = [message for _path, message in report.failed + report.skipped]
        if notes:
            text += "\n" + lines(notes[:5])
        self.message.setText(text)

    def _on_stopped(self, done: int, total: int) -> None:
        if not total:
            self.message.setText(self.tr("Stopped before any file was read; nothing changed."))
            return
        self.message.setText(
            self.tr(
                "Stopped after {0} of {1} files. Files finished before the stop stay "
                "indexed; the rest are as they were."
            )
            .replace("{0}", str(done))
            .replace("{1}", str(total))
        )

    def _on_failed(self, message: str) -> None:
        self.message.setText(message)

    def _offer_rebuild(self, message: str) -> None:
        self.message.setText(message)
        self.rebuild_button.setVisible(True)
        self.rebuild_button.setEnabled(not self.documents.indexing)
