"""The composer's attachment strip: thumbnails of the images going with the next message."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, QSize, Qt, Signal
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from agents.attachments import ImageRef
from agents.errors import HearthError
from app import plain, wording
from app.services.images import ImageIntake
from app.wording import worded

if TYPE_CHECKING:
    from agents.images.intake import PreparedImage

THUMB_SIZE = 64


def thumbnail(data: bytes, edge: int) -> QPixmap:
    """A pixmap of the image scaled to fit ``edge`` x ``edge`` (decoded at that size)."""
    array = QByteArray(data)
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if size.isValid() and (size.width() > edge or size.height() > edge):
        reader.setScaledSize(size.scaled(edge, edge, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    buffer.close()
    return QPixmap.fromImage(image)


def describe(image: PreparedImage) -> str:
    """A tooltip: name, sizes, notes."""
    lines = [image.name]
    if image.original_size != (image.width, image.height):
        lines.append(
            f"{image.original_width}×{image.original_height} → {image.width}×{image.height}"
        )
    else:
        lines.append(f"{image.width}×{image.height}")
    lines.extend(worded(note) for note in image.notes)
    return "\n".join(lines)


class AttachmentChip(QFrame):
    """One attached image: its thumbnail and a remove button."""

    removeRequested = Signal(str)

    def __init__(self, image: PreparedImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageAttachment")
        self.image = image
        self.picture = QLabel()
        self.picture.setPixmap(thumbnail(image.data, THUMB_SIZE))
        self.picture.setFixedSize(QSize(THUMB_SIZE, THUMB_SIZE))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setToolTip(plain.tip(describe(image)))
        self.picture.setAccessibleName(self.tr("Attached image {name}").format(name=image.name))
        self.remove_button = QToolButton()
        self.remove_button.setObjectName("removeImage")
        self.remove_button.setText("×")
        self.remove_button.setToolTip(plain.tip(self.tr("Remove {name}").format(name=image.name)))
        self.remove_button.setAccessibleName(self.tr("Remove image"))
        self.remove_button.clicked.connect(lambda: self.removeRequested.emit(image.sha256))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.picture)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)


class ImageAttachmentStrip(QWidget):
    """Thumbnails of the images that will go with the next message, with remove buttons.

    Hidden while empty. Connect an :class:`ImageIntake` with :meth:`connect_intake` so
    prepared images appear and refusals show as a one-line message.

    Signals:
        changed(): an image was added or removed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageAttachmentStrip")
        self._chips: dict[str, AttachmentChip] = {}
        self._row = QHBoxLayout()  # the chips, then what can be done with them
        self._row.setContentsMargins(0, 0, 0, 0)
        self._actions = QHBoxLayout()
        self._row.addLayout(self._actions)
        self._row.addStretch(1)
        self.status = QLabel()
        plain.labels(self.status)
        self.status.setObjectName("imageAttachmentStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addLayout(self._row)
        layout.addWidget(self.status)
        self._busy = False
        self._update_visibility()

    # -- contents ----------------------------------------------------------------------
    def add(self, image: PreparedImage) -> None:
        """Shows an image (the same image twice is shown once)."""
        if image.sha256 in self._chips:
            return
        chip = AttachmentChip(image)
        chip.removeRequested.connect(self.remove)
        self._chips[image.sha256] = chip
        self._row.insertWidget(self._row.count() - 2, chip)
        if image.notes:
            self.show_message(wording.lines(image.notes, "; "))
        self._update_visibility()
        self.changed.emit()

    def remove(self, sha256: str) -> None:
        """Takes an image off the strip."""
        chip = self._chips.pop(sha256, None)
        if chip is None:
            return
        self._row.removeWidget(chip)
        chip.deleteLater()
        self._update_visibility()
        self.changed.emit()

    def clear(self) -> None:
        """Removes every image (after the message was sent)."""
        for sha256 in list(self._chips):
            self.remove(sha256)
        self.status.hide()

    def add_action(self, button: QAbstractButton) -> None:
        """Puts a button for the attached images beside their chips (Find, Chart...)."""
        self._actions.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)

    def images(self) -> list[PreparedImage]:
        """The attached images, in order."""
        return [chip.image for chip in self._chips.values()]

    def attachments(self) -> list[ImageRef]:
        """The attached images, as the message will carry them."""
        return [image.attachment() for image in self.images()]

    # -- feedback ----------------------------------------------------------------------
    def connect_intake(self, intake: ImageIntake) -> None:
        """Shows what ``intake`` prepares, and its refusals and progress."""
        intake.prepared.connect(self.add)
        intake.failed.connect(self.show_error)
        intake.busyChanged.connect(self.set_busy)

    def set_busy(self, busy: bool) -> None:
        """Shows that images are being prepared."""
        self._busy = busy
        if busy:
            self.show_message(self.tr("Preparing image…"))
        elif self.status.text() == self.tr("Preparing image…"):
            self.status.hide()
        self._update_visibility()

    def show_error(self, error: HearthError) -> None:
        """Shows why an image was refused."""
        self.show_message(worded(error), error=True)

    def show_message(self, text: str, *, error: bool = False) -> None:
        """A one-line note under the thumbnails."""
        self.status.setText(text)
        self.status.setProperty("kind", "error" if error else "")
        self.status.style().unpolish(self.status)  # the style sheet colours it by kind
        self.status.style().polish(self.status)
        self.status.show()
        self._update_visibility()

    def _update_visibility(self) -> None:
        self.setVisible(bool(self._chips) or self._busy or not self.status.isHidden())


class AttachImageButton(QToolButton):
    """A paper-clip button that opens a file dialog and hands the files to the intake."""

    def __init__(self, intake: ImageIntake, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachImageButton")
        self.intake = intake
        self.setText(self.tr("Add image…"))
        self.setToolTip(self.tr("Attach images (or drop or paste them into the chat)"))
        self.setAccessibleName(self.tr("Attach images"))
        self.clicked.connect(self.choose)

    def choose(self) -> None:
        """Opens the file dialog; every chosen file goes to the intake."""
        from agents.images.intake import OPENABLE_FORMATS

        patterns = " ".join(f"*.{e}" for e in ("png", "jpg", "jpeg", "gif", "webp", "bmp", "tif"))
        if "AVIF" in OPENABLE_FORMATS:
            patterns += " *.avif"
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach images"),
            "",
            self.tr("Images ({patterns})").format(patterns=patterns),
        )
        for name in files:
            self.intake.add_path(Path(name))


class ImageDropOverlay(QLabel):
    """A "drop images here" hint laid over a widget while an image is dragged over it.

    It follows its parent's size and lets every mouse and drag event through, so the
    drop still lands on the widget underneath. Connect a controller's ``dragActive``
    to :meth:`setActive`.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("imageDropOverlay")
        self.setText(self.tr("Drop images to attach them"))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(
            Qt.WidgetAttribute.WA_TransparentForMouseEvents
        )  # drawn by the style sheet
        parent.installEventFilter(self)
        self.hide()

    def setActive(self, active: bool) -> None:
        """Shows or hides the hint."""
        if active:
            parent = self.parentWidget()
            if parent is not None:
                self.setGeometry(parent.rect())
            self.raise_()
            self.show()
        else:
            self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keeps the hint the size of its parent."""
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            parent = self.parentWidget()
            if parent is not None:
                self.setGeometry(parent.rect())
        return super().eventFilter(watched, event)
