"""Images inside a chat message: thumbnails that open the full-size viewer on click."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from agents.attachments import Attachment, ImageRef, images_in
from agents.images.errors import ImageError
from agents.images.store import ImageStore
from app import plain
from app.services.images import ImageTaskService
from app.widgets.image_attachments import thumbnail
from app.widgets.image_viewer import ImageViewer

MESSAGE_THUMB_SIZE = 160


class MessageImageThumbnail(QToolButton):
    """One image of a message. Click opens it at full size.

    Args:
        store: Where the image is kept.
        attachment: The message's image.
        tasks: Enables "find" and "chart to table" in the viewer; optional.
        edge: Thumbnail size in pixels.

    Signals:
        opened(ImageViewer): a viewer was opened for this image.
    """

    opened = Signal(object)

    def __init__(
        self,
        store: ImageStore,
        attachment: ImageRef,
        *,
        tasks: ImageTaskService | None = None,
        edge: int = MESSAGE_THUMB_SIZE,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("messageImage")
        self.store = store
        self.tasks = tasks
        self.sha256 = attachment.sha256
        self.name = attachment.name or self.tr("image")
        self.setIconSize(QSize(edge, edge))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.missing = False
        try:
            data = store.get(self.sha256)
        except (ImageError, OSError):  # from store.get: always kind MISSING
            self.missing = True
            self.setText(self.tr("Image missing"))
            self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.setToolTip(
                plain.tip(
                    self.tr("{name} is no longer in Hearth's data folder.").format(name=self.name)
                )
            )
            self.setEnabled(False)
            return
        from PySide6.QtGui import QIcon

        self.setIcon(QIcon(thumbnail(data, edge)))
        self.setToolTip(plain.tip(self.tr("{name}: click to open").format(name=self.name)))
        self.setAccessibleName(self.tr("Image {name}").format(name=self.name))
        self.clicked.connect(self.open_viewer)

    def open_viewer(self) -> ImageViewer | None:
        """Opens the full-size viewer (non-modal); returns it."""
        try:
            data = self.store.get(self.sha256)
        except (ImageError, OSError):  # from store.get: always kind MISSING
            return None
        viewer = ImageViewer(data, self.name, sha256=self.sha256, tasks=self.tasks, parent=self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()
        self.opened.emit(viewer)
        return viewer


class MessageImages(QWidget):
    """The row of images under a message's text.

    Args:
        store: Where images are kept.
        attachments: The message's attachments; its images show.
        tasks: Enables "find" and "chart to table" in the viewer; optional.
    """

    def __init__(
        self,
        store: ImageStore,
        attachments: Sequence[Attachment],
        *,
        tasks: ImageTaskService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("messageImages")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.thumbnails = [
            MessageImageThumbnail(store, a, tasks=tasks) for a in images_in(attachments)
        ]
        for thumb in self.thumbnails:
            layout.addWidget(thumb)
        layout.addStretch(1)
        if not self.thumbnails:  # (never shown here: without a parent it would be a window)
            self.hide()
