"""Calendar events, the store protocol, and the checks every field passes before it is used."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from email.utils import parseaddr
from typing import TYPE_CHECKING, Any, Protocol

from agents.errors import HearthError, Kind
from agents.exit_codes import Exit
from agents.wording import Words, say

if TYPE_CHECKING:  # icalendar takes ~70 ms to import: loaded when a calendar is read
    import icalendar

PRODID = "-//Hearth//Hearth private assistant//EN"
MAX_SUMMARY = 200
MAX_LOCATION = 300
MAX_DESCRIPTION = 10_000
MAX_ATTENDEES = 50
MAX_EVENT_LENGTH = timedelta(days=14)

# A bare addr-spec: what an ATTENDEE/ORGANIZER mailto: or a mail header may carry.
_ADDRESS = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029\x85]")
_LINE_BREAK = re.compile(r"[\r\n\u2028\u2029\x85]")


class CalendarKind(Kind):
    """What went wrong with the calendar, with the CLI's exit code for it."""

    GENERAL = (
        Exit.CALENDAR,
        "A calendar problem: bad file, server refused, event missing.",
    )
    FIELD = (
        Exit.CALENDAR_FIELD,
        "A field that would break an iCalendar line (CR/LF).",
    )


class CalendarError(HearthError):
    """A calendar problem a person can act on; the message says what to do."""

    kind: CalendarKind

    def __init__(self, kind: CalendarKind, message: Words) -> None:
        super().__init__(message, kind)


def check_line(name: Words, value: str, limit: int) -> str:
    """Returns a one-line text field stripped, or raises CalendarError (FIELD).

    Line breaks and control characters are refused, never silently removed: in a header
    or an iCalendar property they are how injection works.
    """
    if _LINE_BREAK.search(value):
        raise CalendarError(
            CalendarKind.FIELD,
            say("The {name} contains a line break, which isn't allowed: use one line.", name=name),
        )
    if _CONTROL.search(value):
        raise CalendarError(
            CalendarKind.FIELD,
            say("The {name} contains control characters: remove them.", name=name),
        )
    value = value.strip()
    if len(value) > limit:
        raise CalendarError(
            CalendarKind.FIELD,
            say(
                "The {name} is too long ({count} characters, at most {limit}).",
                name=name,
                count=len(value),
                limit=limit,
            ),
        )
    return value


def check_text(name: Words, value: str, limit: int) -> str:
    """Returns a multi-line text field (line breaks allowed, other controls refused)."""
    if _CONTROL.sub("", value.replace("\t", " ")) != value.replace("\t", " "):
        raise CalendarError(
            CalendarKind.FIELD,
            say("The {name} contains control characters: remove them.", name=name),
        )
    if len(value) > limit:
        raise CalendarError(
            CalendarKind.FIELD,
            say(
                "The {name} is too long ({count} characters, at most {limit}).",
                name=name,
                count=len(value),
                limit=limit,
            ),
        )
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def check_address(value: str, what: Words | None = None) -> str:
    """Returns a bare e-mail address (``name@example.org``) or raises CalendarError (FIELD).

    Accepts ``Name <addr>`` and ``mailto:addr``; refuses line breaks, several addresses in
    one field, and anything that is not a plain addr-spec. ``what`` names the field in a
    message ("address" when None).
    """
    what = what or say("address")
    if _LINE_BREAK.search(value) or _CONTROL.search(value):
        raise CalendarError(
            CalendarKind.FIELD,
            say(
                "The {what} {value!r} contains a line break or control character.",
                what=what,
                value=value,
            ),
        )
    text = value.strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    if "," in text or ";" in text:
        raise CalendarError(
            CalendarKind.FIELD,
            say(
                "The {what} {value!r} holds more than one address: give one per entry.",
                what=what,
                value=value,
            ),
        )
    _, address = parseaddr(text)
    if not address or not _ADDRESS.match(address) or ".." in address:
        raise CalendarError(
            CalendarKind.FIELD,
            say("The {what} {value!r} isn't a valid e-mail address.", what=what, value=value),
        )
    return address


def check_addresses(values: Iterable[str]) -> tuple[str, ...]:
    """Checks each address and drops duplicates (case-insensitive), keeping order."""
    seen: dict[str, str] = {}
    for value in values:
        address = check_address(value, say("attendee"))
        seen.setdefault(address.lower(), address)
    if len(seen) > MAX_ATTENDEES:
        raise CalendarError(
            CalendarKind.FIELD,
            say(
                "Too many attendees ({count}, at most {limit}).",
                count=len(seen),
                limit=MAX_ATTENDEES,
            ),
        )
    return tuple(seen.values())


@dataclass(frozen=True)
class CalendarEvent:
    """One event, with timezone-aware start and end.

    Attributes:
        uid: The iCalendar UID (stable across stores).
        summary: The title.
        start: When it starts (aware).
        end: When it ends (aware, after start).
        location: Where.
        description: Free text (untrusted when it came from elsewhere).
        attendees: Bare e-mail addresses.
        organizer: Bare e-mail address, or empty.
        all_day: Whether the event is a whole-day event.
        sequence: The iCalendar SEQUENCE (bumped on every change).
    """

    uid: str
    summary: str
    start: datetime
    end: datetime
    location: str = ""
    description: str = ""
    attendees: tuple[str, ...] = ()
    organizer: str = ""
    all_day: bool = False
    sequence: int = 0
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def duration(self) -> timedelta:
        """End minus start."""
        return self.end - self.start

    def moved(self, start: datetime, end: datetime | None = None) -> CalendarEvent:
        """A copy at a new time (same length unless ``end`` is given), SEQUENCE bumped."""
        new_end = end if end is not None else start + self.duration
        return replace(self, start=start, end=new_end, sequence=self.sequence + 1)

    def describe(self, tz: tzinfo | None = None) -> str:
        """One line for people and models: when, what, where."""
        start = self.start.astimezone(tz) if tz else self.start
        end = self.end.astimezone(tz) if tz else self.end
        when = (
            f"{start:%a %Y-%m-%d} (all day)"
            if self.all_day
            else f"{start:%a %Y-%m-%d %H:%M}–{end:%H:%M} {start:%Z}".rstrip()
        )
        where = f" at {self.location}" if self.location else ""
        return f"{when}: {self.summary}{where}"


def new_event(
    summary: str,
    start: datetime,
    end: datetime,
    *,
    location: str = "",
    description: str = "",
    attendees: Iterable[str] = (),
    organizer: str = "",
    uid: str | None = None,
) -> CalendarEvent:
    """Builds a checked event: one-line fields, valid addresses, aware times, end after start.

    Raises:
        CalendarError: FIELD when a field would break the calendar or a mail header;
            GENERAL when the times make no sense.
    """
    summary = check_line(say("title"), summary, MAX_SUMMARY)
    if not summary:
        raise CalendarError(CalendarKind.FIELD, say("The event needs a title."))
    if start.tzinfo is None or end.tzinfo is None:
        raise CalendarError(CalendarKind.GENERAL, say("Event times need a timezone."))
    if end <= start:
        raise CalendarError(CalendarKind.GENERAL, say("The event must end after it starts."))
    if end - start > MAX_EVENT_LENGTH:
        raise CalendarError(
            CalendarKind.GENERAL, say("The event is longer than two weeks: check the dates.")
        )
    return CalendarEvent(
        uid=uid or f"{uuid.uuid4()}@hearth",
        summary=summary,
        start=start,
        end=end,
        location=check_line(say("location"), location, MAX_LOCATION),
        description=check_text(say("description"), description, MAX_DESCRIPTION),
        attendees=check_addresses(attendees),
        organizer=check_address(organizer, say("organizer")) if organizer else "",
    )


# -- iCalendar conversion -----------------------------------------------------------------
def _as_datetime(value: date | datetime, tz: tzinfo) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=tz)
    return datetime.combine(value, time(0, 0), tzinfo=tz)


def _value(component: icalendar.Event, name: str) -> Any:
    """An optional property's value; None when missing or unreadable."""
    prop = component.get(name)
    try:
        return getattr(prop, "dt", None)
    except Exception:  # icalendar keeps a broken value; reading it raises
        return None


def _address_of(prop: Any) -> str:
    text = str(prop)
    if text.lower().startswith("mailto:"):
        text = text[7:]
    return text.strip()


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _one_line(value: Any, limit: int) -> str:
    """A text property from a file as one clean line (controls become spaces)."""
    return _clip(" ".join(_CONTROL.sub(" ", str(value or "")).split()), limit)


def _clean_text(value: Any, limit: int) -> str:
    """A multi-line text property from a file, without control characters."""
    return _clip(_CONTROL.sub(" ", str(value or "")), limit)


def from_vevent(component: icalendar.Event, tz: tzinfo) -> CalendarEvent:
    """Reads a VEVENT defensively: missing end, all-day dates and floating times handled.

    Text from the file is cut to the limits new events have, so a huge DESCRIPTION costs
    nothing downstream.

    Raises:
        CalendarError: It can't be read (no start time, a start that isn't a time...).
    """
    start_prop = component.get("DTSTART")
    if start_prop is None:
        raise CalendarError(CalendarKind.GENERAL, say("it has no start time (DTSTART)"))
    try:
        return _read_vevent(component, start_prop.dt, tz)
    except CalendarError:
        raise
    except Exception as exc:  # a broken property: icalendar keeps it, reading it fails
        reason = _clip(str(exc), 120)
        raise CalendarError(
            CalendarKind.GENERAL,
            say(
                "it can't be read ({error_type}: {reason})",
                error_type=type(exc).__name__,
                reason=reason,
            ),
        ) from exc


def _read_vevent(component: icalendar.Event, raw_start: Any, tz: tzinfo) -> CalendarEvent:
    if not isinstance(raw_start, date):
        raise CalendarError(
            CalendarKind.GENERAL,
            say("its start {start!r} isn't a date or time", start=raw_start),
        )
    all_day = not isinstance(raw_start, datetime)
    start = _as_datetime(raw_start, tz).astimezone(tz)
    raw_end, length = _value(component, "DTEND"), _value(component, "DURATION")
    if isinstance(raw_end, date):
        end = _as_datetime(raw_end, tz).astimezone(tz)
    elif isinstance(length, timedelta):
        end = start + length
    else:  # none given, or unreadable (then the event is still shown, without a length)
        end = start + (timedelta(days=1) if all_day else timedelta(0))
    attendees = component.get("ATTENDEE") or []
    if not isinstance(attendees, list):
        attendees = [attendees]
    organizer = component.get("ORGANIZER")
    sequence = str(component.get("SEQUENCE") or "0").strip()
    return CalendarEvent(
        uid=_clip(str(component.get("UID") or ""), 1000),
        summary=_one_line(component.get("SUMMARY"), 500) or "(no title)",
        start=start,
        end=max(end, start),
        location=_one_line(component.get("LOCATION"), 500),
        description=_clean_text(component.get("DESCRIPTION"), MAX_DESCRIPTION),
        attendees=tuple(_address_of(a) for a in attendees[: MAX_ATTENDEES * 4]),
        organizer=_address_of(organizer) if organizer is not None else "",
        all_day=all_day,
        sequence=int(sequence) if sequence.isdigit() else 0,
    )


def to_vevent(event: CalendarEvent, *, stamp: datetime | None = None) -> icalendar.Event:
    """Writes an event as a VEVENT with UTC times; text escaping is icalendar's."""
    import icalendar

    component = icalendar.Event()
    component.add("UID", event.uid)
    component.add("DTSTAMP", stamp or datetime.now().astimezone())
    component.add("SUMMARY", event.summary)
    if event.all_day:
        component.add("DTSTART", event.start.date())
        component.add("DTEND", event.end.date())
    else:
        component.add("DTSTART", event.start.astimezone(UTC))
        component.add("DTEND", event.end.astimezone(UTC))
    if event.location:
        component.add("LOCATION", event.location)
    if event.description:
        component.add("DESCRIPTION", event.description)
    if event.organizer:
        component.add("ORGANIZER", "mailto:" + check_address(event.organizer, say("organizer")))
    for attendee in event.attendees:
        address = check_address(attendee, say("attendee"))
        component.add(
            "ATTENDEE",
            f"mailto:{address}",
            parameters={
                "ROLE": "REQ-PARTICIPANT",
                "PARTSTAT": "NEEDS-ACTION",
                "RSVP": "TRUE",
                "CUTYPE": "INDIVIDUAL",
            },
        )
    component.add("SEQUENCE", event.sequence)
    return component


def new_calendar(method: str | None = None) -> icalendar.Calendar:
    """An empty VCALENDAR with Hearth's PRODID."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    if method:
        calendar.add("METHOD", method)
    return calendar


def event_ics(event: CalendarEvent) -> str:
    """The event as a complete .ics text (what the approval dialog shows)."""
    calendar = new_calendar()
    calendar.add_component(to_vevent(event))
    return calendar.to_ical().decode("utf-8")


class Listing(list[CalendarEvent]):
    """Events found in a time range, with notes on what could not be shown.

    A plain list of events, so callers that only want events need nothing new; ``notes``
    name the events that were skipped (unreadable) or cut short (a limit was reached).
    """

    def __init__(self, events: Iterable[CalendarEvent] = (), notes: Iterable[Words] = ()) -> None:
        super().__init__(events)
        self.notes: tuple[Words, ...] = tuple(notes)


def notes_of(events: Iterable[CalendarEvent]) -> tuple[Words, ...]:
    """The notes of a :class:`Listing` (none for a plain list)."""
    return events.notes if isinstance(events, Listing) else ()


class CalendarStore(Protocol):
    """A calendar Hearth can read and change (local .ics file or CalDAV)."""

    @property
    def location(self) -> str:
        """Where it lives, as ``ics:<path>`` or ``caldav:<url>`` (for undo and the audit log)."""
        ...

    def list_events(self, start: datetime, end: datetime) -> Listing:
        """Events overlapping [start, end), recurrences expanded, sorted by start.

        Unreadable events are skipped and named in the listing's notes, as are limits hit.
        """
        ...

    def search(self, query: str, start: datetime, end: datetime) -> Listing:
        """Events in the range whose title, location or description contain every word."""
        ...

    def get(self, uid: str) -> CalendarEvent:
        """One event by UID; raises CalendarError when missing."""
        ...

    def create(self, event: CalendarEvent) -> CalendarEvent:
        """Adds an event; refuses a UID that exists."""
        ...

    def update(self, event: CalendarEvent) -> CalendarEvent:
        """Replaces the event with the same UID."""
        ...

    def delete(self, uid: str) -> None:
        """Removes an event; raises CalendarError when missing."""
        ...


def matches(event: CalendarEvent, query: str) -> bool:
    """Whether every word of the query appears in the event's text (case-insensitive)."""
    haystack = f"{event.summary}\n{event.location}\n{event.description}".casefold()
    return all(word in haystack for word in query.casefold().split())


def overlapping(events: Iterable[CalendarEvent], start: datetime, end: datetime) -> bool:
    """Whether any event overlaps [start, end)."""
    return any(e.start < end and e.end > start for e in events)
