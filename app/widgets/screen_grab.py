"""Choosing a region of the screen to ask about: a full-screen picture of the screen on
which the person drags a rectangle (Esc cancels)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
)
from PySide6.QtWidgets import QWidget

MIN_SIDE = 8  # a smaller drag is a click: the whole screen is taken


class ScreenGrab(QWidget):
    """Shows a still of the screen; a dragged rectangle of it is emitted as ``grabbed``.

    Args:
        still: The picture of the screen (default: the primary screen, taken now).

    Signals:
        grabbed(QPixmap): the chosen region (the whole still for a click).
        cancelled(): Esc was pressed.
    """

    grabbed = Signal(QPixmap)
    cancelled = Signal()

    def __init__(self, still: QPixmap | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("screenGrab")
        self.setWindowTitle(self.tr("Drag over what to ask about (Esc cancels)"))
        self.setCursor(Qt.CursorShape.CrossCursor)
        if still is None:
            screen = QGuiApplication.primaryScreen()
            still = screen.grabWindow(0) if screen is not None else QPixmap()
        self.still = still
        self._start: QPoint | None = None
        self._end: QPoint | None = None
        self.resize(still.size())

    def selection(self) -> QRect:
        """The dragged rectangle, in the still's pixels."""
        if self._start is None or self._end is None:
            return QRect()
        a, b = self._start, self._end
        rect = QRect(min(a.x(), b.x()), min(a.y(), b.y()), abs(a.x() - b.x()), abs(a.y() - b.y()))
        return rect.intersected(self.still.rect())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Starts a rectangle."""
        self._start = self._end = event.position().toPoint()
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Grows the rectangle."""
        if self._start is not None:
            self._end = event.position().toPoint()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Ends the rectangle and hands over its part of the still."""
        self._end = event.position().toPoint()
        chosen = self.selection()
        small = chosen.width() < MIN_SIDE or chosen.height() < MIN_SIDE
        self.grabbed.emit(self.still if small else self.still.copy(chosen))
        self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc cancels."""
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            self.close()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The still, dimmed outside the rectangle."""
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self.still)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 90))
        chosen = self.selection()
        if not chosen.isEmpty():
            painter.drawPixmap(chosen, self.still, chosen)
            painter.setPen(QColor(255, 255, 255))
            painter.drawRect(chosen.adjusted(0, 0, -1, -1))
        painter.end()
