"""Calendars: a local .ics file by default, or a CalDAV server; free slots and invitations."""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path

from agents import paths
from agents.calendar.model import (
    CalendarError,
    CalendarEvent,
    CalendarKind,
    CalendarStore,
    Listing,
)
from agents.calendar.zones import local_timezone
from agents.wording import say

__all__ = [
    "CalendarError",
    "CalendarEvent",
    "CalendarKind",
    "CalendarStore",
    "Listing",
    "local_timezone",
    "open_calendar",
    "open_location",
]


def open_calendar(
    *,
    ics: Path | None = None,
    caldav_url: str | None = None,
    data_dir: Path | None = None,
    tz: tzinfo | None = None,
) -> CalendarStore:
    """Opens the CalDAV calendar if a URL is given, else the .ics file (default: data dir)."""
    tz = tz or local_timezone()
    if caldav_url:
        from agents.calendar.caldav_store import CalDavCalendar

        return CalDavCalendar(caldav_url, tz=tz)
    from agents.calendar.ics_store import IcsCalendar

    if ics is None:
        if data_dir is None:
            raise CalendarError(
                CalendarKind.GENERAL, say("No calendar given: pass an .ics file or a CalDAV URL.")
            )
        ics = paths.calendar_file(data_dir)
    return IcsCalendar(ics, tz=tz)


def open_location(location: str, tz: tzinfo | None = None) -> CalendarStore:
    """Reopens a calendar from its ``location`` string (``ics:<path>`` or ``caldav:<url>``)."""
    kind, _, where = location.partition(":")
    if kind == "ics" and where:
        return open_calendar(ics=Path(where), tz=tz)
    if kind == "caldav" and where:
        return open_calendar(caldav_url=where, tz=tz)
    raise CalendarError(
        CalendarKind.GENERAL, say("Unknown calendar location {location!r}.", location=location)
    )
