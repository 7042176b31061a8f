"""The local .ics calendar: round trips, recurrences, atomic writes, damaged files kept."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, tzinfo
from pathlib import Path

import pytest

from agents.calendar.ics_store import IcsCalendar
from agents.calendar.model import CalendarError, new_event


def at(tz: tzinfo, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=tz)


def test_create_list_search_move_delete(tmp_path: Path, tz: tzinfo) -> None:
    calendar = IcsCalendar(tmp_path / "cal.ics", tz)
    event = new_event(
        "Follow-up with Anna",
        at(tz, 26, 15),
        at(tz, 26, 15, 30),
        location="Room 2",
        attendees=["anna@example.org"],
    )
    calendar.create(event)
    listed = calendar.list_events(at(tz, 26, 0), at(tz, 27, 0))
    assert [(e.uid, e.summary, e.start, e.end) for e in listed] == [
        (event.uid, "Follow-up with Anna", at(tz, 26, 15), at(tz, 26, 15, 30))
    ]
    assert listed[0].attendees == ("anna@example.org",)
    assert calendar.search("anna room", at(tz, 20, 0), at(tz, 30, 0))[0].uid == event.uid
    assert calendar.search("bob", at(tz, 20, 0), at(tz, 30, 0)) == []
    assert calendar.list_events(at(tz, 27, 0), at(tz, 28, 0)) == []

    calendar.update(event.moved(at(tz, 27, 10)))
    moved = calendar.get(event.uid)
    assert (moved.start, moved.end, moved.sequence) == (at(tz, 27, 10), at(tz, 27, 10, 30), 1)

    calendar.delete(event.uid)
    assert calendar.list_events(at(tz, 20, 0), at(tz, 30, 0)) == []
    with pytest.raises(CalendarError, match="no event"):
        calendar.get(event.uid)


def test_duplicate_uid_is_refused(tmp_path: Path, tz: tzinfo) -> None:
    calendar = IcsCalendar(tmp_path / "cal.ics", tz)
    event = new_event("A", at(tz, 26, 9), at(tz, 26, 10))
    calendar.create(event)
    with pytest.raises(CalendarError, match="already exists"):
        calendar.create(event)


def test_recurring_events_are_expanded_and_not_moved(tmp_path: Path, tz: tzinfo) -> None:
    path = tmp_path / "cal.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:standup\r\n"
        "SUMMARY:Standup\r\nDTSTART;TZID=Europe/Berlin:20261123T093000\r\n"
        "DTEND;TZID=Europe/Berlin:20261123T094500\r\nRRULE:FREQ=DAILY;COUNT=5\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    calendar = IcsCalendar(path, tz)
    events = calendar.list_events(at(tz, 25, 0), at(tz, 28, 0))
    assert [e.start for e in events] == [at(tz, 25, 9, 30), at(tz, 26, 9, 30), at(tz, 27, 9, 30)]
    with pytest.raises(CalendarError, match="repeats"):
        calendar.update(calendar.get("standup").moved(at(tz, 26, 11)))


def test_damaged_file_is_reported_and_never_overwritten(tmp_path: Path, tz: tzinfo) -> None:
    path = tmp_path / "cal.ics"
    damaged = b"BEGIN:VCALENDAR\r\nthis is not ical\r\n"
    path.write_bytes(damaged)
    calendar = IcsCalendar(path, tz)
    listing = calendar.list_events(at(tz, 1, 0), at(tz, 30, 0))
    assert list(listing) == []
    assert "damaged (its END:VCALENDAR line is missing)" in str(listing.notes[0])
    with pytest.raises(CalendarError, match="won't change"):
        calendar.create(new_event("A", at(tz, 26, 9), at(tz, 26, 10)))
    assert path.read_bytes() == damaged


def test_a_file_that_is_not_icalendar_is_refused(tmp_path: Path, tz: tzinfo) -> None:
    path = tmp_path / "cal.ics"
    path.write_bytes(b"just some notes\n")
    calendar = IcsCalendar(path, tz)
    with pytest.raises(CalendarError, match="isn't iCalendar"):
        calendar.list_events(at(tz, 1, 0), at(tz, 30, 0))
    with pytest.raises(CalendarError, match="isn't iCalendar"):
        calendar.create(new_event("A", at(tz, 26, 9), at(tz, 26, 10)))
    assert path.read_bytes() == b"just some notes\n"


def test_writes_are_atomic_and_concurrent_creates_all_land(tmp_path: Path, tz: tzinfo) -> None:
    path = tmp_path / "cal.ics"
    calendar = IcsCalendar(path, tz)
    other = IcsCalendar(path, tz)  # a second handle on the same file (another window)
    events = [new_event(f"E{i}", at(tz, 26, 9), at(tz, 26, 10)) for i in range(20)]

    def add(store: IcsCalendar, chunk: list) -> None:
        for event in chunk:
            store.create(event)

    threads = [
        threading.Thread(target=add, args=(calendar, events[:10])),
        threading.Thread(target=add, args=(other, events[10:])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    listed = calendar.list_events(at(tz, 26, 0), at(tz, 27, 0))
    assert sorted(e.summary for e in listed) == sorted(e.summary for e in events)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name not in {"cal.ics", ".cal.ics.lock"}]
    assert leftovers == []


def test_missing_file_is_an_empty_calendar(tmp_path: Path, tz: tzinfo) -> None:
    calendar = IcsCalendar(tmp_path / "new" / "cal.ics", tz)
    assert calendar.list_events(at(tz, 1, 0), at(tz, 30, 0)) == []
    calendar.create(new_event("A", at(tz, 26, 9), at(tz, 26, 10)))
    assert (tmp_path / "new" / "cal.ics").exists()


def test_events_across_the_dst_change_keep_local_time(tmp_path: Path, tz: tzinfo) -> None:
    calendar = IcsCalendar(tmp_path / "cal.ics", tz)
    start = datetime(2026, 10, 25, 9, 0, tzinfo=tz)  # first day of winter time in Berlin
    calendar.create(new_event("After DST", start, start + timedelta(hours=1)))
    (event,) = calendar.list_events(start - timedelta(days=1), start + timedelta(days=1))
    assert event.start.hour == 9 and event.start.utcoffset() == timedelta(hours=1)
