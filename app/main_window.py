"""Hearth's main window: layout and wiring.

A narrow navigation on the left (the views, then the conversations); the main area shows
the chosen view whole: the chat with the composer under it, Documents, Mail or Calendar.
The window builds the shared collaborators (the router every
turn goes through, the chat session, the stores) and hands the work to controllers: the
chat (app/controllers/chat.py), the server status, each feature, import and export, and
the menus.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from agents import paths
from agents.chat.personas import PersonaLibrary
from agents.images.store import ImageStore
from agents.llm import OllamaService
from agents.settings import Loaded, Settings
from agents.storage import ChatStore
from agents.turns.router import Router
from app import plain, shortcuts
from app.controllers.chat import ChatController
from app.controllers.documents import DocumentsController
from app.controllers.images import ImagesController
from app.controllers.mail_calendar import MailCalendarController
from app.controllers.menus import MenuController
from app.controllers.server import ServerController
from app.controllers.transfer import TransferController
from app.preload import after_first_paint
from app.services.appearance import Appearance
from app.services.chat_session import ChatSession
from app.services.images import image_loader_for
from app.services.ollama_monitor import OllamaMonitor
from app.services.settings import SettingsService
from app.services.status import WindowStatus
from app.widgets.banner import Banner
from app.widgets.chat_view import ChatView
from app.widgets.composer import Composer
from app.widgets.conversation_list import ConversationList
from app.widgets.model_picker import ModelPicker
from app.widgets.persona_picker import PersonaPicker
from app.widgets.status_indicator import StatusIndicator
from app.widgets.views import ViewStack
from app.wording import lines


class MainWindow(QMainWindow):
    """The window. Collaborators come in through the constructor.

    Args:
        store: Saved conversations.
        service: The Ollama door.
        data_dir: The data folder (shown in About, used by features).
        monitor: Server watcher (tests may pass one with short delays).
        settings_service: Where settings change (default: the service's settings, saved
            in ``data_dir``).
        appearance: The scheme and text size (default: one that follows the settings and
            applies nothing until its ``apply`` is called, as start-up does).
    """

    def __init__(
        self,
        store: ChatStore,
        service: OllamaService,
        data_dir: Path,
        monitor: OllamaMonitor | None = None,
        settings_service: SettingsService | None = None,
        appearance: Appearance | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Hearth"))
        self.resize(1180, 780)
        self.store = store
        self.service = service
        self.data_dir = data_dir
        self.settings_service = settings_service or SettingsService(
            data_dir, Loaded(service.settings), self
        )
        self.appearance = appearance or Appearance(
            self.settings_service.settings.appearance, parent=self
        )
        self.monitor = monitor or OllamaMonitor(service, parent=self)
        self.image_store = ImageStore.in_data_dir(data_dir)
        self.personas = PersonaLibrary.in_data_dir(data_dir)
        self.router = Router(service, images=self.image_store, personas=self.personas)
        loader = image_loader_for(self.image_store)
        self.session = ChatSession(store, self.router, loader, parent=self)

        self.conversations = ConversationList(store)
        self.views = ViewStack()  # controllers add their views (Documents, Mail...)
        self.chat = ChatView()
        self.composer = Composer()
        self.banner = Banner()
        self.status = StatusIndicator()
        self.models = ModelPicker()
        self.persona_picker = PersonaPicker(self.personas)
        self._lay_out()

        self.chats = ChatController(self)
        self.status_model = WindowStatus(
            self.monitor, self.session, self.settings_service, self.chats.current_model, self
        )
        self.status_model.changed.connect(self.chats.show_status)
        self.chats.modelChanged.connect(lambda _model: self.status_model.refresh())
        self.images = ImagesController(self)
        self.documents = DocumentsController(self)
        self.mail_calendar = MailCalendarController(self)
        # The router reaches the features' collaborators once they exist.
        self.router.documents = self.documents.index
        self.router.tools = self.mail_calendar.tool_setup()
        self.chat.decorate = self.images.message_extras
        self.server = ServerController(self)
        self.transfer = TransferController(self)
        self.menus = MenuController(self)
        self.settings_service.changed.connect(self.monitor.reconfigure)
        self.settings_service.changed.connect(
            lambda settings: self.appearance.set_choice(settings.appearance)
        )
        self.settings_service.saveFailed.connect(
            lambda message: plain.tell(self, self.tr("Settings not saved"), message)
        )
        self._restore_layout()
        if self.settings_service.notes:  # a setting out of range, a damaged file kept aside
            self.status_model.notify(
                lines(self.settings_service.notes, " "), "settings", self.tr("Open Settings")
            )
        after_first_paint(self, self.monitor.start)  # the window shows before the check
        self.chats.open_latest()
        self.composer.edit.setFocus()  # the first key typed goes to the message box

    def _lay_out(self) -> None:
        self.chat_page = QWidget()
        chat_layout = QVBoxLayout(self.chat_page)
        chat_layout.setContentsMargins(0, 0, 0, 0)
        chat_layout.setSpacing(0)
        chat_layout.addWidget(self.chat, 1)
        chat_layout.addWidget(self.composer)
        self.chat_page.setFocusProxy(self.composer.edit)  # the chat shown by a key: type
        self.views.add_view(
            self.chat_page,
            self.tr("Chats"),
            self.tr("Talk with the model"),
            shortcut=shortcuts.VIEW_CHATS,
        )
        navigation = QWidget()
        navigation.setObjectName("navigation")
        nav_layout = QVBoxLayout(navigation)
        nav_layout.setContentsMargins(0, 0, 0, 0)
        nav_layout.setSpacing(0)
        nav_layout.addWidget(self.views.switcher)
        nav_layout.addWidget(self.conversations, 1)
        main = QWidget()
        main_layout = QVBoxLayout(main)
        main_layout.setContentsMargins(0, 0, 0, 0)
        main_layout.setSpacing(0)
        main_layout.addWidget(self.banner)
        main_layout.addWidget(self.views, 1)
        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(navigation)
        self.splitter.addWidget(main)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([220, 960])
        self.setCentralWidget(self.splitter)
        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(self.tr("Model:")))
        toolbar.addWidget(self.models)
        toolbar.addWidget(QLabel(self.tr("Persona:")))
        toolbar.addWidget(self.persona_picker)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.status)
        self.addToolBar(toolbar)

    # -- settings ------------------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        """The settings in force (held by ``settings_service``)."""
        return self.settings_service.settings

    def open_settings(self) -> None:
        """Edits the settings; saved to the data folder and applied at once."""
        from app.widgets.settings_dialog import SettingsDialog

        overridden = self.settings_service.overrides.applied
        dialog = SettingsDialog(self.settings, self, overridden=overridden)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self.apply_settings(dialog.values())

    def apply_settings(self, settings: Settings) -> None:
        """Uses new settings: stops the answer in hand, then saves and announces them."""
        self.session.stop()
        self.settings_service.apply(settings)

    # -- layout --------------------------------------------------------------------------
    def _layout_settings(self) -> QSettings:
        return QSettings(str(paths.window_state(self.data_dir)), QSettings.Format.IniFormat)

    def _restore_layout(self) -> None:
        """Puts the window back where the person left it."""
        state = self._layout_settings()
        geometry = state.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        splitter = state.value("splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        if state.contains("zoom"):
            with contextlib.suppress(ValueError):  # a damaged value: the size in force
                self.appearance.set_zoom(float(str(state.value("zoom"))))
        self.appearance.zoomChanged.connect(self._save_zoom)

    def _save_zoom(self, zoom: float) -> None:
        """Remembers the text size at once (Hearth may not close cleanly)."""
        state = self._layout_settings()
        state.setValue("zoom", zoom)
        state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stops the answer (keeping what arrived) and every job; saves the layout."""
        self.session.stop()
        self.monitor.stop()
        self.mail_calendar.shutdown()
        self.documents.shutdown()
        state = self._layout_settings()
        state.setValue("geometry", self.saveGeometry())
        state.setValue("splitter", self.splitter.saveState())
        state.sync()
        super().closeEvent(event)
