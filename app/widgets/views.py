"""The main area: one full view at a time (Chats, Documents, Mail, Calendar), and the
switcher the navigation shows to choose it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from app.shortcuts import Shortcut


@dataclass(frozen=True)
class View:
    """A view of the main area: its page, its title and the key that shows it."""

    page: QWidget
    title: str
    shortcut: Shortcut | None


class ViewStack(QStackedWidget):
    """Shows the chosen view in the whole main area.

    Each view gets a button in ``switcher`` (a widget for the navigation column); the
    button of the view shown is checked. ``currentChanged`` tells when the view changes.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("views")
        self.switcher = QWidget()
        self.switcher.setObjectName("viewSwitcher")
        self._column = QVBoxLayout(self.switcher)
        self._column.setContentsMargins(8, 8, 8, 0)
        self._column.setSpacing(2)
        self._buttons: dict[QWidget, QAbstractButton] = {}
        self._views: list[View] = []
        self.currentChanged.connect(lambda _index: self._check_current())

    def add_view(
        self, page: QWidget, title: str, tip: str = "", shortcut: Shortcut | None = None
    ) -> QAbstractButton:
        """Adds a view and its button (its tooltip names the key); returns the button."""
        self.addWidget(page)
        button = QPushButton(title)
        button.setObjectName("viewButton")
        keys = shortcut.text() if shortcut else ""
        button.setToolTip(f"{tip} ({keys})" if tip and keys else tip or keys)
        button.setCheckable(True)
        button.clicked.connect(lambda _checked=False: self.show_view(page))
        self._column.addWidget(button)
        self._buttons[page] = button
        self._views.append(View(page, title, shortcut))
        self._check_current()
        return button

    def views(self) -> list[View]:
        """The views, in the switcher's order."""
        return list(self._views)

    def show_view(self, page: QWidget, focus: bool = False) -> None:
        """Shows a view; with ``focus`` (chosen by a key) the focus moves into it: to its
        focus proxy if it has one, else to its first control."""
        self.setCurrentWidget(page)
        self._check_current()  # a click on the shown view's button must leave it checked
        if focus:
            focus_into(page)

    def button(self, page: QWidget) -> QAbstractButton:
        """The switcher's button of a view."""
        return self._buttons[page]

    def _check_current(self) -> None:
        current = self.currentWidget()
        for page, button in self._buttons.items():
            button.setChecked(page is current)


def focus_into(page: QWidget) -> None:
    """Gives the focus to ``page``'s focus proxy, or to the first widget in it that Tab
    would reach."""
    if page.focusProxy() is not None:
        page.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page and page.isAncestorOf(widget):
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        widget = widget.nextInFocusChain()
