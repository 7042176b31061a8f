"""The audit log: every approved and denied action, with undo for created or moved events."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agents.calendar.model import CalendarStore
from agents.errors import HearthError
from agents.tools.audit import AuditEntry, AuditLog, detail_words
from app import plain
from app.services.jobs import run_call
from app.widgets.approval_dialog import field_label
from app.wording import worded

ENTRY_ROLE = Qt.ItemDataRole.UserRole


class AuditLogView(QWidget):
    """Lists the audit log, newest first; Undo takes back a created or moved event.

    Reading and undoing run off the GUI thread (undo may talk to a CalDAV server).

    Args:
        audit: The audit log.
        resolve: Reopens a calendar from its location (default: agents.calendar.open_location).
        parent: The parent widget.

    Signals:
        refreshed(int): the list was reloaded (number of entries).
        undone(int): an entry was undone (its id).
        undoFailed(str): why an undo failed.
    """

    refreshed = Signal(int)
    undone = Signal(int)
    undoFailed = Signal(str)

    def __init__(
        self,
        audit: AuditLog,
        resolve: Callable[[str], CalendarStore] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.audit = audit
        self.resolve = resolve
        title = QLabel(self.tr("Actions you approved or denied"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(title.text())
        self.tree.setHeaderLabels(
            [self.tr("When"), self.tr("Action"), self.tr("What"), self.tr("Decision")]
        )
        self.tree.setRootIsDecorated(False)
        # "What" takes the room left (eliding): the decision is never pushed out of sight.
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setEnabled(False)
        self.undo_button.setToolTip(self.tr("Remove the created event, or move it back"))
        self.undo_button.clicked.connect(self.undo_selected)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the log of actions again"))
        self.refresh_button.clicked.connect(self.refresh)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._busy = False

    def refresh(self) -> None:
        """Reloads the entries (off the GUI thread)."""
        run_call(self.audit.entries, self._show, self._on_read_error, parent=self)

    def _show(self, entries: list[AuditEntry]) -> None:
        self.tree.clear()
        for entry in entries:
            item = QTreeWidgetItem(
                [
                    entry.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                    self._kind(entry.kind),
                    entry.summary,
                    self._decision(entry),
                ]
            )
            item.setData(0, ENTRY_ROLE, entry)
            details = (
                f"{field_label(k)}: {worded(detail_words(v))}" for k, v in entry.details.items()
            )
            item.setToolTip(2, plain.tip("\n".join(details)))
            self.tree.addTopLevelItem(item)
        self._update_buttons()
        self.refreshed.emit(len(entries))

    def _kind(self, kind: str) -> str:
        labels = {
            "send_mail": self.tr("send mail"),
            "send_invite": self.tr("send invitation"),
            "save_draft": self.tr("save draft"),
            "create_event": self.tr("create event"),
            "move_event": self.tr("move event"),
            "delete_event": self.tr("delete event"),
        }
        return labels.get(kind, kind.replace("_", " "))

    def _decision(self, entry: AuditEntry) -> str:
        labels = {
            "denied": self.tr("denied"),
            "pending": self.tr("approved, in progress"),
            "done": self.tr("approved, done"),
            "failed": self.tr("approved, failed"),
            "undone": self.tr("approved, undone"),
        }
        text = labels.get(entry.outcome, entry.outcome)
        if not entry.error:
            return text
        return f"{text}: {worded(entry.error_words) if entry.error_words else entry.error}"

    def selected_entry(self) -> AuditEntry | None:
        """The selected entry, if any."""
        items = self.tree.selectedItems()
        if not items:
            return None
        entry = items[0].data(0, ENTRY_ROLE)
        return entry if isinstance(entry, AuditEntry) else None

    def select_entry(self, entry_id: int) -> None:
        """Selects the row of an entry."""
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            entry = item.data(0, ENTRY_ROLE) if item else None
            if isinstance(entry, AuditEntry) and entry.id == entry_id and item is not None:
                self.tree.setCurrentItem(item)
                return

    def _update_buttons(self) -> None:
        entry = self.selected_entry()
        self.undo_button.setEnabled(bool(entry and entry.can_undo) and not self._busy)

    def undo_selected(self) -> None:
        """Undoes the selected entry (off the GUI thread)."""
        entry = self.selected_entry()
        if entry is None or not entry.can_undo or self._busy:
            return
        self._busy = True
        self._update_buttons()
        self.status.setText(self.tr("Undoing…"))
        entry_id = entry.id

        def done(_: object) -> None:
            self._busy = False
            self.status.setText(self.tr("Undone."))
            self.undone.emit(entry_id)
            self.refresh()

        run_call(lambda: self.audit.undo(entry_id, self.resolve), done, self._on_undo_error, self)

    def _on_undo_error(self, error: HearthError) -> None:
        self._busy = False
        self.status.setText(self.tr("Undo failed: {0}").format(worded(error)))
        self._update_buttons()
        self.undoFailed.emit(worded(error))

    def _on_read_error(self, error: HearthError) -> None:
        self.status.setText(self.tr("Can't read the audit log: {0}").format(worded(error)))
