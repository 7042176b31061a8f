"""A hostile calendar corpus, generated here (never downloaded).

Each :class:`Case` writes one calendar file (or a special file in its place) and says what
the reader must say about it: a note or an error message, and which events must still be
listed. Every case holds an "Anchor" event inside the asked week when a readable event can
sit beside the hostile one, so "the rest is still read" is checked too.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

CRLF = "\r\n"
ANCHOR = "Anchor"
# The asked window: Mon 23 to Mon 30 November 2026, Europe/Berlin.
ANCHOR_EVENT = (
    "BEGIN:VEVENT\r\nUID:anchor@test\r\nSUMMARY:Anchor\r\n"
    "DTSTART;TZID=Europe/Berlin:20261126T150000\r\n"
    "DTEND;TZID=Europe/Berlin:20261126T160000\r\nEND:VEVENT\r\n"
)


def event(uid: str, *lines: str, summary: str | None = None) -> str:
    """One VEVENT with the given content lines."""
    title = f"SUMMARY:{summary if summary is not None else uid}\r\n"
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\n{title}"
        + "".join(f"{line}\r\n" for line in lines)
        + ("END:VEVENT\r\n")
    )


def calendar(*parts: str, anchor: bool = True) -> str:
    """A VCALENDAR around the parts (and the anchor event)."""
    body = "".join(parts) + (ANCHOR_EVENT if anchor else "")
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hostile//EN\r\n{body}END:VCALENDAR\r\n"


def repeating(uid: str, rule: str, *more: str, start: str = "20010101T000000Z") -> str:
    """A tiny event (the 200-byte kind) with a repeat rule."""
    return event(uid, f"DTSTART:{start}", "DURATION:PT1S", f"RRULE:{rule}", *more)


@dataclass(frozen=True)
class Case:
    """One hostile input.

    Attributes:
        name: The test id.
        build: Puts the file (or special file) at the given path.
        says: Text the notes or the error must contain (case-insensitive).
        listed: Titles that must still be listed (empty: an error is expected or nothing
            can be listed).
        error: Whether reading ends in a clear CalendarError instead of a listing.
        absent: Titles that must not be listed.
    """

    name: str
    build: Callable[[Path], None]
    says: str = ""
    listed: tuple[str, ...] = (ANCHOR,)
    error: bool = False
    absent: tuple[str, ...] = ()


def text_file(content: str) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(content.encode("utf-8"))


def bytes_file(content: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(content)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _zero_link(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _sparse(path: Path) -> None:
    with open(path, "wb") as handle:
        handle.write(calendar().encode())
        handle.truncate(60 * 1024 * 1024)


MANY = 100_000
MANY_FIRST = datetime(2000, 1, 1, tzinfo=UTC)
# Event k of the 100,000 starts 3k hours after 2000-01-01 UTC: this one on Thu 26 Nov 2026.
MANY_IN_WEEK = (datetime(2026, 11, 26, 9, tzinfo=UTC) - MANY_FIRST) // timedelta(hours=3)


def _many_events(path: Path) -> None:
    """100,000 events, one every three hours from 2000 to 2034: a 12 MB file."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hostile//EN\r\n")
        for index in range(MANY):
            start = MANY_FIRST + timedelta(hours=3 * index)
            handle.write(
                f"BEGIN:VEVENT\r\nUID:e{index}\r\nSUMMARY:Event {index}\r\n"
                f"DTSTART:{start:%Y%m%dT%H%M%SZ}\r\n"
                f"DTEND:{start + timedelta(hours=1):%Y%m%dT%H%M%SZ}\r\nEND:VEVENT\r\n"
            )
        handle.write(ANCHOR_EVENT + "END:VCALENDAR\r\n")


def _dates(prefix: str, count: int) -> str:
    """A long RDATE/EXDATE line: one value a day from 2001 on, folded at 75 octets."""
    first = datetime(2001, 1, 1)
    values = ",".join(f"{first + timedelta(days=i):%Y%m%d}T090000Z" for i in range(count))
    line = f"{prefix}:{values}"
    return "\r\n ".join(line[i : i + 74] for i in range(0, len(line), 74))


def _deep(depth: int) -> str:
    return "BEGIN:VALARM\r\n" * depth + "END:VALARM\r\n" * depth


DENSE_ZONE = (
    "BEGIN:VTIMEZONE\r\nTZID:Hostile/Zone\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
    "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nRRULE:FREQ=SECONDLY\r\nEND:STANDARD\r\n"
    "END:VTIMEZONE\r\n"
)
CUSTOM_ZONE = (
    "BEGIN:VTIMEZONE\r\nTZID:Office Time\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
    "TZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
)
WEEK = "DTSTART;TZID=Europe/Berlin:20261125T090000"

CASES: tuple[Case, ...] = (
    # -- recurrences that would run away ------------------------------------------------
    Case(
        "secondly-forever",
        text_file(calendar(repeating("tick", "FREQ=SECONDLY"))),
        "'tick' (line 4)",
        (ANCHOR, "tick"),
    ),
    Case(
        "minutely-bysecond-list",
        text_file(
            calendar(
                repeating("burst", "FREQ=MINUTELY;BYSECOND=" + ",".join(str(s) for s in range(60)))
            )
        ),
        "'burst' (line 4)",
        (ANCHOR, "burst"),
    ),
    Case(
        "count-a-billion",
        text_file(calendar(repeating("billion", "FREQ=SECONDLY;COUNT=1000000000"))),
        "'billion' (line 4)",
    ),
    Case(
        "until-year-9999",
        text_file(calendar(repeating("forever", "FREQ=SECONDLY;UNTIL=99991231T235959Z"))),
        "'forever' (line 4)",
        (ANCHOR, "forever"),
    ),
    Case(
        "impossible-rule-30-february",
        text_file(calendar(repeating("never", "FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30"))),
        "takes too long",
    ),
    Case(
        "dense-monthly-by-lists",
        text_file(
            calendar(
                repeating(
                    "storm",
                    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;"
                    "BYHOUR="
                    + ",".join(str(h) for h in range(24))
                    + ";BYMINUTE="
                    + ",".join(str(m) for m in range(60)),
                    start="19700101T000000Z",
                )
            )
        ),
        "'storm'",
    ),
    Case(
        "hourly-from-1900",
        text_file(calendar(repeating("old", "FREQ=HOURLY;INTERVAL=7", start="19000101T000000Z"))),
        "",
        (ANCHOR, "old"),
    ),
    Case(
        "huge-exdate-list",
        text_file(
            calendar(
                event("skips", WEEK, "DURATION:PT1H", "RRULE:FREQ=DAILY", _dates("EXDATE", 50_000))
            )
        ),
        "",
        (ANCHOR, "skips"),
    ),
    Case(
        "huge-rdate-list",
        text_file(
            calendar(
                event("extra", "DTSTART:20010101T090000Z", "DURATION:PT1H", _dates("RDATE", 50_000))
            )
        ),
        "",
        (ANCHOR, "extra"),
    ),
    Case(
        "bad-rrule",
        text_file(calendar(event("bogus", WEEK, "RRULE:FREQ=BOGUS;COUNT=x"))),
        "Skipped 'bogus'",
    ),
    Case(
        "many-rules-fill-the-query",
        text_file(calendar(*(repeating(f"r{i}", "FREQ=MINUTELY") for i in range(8)))),
        "More than 2,000 events",
        (),
    ),
    # -- events that can't be read ------------------------------------------------------
    Case(
        "missing-dtstart",
        text_file(calendar(event("nostart", "DTEND:20261126T100000Z"))),
        "Skipped 'nostart' (line 4): it has no start time",
    ),
    Case(
        "dtstart-not-a-date",
        text_file(calendar(event("junkdate", "DTSTART:tomorrow-ish"))),
        "Skipped 'junkdate'",
    ),
    Case(
        "dtend-before-dtstart",
        text_file(calendar(event("backwards", WEEK, "DTEND;TZID=Europe/Berlin:20261124T090000"))),
        "ends before it starts",
        (ANCHOR, "backwards"),
    ),
    Case(
        "unknown-tzid",
        text_file(calendar(event("mars", "DTSTART;TZID=Mars/Olympus_Mons:20261125T090000"))),
        "unknown time zone",
        (ANCHOR, "mars"),
    ),
    Case(
        "vtimezone-dense-rule",
        text_file(
            calendar(DENSE_ZONE, event("zoned", "DTSTART;TZID=Hostile/Zone:20261125T090000"))
        ),
        "Skipped the time zone",
        (ANCHOR, "zoned"),
    ),
    Case(
        "vtimezone-custom-and-broken",
        text_file(
            calendar(
                CUSTOM_ZONE,
                "BEGIN:VTIMEZONE\r\nTZID:Half\r\nBEGIN:STANDARD\r\n",
                event("office", "DTSTART;TZID=Office Time:20261125T090000"),
            )
        ),
        "Skipped the time zone 'Half'",
        (ANCHOR, "office"),
    ),
    Case(
        "missing-end-vevent",
        text_file(calendar("BEGIN:VEVENT\r\nUID:cut\r\nSUMMARY:Cut short\r\n", anchor=True)),
        "Skipped 'Cut short' (line 4): it has no END:VEVENT line",
    ),
    Case(
        "missing-end-vcalendar",
        text_file(calendar().replace("END:VCALENDAR\r\n", "")),
        "its END:VCALENDAR line is missing",
    ),
    Case(
        "nested-ten-thousand-deep",
        text_file(
            calendar(event("deep", WEEK).replace("END:VEVENT", _deep(10_000) + "END:VEVENT"))
        ),
        "nested too deeply",
    ),
    Case(
        "broken-sequence-and-duration",
        text_file(calendar(event("odd", WEEK, "SEQUENCE:many", "DURATION:PXYZ"))),
        "",
        (ANCHOR, "odd"),
    ),
    Case(
        "cancelled-and-moved-occurrence",
        text_file(
            calendar(
                event("weekly", "DTSTART;TZID=Europe/Berlin:20260105T080000", "RRULE:FREQ=WEEKLY"),
                event(
                    "weekly",
                    "RECURRENCE-ID;TZID=Europe/Berlin:20261123T080000",
                    "DTSTART;TZID=Europe/Berlin:20261124T120000",
                    summary="weekly moved",
                ),
                event(
                    "weekly",
                    "RECURRENCE-ID;TZID=Europe/Berlin:20261130T080000",
                    WEEK,
                    "STATUS:CANCELLED",
                    summary="weekly gone",
                ),
            )
        ),
        "",
        (ANCHOR, "weekly moved"),
        absent=("weekly", "weekly gone"),
    ),
    # -- odd but valid ------------------------------------------------------------------
    Case(
        "floating-and-all-day",
        text_file(
            calendar(
                event("floating", "DTSTART:20261125T090000"),
                event("allday", "DTSTART;VALUE=DATE:20261127", "DTEND;VALUE=DATE:20261128"),
            )
        ),
        "",
        (ANCHOR, "floating", "allday"),
    ),
    Case(
        "x-properties-and-components",
        text_file(
            calendar(
                "BEGIN:X-HOSTILE\r\nX-A:1\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nEND:X-HOSTILE\r\n",
                event("xprops", WEEK, "X-EVIL;X-P=1:" + "x" * 5000),
            )
        ),
        "",
        (ANCHOR, "xprops"),
    ),
    Case(
        "huge-description",
        text_file(
            calendar(event("novel", WEEK, "DESCRIPTION:" + "\r\n ".join(["word " * 14] * 100_000)))
        ),
        "",
        (ANCHOR, "novel"),
    ),
    Case(
        "folded-summary",
        text_file(calendar(event("folded", WEEK, summary="Fol\r\n ded\r\n\t title"))),
        "",
        (ANCHOR, "Folded title"),
    ),
    Case(
        "non-utf8-bytes",
        bytes_file(
            calendar(event("caf", WEEK, summary="Caf\udce9")).encode("utf-8", "surrogateescape")
            + b"\xff\xfe"
        ),
        "",
        (ANCHOR, "Café"),
    ),
    Case(
        "nul-bytes-and-control-characters",
        text_file(
            calendar(
                event("nul", WEEK, "X-JUNK:a\x00b\x01c\x1b[2J", "LOCATION:Ro\x00om\x1b]8;;x\x07")
            )
        ),
        "",
        (ANCHOR, "nul"),
    ),
    Case(
        "header-injection-in-summary-and-location",
        text_file(
            calendar(
                event(
                    "inject",
                    WEEK,
                    "LOCATION:Room\\nBcc: all@evil.example",
                    "DESCRIPTION:x\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:Injected",
                    summary="Lunch\\r\\nBcc: attacker@evil.example",
                )
            )
        ),
        "",
        (ANCHOR, "Lunch"),
        absent=("Injected",),
    ),
    Case(
        "duplicate-uids",
        text_file(calendar(*(event("same", WEEK, summary=f"Copy {i}") for i in range(3)))),
        "",
        (ANCHOR, "Copy 0", "Copy 1", "Copy 2"),
    ),
    Case(
        "two-calendars-in-one-file",
        text_file(calendar(event("first", WEEK)) + calendar(event("second", WEEK), anchor=False)),
        "",
        (ANCHOR, "first", "second"),
    ),
    Case(
        "five-thousand-attendees",
        text_file(
            calendar(
                event("crowd", WEEK, *(f"ATTENDEE:mailto:p{i}@example.org" for i in range(5000)))
            )
        ),
        "",
        (ANCHOR, "crowd"),
    ),
    Case(
        "rule-interval-zero-and-negative-count",
        text_file(
            calendar(
                event("zero", WEEK, "RRULE:FREQ=DAILY;INTERVAL=0"),
                event("negative", WEEK, "RRULE:FREQ=DAILY;COUNT=-5"),
            )
        ),
        "",
        (ANCHOR, "zero", "negative"),  # shown once, at their start
    ),
    Case(
        "years-0001-and-9999",
        text_file(
            calendar(
                repeating("ancient", "FREQ=DAILY", start="00010101T090000Z"),
                repeating("doomsday", "FREQ=SECONDLY", start="99991231T235959Z"),
            )
        ),
        "Skipped 'doomsday' (line 11)",
        (ANCHOR, "ancient"),
    ),
    Case("hundred-thousand-events", _many_events, "", (ANCHOR, f"Event {MANY_IN_WEEK}")),
    Case("endless-line-of-junk", text_file(calendar("X-LONG:" + "y" * 5_000_000 + "\r\n")), ""),
    Case(
        "cr-only-line-ends",
        bytes_file(calendar().replace("\r\n", "\r").encode()),
        "END:VCALENDAR line is missing",
        (),
    ),
    # -- not a calendar file at all -----------------------------------------------------
    Case("zero-bytes", bytes_file(b""), "", ()),
    Case(
        "not-icalendar",
        bytes_file(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
        "isn't iCalendar",
        (),
        error=True,
    ),
    Case("fifo-as-calendar", _fifo, "not a regular file (it is a pipe", (), error=True),
    Case("symlink-to-dev-zero", _zero_link, "not a regular file (it is a device", (), error=True),
    Case("folder-as-calendar", lambda path: path.mkdir(), "it is a folder", (), error=True),
    Case("sixty-megabytes", _sparse, "too large", (), error=True),
)
