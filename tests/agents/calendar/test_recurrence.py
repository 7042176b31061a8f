"""Repetitions are right as well as bounded: rules, extra and excluded dates, changed
instances, all-day series; and the budget stops a library loop that never returns."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path

import pytest
from dateutil.rrule import rrulestr

from agents.calendar.budget import Budget, Limits, OutOfTime
from agents.calendar.ics_file import split_ics
from agents.calendar.ics_store import IcsCalendar
from agents.calendar.model import Listing
from agents.wording import say
from tests.agents.calendar.hostile import CASES


def listed(tmp_path: Path, tz: tzinfo, *events: str, days: tuple[int, int] = (23, 30)) -> Listing:
    path = tmp_path / "calendar.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n" + "".join(events) + "END:VCALENDAR\r\n"
    )
    start = datetime(2026, 11, days[0], tzinfo=tz)
    return IcsCalendar(path, tz).list_events(start, datetime(2026, 11, days[1], tzinfo=tz))


def vevent(*lines: str, uid: str = "series") -> str:
    return (
        "BEGIN:VEVENT\r\nUID:"
        + uid
        + "\r\nSUMMARY:S\r\n"
        + "".join(f"{x}\r\n" for x in lines)
        + ("END:VEVENT\r\n")
    )


def test_a_weekly_rule_from_1970_lands_on_its_weekday_and_hour(tmp_path: Path, tz: tzinfo) -> None:
    events = listed(
        tmp_path, tz, vevent("DTSTART;TZID=Europe/Berlin:19700105T083000", "RRULE:FREQ=WEEKLY")
    )
    assert [(e.start.weekday(), e.start.hour, e.start.minute) for e in events] == [(0, 8, 30)]
    assert events[0].start.date() == date(2026, 11, 23)


def test_count_until_exdate_and_rdate_are_kept(tmp_path: Path, tz: tzinfo) -> None:
    events = listed(
        tmp_path,
        tz,
        vevent(
            "DTSTART;TZID=Europe/Berlin:20261120T100000",
            "DURATION:PT30M",
            "RRULE:FREQ=DAILY;COUNT=7",  # 20..26 November
            "EXDATE;TZID=Europe/Berlin:20261124T100000",
            "RDATE;TZID=Europe/Berlin:20261128T170000",
        ),
        vevent("DTSTART:20261101T120000Z", "RRULE:FREQ=DAILY;UNTIL=20261124T000000Z", uid="u"),
    )
    series = [(e.start.day, e.start.hour) for e in events if e.uid == "series"]
    assert series == [(23, 10), (25, 10), (26, 10), (28, 17)]
    assert all(e.end - e.start == timedelta(minutes=30) for e in events if e.uid == "series")
    assert [e.start.day for e in events if e.uid == "u"] == [23]


def test_an_all_day_yearly_series_stays_all_day(tmp_path: Path, tz: tzinfo) -> None:
    (birthday,) = listed(
        tmp_path, tz, vevent("DTSTART;VALUE=DATE:19801125", "RRULE:FREQ=YEARLY", uid="bday")
    )
    assert birthday.all_day and birthday.start.date() == date(2026, 11, 25)
    assert birthday.end.date() == date(2026, 11, 26)


def test_the_guard_stops_a_library_loop_that_never_returns() -> None:
    rule = rrulestr("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", dtstart=datetime(2020, 1, 1))
    budget = Budget(Limits(seconds=0.3))
    began = time.perf_counter()
    with pytest.raises(OutOfTime), budget.guard():
        rule.after(datetime(2026, 1, 1))  # would search until the year 9999
    assert time.perf_counter() - began < 2


def test_notes_are_kept_short() -> None:
    budget = Budget()
    for index in range(20):
        budget.note(say("note {index}", index=index))
    budget.note(say("note {index}", index=0))
    notes = budget.all_notes()
    assert len(notes) == 9 and str(notes[-1]) == "…and 12 more like these."


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_splitting_keeps_every_byte(case, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "calendar.ics"
    case.build(path)
    if not path.is_file() or path.is_symlink() or path.stat().st_size > 20_000_000:
        pytest.skip("not a regular file of a readable size")
    data = path.read_bytes()
    assert split_ics(data).to_bytes() == data
