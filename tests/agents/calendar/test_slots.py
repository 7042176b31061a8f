"""Free-slot search: working hours, weekends, durations, existing events, buffers."""

from __future__ import annotations

from datetime import datetime, time, timedelta, tzinfo

import pytest

from agents.calendar.model import CalendarError, new_event
from agents.calendar.slots import WorkingHours, find_free_slots


def at(tz: tzinfo, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=tz)


def test_slots_avoid_events_and_respect_hours(tz: tzinfo) -> None:
    busy = [
        new_event("Standup", at(tz, 26, 9), at(tz, 26, 10)),
        new_event("Lunch", at(tz, 26, 10, 30), at(tz, 26, 12)),
    ]
    slots = find_free_slots(
        busy,
        duration=timedelta(minutes=30),
        not_before=at(tz, 26, 8),
        not_after=at(tz, 27, 0),
        tz=tz,
        limit=3,
    )
    assert [(s.start, s.end) for s in slots] == [
        (at(tz, 26, 10), at(tz, 26, 10, 30)),
        (at(tz, 26, 12), at(tz, 26, 12, 30)),
        (at(tz, 26, 12, 30), at(tz, 26, 13)),
    ]


def test_weekend_is_skipped_and_start_rounds_up(tz: tzinfo) -> None:
    # Friday 2026-11-27 16:50: nothing fits before 17:00; Saturday and Sunday are off.
    slots = find_free_slots(
        [],
        duration=timedelta(minutes=60),
        not_before=at(tz, 27, 16, 50),
        not_after=at(tz, 30, 23),
        tz=tz,
        limit=1,
    )
    assert slots[0].start == at(tz, 30, 9)


def test_buffer_and_custom_hours(tz: tzinfo) -> None:
    hours = WorkingHours(start=time(8), end=time(12), weekdays=frozenset({3}))
    busy = [new_event("Call", at(tz, 26, 8, 30), at(tz, 26, 9))]
    slots = find_free_slots(
        busy,
        duration=timedelta(minutes=45),
        not_before=at(tz, 23, 0),
        not_after=at(tz, 28, 0),
        tz=tz,
        hours=hours,
        buffer=timedelta(minutes=15),
        limit=2,
    )
    assert [s.start for s in slots] == [at(tz, 26, 9, 15), at(tz, 26, 10)]


def test_long_meetings_and_bad_input(tz: tzinfo) -> None:
    with pytest.raises(CalendarError, match="doesn't fit"):
        find_free_slots(
            [], duration=timedelta(hours=9), not_before=at(tz, 26, 0),
            not_after=at(tz, 27, 0), tz=tz,
        )  # fmt: skip
    with pytest.raises(CalendarError, match="positive"):
        find_free_slots(
            [], duration=timedelta(0), not_before=at(tz, 26, 0), not_after=at(tz, 27, 0), tz=tz
        )


def test_fully_booked_day_gives_no_slot(tz: tzinfo) -> None:
    busy = [new_event("Offsite", at(tz, 26, 8), at(tz, 26, 18))]
    slots = find_free_slots(
        busy,
        duration=timedelta(minutes=30),
        not_before=at(tz, 26, 0),
        not_after=at(tz, 26, 23),
        tz=tz,
    )
    assert slots == []


def test_overlapping_events_are_merged(tz: tzinfo) -> None:
    busy = [
        new_event("Long", at(tz, 26, 9), at(tz, 26, 11)),
        new_event("Inside", at(tz, 26, 10), at(tz, 26, 10, 30)),
        new_event("Next", at(tz, 26, 10, 45), at(tz, 26, 12)),
    ]
    slots = find_free_slots(
        busy,
        duration=timedelta(minutes=30),
        not_before=at(tz, 26, 9),
        not_after=at(tz, 26, 23),
        tz=tz,
        limit=1,
    )
    assert slots[0].start == at(tz, 26, 12)
