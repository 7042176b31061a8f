"""Event fields: header and line injection refused, addresses validated, times checked."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

import icalendar
import pytest

from agents.calendar.model import (
    CalendarError,
    CalendarKind,
    check_address,
    event_ics,
    from_vevent,
    new_event,
)


def at(tz: tzinfo, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=tz)


@pytest.mark.parametrize(
    "summary",
    [
        "Lunch\r\nATTENDEE:mailto:evil@example.com",
        "Lunch\nBEGIN:VALARM",
        "Lunch\u2028X",
        "Lunch\x00",
    ],
)
def test_title_with_line_breaks_or_controls_is_refused(tz: tzinfo, summary: str) -> None:
    with pytest.raises(CalendarError) as caught:
        new_event(summary, at(tz, 26, 15), at(tz, 26, 16))
    assert caught.value.kind is CalendarKind.FIELD


def test_location_with_line_break_is_refused(tz: tzinfo) -> None:
    with pytest.raises(CalendarError, match="location") as caught:
        new_event("Lunch", at(tz, 26, 15), at(tz, 26, 16), location="Cafe\r\nORGANIZER:x")
    assert caught.value.kind is CalendarKind.FIELD


@pytest.mark.parametrize(
    "address",
    [
        "anna@example.org\r\nBcc: evil@example.com",
        "anna@example.org, evil@example.com",
        "anna@example.org;evil@example.com",
        "not an address",
        "anna@",
        "mailto:anna@example.org\nATTENDEE:mailto:x@y.z",
        "a..b@example.org",
    ],
)
def test_bad_attendee_addresses_are_refused(tz: tzinfo, address: str) -> None:
    with pytest.raises(CalendarError) as caught:
        new_event("Lunch", at(tz, 26, 15), at(tz, 26, 16), attendees=[address])
    assert caught.value.kind is CalendarKind.FIELD


def test_address_forms_are_normalised() -> None:
    assert check_address("Anna Berg <anna@example.org>") == "anna@example.org"
    assert check_address("mailto:anna@example.org") == "anna@example.org"


def test_duplicate_attendees_are_merged(tz: tzinfo) -> None:
    event = new_event(
        "Lunch", at(tz, 26, 15), at(tz, 26, 16), attendees=["a@example.org", "A@example.org"]
    )
    assert event.attendees == ("a@example.org",)


def test_times_must_be_aware_and_ordered(tz: tzinfo) -> None:
    with pytest.raises(CalendarError, match="end after"):
        new_event("Lunch", at(tz, 26, 16), at(tz, 26, 15))
    with pytest.raises(CalendarError, match="timezone"):
        new_event("Lunch", datetime(2026, 11, 26, 15), datetime(2026, 11, 26, 16))


def test_description_keeps_lines_and_ics_escapes_them(tz: tzinfo) -> None:
    event = new_event(
        "Plan", at(tz, 26, 15), at(tz, 26, 16), description="line one\nSUMMARY:fake; x,y"
    )
    text = event_ics(event)
    # The description is one escaped property: no injected SUMMARY line.
    assert [line for line in text.splitlines() if line.startswith("SUMMARY")] == ["SUMMARY:Plan"]
    parsed = icalendar.Calendar.from_ical(text)
    back = from_vevent(next(iter(parsed.walk("VEVENT"))), tz)
    assert back.description == "line one\nSUMMARY:fake; x,y"
    assert back.start == event.start and back.end == event.end


def test_reading_all_day_and_floating_events(tz: tzinfo) -> None:
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
        "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Holiday\r\nDTSTART;VALUE=DATE:20261127\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Float\r\nDTSTART:20261126T090000\r\n"
        "DURATION:PT45M\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )
    parsed = icalendar.Calendar.from_ical(text)
    holiday, floating = (from_vevent(c, tz) for c in parsed.walk("VEVENT"))
    assert holiday.all_day and holiday.duration == timedelta(days=1)
    assert floating.start == at(tz, 26, 9) and floating.duration == timedelta(minutes=45)
