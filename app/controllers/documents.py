"""Private documents in the window: the Documents view, the composer's Documents mode,
documents dropped on the chat, and summaries sent as chat turns."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QToolButton, QWidget

from agents.attachments import SummaryRequest
from agents.printable import shown
from agents.turns.request import Mode, TurnRequest
from app import shortcuts
from app.widgets.lazy_tab import LazyTab

if TYPE_CHECKING:
    from agents.documents.index_worker import IndexClient
    from app.main_window import MainWindow
    from app.services.documents import DocumentsService
    from app.widgets.documents_panel import DocumentsPanel


class DocumentsController(QObject):
    """The documents feature of one window; its index worker starts on first use.

    Args:
        window: The window (views, composer, chat, settings).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._service: DocumentsService | None = None
        self.panel: DocumentsPanel | None = None
        self.tab = LazyTab(self._make_panel)
        window.views.add_view(
            self.tab,
            self.tr("Documents"),
            self.tr("Your indexed documents: add, re-index, remove"),
            shortcuts.VIEW_DOCUMENTS,
        )
        self.switch = QToolButton()
        self.switch.setObjectName("docsSwitch")
        self.switch.setText(self.tr("Documents"))
        self.switch.setToolTip(self.tr("Answer only from your documents, with numbered sources."))
        window.composer.add_mode(Mode.DOCUMENTS, self.switch)
        for target in (window.chat, window.chat.viewport(), window.composer.edit.viewport()):
            target.installEventFilter(self)

    @property
    def service(self) -> DocumentsService:
        """The documents service (made on first use: it owns the index's worker)."""
        if self._service is None:
            from agents.documents.index_worker import IndexClient
            from app.services.documents import DocumentsService

            window = self.window
            client = IndexClient(window.data_dir, window.settings)
            self._service = DocumentsService(window.service, client, self)
            window.settings_service.changed.connect(self._service.reconfigure)
        return self._service

    def index(self) -> IndexClient:
        """The document index (the router's documents mode asks it)."""
        return self.service.client

    def _make_panel(self) -> QWidget:
        from app.widgets.documents_panel import DocumentsPanel

        self.panel = DocumentsPanel(self.service)
        self.panel.summarizeRequested.connect(lambda path: self.summarize(Path(path)))
        return self.panel

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Documents dropped on the chat: summarize them, or add them and ask."""
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            from app.widgets.documents_drop import document_paths

            mime = event.mimeData()  # type: ignore[attr-defined]
            paths = document_paths(mime.urls()) if mime.hasUrls() else []
            if paths:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                if event.type() == QEvent.Type.Drop:
                    self.dropped(paths)
                return True
        return super().eventFilter(watched, event)

    def dropped(self, paths: list[Path], choice: object = None) -> None:
        """Asks what to do with dropped documents and does it."""
        from app.widgets.documents_drop import DropChoice, ask_drop_choice

        choice = choice or ask_drop_choice(paths, self.window, QCursor.pos())
        if choice is DropChoice.SUMMARIZE:
            self.summarize(paths[0])
        elif choice is DropChoice.ASK:
            self.service.index_paths(paths)
            self.switch.setChecked(True)
            self.window.composer.edit.setFocus()

    def summarize(self, path: Path, lang: str | None = None) -> None:
        """Summarizes a document into the open chat, in the person's language."""
        lang = lang or QLocale.languageToString(QLocale.system().language())
        request = TurnRequest.ask(
            self.tr("Summarize {0}").format(shown(path.name)),
            Mode.SUMMARY,
            attachments=(SummaryRequest(str(path), lang),),
        )
        self.window.chats.send(request)

    def shutdown(self) -> None:
        """Stops indexing and the worker process (the window is closing)."""
        if self._service is not None:
            self._service.shutdown()
