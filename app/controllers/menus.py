"""The menu bar and the window-wide shortcuts, bound from one table (app/shortcuts.py)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from agents.turns.request import Mode
from app import shortcuts
from app.shortcuts import Shortcut

if TYPE_CHECKING:
    from app.main_window import MainWindow


class MenuController(QObject):
    """Builds the File, View, Chat and Help menus; each item calls what owns the job.

    Every key comes from app/shortcuts.py, which Help > Keyboard shortcuts lists.

    Args:
        window: The window (its controllers do the work).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        chats, transfer = window.chats, window.transfer
        menu = self._menu(self.tr("&File"))
        self._add(menu, self.tr("&New chat"), chats.new_chat, shortcuts.NEW_CHAT)
        self._add(menu, self.tr("&Settings…"), window.open_settings, shortcuts.SETTINGS)
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
        self._add(menu, self.tr("&Quit"), window.close, shortcuts.QUIT)
        menu = self._menu(self.tr("&View"))
        for view in window.views.views():
            show = partial(window.views.show_view, view.page, True)
            self._add(menu, view.title, show, view.shortcut)
        menu.addSeparator()
        appearance = window.appearance
        larger = self._add(menu, self.tr("&Larger text"), appearance.zoom_in, shortcuts.ZOOM_IN)
        larger.setShortcuts([shortcuts.ZOOM_IN.sequence(), shortcuts.ZOOM_IN_EQUALS.sequence()])
        self._add(menu, self.tr("&Smaller text"), appearance.zoom_out, shortcuts.ZOOM_OUT)
        self._add(menu, self.tr("&Actual size"), appearance.reset_zoom, shortcuts.ZOOM_RESET)
        menu = self._menu(self.tr("&Chat"))
        self.chat_menu = menu
        self._add(menu, self.tr("&Stop answer"), window.session.stop)
        self._add(menu, self.tr("&Retry"), chats.retry, shortcuts.RETRY)
        self._add(
            menu,
            self.tr("Re&write what I typed…"),
            lambda: chats.open_rewrite(window.composer.text, replace=True),
            shortcuts.REWRITE,
        )
        self._add(menu, self.tr("Chat &options…"), chats.edit_options)
        self._add(menu, self.tr("&Personas…"), chats.edit_personas)
        self._add(menu, self.tr("&Find in chats"), self.find_in_chats, shortcuts.FIND)
        modes = menu.addMenu(self.tr("&Mode"))
        for mode in window.composer.modes.modes():
            shortcut = shortcuts.MODES.get(mode)
            if shortcut is not None:
                self._add(modes, shortcut.description(), partial(self.choose_mode, mode), shortcut)
        menu = self._menu(self.tr("&Help"))
        self._add(menu, self.tr("&Keyboard shortcuts"), self.show_shortcuts, shortcuts.HELP_KEYS)
        self._add(menu, self.tr("&About Hearth"), self.about)
        # Esc stops the answer wherever the focus is.
        self.escape = QShortcut(shortcuts.STOP.sequence(), window)
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
        shortcut: Shortcut | None = None,
    ) -> QAction:
        action = QAction(label, self.window)
        if shortcut is not None:
            action.setShortcut(shortcut.sequence())
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def find_in_chats(self) -> None:
        """Puts the focus in the search box, its text selected to type over (Ctrl+F)."""
        search = self.window.conversations.search
        search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        search.selectAll()

    def choose_mode(self, mode: Mode) -> None:
        """Turns a mode on for the next message (Alt+1...); the focus stays where it is."""
        self.window.composer.set_mode(mode)

    def show_shortcuts(self) -> QWidget:
        """Opens Help > Keyboard shortcuts (not modal); returns the dialog."""
        from app.widgets.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(shortcuts.ALL, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

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
