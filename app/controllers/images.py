"""Images in the window: attaching (button, drop, paste), Find and Chart to table as chat
turns, and the images shown under messages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QToolButton, QWidget

from agents.attachments import CHART, FIND, Attachment, Citation, ImageTaskRequest, images_in
from agents.turns.request import Mode, TurnRequest
from app.services.images import ImageAttachmentController, ImageIntake, ImageTaskService
from app.widgets.image_attachments import AttachImageButton, ImageAttachmentStrip, ImageDropOverlay

if TYPE_CHECKING:
    from agents.storage import StoredMessage
    from app.main_window import MainWindow


class ImagesController(QObject):
    """The images feature of one window.

    Args:
        window: The window (composer, chat, session, router, image store).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.intake = ImageIntake(window.image_store, window)
        self.tasks = ImageTaskService(window.router, window.image_store, window)
        self.strip = ImageAttachmentStrip()
        self.strip.connect_intake(self.intake)
        composer = window.composer
        composer.attachments.addWidget(self.strip)
        composer.attachments_of = self.strip.attachments
        composer.tools.addWidget(AttachImageButton(self.intake))
        self.find_button = self._task_button(
            self.tr("Find…"), self.tr("Find something in the attached image")
        )
        self.find_button.clicked.connect(lambda: self.find_in_image())
        self.chart_button = self._task_button(
            self.tr("Chart to table"), self.tr("Read the attached chart into a table")
        )
        self.chart_button.clicked.connect(self.chart_to_table)
        self.strip.changed.connect(self._on_strip_changed)
        self.drops = ImageAttachmentController(self.intake, window)
        self.drops.install(composer.edit)
        self.drops.install(window.chat)
        self.drop_hint = ImageDropOverlay(window.chat)
        self.drops.dragActive.connect(self.drop_hint.setActive)
        self.intake.busyChanged.connect(
            lambda busy: composer.button.setEnabled(not busy or window.session.busy)
        )
        window.session.turnStarted.connect(lambda *_: self.strip.clear())

    def _task_button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setEnabled(False)
        self.strip.add_action(button)
        return button

    def _on_strip_changed(self) -> None:
        has_image = bool(self.strip.images())
        self.find_button.setEnabled(has_image)
        self.chart_button.setEnabled(has_image)

    def find_in_image(self, query: str | None = None) -> None:
        """Finds something in the attached image; the answer shows it boxed."""
        window = self.window
        if query is None:
            query, ok = QInputDialog.getText(
                window,
                self.tr("Find in the image"),
                self.tr("What should Hearth find?"),
                text=window.composer.text.strip(),
            )
            if not ok:
                return
        query = " ".join(query.split())
        if not query or not self.strip.images():
            return
        window.composer.edit.clear()
        self._send(self.tr("Find: {0}").format(query), ImageTaskRequest(FIND, query))

    def chart_to_table(self) -> None:
        """Reads the attached chart into a table (Markdown and CSV) in the chat."""
        if self.strip.images():
            self._send(self.tr("Chart to table"), ImageTaskRequest(CHART))

    def _send(self, text: str, task: ImageTaskRequest) -> None:
        attachments: tuple[Attachment, ...] = (*self.strip.attachments(), task)
        self.window.chats.send(TurnRequest.ask(text, Mode.IMAGE_TASK, attachments=attachments))

    def message_extras(self, message: StoredMessage) -> QWidget | None:
        """What shows under a message's text: its images, or an answer's sources."""
        return extras_for(message.attachments, self)


def extras_for(attachments: Sequence[Attachment], images: ImagesController) -> QWidget | None:
    """The widget under a message: numbered sources, or the row of its images."""
    if any(isinstance(a, Citation) for a in attachments):
        from app.widgets.message_sources import MessageSources

        return MessageSources(attachments)
    if images_in(attachments):
        from app.widgets.image_thumbnail import MessageImages

        return MessageImages(images.window.image_store, attachments, tasks=images.tasks)
    return None
