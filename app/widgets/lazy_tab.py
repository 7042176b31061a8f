"""A view (or tab) whose content is built the first time it is shown (start-up stays quick)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyTab(QWidget):
    """Holds a panel that ``build`` makes on first show (or on ``content()``)."""

    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._content: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        """Whether the panel exists yet."""
        return self._content is not None

    def content(self) -> QWidget:
        """The panel, built now if need be."""
        if self._content is None:
            self._content = self._build()
            self._layout.addWidget(self._content)
            self._content.show()  # a child added to a shown widget starts hidden
        return self._content

    def showEvent(self, event: QShowEvent) -> None:
        """Builds the panel when the tab is first shown."""
        self.content()
        super().showEvent(event)
