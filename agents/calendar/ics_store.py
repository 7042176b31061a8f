"""A calendar kept in one local .ics file: read defensively, written atomically."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from datetime import datetime, tzinfo
from pathlib import Path

import icalendar
import recurring_ical_events

from agents.calendar.model import (
    CalendarError,
    CalendarEvent,
    CalendarKind,
    from_vevent,
    local_timezone,
    matches,
    new_calendar,
    to_vevent,
)
from agents.storage.atomic import write_atomic

try:  # POSIX advisory locks keep two Hearth processes from interleaving writes.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

MAX_FILE_BYTES = 50 * 1024 * 1024


class IcsCalendar:
    """A calendar in a local iCalendar file (what most calendar apps can import and export).

    Every change reads the file, applies the change and replaces the file atomically
    (temporary file, fsync, rename), under a lock; a file that cannot be parsed is never
    overwritten.

    Args:
        path: The .ics file; created on the first change if missing.
        tz: The timezone floating times and all-day dates are read in.
    """

    def __init__(self, path: Path, tz: tzinfo | None = None) -> None:
        self.path = Path(path).expanduser()
        self.tz = tz or local_timezone()
        self._lock = threading.Lock()

    @property
    def location(self) -> str:
        """``ics:<absolute path>``."""
        return f"ics:{self.path.resolve()}"

    # -- reading ------------------------------------------------------------------------
    def _load(self) -> icalendar.Calendar:
        if not self.path.exists():
            return new_calendar()
        try:
            size = self.path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise CalendarError(
                    CalendarKind.GENERAL,
                    f"The calendar file {self.path} is too large ({size // 1_000_000} MB): "
                    "split it or use a CalDAV server.",
                )
            data = self.path.read_bytes()
        except OSError as exc:
            raise CalendarError(
                CalendarKind.GENERAL,
                f"Can't read the calendar file {self.path}: {exc.strerror or exc}.",
            ) from exc
        if not data.strip():
            return new_calendar()
        try:
            calendar = icalendar.Calendar.from_ical(data)
        except Exception as exc:
            raise CalendarError(
                CalendarKind.GENERAL,
                f"The calendar file {self.path} isn't valid iCalendar ({exc}): fix or replace "
                "it; Hearth won't change it until it can be read.",
            ) from exc
        if not isinstance(calendar, icalendar.Calendar):
            raise CalendarError(
                CalendarKind.GENERAL, f"The calendar file {self.path} holds no VCALENDAR."
            )
        return calendar

    def _events(self, calendar: icalendar.Calendar) -> Iterator[icalendar.Event]:
        for component in calendar.walk("VEVENT"):
            if isinstance(component, icalendar.Event):
                yield component

    def list_events(self, start: datetime, end: datetime) -> list[CalendarEvent]:
        """Events overlapping [start, end), recurrences expanded, sorted by start."""
        with self._locked():
            calendar = self._load()
        return self._between(calendar, start, end)

    def _between(
        self, calendar: icalendar.Calendar, start: datetime, end: datetime
    ) -> list[CalendarEvent]:
        try:
            components = recurring_ical_events.of(calendar).between(start, end)
        except Exception as exc:
            raise CalendarError(
                CalendarKind.GENERAL,
                f"The calendar file {self.path} has an event Hearth can't read ({exc}).",
            ) from exc
        events = []
        for component in components:
            try:
                event = from_vevent(component, self.tz)
            except CalendarError:
                continue
            if event.start < end and (event.end > start or event.start >= start):
                events.append(event)
        return sorted(events, key=lambda e: (e.start, e.summary))

    def search(self, query: str, start: datetime, end: datetime) -> list[CalendarEvent]:
        """Events in the range whose title, location or description contain every word."""
        return [e for e in self.list_events(start, end) if matches(e, query)]

    def get(self, uid: str) -> CalendarEvent:
        """One event by UID; raises CalendarError when missing."""
        with self._locked():
            calendar = self._load()
        component = self._find(calendar, uid)
        return from_vevent(component, self.tz)

    def _find(self, calendar: icalendar.Calendar, uid: str) -> icalendar.Event:
        for component in self._events(calendar):
            if str(component.get("UID")) == uid and component.get("RECURRENCE-ID") is None:
                return component
        raise CalendarError(
            CalendarKind.GENERAL, f"There is no event with id {uid!r} in {self.path.name}."
        )

    # -- changing -----------------------------------------------------------------------
    def create(self, event: CalendarEvent) -> CalendarEvent:
        """Adds an event; refuses a UID that exists."""
        with self._locked():
            calendar = self._load()
            if any(str(c.get("UID")) == event.uid for c in self._events(calendar)):
                raise CalendarError(
                    CalendarKind.GENERAL, f"An event with id {event.uid!r} already exists."
                )
            calendar.add_component(to_vevent(event))
            self._write(calendar)
        return event

    def update(self, event: CalendarEvent) -> CalendarEvent:
        """Replaces the (non-recurring) event with the same UID."""
        with self._locked():
            calendar = self._load()
            old = self._find(calendar, event.uid)
            if old.get("RRULE") is not None or old.get("RDATE") is not None:
                raise CalendarError(
                    CalendarKind.GENERAL,
                    f"'{event.summary}' repeats; change repeating events in your calendar app.",
                )
            calendar.subcomponents.remove(old)
            calendar.add_component(to_vevent(event))
            self._write(calendar)
        return event

    def delete(self, uid: str) -> None:
        """Removes an event and its changed occurrences; raises CalendarError when missing."""
        with self._locked():
            calendar = self._load()
            self._find(calendar, uid)
            calendar.subcomponents[:] = [
                c
                for c in calendar.subcomponents
                if not (isinstance(c, icalendar.Event) and str(c.get("UID")) == uid)
            ]
            self._write(calendar)

    def _write(self, calendar: icalendar.Calendar) -> None:
        try:
            write_atomic(self.path, calendar.to_ical())
        except OSError as exc:
            raise CalendarError(
                CalendarKind.GENERAL,
                f"Can't write the calendar file {self.path}: {exc.strerror or exc}. "
                "Nothing was changed.",
            ) from exc

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        with self._lock:
            if fcntl is None or not self.path.parent.exists():
                yield
                return
            lock_path = self.path.with_name(f".{self.path.name}.lock")
            try:
                handle = open(lock_path, "a+b")  # noqa: SIM115
            except OSError:
                yield
                return
            with handle:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
                try:
                    yield
                finally:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
