"""Readable at any width: a comfortable line length for text, panes that sit side by side
when there is room and stack when there isn't, and rows of controls that take two lines
when one is too narrow (large text, small window)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QSplitter, QTextBrowser, QWidget

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


class TwoPartRow(QWidget):
    """Two groups of controls on one line, or on two (the first above) when the line is
    too narrow for both: the window can be small however large the text.

    Put widgets (and stretches) in ``first`` and ``second``; ``second`` takes the room
    left on a shared line.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = QHBoxLayout()
        self.second = QHBoxLayout()
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        for layout in (self.first, self.second, self._box):
            layout.setContentsMargins(0, 0, 0, 0)
        self._box.addLayout(self.first)
        self._box.addLayout(self.second, 1)
        self._box.setAlignment(self.first, Qt.AlignmentFlag.AlignLeft)  # never stretched

    @property
    def stacked(self) -> bool:
        """Whether the groups are on two lines."""
        return self._box.direction() == QBoxLayout.Direction.TopToBottom

    def minimumSizeHint(self) -> QSize:
        """As narrow as the wider group: on two lines when need be."""
        hint = super().minimumSizeHint()
        narrowest = max(self.first.minimumSize().width(), self.second.minimumSize().width())
        return QSize(min(hint.width(), narrowest), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Takes one line or two for the new width."""
        super().resizeEvent(event)
        self._arrange()

    def event(self, event: QEvent) -> bool:
        """Takes one line or two again when the controls change size (a new text size)."""
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            self._arrange()
        return handled

    def _arrange(self) -> None:
        wide = self.first.sizeHint().width() + self._box.spacing() + self.second.sizeHint().width()
        direction = (
            QBoxLayout.Direction.TopToBottom
            if wide > self.width()
            else QBoxLayout.Direction.LeftToRight
        )
        if direction != self._box.direction():
            self._box.setDirection(direction)
            self.updateGeometry()
