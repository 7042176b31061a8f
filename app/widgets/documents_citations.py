"""Citations under a document answer: the numbered sources, the passage, and Open."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agents.documents.answer import Citation
from app import plain
from app.wording import worded

UrlOpener = Callable[[QUrl], bool]


def citation_url(citation: Citation) -> QUrl:
    """The file's URL; PDFs get ``#page=N``, which PDF viewers and browsers honour."""
    url = QUrl.fromLocalFile(citation.path)
    if citation.page and Path(citation.path).suffix.lower() == ".pdf":
        url.setFragment(f"page={citation.page}")
    return url


class CitationView(QWidget):
    """Shows an answer's sources; selecting one shows its passage; Open opens the file.

    Args:
        opener: Opens a URL (default QDesktopServices.openUrl; tests pass their own).
        parent: The Qt parent.

    Signals:
        opened(str): a source file was opened (path).
        openFailed(str): a source could not be opened (message).
    """

    opened = Signal(str)
    openFailed = Signal(str)

    def __init__(self, opener: UrlOpener | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._opener = opener or QDesktopServices.openUrl
        self._citations: list[Citation] = []
        self.list = QListWidget()
        self.passage = QPlainTextEdit()
        self.passage.setReadOnly(True)  # plain text: a passage is never rendered as HTML
        self.where = QLabel()
        plain.labels(self.where)
        self.where.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.where, 1)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Sources")))
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(self.passage, 1)
        self.list.currentRowChanged.connect(self._show)
        self.open_button.clicked.connect(self.open_current)

    def set_citations(self, citations: list[Citation]) -> None:
        """Shows a new answer's sources (an empty list clears the view)."""
        self._citations = list(citations)
        self.list.clear()
        for citation in self._citations:
            text = f"[{citation.number}] {worded(citation.label)}"
            if citation.heading:
                text += f" — {citation.heading}"
            item = QListWidgetItem(text)
            item.setToolTip(plain.tip(citation.path))
            self.list.addItem(item)
        self.setVisible(bool(self._citations))
        if self._citations:
            self.list.setCurrentRow(0)
        else:
            self._show(-1)

    def show_number(self, number: int) -> None:
        """Selects the source cited as ``[number]`` (e.g. when the person clicks it)."""
        for row, citation in enumerate(self._citations):
            if citation.number == number:
                self.list.setCurrentRow(row)

    @property
    def current(self) -> Citation | None:
        """The selected source."""
        row = self.list.currentRow()
        return self._citations[row] if 0 <= row < len(self._citations) else None

    def open_current(self) -> None:
        """Opens the selected source's file (at its page for PDFs)."""
        citation = self.current
        if citation is None:
            return
        if not Path(citation.path).exists():
            self.openFailed.emit(
                self.tr("{0} is no longer there: it was moved or deleted.").replace(
                    "{0}", citation.path
                )
            )
            return
        if self._opener(citation_url(citation)):
            self.opened.emit(citation.path)
        else:
            self.openFailed.emit(
                self.tr("No program could open {0}.").replace("{0}", citation.path)
            )

    def _show(self, row: int) -> None:
        citation = self._citations[row] if 0 <= row < len(self._citations) else None
        self.open_button.setEnabled(citation is not None)
        self.passage.setPlainText(citation.passage if citation else "")
        self.where.setText(citation.path if citation else "")
