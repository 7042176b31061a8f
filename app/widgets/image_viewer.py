"""The full-size image viewer, with a bounding-box overlay for "find X", and Find and
Chart to table shown while they run (attempt, tokens, time so far) with a Stop button."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from agents.cancel import Progress
from agents.errors import HearthError
from agents.images.chart import ChartTable
from agents.images.grounding import Box, Grounding
from app import plain
from app.services.images import ImageTaskService
from app.widgets.job_bar import JobBar
from app.wording import worded

BOX_COLOUR = QColor(255, 64, 160)


def pixmap_from_bytes(data: bytes) -> QPixmap:
    """Decodes PNG/JPEG bytes into a pixmap (null if undecodable)."""
    image = QImage.fromData(QByteArray(data))
    return QPixmap.fromImage(image)


class ImageCanvas(QWidget):
    """Paints an image scaled to fit, keeping its aspect, with an optional box on top."""

    def __init__(self, pixmap: QPixmap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap = pixmap
        self._box: Box | None = None
        self._label = ""
        self.setMinimumSize(160, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    @property
    def box(self) -> Box | None:
        """The box drawn over the image, in normalized coordinates."""
        return self._box

    def set_box(self, box: Box | None, label: str = "") -> None:
        """Draws ``box`` (or nothing) with ``label`` over the image."""
        self._box = box
        self._label = label
        self.update()

    def sizeHint(self) -> QSize:
        """The image's own size, within reason."""
        size = self._pixmap.size()
        return size.boundedTo(QSize(1120, 800)) if not size.isEmpty() else QSize(320, 240)

    def image_rect(self) -> QRectF:
        """Where the image is painted inside the widget."""
        if self._pixmap.isNull():
            return QRectF()
        scaled = self._pixmap.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (self.width() - scaled.width()) / 2
        y = (self.height() - scaled.height()) / 2
        return QRectF(x, y, scaled.width(), scaled.height())

    def box_rect(self) -> QRectF | None:
        """The box in widget coordinates, or None."""
        if self._box is None:
            return None
        area = self.image_rect()
        b = self._box
        return QRectF(
            area.x() + b.x0 * area.width(),
            area.y() + b.y0 * area.height(),
            (b.x1 - b.x0) * area.width(),
            (b.y1 - b.y0) * area.height(),
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paints the image, then the box and its label."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if self._pixmap.isNull():
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No image"))
            painter.end()
            return
        painter.drawPixmap(self.image_rect(), self._pixmap, QRectF(self._pixmap.rect()))
        rect = self.box_rect()
        if rect is not None:
            pen = QPen(BOX_COLOUR, 3)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
            if self._label:
                metrics = painter.fontMetrics()
                text_rect = QRectF(
                    rect.x(),
                    max(0.0, rect.y() - metrics.height() - 4),
                    metrics.horizontalAdvance(self._label) + 8,
                    metrics.height() + 4,
                )
                painter.fillRect(text_rect, BOX_COLOUR)
                painter.setPen(QColor(255, 255, 255))
                painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, self._label)
        painter.end()


class ImageViewer(QDialog):
    """An image at full size; with a task service it can also find things and read charts.

    Args:
        data: The prepared image bytes.
        name: Shown in the title.
        sha256: The image's key in the store (needed for tasks).
        tasks: Runs "find" and "chart to table"; None hides those actions.
        parent: The owning window.
    """

    def __init__(
        self,
        data: bytes,
        name: str,
        *,
        sha256: str = "",
        tasks: ImageTaskService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("imageViewer")
        self.setWindowTitle(self.tr("Image: {name}").format(name=name))
        self.data = data
        self.sha256 = sha256
        self.tasks = tasks
        self.canvas = ImageCanvas(pixmap_from_bytes(data))
        self.status = QLabel()
        plain.labels(self.status)
        self.status.setObjectName("imageViewerStatus")
        self.status.setWordWrap(True)
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Find in the image, e.g. the cat"))
        self.find_button = QPushButton(self.tr("Find"))
        self.chart_button = QPushButton(self.tr("Chart to table"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        self.job = JobBar()
        self.stop_button = self.job.stop_button

        actions = QHBoxLayout()
        actions.addWidget(self.query, 1)
        actions.addWidget(self.find_button)
        actions.addWidget(self.chart_button)
        actions.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.job)
        layout.addLayout(actions)

        has_tasks = tasks is not None and bool(sha256)
        for widget in (self.query, self.find_button, self.chart_button):
            widget.setVisible(has_tasks)
        if tasks is not None and sha256:
            self.find_button.clicked.connect(self.find_object)
            self.query.returnPressed.connect(self.find_object)
            self.chart_button.clicked.connect(self.read_chart)
            tasks.groundingReady.connect(self._on_grounding)
            tasks.chartReady.connect(self._on_chart)
            tasks.failed.connect(self._on_failed)
            tasks.busyChanged.connect(self._on_busy)
            tasks.progress.connect(self._on_progress)
            tasks.stopped.connect(self._on_stopped)
            self.stop_button.clicked.connect(tasks.cancel)
        self.resize(self.canvas.sizeHint() + QSize(40, 100))

    def show_grounding(self, result: Grounding) -> None:
        """Draws the box of a "find" answer (or says it wasn't found)."""
        if result.found and result.box is not None:
            self.canvas.set_box(result.box, result.label)
            self.status.setText(self.tr("Found: {label}").format(label=result.label))
        else:
            self.canvas.set_box(None)
            self.status.setText(
                self.tr("Couldn't find {query} in the image.").format(query=result.query)
            )

    def find_object(self) -> None:
        """Asks the vision model where the typed thing is."""
        query = self.query.text().strip()
        if not query or self.tasks is None:
            return
        self.tasks.find(self.sha256, query)
        self.status.setText(self.tr("Looking for {query}…").format(query=query))

    def read_chart(self) -> None:
        """Asks the vision model for the chart's data."""
        if self.tasks is None:
            return
        self.tasks.chart_to_table(self.sha256)
        self.status.setText(self.tr("Reading the chart…"))

    def _on_grounding(self, sha256: str, result: Grounding) -> None:
        if sha256 == self.sha256:
            self.show_grounding(result)

    def _on_chart(self, sha256: str, table: ChartTable) -> None:
        if sha256 != self.sha256:
            return
        from app.widgets.image_chart import ChartTableDialog

        self.status.setText(self.tr("Chart read: check the numbers against the original."))
        dialog = ChartTableDialog(table, self.data, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def _on_failed(self, error: HearthError) -> None:
        if self._mine():
            self.status.setText(worded(error))

    def _on_stopped(self, sha256: str) -> None:
        if sha256 == self.sha256:
            self.status.setText(self.tr("Stopped. Nothing was kept from that task."))

    def _on_progress(self, progress: Progress) -> None:
        if self._mine():
            self.job.set_progress(progress)

    def _on_busy(self, busy: bool) -> None:
        self.find_button.setEnabled(not busy)
        self.chart_button.setEnabled(not busy)
        self.job.set_running(busy and self._mine())

    def _mine(self) -> bool:
        """Whether the task service's task is about this viewer's image."""
        return self.tasks is not None and self.tasks.current == self.sha256

    def done(self, result: int) -> None:
        """Stops this image's running task when the viewer closes."""
        if self.tasks is not None and self.tasks.busy and self._mine():
            self.tasks.cancel()
        super().done(result)
