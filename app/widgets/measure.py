"""Readable at any width: a comfortable line length for text, and panes that sit side by
side when there is room and stack when there isn't."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QTextBrowser, QWidget

READING_WIDTH = 760  # px: about 46em at the chat's font size, the longest comfortable line
GUTTER = 16  # px: the least room beside a column of text


def side_margin(width: int, column: int = READING_WIDTH, least: int = GUTTER) -> int:
    """The margin on each side that centres a column at most ``column`` wide in ``width``."""
    return max(least, (width - column) // 2)


class ReadingBrowser(QTextBrowser):
    """A read-only text view whose lines stay at a readable length, centred when wide.

    Long unbroken text wraps anywhere rather than making the view scroll sideways; links
    are never followed by the view itself.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setWordWrapMode(self.wordWrapMode().WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keeps the text column at a readable width."""
        super().resizeEvent(event)
        self._centre()

    def setHtml(self, text: str) -> None:
        """Shows HTML, its lines at a readable width."""
        super().setHtml(text)
        self._centre()

    def _centre(self) -> None:
        # Margins of the document's root frame, not of the viewport: changing those would
        # resize the widget again, and an enclosing splitter could make that a loop.
        margin = side_margin(self.viewport().width(), least=0)
        frame = self.document().rootFrame()
        shape = frame.frameFormat()
        if shape.leftMargin() != margin or shape.rightMargin() != margin:
            shape.setLeftMargin(margin)
            shape.setRightMargin(margin)
            frame.setFrameFormat(shape)


class AdaptiveSplitter(QSplitter):
    """Two or more panes side by side when the splitter is wide, stacked when narrow.

    Args:
        wide_from: The width (px) from which the panes sit side by side.
        parent: The Qt parent.
    """

    def __init__(self, wide_from: int = 1000, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.wide_from = wide_from
        self.setChildrenCollapsible(False)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Turns the panes to fit the new width."""
        wide = event.size().width() >= self.wide_from
        wanted = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.orientation() != wanted:
            self.setOrientation(wanted)
        super().resizeEvent(event)
