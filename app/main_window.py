"""Hearth's main window: conversations on the left, the chat on the right."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from agents.errors import HearthError
from agents.llm import LLMError, OllamaService
from agents.llm.errors import ErrorKind
from agents.settings import Loaded, Settings
from agents.storage import ChatStore, Conversation, StoredMessage
from app.services.chat_session import ChatSession
from app.services.jobs import run_call
from app.services.ollama_monitor import OllamaMonitor, ServerReport, ServerState
from app.services.settings import SettingsService
from app.widgets.chat_view import ChatView
from app.widgets.composer import Composer
from app.widgets.conversation_list import ConversationList
from app.widgets.model_picker import ModelPicker
from app.widgets.pull_dialog import PullDialog
from app.widgets.status_indicator import StatusIndicator

SAFE_SCHEMES = {"http", "https", "mailto"}


class Banner(QFrame):
    """A strip above the chat that says what is wrong and offers the fix."""

    actionTriggered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action: str = ""
        self.setObjectName("banner")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton()
        self.button.clicked.connect(lambda: self.actionTriggered.emit(self.action))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.action = ""
        self.hide()

    def show_message(self, text: str, action: str = "", button: str = "") -> None:
        """Shows a problem and, when there is one, the button that fixes it."""
        self.label.setText(text)
        self.action = action
        self.button.setText(button)
        self.button.setVisible(bool(action))
        self.show()

    def clear(self) -> None:
        """Hides the banner."""
        self.action = ""
        self.hide()


class MainWindow(QMainWindow):
    """The window. Collaborators come in through the constructor.

    Args:
        store: Saved conversations.
        service: The Ollama door.
        data_dir: The data folder (shown in About, used by features).
        monitor: Server watcher (tests may pass one with short delays).
        session: Chat turn runner (tests may pass one built with fakes).
        settings_service: Where settings change (default: the service's settings, saved
            in ``data_dir``).
    """

    def __init__(
        self,
        store: ChatStore,
        service: OllamaService,
        data_dir: Path,
        monitor: OllamaMonitor | None = None,
        session: ChatSession | None = None,
        settings_service: SettingsService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Hearth"))
        self.resize(1180, 780)
        self.store = store
        self.service = service
        self.settings_service = settings_service or SettingsService(
            data_dir, Loaded(service.settings), self
        )
        self.data_dir = data_dir
        self.monitor = monitor or OllamaMonitor(service, parent=self)
        from agents.images.store import ImageStore
        from app.services.images import ImageIntake, ImageTaskService, image_loader_for

        self.images = ImageStore.in_data_dir(data_dir)
        self.session = session or ChatSession(
            store, service, image_loader=image_loader_for(self.images), parent=self
        )
        self.image_intake = ImageIntake(self.images, self)
        from agents.chat.personas import PersonaLibrary

        self.personas = PersonaLibrary.in_data_dir(data_dir)
        from app.services.assistant import Assistant

        self.assistant = Assistant(service, data_dir, self)
        if session is None:
            self.session.agent_factory = self._agent_for
        self.image_tasks = ImageTaskService(service, self.images, self)
        self.conversation_id: str | None = None
        self._pull: PullDialog | None = None
        self._warmed: set[str] = set()

        self.conversations = ConversationList(store)
        self.sidebar = QTabWidget()
        self.sidebar.setObjectName("sidebarTabs")
        self.sidebar.addTab(self.conversations, self.tr("Chats"))
        self.chat = ChatView(decorate=self._message_extras)
        self.composer = Composer()
        self._setup_images()
        self._setup_documents()
        self._setup_mail_and_calendar()
        self.banner = Banner()
        self.status = StatusIndicator()
        self.models = ModelPicker()
        from app.widgets.persona_picker import PersonaPicker

        self.persona_picker = PersonaPicker(self.personas)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.banner)
        right_layout.addWidget(self.chat, 1)
        right_layout.addWidget(self.composer)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 880])
        self.setCentralWidget(self.splitter)

        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(self.tr("Model:")))
        toolbar.addWidget(self.models)
        toolbar.addWidget(QLabel(self.tr("Persona:")))
        toolbar.addWidget(self.persona_picker)
        spacer = QWidget()
        spacer.setSizePolicy(
            spacer.sizePolicy().horizontalPolicy().Expanding, spacer.sizePolicy().verticalPolicy()
        )
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.status)
        self.addToolBar(toolbar)
        self._build_menu()
        self._connect()
        self._restore_layout()
        self.monitor.start()
        self._open_latest()

    def _setup_images(self) -> None:
        """Images: the attachment strip, the attach button, drops and pastes."""
        from app.services.images import ImageAttachmentController
        from app.widgets.image_attachments import (
            AttachImageButton,
            ImageAttachmentStrip,
            ImageDropOverlay,
        )

        self.attachments = ImageAttachmentStrip()
        self.attachments.connect_intake(self.image_intake)
        self.composer.attachments.addWidget(self.attachments)
        self.composer.tools.addWidget(AttachImageButton(self.image_intake))
        from PySide6.QtWidgets import QToolButton

        self.find_button = QToolButton()
        self.find_button.setText(self.tr("Find…"))
        self.find_button.setToolTip(self.tr("Find something in the attached image"))
        self.find_button.clicked.connect(lambda: self.find_in_image())
        self.chart_button = QToolButton()
        self.chart_button.setText(self.tr("Chart to table"))
        self.chart_button.setToolTip(self.tr("Read the attached chart into a table"))
        self.chart_button.clicked.connect(self.chart_to_table)
        for button in (self.find_button, self.chart_button):
            button.setEnabled(False)
            self.composer.tools.addWidget(button)
        self.attachments.changed.connect(self._on_attachments_changed)
        self.composer.has_attachments = lambda: bool(self.attachments.images())
        self.image_drops = ImageAttachmentController(self.image_intake, self)
        self.image_drops.install(self.composer.edit)
        self.image_drops.install(self.chat)
        self._drop_hint = ImageDropOverlay(self.chat)
        self.image_drops.dragActive.connect(self._drop_hint.setActive)
        self.image_intake.busyChanged.connect(
            lambda busy: self.composer.button.setEnabled(not busy or self.session.busy)
        )
        self.image_tasks.modelMissing.connect(lambda model: self.open_pull(model, start=False))

    def _setup_documents(self) -> None:
        """The Documents tab, the composer's Documents switch, and document drops."""
        from PySide6.QtWidgets import QToolButton

        from app.widgets.lazy_tab import LazyTab

        self._documents: Any = None
        self.documents_tab = LazyTab(self._documents_panel)
        self.sidebar.addTab(self.documents_tab, self.tr("Documents"))
        self.docs_switch = QToolButton()
        self.docs_switch.setObjectName("docsSwitch")
        self.docs_switch.setText(self.tr("Documents"))
        self.docs_switch.setCheckable(True)
        self.docs_switch.setToolTip(
            self.tr("Answer only from your documents, with numbered sources.")
        )
        self.composer.tools.addWidget(self.docs_switch)
        self.chat.installEventFilter(self)
        self.chat.viewport().installEventFilter(self)
        self.composer.edit.viewport().installEventFilter(self)

    @property
    def documents(self) -> Any:
        """The documents service (made on first use: it owns the index's worker)."""
        if self._documents is None:
            from agents.documents.index_worker import IndexClient
            from app.services.documents import DocumentsService

            self.index = IndexClient(self.data_dir, self.settings)
            self._documents = DocumentsService(self.service, self.index, self)
            self.settings_service.changed.connect(self._documents.reconfigure)
        return self._documents

    def _documents_panel(self) -> QWidget:
        from app.widgets.documents_panel import DocumentsPanel

        panel = DocumentsPanel(self.documents)
        panel.summarizeRequested.connect(lambda path: self.summarize_document(Path(path)))
        self.documents_panel = panel
        return panel

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Documents dropped on the chat: summarize them, or add them and ask."""
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            from app.widgets.documents_drop import document_paths

            mime = event.mimeData()  # type: ignore[attr-defined]
            paths = document_paths(mime.urls()) if mime.hasUrls() else []
            if paths:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                if event.type() == QEvent.Type.Drop:
                    self.document_dropped(paths)
                return True
        return super().eventFilter(watched, event)

    def document_dropped(self, paths: list[Path], choice: object = None) -> None:
        """Asks what to do with dropped documents and does it."""
        from PySide6.QtGui import QCursor

        from app.widgets.documents_drop import DropChoice, ask_drop_choice

        choice = choice or ask_drop_choice(paths, self, QCursor.pos())
        if choice is DropChoice.SUMMARIZE:
            self.summarize_document(paths[0])
        elif choice is DropChoice.ASK:
            self.documents.index_paths(paths)
            self.docs_switch.setChecked(True)
            self.sidebar.setCurrentWidget(self.documents_tab)
            self.composer.edit.setFocus()

    def summarize_document(self, path: Path, lang: str | None = None) -> None:
        """Summarizes a document into the current chat, in the person's language."""
        from PySide6.QtCore import QLocale

        from agents.documents.chat import summary_request

        lang = lang or QLocale.languageToString(QLocale.system().language())
        text = self.tr("Summarize {0}").format(path.name)
        self.send(text, [summary_request(path, lang)])

    def _setup_mail_and_calendar(self) -> None:
        """The Mail and Calendar tabs, and the composer's Mail & calendar switch."""
        from PySide6.QtWidgets import QToolButton

        from app.widgets.lazy_tab import LazyTab

        self.mail: Any = None
        self.mail_tab = LazyTab(self._mail_panel)
        self.sidebar.addTab(self.mail_tab, self.tr("Mail"))
        # The calendar tab is filled when first shown: start-up doesn't read the calendar.
        self.calendar_tab = QSplitter(Qt.Orientation.Vertical)
        self.calendar_panel: Any = None
        self.audit_view: Any = None
        self.sidebar.addTab(self.calendar_tab, self.tr("Calendar"))
        self.sidebar.currentChanged.connect(self._on_tab)
        self.tools_switch = QToolButton()
        self.tools_switch.setObjectName("toolsSwitch")
        self.tools_switch.setText(self.tr("Mail && calendar"))
        self.tools_switch.setCheckable(True)
        self.tools_switch.setToolTip(
            self.tr(
                "Let Hearth read your mail and calendar and propose drafts, invitations "
                "and events. Nothing is sent or changed until you approve it."
            )
        )
        self.composer.tools.addWidget(self.tools_switch)
        # One mode at a time: documents, or mail and calendar.
        self.docs_switch.toggled.connect(
            lambda on: self.tools_switch.setChecked(False) if on else None
        )
        self.tools_switch.toggled.connect(
            lambda on: self.docs_switch.setChecked(False) if on else None
        )

    def _mail_panel(self) -> QWidget:
        from agents.mail.accounts import AccountStore
        from agents.mail.checklist import ActionChecklist
        from app.services.mail import MailService
        from app.widgets.mail_panel import MailPanel

        accounts = AccountStore(self.data_dir)
        self.mail = MailService(self.service, accounts, parent=self)
        self.mail_panel = MailPanel(self.mail, accounts, ActionChecklist(self.data_dir))
        return self.mail_panel

    def _on_tab(self, _index: int) -> None:
        if self.sidebar.currentWidget() is self.calendar_tab:
            self.show_calendar()

    def show_calendar(self) -> None:
        """Fills (first time) and refreshes the calendar and the audit log."""
        if self.calendar_panel is None:
            from app.widgets.audit_log_view import AuditLogView
            from app.widgets.calendar_panel import CalendarPanel

            try:
                calendar = self.assistant.calendar()
            except HearthError:
                calendar = None
            self.calendar_panel = CalendarPanel(calendar)
            self.audit_view = AuditLogView(self.assistant.audit)
            self.calendar_tab.addWidget(self.calendar_panel)
            self.calendar_tab.addWidget(self.audit_view)
        self.calendar_panel.refresh()
        self.audit_view.refresh()

    def _agent_for(self, conversation: Conversation) -> Any:
        """The agent for a turn: a document summary when the message asks for one, else
        documents, mail and calendar, or plain chat, as the composer's switches say."""
        from agents.documents.chat import SUMMARIZE, DocumentQuestion, DocumentSummary

        last = next(
            (m for m in reversed(self.store.messages(conversation.id)) if m.role == "user"),
            None,
        )
        for attachment in last.attachments if last else []:
            if attachment.get("kind") == "task":
                from agents.attachments import ImageTaskRequest
                from agents.images.tasks import ImageTask

                task = ImageTask(
                    self.service, ImageTaskRequest.from_record(attachment), self.images
                )
                return type(
                    "Adapter", (), {"stream": lambda _s, h, c: task.stream(h[-1].images, c)}
                )()
            if attachment.get("kind") == "document" and attachment.get("task") == SUMMARIZE:
                from agents.documents.summarize import DocumentSummarizer

                summarizer = DocumentSummarizer(self.service, model=conversation.model)
                return DocumentSummary(
                    summarizer, Path(str(attachment["path"])), attachment.get("lang")
                )
        if self.docs_switch.isChecked():
            from agents.documents.answer import DocumentAnswerer

            index = self.documents.client
            return DocumentQuestion(DocumentAnswerer(self.service, index, model=conversation.model))
        if self.tools_switch.isChecked():
            return self.assistant.agent_for(conversation)
        return self.session._default_agent(conversation)

    def _on_attachments_changed(self) -> None:
        has_image = bool(self.attachments.images())
        self.find_button.setEnabled(has_image)
        self.chart_button.setEnabled(has_image)

    def find_in_image(self, query: str | None = None) -> None:
        """Finds something in the attached image; the answer shows it boxed."""
        from PySide6.QtWidgets import QInputDialog

        from agents.attachments import FIND, ImageTaskRequest

        if query is None:
            query, ok = QInputDialog.getText(
                self,
                self.tr("Find in the image"),
                self.tr("What should Hearth find?"),
                text=self.composer.text.strip(),
            )
            if not ok:
                return
        query = " ".join(query.split())
        if not query or not self.attachments.images():
            return
        records = [*self.attachments.attachments(), ImageTaskRequest(FIND, query).to_record()]
        self.composer.edit.clear()
        self.send(self.tr("Find: {0}").format(query), records)

    def chart_to_table(self) -> None:
        """Reads the attached chart into a table (Markdown and CSV) in the chat."""
        from agents.attachments import CHART, ImageTaskRequest

        if not self.attachments.images():
            return
        records = [*self.attachments.attachments(), ImageTaskRequest(CHART).to_record()]
        self.send(self.tr("Chart to table"), records)

    def _message_extras(self, message: StoredMessage) -> QWidget | None:
        """What shows under a message's text: its images, or an answer's sources."""
        kinds = {a.get("kind") for a in message.attachments}
        if "citation" in kinds:
            from app.widgets.message_sources import MessageSources

            return MessageSources(message.attachments)
        if "image" in kinds:
            from app.widgets.image_thumbnail import MessageImages

            return MessageImages(self.images, message.attachments, tasks=self.image_tasks)
        return None

    # -- setup ---------------------------------------------------------------------------
    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        new = QAction(self.tr("&New chat"), self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(self.new_chat)
        file_menu.addAction(new)
        preferences = QAction(self.tr("&Settings…"), self)
        preferences.setShortcut(QKeySequence.StandardKey.Preferences)
        preferences.triggered.connect(self.open_settings)
        file_menu.addAction(preferences)
        pull = QAction(self.tr("&Download a model…"), self)
        pull.triggered.connect(lambda: self.open_pull(""))
        file_menu.addAction(pull)
        file_menu.addSeparator()
        for label, fmt, everything in (
            (self.tr("Export this chat as &Markdown…"), "md", False),
            (self.tr("Export this chat as &JSON…"), "json", False),
            (self.tr("Export &all chats…"), "json", True),
        ):
            action = QAction(label, self)
            action.triggered.connect(
                lambda _=False, f=fmt, e=everything: self.export_chats(f, everything=e)
            )
            file_menu.addAction(action)
        import_action = QAction(self.tr("&Import chats…"), self)
        import_action.triggered.connect(self.import_chats)
        file_menu.addAction(import_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.chat_menu = self.menuBar().addMenu(self.tr("&Chat"))
        stop = QAction(self.tr("&Stop answer"), self)
        stop.triggered.connect(self.session.stop)
        self.chat_menu.addAction(stop)
        retry = QAction(self.tr("&Retry"), self)
        retry.setShortcut(QKeySequence("Ctrl+R"))
        retry.triggered.connect(self.retry)
        self.chat_menu.addAction(retry)
        rewrite = QAction(self.tr("Re&write what I typed…"), self)
        rewrite.setShortcut(QKeySequence("Ctrl+Shift+R"))
        rewrite.triggered.connect(lambda: self.open_rewrite(self.composer.text, replace=True))
        self.chat_menu.addAction(rewrite)
        personas = QAction(self.tr("&Personas…"), self)
        personas.triggered.connect(self.edit_personas)
        self.chat_menu.addAction(personas)
        find = QAction(self.tr("&Find in chats"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.conversations.search.setFocus)
        self.chat_menu.addAction(find)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Hearth"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)
        # Esc stops the answer wherever the focus is.
        self._esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self._esc.setContext(Qt.ShortcutContext.WindowShortcut)
        self._esc.activated.connect(self.session.stop)

    def _connect(self) -> None:
        self.conversations.selected.connect(self.open_conversation)
        self.conversations.newRequested.connect(self.new_chat)
        self.conversations.deleted.connect(self._on_deleted)
        self.conversations.renamed.connect(lambda _cid: self._show_title())
        self.composer.sendRequested.connect(self.send)
        self.composer.stopRequested.connect(self.session.stop)
        self.chat.linkRequested.connect(self.confirm_link)
        self.chat.retryRequested.connect(lambda _mid: self.retry())
        self.chat.rewriteRequested.connect(lambda text: self.open_rewrite(text, replace=False))
        self.chat.editRequested.connect(self.edit_message)
        self.persona_picker.personaChosen.connect(self._on_persona_chosen)
        self.persona_picker.editRequested.connect(self.edit_personas)
        self.models.modelChosen.connect(self._on_model_chosen)
        self.models.pullRequested.connect(lambda: self.open_pull(""))
        self.status.retryRequested.connect(self.monitor.check_now)
        self.banner.actionTriggered.connect(self._on_banner_action)
        self.monitor.stateChanged.connect(self._on_server)
        self.monitor.modelsChanged.connect(lambda _models: self._refresh_models())
        self.settings_service.changed.connect(self.monitor.reconfigure)
        self.settings_service.saveFailed.connect(
            lambda message: QMessageBox.warning(self, self.tr("Settings not saved"), message)
        )
        self.session.turnStarted.connect(self._on_turn_started)
        self.session.partial.connect(self._on_partial)
        self.session.status.connect(self._on_session_status)
        self.session.turnEnded.connect(self._on_turn_ended)
        self.session.turnEnded.connect(lambda *_: self.assistant.withdraw_pending())
        self.session.busyChanged.connect(self.composer.set_busy)
        self.session.conversationChanged.connect(lambda _cid: self.conversations.refresh())
        self.session.conversationChanged.connect(lambda _cid: self._show_title())

    # -- conversations ----------------------------------------------------------------------
    def _open_latest(self) -> None:
        existing = self.store.list_conversations()
        if existing:
            self.conversations.select(existing[0].id)
        else:
            self.persona_picker.set_current(self.personas.default().id)  # for the new chat
            self._refresh_models()

    def new_chat(self) -> None:
        """Starts an empty chat (Ctrl+N)."""
        current = (
            self.store.get_conversation(self.conversation_id) if self.conversation_id else None
        )
        if current is not None and not self.store.messages(current.id):
            self.composer.edit.setFocus()
            return  # the current chat is already empty
        conversation = self._create_conversation()
        self.conversations.select(conversation.id)
        self.composer.edit.setFocus()

    def _create_conversation(self) -> Conversation:
        """A new chat with the chosen model and persona."""
        model = self.models.current_model or self.settings.chat_model
        persona = self.personas.get(self.persona_picker.current_persona) or self.personas.default()
        return self.store.create_conversation(
            model=model, system_prompt=persona.prompt, persona=persona.id
        )

    def open_conversation(self, conversation_id: str) -> None:
        """Shows a conversation."""
        conversation = self.store.get_conversation(conversation_id)
        if conversation is None:
            return
        self.conversation_id = conversation_id
        self._show_title()
        self.persona_picker.set_current(conversation.persona)
        self.chat.show_messages(self.store.messages(conversation_id))
        if self.session.active_conversation == conversation_id:
            pass  # its streaming message is in the list; partial updates continue
        self._refresh_models()
        self.composer.edit.setFocus()

    def _show_title(self) -> None:
        """The window title names the open chat."""
        conversation = (
            self.store.get_conversation(self.conversation_id) if self.conversation_id else None
        )
        title = conversation.title if conversation else ""
        self.setWindowTitle(f"{title} — Hearth" if title else "Hearth")

    def _on_deleted(self, conversation_id: str) -> None:
        if self.session.active_conversation == conversation_id:
            self.session.stop()
        if self.conversation_id == conversation_id:
            self.conversation_id = None
            self.chat.clear()
            self._open_latest()

    # -- sending -----------------------------------------------------------------------------
    def send(self, text: str, attachments: list[dict[str, Any]] | None = None) -> None:
        """Sends the person's message in the current chat (creating one if needed)."""
        if (
            self.conversation_id is None
            or self.store.get_conversation(self.conversation_id) is None
        ):
            conversation = self._create_conversation()
            self.conversation_id = conversation.id
            self.conversations.select(conversation.id)
        if attachments is None:
            attachments = self.attachments.attachments()
        try:
            self.session.send(self.conversation_id, text, attachments)
            self.attachments.clear()
        except HearthError as exc:
            self.composer.set_text(text)  # nothing the person typed is lost
            self.banner.show_message(exc.message)

    def edit_message(self, message_id: int) -> None:
        """Takes a question back into the message box (it and what follows are removed)."""
        if not self.conversation_id:
            return
        messages = self.store.messages(self.conversation_id)
        message = next((m for m in messages if m.id == message_id), None)
        if message is None or message.role != "user":
            return
        self.session.stop()
        self.store.delete_messages_from(self.conversation_id, message_id)
        self.chat.show_messages(self.store.messages(self.conversation_id))
        self.composer.set_text(message.content)
        self.composer.edit.setFocus()

    def retry(self) -> None:
        """Asks the last question again."""
        if self.conversation_id:
            self.session.retry(self.conversation_id)

    def _on_turn_started(self, conversation_id: str, _user_id: int, _answer_id: int) -> None:
        if conversation_id != self.conversation_id:
            return
        # Show exactly what was saved: the person's message and the empty answer. A shown
        # message that is gone (Retry drops the old answer) means starting over.
        messages = self.store.messages(conversation_id)
        saved = {m.id for m in messages}
        shown = self.chat.message_ids()
        if any(mid not in saved for mid in shown):
            self.chat.show_messages(messages)
        else:
            newest = max(shown, default=-1)
            for message in messages:
                if message.id > newest:
                    self.chat.add_message(message)
        self.chat.scroll_to_bottom()
        if self.banner.action in {"", "retry_server"}:
            self.banner.clear()

    def _on_partial(self, conversation_id: str, message_id: int, text: str) -> None:
        if conversation_id == self.conversation_id:
            self.chat.set_text(message_id, text)
        if self.status.state == "loading" and text:
            self.status.show_report(self.monitor.report)

    def _on_session_status(self, conversation_id: str, text: str) -> None:
        self.status.show_loading(text)
        answer = self.session.active_message_id
        view = self.chat.view(answer) if answer is not None else None
        if view is not None and conversation_id == self.conversation_id:
            view.set_note(text, "info")

    def _on_turn_ended(
        self, conversation_id: str, message_id: int, status: str, error: object
    ) -> None:
        if self.status.state == "loading":
            self.status.show_report(self.monitor.report)
        message = error.message if isinstance(error, HearthError) else None
        if conversation_id == self.conversation_id:
            self.chat.set_state(message_id, status, message)
            stored = next(
                (m for m in self.store.messages(conversation_id) if m.id == message_id), None
            )
            if stored is not None:
                self.chat.redecorate(stored)
        if isinstance(error, LLMError):
            if error.kind is ErrorKind.MODEL_MISSING:
                model = error.model or self.settings.chat_model
                self.banner.show_message(
                    error.message, f"pull:{model}", self.tr("Download {0}").format(model)
                )
            elif error.kind is ErrorKind.UNREACHABLE:
                self.monitor.check_now()
        self.conversations.refresh()

    # -- models and server ---------------------------------------------------------------------
    def _current_model(self) -> str:
        conversation = (
            self.store.get_conversation(self.conversation_id) if self.conversation_id else None
        )
        return (conversation.model if conversation else None) or self.settings.chat_model

    def _refresh_models(self) -> None:
        self.models.set_models(self.monitor.models, self._current_model())
        self._check_model_present()

    def _on_model_chosen(self, model: str) -> None:
        if self.conversation_id:
            self.store.update_conversation(self.conversation_id, model=model)
        self._check_model_present()
        self._warm_up()

    def _check_model_present(self) -> None:
        if self.monitor.report.state is not ServerState.CONNECTED:
            return
        model = self._current_model()
        guard = self.settings.guard_model
        if not self.monitor.has_model(model):
            self.banner.show_message(
                self.tr("The model {0} isn't downloaded yet.").format(model),
                f"pull:{model}",
                self.tr("Download {0}").format(model),
            )
        elif self.settings.guard_enabled and not self.monitor.has_model(guard):
            self.banner.show_message(
                self.tr(
                    "Safety checks are on, but Llama Guard ({0}) isn't downloaded: "
                    "messages can't be checked until it is."
                ).format(guard),
                f"pull:{guard}",
                self.tr("Download {0}").format(guard),
            )
        elif self.banner.action.startswith("pull:"):
            self.banner.clear()

    def _on_server(self, report: ServerReport) -> None:
        self.status.show_report(report)
        self.status.setToolTip(f"{self.status.toolTip()}\n{self.service.host}".strip())
        if report.state is ServerState.CONNECTED and self.service.is_remote:
            # Another computer sees every message: say so wherever the status shows.
            self.status.label.setText(self.tr("Connected to {0}").format(self.service.host))
        if report.state is ServerState.CONNECTED:
            if self.banner.action == "retry_server":
                self.banner.clear()
            self._refresh_models()
            self._warm_up()
        elif report.state in (ServerState.UNREACHABLE, ServerState.REFUSED):
            retry = report.state is ServerState.UNREACHABLE
            text = report.message
            if retry:
                text += " " + self.tr("Hearth keeps trying; your chats stay readable.")
            self.banner.show_message(
                text, "retry_server" if retry else "", self.tr("Retry now") if retry else ""
            )

    def _warm_up(self) -> None:
        """Loads the chat model in the background so the first answer starts quickly."""
        model = self._current_model()
        if not self.settings.warm_up or model in self._warmed or not self.monitor.has_model(model):
            return
        self._warmed.add(model)
        self.status.show_loading(self.tr("Loading {0}…").format(model))

        def done(_result: object = None) -> None:
            if self.status.state == "loading" and not self.session.busy:
                self.status.show_report(self.monitor.report)

        run_call(lambda: self.service.warm_up(model), done, lambda _exc: done(), parent=self)

    def _on_banner_action(self, action: str) -> None:
        if action == "retry_server":
            self.monitor.check_now()
        elif action.startswith("pull:"):
            self.open_pull(action.split(":", 1)[1], start=True)

    def open_pull(self, model: str, start: bool = False) -> PullDialog:
        """Opens the download dialog (non-modal; the window keeps working)."""
        dialog = PullDialog(self.service, model, start=start, parent=self)
        dialog.pulled.connect(self._on_pulled)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._pull = dialog
        dialog.show()
        return dialog

    def _on_pulled(self, model: str) -> None:
        if self.banner.action == f"pull:{model}":
            self.banner.clear()
        self.monitor.check_now()

    # -- writing tools, personas, export ----------------------------------------------------
    def open_rewrite(self, text: str, replace: bool) -> None:
        """Opens the rewrite dialog; Replace puts the result back in the message box."""
        from app.services.writing import RewriteService
        from app.widgets.rewrite_dialog import RewriteDialog

        dialog = RewriteDialog(RewriteService(self.service), text, can_replace=replace, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if replace:
            dialog.replaceRequested.connect(self.composer.set_text)
        dialog.show()

    def edit_personas(self) -> None:
        """Opens the persona library."""
        from app.widgets.persona_editor import PersonaEditorDialog

        dialog = PersonaEditorDialog(self.personas, parent=self)
        dialog.personasChanged.connect(self.persona_picker.refresh)
        dialog.exec()

    def _on_persona_chosen(self, persona_id: str, prompt: str) -> None:
        if self.conversation_id:
            self.store.update_conversation(
                self.conversation_id, persona=persona_id, system_prompt=prompt
            )

    def _transfer(self) -> Any:
        from app.services.writing import TransferService

        service = TransferService(self.store, self.images, self.personas, self)
        service.exported.connect(
            lambda count, path: self.statusBar().showMessage(
                self.tr("Exported {0} chat(s) to {1}").format(count, path), 8000
            )
        )
        service.imported.connect(self._on_imported)
        service.failed.connect(
            lambda message: QMessageBox.warning(self, self.tr("Hearth"), message)
        )
        return service

    def export_chats(self, fmt: str, everything: bool = False, path: Path | None = None) -> None:
        """Exports the current chat (or all) as Markdown or JSON."""
        from PySide6.QtWidgets import QFileDialog

        if not everything and not self.conversation_id:
            return
        if path is None:
            suffix = "md" if fmt == "md" else "json"
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export chats"), f"hearth-chats.{suffix}", f"*.{suffix}"
            )
            if not name:
                return
            path = Path(name)
        ids = None if everything else [self.conversation_id or ""]
        self._transfer().export_to(path, fmt, ids)

    def import_chats(self, path: Path | None = None) -> None:
        """Imports chats from a Hearth JSON export; nothing existing is overwritten."""
        from PySide6.QtWidgets import QFileDialog

        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import chats"), "", self.tr("Hearth export (*.json)")
            )
            if not name:
                return
            path = Path(name)
        self._transfer().import_from(path)

    def _on_imported(self, report: Any) -> None:
        self.conversations.refresh()
        self.persona_picker.refresh()
        lines = [
            self.tr("Imported {0} chat(s) with {1} message(s).").format(
                len(report.conversations_added), report.messages_added
            )
        ]
        lines += [self.tr("Skipped: {0}").format(s) for s in report.skipped]
        QMessageBox.information(self, self.tr("Import finished"), "\n".join(lines))

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

    # -- links and about -----------------------------------------------------------------------
    def confirm_link(self, href: str) -> bool:
        """Opens a link from a message only after the person agrees."""
        url = QUrl(href)
        if url.scheme().lower() not in SAFE_SCHEMES:
            QMessageBox.warning(
                self,
                self.tr("Link not opened"),
                self.tr("Hearth doesn't open links of this kind:\n{0}").format(href),
            )
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Open link?"),
            self.tr("Open this address in your browser?\n\n{0}").format(url.toString()),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Open:
            return QDesktopServices.openUrl(url)
        return False

    def _about(self) -> None:
        import agents

        QMessageBox.about(
            self,
            self.tr("About Hearth"),
            self.tr(
                "Hearth {0}\nA private assistant: everything stays on this computer.\n\n"
                "Ollama: {1}\nData folder: {2}"
            ).format(agents.__version__, self.service.host, self.data_dir or ""),
        )

    def _layout_settings(self) -> QSettings | None:
        if self.data_dir is None:
            return None
        return QSettings(str(self.data_dir / "window.ini"), QSettings.Format.IniFormat)

    def _restore_layout(self) -> None:
        """Puts the window back where the person left it."""
        state = self._layout_settings()
        if state is None:
            return
        geometry = state.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        splitter = state.value("splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stops the answer (keeping what arrived) and the server checks; saves the layout."""
        self.session.stop()
        self.monitor.stop()
        if self.mail is not None:
            self.mail.stop()
        if self._documents is not None:
            self._documents.shutdown()
        state = self._layout_settings()
        if state is not None:
            state.setValue("geometry", self.saveGeometry())
            state.setValue("splitter", self.splitter.saveState())
            state.sync()
        super().closeEvent(event)
