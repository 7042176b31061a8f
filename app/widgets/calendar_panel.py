"""The calendar by week or by month: previous, today and next, events listed per day, read
off the GUI thread (a newer page replaces a page still loading)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, tzinfo

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
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
from app import plain
from app.services.jobs import JobSlot
from app.wording import lines, worded

EVENT_ROLE = Qt.ItemDataRole.UserRole
DAY_ROLE = Qt.ItemDataRole.UserRole + 1
WEEK, MONTH = "week", "month"


def period(view: str, day: date, first_weekday: int = 0) -> tuple[date, date]:
    """The week or month holding ``day``: its first day, and the day after its last.

    Args:
        view: ``week`` or ``month``.
        day: Any day in it.
        first_weekday: The day weeks start on (0 Monday ... 6 Sunday).
    """
    if view == MONTH:
        first = day.replace(day=1)
        return first, (first + timedelta(days=32)).replace(day=1)
    first = day - timedelta(days=(day.weekday() - first_weekday) % 7)
    return first, first + timedelta(days=7)


def shifted(view: str, day: date, steps: int) -> date:
    """The day ``steps`` weeks or months on (the 1st of the month for months)."""
    if view == MONTH:
        months = day.year * 12 + day.month - 1 + steps
        return date(months // 12, months % 12 + 1, 1)
    return day + timedelta(weeks=steps)


def days_between(first: date, end: date) -> Iterator[date]:
    """Each day from ``first`` up to, not including, ``end``."""
    for offset in range((end - first).days):
        yield first + timedelta(days=offset)


def events_on(events: list[CalendarEvent], day: date, tz: tzinfo) -> list[CalendarEvent]:
    """The events that take place on ``day`` (in ``tz``), a long one on each of its days."""
    start = datetime.combine(day, time(0), tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz)
    return [e for e in events if e.start < end and (e.end > start or e.start >= start)]


class CalendarPanel(QWidget):
    """A calendar's week or month, one day after another with its events.

    Args:
        calendar: The calendar to show (None: a hint to set one up).
        tz: The timezone events are shown in.
        parent: The parent widget.
        first_weekday: The day weeks start on (0 Monday ... 6 Sunday); default: the
            locale's.

    Signals:
        refreshed(int): the page was read (number of events in it).
        failed(str): the calendar couldn't be read (the message says what to do).
        setupRequested(): the person wants to choose or set up the calendar.
    """

    refreshed = Signal(int)
    failed = Signal(str)
    setupRequested = Signal()

    def __init__(
        self,
        calendar: CalendarStore | None,
        tz: tzinfo | None = None,
        parent: QWidget | None = None,
        first_weekday: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.calendar = calendar
        self.tz = tz or local_timezone()
        if first_weekday is None:
            first_weekday = QLocale().firstDayOfWeek().value - 1
        self.first_weekday = first_weekday
        self.view = WEEK
        self.day = datetime.now(self.tz).date()
        self._loads = JobSlot(parent=self)
        self._loads.returned.connect(self._show)
        self._loads.failed.connect(self._on_error)

        self.previous_button = QPushButton(self.tr("‹ Previous"))
        self.previous_button.setAccessibleName(self.tr("Previous"))
        self.previous_button.setToolTip(self.tr("The week or month before"))
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.setToolTip(self.tr("Back to the days from today"))
        self.next_button = QPushButton(self.tr("Next ›"))
        self.next_button.setAccessibleName(self.tr("Next"))
        self.next_button.setToolTip(self.tr("The week or month after"))
        self.week_button = QPushButton(self.tr("Week"))
        self.week_button.setToolTip(self.tr("Show seven days"))
        self.month_button = QPushButton(self.tr("Month"))
        self.month_button.setToolTip(self.tr("Show a month"))
        views = QButtonGroup(self)
        for button in (self.week_button, self.month_button):
            button.setCheckable(True)
            views.addButton(button)
        self.week_button.setChecked(True)
        self.setup_button = QPushButton(self.tr("Set up…"))
        self.setup_button.setToolTip(self.tr("Choose an .ics file or a CalDAV account"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the calendar again"))
        self.title = QLabel()
        plain.labels(self.title)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Events"))
        self.list.setWordWrap(True)
        self.status = QLabel()
        plain.labels(self.status)
        self.status.setWordWrap(True)

        navigation = QHBoxLayout()
        for button in (self.previous_button, self.today_button, self.next_button):
            navigation.addWidget(button)
        navigation.addStretch(1)
        navigation.addWidget(self.week_button)
        navigation.addWidget(self.month_button)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.refresh_button)
        header.addWidget(self.setup_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(navigation)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)

        self.previous_button.clicked.connect(lambda: self.show_period(day=self._step(-1)))
        self.next_button.clicked.connect(lambda: self.show_period(day=self._step(1)))
        self.today_button.clicked.connect(
            lambda: self.show_period(day=datetime.now(self.tz).date())
        )
        self.week_button.clicked.connect(lambda: self.show_period(WEEK))
        self.month_button.clicked.connect(lambda: self.show_period(MONTH))
        self.refresh_button.clicked.connect(self.refresh)
        self.setup_button.clicked.connect(self.setupRequested)
        self._show_title()

    @property
    def loading(self) -> bool:
        """Whether a page is being read."""
        return self._loads.busy

    @property
    def period(self) -> tuple[date, date]:
        """The page shown: its first day and the day after its last."""
        return period(self.view, self.day, self.first_weekday)

    def set_calendar(self, calendar: CalendarStore | None) -> None:
        """Shows another calendar and reloads."""
        self.calendar = calendar
        self.refresh()

    def show_period(self, view: str | None = None, day: date | None = None) -> None:
        """Shows the week or month holding ``day`` (the view and day kept when not given)."""
        self.view = view or self.view
        self.day = day or self.day
        (self.month_button if self.view == MONTH else self.week_button).setChecked(True)
        self._show_title()
        self.refresh()

    def _step(self, steps: int) -> date:
        return shifted(self.view, self.period[0], steps)

    def refresh(self) -> None:
        """Reads the page's events off the GUI thread (a page still loading is dropped)."""
        calendar = self.calendar
        self._loads.stop()
        if calendar is None:
            self.list.clear()
            self.status.setText(self.tr("No calendar is set up: press Set up… to choose one."))
            return
        first, end = self.period
        start = datetime.combine(first, time(0), tzinfo=self.tz)
        stop = datetime.combine(end, time(0), tzinfo=self.tz)
        self.status.setText(self.tr("Loading…"))
        self._loads.call(lambda: calendar.list_events(start, stop))

    # -- view ------------------------------------------------------------------------
    def _show_title(self) -> None:
        locale = QLocale()
        first, end = self.period
        if self.view == MONTH:
            self.title.setText(locale.toString(_qdate(first), "MMMM yyyy"))
            return
        last = end - timedelta(days=1)
        self.title.setText(
            f"{locale.toString(_qdate(first), 'd MMM')} – "
            f"{locale.toString(_qdate(last), 'd MMM yyyy')}"
        )

    def _show(self, events: list[CalendarEvent]) -> None:
        self.list.clear()
        first, end = self.period
        for day in days_between(first, end):
            todays = events_on(events, day, self.tz)
            if todays or self.view == WEEK:
                self._add_day(day, todays)
        notes = notes_of(events)  # skipped events and limits reached, named
        empty = (
            ""
            if events
            else (
                self.tr("No events this month.")
                if self.view == MONTH
                else self.tr("No events this week.")
            )
        )
        self.status.setText(lines(notes) if notes else empty)
        self.refreshed.emit(len(events))

    def _add_day(self, day: date, events: list[CalendarEvent]) -> None:
        header = QListWidgetItem(QLocale().toString(_qdate(day), QLocale.FormatType.LongFormat))
        header.setData(DAY_ROLE, day)
        header.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = QFont(header.font())
        font.setBold(True)
        header.setFont(font)
        if day == datetime.now(self.tz).date():
            header.setText(self.tr("{0} (today)").replace("{0}", header.text()))
        self.list.addItem(header)
        if not events:
            empty = QListWidgetItem("    " + self.tr("No events"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        for event in events:
            item = QListWidgetItem("    " + self.event_line(event, day))
            item.setData(EVENT_ROLE, event)
            item.setData(DAY_ROLE, day)
            if event.description:
                item.setToolTip(plain.tip(event.description))
            self.list.addItem(item)

    def event_line(self, event: CalendarEvent, day: date) -> str:
        """``09:00–10:00  Review · Room 4`` (``…`` where it runs on from another day)."""
        if event.all_day:
            when = self.tr("All day")
        else:
            start, end = event.start.astimezone(self.tz), event.end.astimezone(self.tz)
            begins = f"{start:%H:%M}" if start.date() == day else "…"
            ends = f"{end:%H:%M}" if end.date() == day else "…"
            when = f"{begins}–{ends}" if event.end > event.start else begins
        where = f" · {event.location}" if event.location else ""
        return f"{when}  {event.summary}{where}"

    def shown_events(self) -> list[tuple[date, str]]:
        """What the list shows: (day, event line) for every event row, in order."""
        rows = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(EVENT_ROLE) is not None:
                rows.append((item.data(DAY_ROLE), item.text().strip()))
        return rows

    def _on_error(self, error: HearthError) -> None:
        self.list.clear()
        self.status.setText(worded(error))
        self.failed.emit(worded(error))


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
