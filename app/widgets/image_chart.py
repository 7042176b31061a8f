"""The chart table dialog: the extracted numbers as a table (Copy CSV) and as a plot,
beside the original chart so a person can check them at a glance."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agents.images.chart import ChartTable
from app.widgets.image_viewer import ImageCanvas, pixmap_from_bytes

SERIES_COLOURS = [
    QColor(31, 119, 180),
    QColor(255, 127, 14),
    QColor(44, 160, 44),
    QColor(214, 39, 40),
    QColor(148, 103, 189),
    QColor(140, 86, 75),
    QColor(227, 119, 194),
    QColor(127, 127, 127),
]


def series_colour(index: int) -> QColor:
    """The colour of series ``index`` in the plot and its legend."""
    return SERIES_COLOURS[index % len(SERIES_COLOURS)]


class ChartPlot(QWidget):
    """Grouped bars of a ChartTable, drawn with QPainter (one colour per series)."""

    MARGIN_LEFT = 48
    MARGIN = 16
    MARGIN_BOTTOM = 36

    def __init__(self, table: ChartTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.setMinimumSize(240, 180)

    def sizeHint(self) -> QSize:
        """A comfortable default."""
        return QSize(480, 320)

    def value_range(self) -> tuple[float, float]:
        """The axis range: always includes 0, so bar lengths compare honestly."""
        values = [v for s in self.table.series for v in s.values if v is not None]
        low, high = min([0.0, *values]), max([0.0, *values])
        if high == low:
            high = low + 1.0
        return low, high

    def plot_rect(self) -> QRectF:
        """The area inside the axes."""
        return QRectF(
            self.MARGIN_LEFT,
            self.MARGIN,
            max(1, self.width() - self.MARGIN_LEFT - self.MARGIN),
            max(1, self.height() - self.MARGIN - self.MARGIN_BOTTOM),
        )

    def bar_rects(self) -> list[list[QRectF | None]]:
        """Each series' bars (None for a missing value), per category, in pixels."""
        area = self.plot_rect()
        low, high = self.value_range()
        span = high - low
        categories = len(self.table.categories)
        series = len(self.table.series)
        slot = area.width() / categories
        bar = slot * 0.8 / series

        def y_of(value: float) -> float:
            return area.bottom() - (value - low) / span * area.height()

        zero = y_of(0.0)
        rects: list[list[QRectF | None]] = []
        for s_index, s in enumerate(self.table.series):
            row: list[QRectF | None] = []
            for c_index, value in enumerate(s.values):
                if value is None:
                    row.append(None)
                    continue
                x = area.left() + slot * c_index + slot * 0.1 + bar * s_index
                top, bottom = sorted((y_of(value), zero))
                row.append(QRectF(x, top, bar, max(1.0, bottom - top)))
            rects.append(row)
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:
        """Axes, ticks, bars and category labels."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        area = self.plot_rect()
        low, high = self.value_range()
        axis_pen = QPen(palette.color(QPalette.ColorRole.Text), 1)
        grid_pen = QPen(palette.color(QPalette.ColorRole.Midlight), 1)
        painter.setPen(axis_pen)
        metrics = painter.fontMetrics()
        for tick in _ticks(low, high):
            y = area.bottom() - (tick - low) / (high - low) * area.height()
            painter.setPen(grid_pen)
            painter.drawLine(int(area.left()), int(y), int(area.right()), int(y))
            painter.setPen(axis_pen)
            label = f"{tick:g}"
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, self.MARGIN_LEFT - 6, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
        for s_index, row in enumerate(self.bar_rects()):
            for rect in row:
                if rect is not None:
                    painter.fillRect(rect, series_colour(s_index))
        painter.setPen(axis_pen)
        zero = area.bottom() - (0.0 - low) / (high - low) * area.height()
        painter.drawLine(int(area.left()), int(zero), int(area.right()), int(zero))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.drawLine(area.bottomLeft(), area.topLeft())
        slot = area.width() / len(self.table.categories)
        for index, category in enumerate(self.table.categories):
            text = metrics.elidedText(category, Qt.TextElideMode.ElideRight, int(slot))
            painter.drawText(
                QRectF(area.left() + slot * index, area.bottom() + 4, slot, metrics.height()),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                text,
            )
        painter.end()


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering ``low``..``high``."""
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step) * step
    ticks = []
    value = first
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    return ticks


class ChartTableDialog(QDialog):
    """A chart's extracted data: original and plot side by side, the table, Copy CSV.

    Args:
        table: What the vision model read.
        image: The original chart (prepared bytes), shown on the left; None hides it.
        parent: The owning window.
    """

    def __init__(
        self, table: ChartTable, image: bytes | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chartTableDialog")
        self.table_data = table
        self.setWindowTitle(
            self.tr("Chart data: {title}").format(title=table.title)
            if table.title
            else self.tr("Chart data")
        )
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.original = ImageCanvas(pixmap_from_bytes(image)) if image else None
        if self.original is not None:
            splitter.addWidget(self.original)
        self.plot = ChartPlot(table)
        splitter.addWidget(self.plot)
        splitter.setSizes([1000] * splitter.count())  # original and plot share the width

        self.legend = QLabel(self._legend_html())
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.note = QLabel(
            self.tr("Read by the vision model: compare the plot with the original before use.")
        )
        self.note.setWordWrap(True)

        header = table.header
        rows = table.rows()
        self.grid = QTableWidget(len(rows), len(header))
        self.grid.setHorizontalHeaderLabels(header)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if c > 0:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.grid.setItem(r, c, item)
        self.grid.resizeColumnsToContents()

        self.copy_button = QPushButton(self.tr("Copy CSV"))
        self.copy_button.clicked.connect(self.copy_csv)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 3)
        layout.addWidget(self.legend)
        layout.addWidget(self.grid, 2)
        layout.addLayout(buttons)
        self.resize(960, 680)

    def csv(self) -> str:
        """The table as CSV."""
        return self.table_data.to_csv()

    def copy_csv(self) -> None:
        """Puts the CSV on the clipboard."""
        QGuiApplication.clipboard().setText(self.csv())
        self.copy_button.setText(self.tr("Copied"))

    def _legend_html(self) -> str:
        parts = []
        for index, name in enumerate(self.table_data.header[1:]):
            colour = series_colour(index).name()
            safe = name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            parts.append(f'<span style="color:{colour}">■</span> {safe}')
        return "&nbsp;&nbsp;".join(parts)
