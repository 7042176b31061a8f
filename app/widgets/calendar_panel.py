"""Upcoming events in a simple list, read off the GUI thread."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agents.calendar.model import CalendarEvent, CalendarStore, notes_of
from agents.calendar.zones import local_timezone
from agents.errors import HearthError
from app.services.jobs import run_call

EVENT_ROLE = Qt.ItemDataRole.UserRole


class CalendarPanel(QWidget):
    """The next ``days`` days of a calendar (local .ics or CalDAV).

    Args:
        calendar: The calendar to show (None: a hint to set one up).
        tz: The timezone events are shown in.
        days: How far ahead to look.
        parent: The parent widget.

    Signals:
        refreshed(int): the list was reloaded (number of events).
        failed(str): the calendar couldn't be read (the message says what to do).
    """

    refreshed = Signal(int)
    failed = Signal(str)

    def __init__(
        self,
        calendar: CalendarStore | None,
        tz: tzinfo | None = None,
        days: int = 14,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.calendar = calendar
        self.tz = tz or local_timezone()
        self.days = days
        title = QLabel(self.tr("Upcoming events"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(title, 1)
        header.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)

    def set_calendar(self, calendar: CalendarStore | None) -> None:
        """Shows another calendar and reloads."""
        self.calendar = calendar
        self.refresh()

    def refresh(self) -> None:
        """Reloads the upcoming events (off the GUI thread)."""
        calendar = self.calendar
        if calendar is None:
            self.list.clear()
            self.status.setText(self.tr("No calendar is set up."))
            return
        self.status.setText(self.tr("Loading…"))
        self.refresh_button.setEnabled(False)
        start = datetime.now(self.tz)
        end = start + timedelta(days=self.days)
        run_call(lambda: calendar.list_events(start, end), self._show, self._on_error, self)

    def _show(self, events: list[CalendarEvent]) -> None:
        self.refresh_button.setEnabled(True)
        self.list.clear()
        for event in events:
            item = QListWidgetItem(event.describe(self.tz))
            item.setData(EVENT_ROLE, event)
            if event.description:
                item.setToolTip(event.description[:1000])
            self.list.addItem(item)
        notes = notes_of(events)  # skipped events and limits reached, named
        empty = self.tr("No events in the next {0} days.").format(self.days) if not events else ""
        self.status.setText("\n".join(notes) if notes else empty)
        self.refreshed.emit(len(events))

    def _on_error(self, error: HearthError) -> None:
        self.refresh_button.setEnabled(True)
        self.status.setText(error.message)
        self.failed.emit(error.message)
