"""Hearth on the desktop around its window: the tray icon and its menu, the quick-ask
window (``hearth quick``, for a desktop shortcut) and a question about the screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from app.services.chat_session import ChatSession
from app.services.images import image_loader_for, qimage_to_png
from app.widgets.quick_ask import QuickAsk
from app.widgets.screen_grab import ScreenGrab

if TYPE_CHECKING:
    from app.main_window import MainWindow


class DesktopController(QObject):
    """The tray icon (where the desktop has a tray), quick ask and screen questions.

    Attributes:
        quick: The quick-ask window (its own chat session: a quick question never stops
            an answer in the main window).
        menu: The tray's menu (also what tests drive).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        session = ChatSession(
            window.store, window.router, image_loader_for(window.image_store), parent=self
        )
        self.quick = QuickAsk(session, window.store)
        self.quick.saved.connect(lambda _id: window.conversations.refresh())
        self.quick.openRequested.connect(self.open_chat)
        self.grab: ScreenGrab | None = None
        self.menu = QMenu()
        self.show_action = self._action(self.tr("Show or hide Hearth"), self.toggle_window)
        self._action(self.tr("New chat"), self.new_chat)
        self._action(self.tr("Quick ask…"), self.quick.summon)
        self._action(self.tr("Ask about the screen…"), self.ask_about_screen)
        self.menu.addSeparator()
        self._action(self.tr("Quit Hearth"), self.quit)
        self.tray = QSystemTrayIcon(QApplication.windowIcon(), self)
        self.tray.setToolTip(self.tr("Hearth"))
        self.tray.setContextMenu(self.menu)
        self.tray.activated.connect(self._on_activated)
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray.show()

    def _action(self, text: str, slot: object) -> QAction:
        action = self.menu.addAction(text)
        action.triggered.connect(slot)
        return action

    def toggle_window(self) -> None:
        """Hides the window if it is shown, else brings it forward."""
        if self.window.isVisible() and not self.window.isMinimized():
            self.window.hide()
        else:
            self.show_window()

    def show_window(self) -> None:
        """Brings the main window forward."""
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def new_chat(self) -> None:
        """Shows the window with a new chat."""
        self.show_window()
        self.window.chats.new_chat()

    def open_chat(self, conversation_id: str) -> None:
        """Shows a chat (e.g. a quick question's) in the main window."""
        self.show_window()
        self.window.conversations.refresh()
        self.window.conversations.select(conversation_id)
        self.window.composer.edit.setFocus()

    def ask_about_screen(self, still: QPixmap | None = None) -> ScreenGrab:
        """Lets the person drag over part of the screen, then attaches it to the chat."""
        self.grab = ScreenGrab(still)
        self.grab.grabbed.connect(self.attach_picture)
        self.grab.showFullScreen()
        return self.grab

    def attach_picture(self, picture: QPixmap) -> None:
        """Hands a picture to the image flow of the open chat, ready for a question."""
        self.show_window()
        self.window.images.intake.add_bytes(qimage_to_png(picture.toImage()), "screenshot.png")
        self.window.composer.edit.setFocus()

    def quit(self) -> None:
        """Closes the window (stopping its work) and ends Hearth."""
        self.quick.close()
        self.window.close()
        QApplication.quit()

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason is QSystemTrayIcon.ActivationReason.Trigger:
            self.toggle_window()
