"""The main area: one full view at a time (Chats, Documents, Mail, Calendar), and the
switcher the navigation shows to choose it."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QPushButton, QStackedWidget, QVBoxLayout, QWidget


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
        self.currentChanged.connect(lambda _index: self._check_current())

    def add_view(self, page: QWidget, title: str, tip: str = "") -> QAbstractButton:
        """Adds a view and its button; returns the button."""
        self.addWidget(page)
        button = QPushButton(title)
        button.setObjectName("viewButton")
        button.setToolTip(tip)
        button.setCheckable(True)
        button.clicked.connect(lambda _checked=False: self.show_view(page))
        self._column.addWidget(button)
        self._buttons[page] = button
        self._check_current()
        return button

    def show_view(self, page: QWidget) -> None:
        """Shows a view."""
        self.setCurrentWidget(page)
        self._check_current()  # a click on the shown view's button must leave it checked

    def button(self, page: QWidget) -> QAbstractButton:
        """The switcher's button of a view."""
        return self._buttons[page]

    def _check_current(self) -> None:
        current = self.currentWidget()
        for page, button in self._buttons.items():
            button.setChecked(page is current)
