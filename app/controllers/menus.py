"""The menu bar and the window-wide shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QMessageBox

if TYPE_CHECKING:
    from app.main_window import MainWindow


class MenuController(QObject):
    """Builds the File, Chat and Help menus; each item calls what owns the job.

    Args:
        window: The window (its controllers do the work).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        chats, transfer = window.chats, window.transfer
        menu = self._menu(self.tr("&File"))
        self._add(menu, self.tr("&New chat"), chats.new_chat, QKeySequence.StandardKey.New)
        self._add(
            menu, self.tr("&Settings…"), window.open_settings, QKeySequence.StandardKey.Preferences
        )
        self._add(menu, self.tr("&Download a model…"), lambda: window.server.open_pull(""))
        self._add(menu, self.tr("&Models…"), window.server.open_models)
        menu.addSeparator()
        for label, fmt, everything in (
            (self.tr("Export this chat as &Markdown…"), "md", False),
            (self.tr("Export this chat as &JSON…"), "json", False),
            (self.tr("Export &all chats…"), "json", True),
        ):
            self._add(menu, label, partial(transfer.export_chats, fmt, everything))
        self._add(menu, self.tr("&Import chats…"), transfer.import_chats)
        menu.addSeparator()
        self._add(menu, self.tr("&Quit"), window.close, QKeySequence.StandardKey.Quit)
        menu = self._menu(self.tr("&Chat"))
        self.chat_menu = menu
        self._add(menu, self.tr("&Stop answer"), window.session.stop)
        self._add(menu, self.tr("&Retry"), chats.retry, QKeySequence("Ctrl+R"))
        self._add(
            menu,
            self.tr("Re&write what I typed…"),
            lambda: chats.open_rewrite(window.composer.text, replace=True),
            QKeySequence("Ctrl+Shift+R"),
        )
        self._add(menu, self.tr("Chat &options…"), chats.edit_options)
        self._add(menu, self.tr("&Personas…"), chats.edit_personas)
        self._add(
            menu,
            self.tr("&Find in chats"),
            window.conversations.search.setFocus,
            QKeySequence.StandardKey.Find,
        )
        menu = self._menu(self.tr("&Help"))
        self._add(menu, self.tr("&About Hearth"), self.about)
        # Esc stops the answer wherever the focus is.
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        self.escape.setContext(Qt.ShortcutContext.WindowShortcut)
        self.escape.activated.connect(window.session.stop)

    def _menu(self, title: str) -> QMenu:
        menu = self.window.menuBar().addMenu(title)
        assert menu is not None
        return menu

    def _add(
        self,
        menu: QMenu,
        label: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(label, self.window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def about(self) -> None:
        """Says which Hearth this is, which server it talks to, and where data lives."""
        import agents

        window = self.window
        QMessageBox.about(
            window,
            self.tr("About Hearth"),
            self.tr(
                "Hearth {0}\nA private assistant: everything stays on this computer.\n\n"
                "Ollama: {1}\nData folder: {2}"
            ).format(agents.__version__, window.service.host, window.data_dir or ""),
        )
