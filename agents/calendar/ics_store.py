"""A calendar kept in one local .ics file: read defensively, changed in place, atomically."""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Callable, Iterator
from datetime import datetime, tzinfo
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar

from agents.calendar.budget import Budget, Limits, OutOfTime
from agents.calendar.ics_file import Block, IcsDocument, read_ics, split_ics
from agents.calendar.listing import Entry, collect, event_name
from agents.calendar.model import (
    CalendarError,
    CalendarEvent,
    CalendarKind,
    Listing,
    from_vevent,
    matches,
    new_calendar,
    to_vevent,
)
from agents.calendar.zones import local_timezone
from agents.storage.atomic import write_atomic
from agents.wording import Words, say

try:  # POSIX advisory locks keep two Hearth processes from interleaving writes.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

MAX_ZONE_BYTES = 64 * 1024
# Real time zones change offsets at most a few times a year.
_DENSE_ZONE_RULE = re.compile(rb"FREQ=(SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY)", re.IGNORECASE)


class IcsCalendar:
    """A calendar in a local iCalendar file (what most calendar apps can import and export).

    Reading skips (and names) the events it can't read, and expands repetitions only
    inside the asked range, within :class:`~agents.calendar.budget.Limits`. Every change
    reads the file, replaces or adds the one event it concerns, leaves every other byte as
    it was, and replaces the file atomically (temporary file, fsync, rename) under a lock;
    a file whose structure is broken is never changed.

    Args:
        path: The .ics file; created on the first change if missing.
        tz: The timezone floating times and all-day dates are read in.
        limits: What one query may cost.
    """

    def __init__(self, path: Path, tz: tzinfo | None = None, limits: Limits | None = None) -> None:
        self.path = Path(path).expanduser()
        self.tz = tz or local_timezone()
        self.limits = limits or Limits()
        self._lock = threading.Lock()

    @property
    def location(self) -> str:
        """``ics:<absolute path>``."""
        return f"ics:{self.path.resolve()}"

    # -- reading ------------------------------------------------------------------------
    def _read(self) -> IcsDocument | None:
        """The file split into components; None when it is missing or empty."""
        data = read_ics(self.path)
        if data is None or not data.strip():
            return None
        document = split_ics(data)
        if document.calendars == 0:
            raise CalendarError(
                CalendarKind.GENERAL,
                say(
                    "The calendar file {path} isn't iCalendar (it has no BEGIN:VCALENDAR "
                    "line): fix or replace it; Hearth won't change it until it can be read.",
                    path=self.path,
                ),
            )
        return document

    def list_events(self, start: datetime, end: datetime) -> Listing:
        """Events overlapping [start, end), recurrences expanded, sorted by start.

        Events that can't be read are skipped and named in the listing's notes, as are
        the limits reached.
        """
        with self._locked():
            document = self._read()
        if document is None:
            return Listing()
        budget = Budget(self.limits)
        problem = document.writable_problem()
        if problem:
            budget.note(
                say(
                    "The calendar file {name} is damaged ({problem}): Hearth shows what it "
                    "can read and won't change the file.",
                    name=self.path.name,
                    problem=problem,
                )
            )
        self._learn_zones(document, budget)
        entries = [
            Entry(_label(block), block.uid, partial(_parse, block))
            for block in document.events_near(start, end)
        ]
        return collect(entries, start, end, self.tz, budget)

    def _learn_zones(self, document: IcsDocument, budget: Budget) -> None:
        """Reads the file's own VTIMEZONEs (those not named like an IANA zone), bounded."""
        for block in document.blocks:
            if block.kind != "VTIMEZONE":
                continue
            tzid = block.quick("TZID").partition(":")[2].strip()
            if _is_iana(tzid):
                continue
            name = say(
                "the time zone {zone}",
                zone=event_name(tzid, say("line {line}", line=block.line)),
            )
            if not block.complete or len(block.data) > MAX_ZONE_BYTES or block.too_deep:
                budget.note(say("Skipped {name}: it is incomplete or too large.", name=name))
                continue
            if _DENSE_ZONE_RULE.search(block.data):
                budget.note(
                    say(
                        "Skipped {name}: it changes offset more often than any real zone.",
                        name=name,
                    )
                )
                continue
            try:
                with budget.guard(self.limits.per_rule_seconds):
                    icalendar.Timezone.from_ical(block.text())
            except OutOfTime:
                if budget.expired:
                    return
                budget.note(say("Skipped {name}: it takes too long to work out.", name=name))
            except Exception:
                budget.note(say("Skipped {name}: it isn't a valid VTIMEZONE.", name=name))

    def search(self, query: str, start: datetime, end: datetime) -> Listing:
        """Events in the range whose title, location or description contain every word."""
        listing = self.list_events(start, end)
        return Listing((e for e in listing if matches(e, query)), listing.notes)

    def get(self, uid: str) -> CalendarEvent:
        """One event by UID; raises CalendarError when missing or unreadable."""
        with self._locked():
            document = self._read()
        block = self._find(document, uid)
        try:
            return from_vevent(_parse(block), self.tz)
        except CalendarError as exc:
            raise CalendarError(
                CalendarKind.GENERAL,
                say("The event {uid!r} can't be read: {reason}.", uid=uid, reason=exc.words),
            ) from exc
        except Exception as exc:
            raise CalendarError(
                CalendarKind.GENERAL,
                say("The event {uid!r} isn't valid iCalendar: {problem}.", uid=uid, problem=exc),
            ) from exc

    def _find(self, document: IcsDocument | None, uid: str) -> Block:
        for block in document.events() if document is not None else []:
            if block.uid == uid and not block.quick("RECURRENCE-ID"):
                return block
        raise CalendarError(
            CalendarKind.GENERAL,
            say("There is no event with id {uid!r} in {name}.", uid=uid, name=self.path.name),
        )

    # -- changing -----------------------------------------------------------------------
    def _writable(self) -> IcsDocument | None:
        """The file, if Hearth may change it (None: missing or empty, so it starts afresh)."""
        document = self._read()
        problem = document.writable_problem() if document is not None else ""
        if problem:
            raise CalendarError(
                CalendarKind.GENERAL,
                say(
                    "Hearth won't change the calendar file {path}: {problem}. Fix it in your "
                    "calendar app first; nothing was changed.",
                    path=self.path,
                    problem=problem,
                ),
            )
        return document

    def create(self, event: CalendarEvent) -> CalendarEvent:
        """Adds an event; refuses a UID that exists."""
        component = to_vevent(event).to_ical()
        with self._locked():
            document = self._writable()
            if document is None:
                calendar = new_calendar()
                calendar.add_component(to_vevent(event))
                self._write(calendar.to_ical())
                return event
            if any(block.uid == event.uid for block in document.events()):
                raise CalendarError(
                    CalendarKind.GENERAL,
                    say("An event with id {uid!r} already exists.", uid=event.uid),
                )
            document.append(component)
            self._write(document.to_bytes())
        return event

    def update(self, event: CalendarEvent) -> CalendarEvent:
        """Replaces the (non-recurring) event with the same UID."""
        with self._locked():
            document = self._writable()
            old = self._find(document, event.uid)
            assert document is not None
            series = [b for b in document.events() if b.uid == event.uid]
            if old.quick("RRULE") or old.quick("RDATE") or len(series) > 1:
                raise CalendarError(
                    CalendarKind.GENERAL,
                    say(
                        "'{summary}' repeats; change repeating events in your calendar app.",
                        summary=event.summary,
                    ),
                )
            document.replace(old, to_vevent(event).to_ical())
            self._write(document.to_bytes())
        return event

    def delete(self, uid: str) -> None:
        """Removes an event and its changed occurrences; raises CalendarError when missing."""
        with self._locked():
            document = self._writable()
            self._find(document, uid)
            assert document is not None
            for block in [b for b in document.events() if b.uid == uid]:
                document.replace(block, None)
            self._write(document.to_bytes())

    def _write(self, data: bytes) -> None:
        try:
            write_atomic(self.path, data)
        except OSError as exc:
            raise CalendarError(
                CalendarKind.GENERAL,
                say(
                    "Can't write the calendar file {path}: {problem}. Nothing was changed.",
                    path=self.path,
                    problem=exc.strerror or exc,
                ),
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


def _parse(block: Block) -> icalendar.Event:
    """One VEVENT block parsed on its own; raises CalendarError when it can't be."""
    if not block.complete:
        raise CalendarError(CalendarKind.GENERAL, say("it has no END:{kind} line", kind=block.kind))
    if block.too_deep:
        raise CalendarError(CalendarKind.GENERAL, say("its parts are nested too deeply"))
    component = icalendar.Event.from_ical(block.text())
    if not isinstance(component, icalendar.Event):
        raise CalendarError(CalendarKind.GENERAL, say("it isn't a VEVENT"))
    return component


def _is_iana(name: str) -> bool:
    try:
        ZoneInfo(name.strip().strip("/"))
    except Exception:
        return False
    return True


def _label(block: Block) -> Callable[[], Words]:
    """How notes name an event: its title and its line in the file."""
    return lambda: event_name(
        block.quick("SUMMARY").partition(":")[2], say("line {line}", line=block.line)
    )
