"""The hostile calendar corpus: every case ends fast, small, with a clear word, file intact.

Each case goes through the real paths: :class:`IcsCalendar` listing a week, and the
``list_events`` tool the agent calls. Both must end within the time and memory bounds,
with a note or a clear message and no traceback, and the file must be exactly as it was.
"""

from __future__ import annotations

import os
import time
import tracemalloc
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from agents.calendar.budget import Limits
from agents.calendar.ics_store import IcsCalendar
from agents.calendar.model import CalendarError, Listing, new_event
from agents.tools.approval import ApprovalGate, deny_all
from agents.tools.audit import AuditLog
from agents.tools.common import ToolContext
from agents.tools.list_events import make_list_events
from tests.agents.calendar.hostile import CASES, Case

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 11, 23, tzinfo=BERLIN)
END = datetime(2026, 12, 1, tzinfo=BERLIN)
NOW = datetime(2026, 11, 25, 10, tzinfo=BERLIN)
MAX_SECONDS = 5.0
MAX_BYTES = 200 * 1024 * 1024
TRACED = Limits(seconds=30, per_rule_seconds=2)


def fingerprint(path: Path) -> tuple[object, ...]:
    """What must not change: the file's type, size and bytes (regular files only)."""
    info = path.lstat()
    if path.is_symlink() or not path.is_file():
        return (info.st_mode, os.readlink(path) if path.is_symlink() else None)
    return (info.st_mode, info.st_size, path.read_bytes() if info.st_size < 1 << 24 else None)


def list_directly(path: Path) -> tuple[str, Listing | None]:
    """The week as IcsCalendar lists it: (error message or "", listing or None).

    Traced allocations slow Python several times over, so this run, which measures
    memory, gets more time: it does at least the work of the timed run.
    """
    try:
        return "", IcsCalendar(path, BERLIN, TRACED).list_events(START, END)
    except CalendarError as exc:
        return exc.message, None


def list_through_the_tool(path: Path, tmp_path: Path) -> str:
    """The week as the list_events tool answers the agent."""
    ctx = ToolContext(
        gate=ApprovalGate(deny_all, AuditLog(tmp_path / "audit.sqlite3")),
        calendar=IcsCalendar(path, BERLIN),
        tz=BERLIN,
        now=lambda: NOW,
        languages=("en",),
    )
    return str(make_list_events(ctx).invoke({"start": "2026-11-23T00:00", "end": "2026-12-01"}))


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_calendar(case: Case, tmp_path: Path) -> None:
    path = tmp_path / "calendar.ics"
    case.build(path)
    before = fingerprint(path)

    tracemalloc.start()  # memory: the store's own listing, every allocation traced
    try:
        error, listing = list_directly(path)
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    began = time.perf_counter()  # time: the tool the agent calls (which lists again)
    answer = list_through_the_tool(path, tmp_path)
    elapsed = time.perf_counter() - began

    assert peak < MAX_BYTES, f"peak {peak / 1e6:.0f} MB"
    assert elapsed < MAX_SECONDS, f"took {elapsed:.1f} s"
    assert "Traceback" not in answer
    assert fingerprint(path) == before, "the calendar file changed"
    notes = [str(note) for note in listing.notes] if listing is not None else []
    said = " ".join([error, answer, *notes])
    assert case.says.lower() in said.lower(), said[:2000]
    if case.error:
        assert error and listing is None
        assert answer.startswith("Error: ") and error in answer
        return
    assert listing is not None, error
    titles = [event.summary for event in listing]
    for title in case.listed:
        assert any(title in t for t in titles), (title, titles[:20], listing.notes)
        assert title in answer or len(listing) > 50
    for title in case.absent:
        assert title not in titles
    for event in listing:  # what is shown is one line each, whatever the file held
        assert not any(c in event.summary + event.location for c in "\r\n\x00\x1b")
    assert ("note: " in answer) == bool(listing.notes)


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 20
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize(
    ("title", "location"),
    [
        ("Lunch\r\nATTENDEE:mailto:evil@example.com", ""),
        ("Lunch", "Room 1\nBEGIN:VEVENT"),
        ("Lunch\x1b[2J", ""),
    ],
)
def test_injection_on_write_is_refused_and_file_kept(
    tmp_path: Path, title: str, location: str
) -> None:
    path = tmp_path / "calendar.ics"
    path.write_bytes(b"")
    calendar = IcsCalendar(path, BERLIN)
    calendar.create(new_event("Kept", NOW, NOW.replace(hour=11)))
    before = path.read_bytes()
    with pytest.raises(CalendarError):
        calendar.create(new_event(title, NOW, NOW.replace(hour=11), location=location))
    assert path.read_bytes() == before


def test_writes_keep_every_other_byte(tmp_path: Path) -> None:
    """Changes touch only their own event: unreadable and foreign events survive as they are."""
    path = tmp_path / "calendar.ics"
    odd = (
        b"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:other\nX-WR-CALNAME:Mine\n"
        b"BEGIN:VEVENT\nUID:odd\nSUMMARY:No start but mine\nX-KEEP:1\nEND:VEVENT\n"
        b"BEGIN:VTODO\nUID:todo\nSUMMARY:Keep me\nEND:VTODO\nEND:VCALENDAR\n"
    )
    path.write_bytes(odd)
    calendar = IcsCalendar(path, BERLIN)
    event = calendar.create(new_event("New", NOW, NOW.replace(hour=11)))
    assert path.read_bytes().startswith(odd[: odd.index(b"END:VCALENDAR")])
    calendar.update(event.moved(NOW.replace(hour=14)))
    assert [e.start.hour for e in calendar.list_events(START, END)] == [14]
    calendar.delete(event.uid)
    assert path.read_bytes() == odd
