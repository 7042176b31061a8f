"""A rich-text label whose links are reached with Tab and followed with Enter or Space."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLabel, QWidget
from shiboken6 import isValid

FOLLOW_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
_LINK = re.compile(r"<a\s[^>]*href", re.IGNORECASE)


class LinkLabel(QLabel):
    """A label of rich text with links that the keyboard reaches.

    Tab into it selects its first link (Shift+Tab its last), Tab again the next link,
    then the next widget; Enter or Space follows the link selected (``linkActivated``).
    A label without links is no Tab stop; a click still focuses it, to select and copy.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.setOpenExternalLinks(False)
        self._fit_focus_policy()

    def setText(self, text: str) -> None:
        """Sets the text; only a label with links is a Tab stop."""
        super().setText(text)
        self._fit_focus_policy()

    def has_links(self) -> bool:
        """Whether the text has a link."""
        return self.textFormat() != Qt.TextFormat.PlainText and bool(_LINK.search(self.text()))

    def _fit_focus_policy(self) -> None:
        links = self.has_links()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if links else Qt.FocusPolicy.ClickFocus)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Reached by Tab, the first link is selected at once (by Shift+Tab, the last)."""
        super().focusInEvent(event)
        reason = event.reason()
        if self.has_links() and reason in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
        ):
            self.focusNextPrevChild(reason == Qt.FocusReason.TabFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Follows the selected link on Enter or Space, and keeps it selected (Tab then
        goes on to the next link, not back to the first)."""
        start, chosen = self.selectionStart(), self.selectedText()
        if event.key() == Qt.Key.Key_Space and start >= 0 and self.has_links():
            # Qt follows a link on Enter only; Space does what Enter does.
            event = QKeyEvent(event.type(), Qt.Key.Key_Return, event.modifiers(), "\r")
        super().keyPressEvent(event)
        following = event.key() in FOLLOW_KEYS and start >= 0
        if following and isValid(self) and self.selectionStart() < 0:
            self.setSelection(start, len(chosen.encode("utf-16-le")) // 2)
