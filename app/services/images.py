"""Qt services for images: intake off the GUI thread, drops and pastes, vision tasks.

- :class:`ImageIntake` prepares files or bytes in a worker thread (a 24-megapixel photo
  takes a noticeable moment) and stores the result in the ImageStore.
- :class:`ImageAttachmentController` turns drops and pastes (QMimeData: file URLs, raw
  image bytes, or a clipboard image) into intake jobs; install it on any widget.
- :class:`ImageTaskService` runs "chart to table" and "find X" with the vision model.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QMimeData,
    QObject,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QImage,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from agents.attachments import CHART, FIND, ImageRef, ImageTaskRequest
from agents.cancel import CancelToken
from agents.errors import HearthError
from agents.events import Event
from agents.images.errors import ImageError
from agents.images.store import ImageStore
from agents.llm import ErrorKind, LLMError
from agents.turns.request import Mode, TurnRequest
from agents.turns.router import Router
from agents.wording import say
from app.services.events import EventPump
from app.services.jobs import run_call

if TYPE_CHECKING:
    from agents.images.intake import PreparedImage

log = logging.getLogger(__name__)

# At most two images decode at once (a 24-MP PNG needs ~130 MB while it decodes).
_INTAKE_SLOTS = threading.BoundedSemaphore(2)

# Raw encoded formats worth keeping as-is (they carry EXIF orientation and full quality).
_RAW_IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp", "image/tiff")


def image_loader_for(store: ImageStore) -> Callable[[ImageRef], bytes | None]:
    """A ChatSession ``image_loader``: an image's bytes, or None when gone."""

    def load(image: ImageRef) -> bytes | None:
        try:
            return store.get(image.sha256)
        except (ImageError, OSError):  # from store.get: always kind MISSING
            log.warning("image attachment missing from the store")
            return None

    return load


class ImageIntake(QObject):
    """Prepares and stores images off the GUI thread, one worker per image.

    Signals:
        prepared(PreparedImage): ready and stored (``store.has(image.sha256)``).
        failed(HearthError): refused; the message names the file and the reason.
        busyChanged(bool): whether any image is still being prepared.
    """

    prepared = Signal(object)
    failed = Signal(object)
    busyChanged = Signal(bool)

    def __init__(self, store: ImageStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._preparing = 0

    @property
    def busy(self) -> bool:
        """Whether images are still being prepared."""
        return self._preparing > 0

    def add_path(self, path: Path) -> None:
        """Prepares an image file."""
        self._start(lambda: self._prepare(Path(path), None))

    def add_bytes(self, data: bytes, name: str | None = None) -> None:
        """Prepares image bytes (a paste, or an image dragged from another app)."""
        self._start(lambda: self._prepare(bytes(data), name))

    def _prepare(self, source: Path | bytes, name: str | None) -> PreparedImage:
        from agents.images.intake import prepare_image  # Pillow: loaded when first used

        with _INTAKE_SLOTS:  # a drop of twenty photos must not decode twenty at once
            prepared = prepare_image(source, name)
            self.store.put(prepared.data)
        return prepared

    def _start(self, job: Callable[[], PreparedImage]) -> None:
        self._preparing += 1
        run_call(
            job,
            lambda image: self._finished(self.prepared, image),
            lambda error: self._finished(self.failed, error),
            self,
            translate=_intake_error,
        )
        if self._preparing == 1:
            self.busyChanged.emit(True)

    def _finished(self, report: SignalInstance, value: object) -> None:
        self._preparing -= 1
        report.emit(value)
        if not self._preparing:
            self.busyChanged.emit(False)


def _intake_error(exc: Exception) -> HearthError:
    if isinstance(exc, OSError):
        return HearthError(
            say("Couldn't save the image in Hearth's data folder: {problem}", problem=exc)
        )
    return HearthError(say("Couldn't read the image: {problem}", problem=exc))


def image_payloads(mime: QMimeData) -> tuple[list[Path], list[tuple[bytes, str]]]:
    """What a drop or paste carries: local files, and/or encoded images with names.

    Files come from URLs (only local ones: Hearth never fetches from the web). Without
    files, raw encoded image bytes are preferred to Qt's decoded image, which would lose
    EXIF orientation.
    """
    files = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    if files:
        return files, []
    for fmt in _RAW_IMAGE_TYPES:
        if mime.hasFormat(fmt):
            data = bytes(mime.data(fmt).data())
            if data:
                return [], [(data, "pasted image")]
    if mime.hasImage():
        image = mime.imageData()
        if isinstance(image, QImage) and not image.isNull():
            return [], [(qimage_to_png(image), "pasted image")]
    return [], []


def has_image_payload(mime: QMimeData) -> bool:
    """Whether a drop or paste carries something to attach."""
    if any(url.isLocalFile() for url in mime.urls()):
        return True
    return mime.hasImage() or any(mime.hasFormat(f) for f in _RAW_IMAGE_TYPES)


def qimage_to_png(image: QImage) -> bytes:
    """Encodes a QImage as PNG bytes."""
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; str works
    buffer.close()
    return bytes(array.data())


class ImageAttachmentController(QObject):
    """Accepts drops and pastes of images on the widgets it is installed on.

    Files and image data go to the ImageIntake; its ``prepared`` and ``failed`` signals
    report the outcome. Text drops and pastes pass through untouched.

    Signals:
        dragActive(bool): an image drag entered (True) or left/dropped (False): show a
            drop hint.
    """

    dragActive = Signal(bool)

    def __init__(self, intake: ImageIntake, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.intake = intake
        self._targets: list[QWidget] = []

    def install(self, widget: QWidget) -> None:
        """Accepts drops on ``widget`` (and its viewport) and Ctrl+V image pastes."""
        widget.setAcceptDrops(True)
        targets = [widget]
        if isinstance(widget, QAbstractScrollArea):
            widget.viewport().setAcceptDrops(True)
            targets.append(widget.viewport())
        for target in targets:
            target.installEventFilter(self)
            self._targets.append(target)

    def accept(self, mime: QMimeData) -> bool:
        """Attaches what ``mime`` carries; returns whether it carried anything."""
        try:
            files, blobs = image_payloads(mime)
        except Exception as exc:  # never let a bad drop escape into Qt's event loop
            log.exception("couldn't read a drop or paste")
            self.intake.failed.emit(
                HearthError(say("Couldn't read the dropped or pasted data: {problem}", problem=exc))
            )
            return True
        for path in files:
            self.intake.add_path(path)
        for data, name in blobs:
            self.intake.add_bytes(data, name)
        return bool(files or blobs)

    def paste(self) -> bool:
        """Attaches the clipboard's image or image files; False if it holds none."""
        mime = QApplication.clipboard().mimeData()
        if mime is None or not _is_image_paste(mime):
            return False
        return self.accept(mime)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Intercepts image drags, drops and pastes; everything else passes through."""
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
            event, QDragEnterEvent | QDragMoveEvent
        ):
            mime = event.mimeData()
            if mime is not None and _is_image_drop(mime):
                event.acceptProposedAction()
                if kind == QEvent.Type.DragEnter:
                    self.dragActive.emit(True)
                return True
        elif kind == QEvent.Type.DragLeave:
            self.dragActive.emit(False)
        elif kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            mime = event.mimeData()
            if mime is not None and _is_image_drop(mime):
                self.dragActive.emit(False)
                self.accept(mime)
                event.acceptProposedAction()
                return True
        elif (
            kind == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Paste)
        ):
            return self.paste()
        return super().eventFilter(watched, event)


def _is_image_drop(mime: QMimeData) -> bool:
    """Drops of files or image data are ours; plain text drops go to the text box."""
    return has_image_payload(mime)


def _is_image_paste(mime: QMimeData) -> bool:
    """A paste is an image paste when it carries an image, or files and no text to paste."""
    if mime.hasImage() or any(mime.hasFormat(f) for f in _RAW_IMAGE_TYPES):
        return True
    return any(url.isLocalFile() for url in mime.urls())


class ImageTaskService(QObject):
    """Runs vision tasks (chart to table, find X) through the router; one at a time.

    They are turns like any other (the safety check applies when it is on); the view
    that asked gets the structured result, not the chat's text.

    Args:
        router: Builds the image-task turn.
        store: Where the images are kept.

    Signals:
        chartReady(str, ChartTable): sha256 of the image and its table.
        groundingReady(str, Grounding): sha256 of the image and where the thing is.
        status(str): a step the person should see ("Reading the chart…").
        progress(Progress): attempt n of m and tokens so far of the running task.
        stopped(str): sha256 of the image whose task was stopped; nothing of it is kept.
        failed(HearthError): a clear message for the person.
        modelMissing(str): the vision model isn't pulled: offer to pull this model.
        busyChanged(bool): a task started or ended.
    """

    chartReady = Signal(str, object)
    groundingReady = Signal(str, object)
    status = Signal(str)
    progress = Signal(object)
    stopped = Signal(str)
    failed = Signal(object)
    modelMissing = Signal(str)
    busyChanged = Signal(bool)

    def __init__(self, router: Router, store: ImageStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.router = router
        self.store = store
        self._on_result: Callable[[Any], None] = lambda _result: None  # the running task's
        self._current = ""
        self._pump = EventPump(translate=router.service.error, parent=self)
        self._pump.busyChanged.connect(self.busyChanged)
        self._pump.status.connect(self.status)
        self._pump.jobProgress.connect(self.progress)
        self._pump.stopped.connect(lambda _text: self.stopped.emit(self._current))
        self._pump.result.connect(lambda result: self._on_result(result))
        self._pump.failed.connect(lambda error, _text: self._report(error))
        self._pump.blocked.connect(lambda blocked: self.failed.emit(HearthError(blocked.message)))

    @property
    def busy(self) -> bool:
        """Whether a task is running."""
        return self._pump.busy

    @property
    def current(self) -> str:
        """The sha256 of the image of the running (or last) task; '' before the first."""
        return self._current

    def chart_to_table(self, sha256: str) -> None:
        """Reads the stored chart image into a table (result: ``chartReady``)."""
        self._run(sha256, ImageTaskRequest(CHART), self.tr("Chart to table"))
        self._on_result = lambda table: self.chartReady.emit(sha256, table)

    def find(self, sha256: str, query: str) -> None:
        """Finds ``query`` in the stored image (result: ``groundingReady``)."""
        self._run(sha256, ImageTaskRequest(FIND, query), self.tr("Find: {0}").format(query))
        self._on_result = lambda found: self.groundingReady.emit(sha256, found)

    def cancel(self) -> None:
        """Stops the running task at once (``stopped`` follows); no result or error is
        reported for it, and the model's stream closes at its next piece."""
        self._pump.stop()

    def _run(self, sha256: str, task: ImageTaskRequest, text: str) -> None:
        self._pump.stop()  # the last task ends first, reported under its own image
        self._current = sha256
        router, store = self.router, self.store

        def stream(cancel: CancelToken) -> Iterator[Event]:
            request = TurnRequest.ask(
                text, Mode.IMAGE_TASK, images=(store.get(sha256),), attachments=(task,)
            )
            return router.build(request).stream(cancel)

        self._pump.start(stream)

    def _report(self, error: HearthError) -> None:
        if isinstance(error, LLMError) and error.kind is ErrorKind.MODEL_MISSING:
            self.modelMissing.emit(error.model or self.router.service.settings.vision_model)
        self.failed.emit(error)


__all__ = [
    "ImageAttachmentController",
    "ImageError",
    "ImageIntake",
    "ImageTaskService",
    "has_image_payload",
    "image_loader_for",
    "image_payloads",
    "qimage_to_png",
]
