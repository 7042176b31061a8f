"""The approval dialog: the real action in full, Deny by default, no "always allow"."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from agents.tools.approval import ProposedAction

if TYPE_CHECKING:
    from app.services.approvals import ApprovalTicket

# Fields shown as blocks of text (monospace for the .ics), in this order after the others.
_BLOCK_FIELDS = ("body", "description", "ics")


def _words(key: str) -> str:
    """What the dialog calls an action (by its kind) or a field of it (by its key)."""
    words = {
        "send_mail": QCoreApplication.translate("ApprovalDialog", "Send this message?"),
        "send_invite": QCoreApplication.translate("ApprovalDialog", "Send this invitation?"),
        "save_draft": QCoreApplication.translate("ApprovalDialog", "Save this draft?"),
        "create_event": QCoreApplication.translate("ApprovalDialog", "Add this event?"),
        "move_event": QCoreApplication.translate("ApprovalDialog", "Move this event?"),
        "from": QCoreApplication.translate("ApprovalDialog", "From"),
        "to": QCoreApplication.translate("ApprovalDialog", "To"),
        "cc": QCoreApplication.translate("ApprovalDialog", "Cc"),
        "subject": QCoreApplication.translate("ApprovalDialog", "Subject"),
        "body": QCoreApplication.translate("ApprovalDialog", "Message"),
        "attachments": QCoreApplication.translate("ApprovalDialog", "Attachments"),
        "when": QCoreApplication.translate("ApprovalDialog", "When"),
        "starts": QCoreApplication.translate("ApprovalDialog", "Starts"),
        "ends": QCoreApplication.translate("ApprovalDialog", "Ends"),
        "requested": QCoreApplication.translate("ApprovalDialog", "Asked for"),
        "title": QCoreApplication.translate("ApprovalDialog", "Title"),
        "location": QCoreApplication.translate("ApprovalDialog", "Location"),
        "attendees": QCoreApplication.translate("ApprovalDialog", "Attendees"),
        "description": QCoreApplication.translate("ApprovalDialog", "Notes"),
        "calendar": QCoreApplication.translate("ApprovalDialog", "Calendar"),
        "ics": QCoreApplication.translate("ApprovalDialog", "Calendar data (.ics)"),
    }
    return words.get(key, "")


def _title_for(kind: str) -> str:
    return _words(kind) or QCoreApplication.translate("ApprovalDialog", "Allow this action?")


def field_label(key: str) -> str:
    """What the window calls a field of an action (its key when it has no name)."""
    return _words(key) or key


class ApprovalDialog(QDialog):
    """Shows one proposed action exactly as it would be sent or written.

    All text is shown as plain text (never rich text or HTML: it may come from a hostile
    e-mail). Deny is the default button and Escape denies; there is no "always allow".

    Args:
        action: The action, with its real content.
        parent: The window it belongs to.
    """

    def __init__(self, action: ProposedAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = action
        self.setWindowTitle(self.tr("Approve an action"))
        self.setModal(True)
        self.resize(640, 560)

        heading = QLabel(_title_for(action.kind))
        heading.setObjectName("dialogHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        heading.setFont(font)
        intro = self._plain_label(
            self.tr("Hearth will only do this if you approve. This is exactly what it will do:")
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        for key, value in action.details.items():
            if key in _BLOCK_FIELDS or "\n" in value:
                continue
            label = self._plain_label(value)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(field_label(key), label)
            self.fields[key] = label
        blocks = QVBoxLayout()
        ordered = [k for k in _BLOCK_FIELDS if k in action.details] + [
            k for k, v in action.details.items() if "\n" in v and k not in _BLOCK_FIELDS
        ]
        for key in ordered:
            text = QPlainTextEdit()
            text.setReadOnly(True)
            text.setPlainText(action.details[key])
            text.setLineWrapMode(
                QPlainTextEdit.LineWrapMode.NoWrap
                if key == "ics"
                else QPlainTextEdit.LineWrapMode.WidgetWidth
            )
            if key == "ics":
                text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
                text.setProperty("monospace", True)  # at the text size in force
            blocks.addWidget(QLabel(field_label(key)))
            text.setAccessibleName(field_label(key))
            blocks.addWidget(text, 1)
            self.fields[key] = text

        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addLayout(form)
        inner.addLayout(blocks, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)

        buttons = QDialogButtonBox()
        self.approve_button = QPushButton(self.tr("Approve"))
        self.deny_button = QPushButton(self.tr("Deny"))
        buttons.addButton(self.approve_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.deny_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.approve_button.setAutoDefault(False)
        self.approve_button.setDefault(False)
        self.deny_button.setAutoDefault(True)
        self.deny_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.deny_button.setFocus()

    @staticmethod
    def _plain_label(text: str) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setOpenExternalLinks(False)
        return label

    def showEvent(self, event: object) -> None:
        """Puts the keyboard focus on Deny whenever the dialog appears."""
        super().showEvent(event)  # type: ignore[arg-type]
        self.deny_button.setFocus()


def dialog_asker(
    parent: QWidget | None = None,
) -> Callable[[ProposedAction, ApprovalTicket], None]:
    """An ``ask`` handler for ApprovalBridge: shows an ApprovalDialog without blocking.

    The dialog answers the ticket when it closes (Approve: yes; anything else: no) and
    closes itself if the request is stopped meanwhile.
    """

    def ask(action: ProposedAction, ticket: ApprovalTicket) -> None:
        dialog = ApprovalDialog(action, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(
            lambda result: ticket.answer(result == QDialog.DialogCode.Accepted.value)
        )

        def close_if_open() -> None:
            if dialog.isVisible():
                dialog.reject()

        ticket.on_withdrawn(close_if_open)
        dialog.open()

    return ask


__all__ = ["ApprovalDialog", "dialog_asker"]
