"""Times the tools are given: everyday language against a fixed clock, the person's IANA
zone (so summer time is right), and the resolved time in full in every approval."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import tzlocal

from agents.calendar.ics_store import IcsCalendar
from agents.calendar.model import CalendarError, new_event
from agents.calendar.zones import absolute, local_timezone
from agents.tools.approval import ApprovalGate
from agents.tools.registry import ToolContext, build_tools
from agents.tools.when import normalized, parse_when, system_languages
from tests.agents.tools.calls import Called
from tests.agents.tools.conftest import BERLIN, NOW, ScriptedApprover

ROOT = Path(__file__).resolve().parents[3]


def ctx_at(now: datetime, languages: tuple[str, ...] = ("de", "zh", "en")) -> ToolContext:
    """A context whose clock stands still at ``now`` (Berlin)."""
    return ToolContext(gate=None, tz=BERLIN, now=lambda: now, languages=languages)  # type: ignore[arg-type]


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=BERLIN)


# NOW is Wednesday 25 November 2026, 10:00 in Berlin.
RELATIVE = [
    ("in 2 hours", at(25, 12)),
    ("in 90 minutes", at(25, 11, 30)),
    ("tomorrow at 3pm", at(26, 15)),
    ("next Thursday 10:00", at(26, 10)),
    ("next thursday at 10", at(26, 10)),
    ("Thursday 3pm", at(26, 15)),
    ("friday 10 o'clock", at(27, 10)),
    ("3pm", at(25, 15)),
    ("9am", at(26, 9)),  # already past today: the future is preferred
    ("Dec 1 10am", at(1, 10, month=12)),
    ("übermorgen 15 Uhr", at(27, 15)),
    ("übermorgen um 15:30", at(27, 15, 30)),
    ("nächsten Donnerstag 9 Uhr", at(26, 9)),
    ("morgen 10 Uhr", at(26, 10)),
    ("明天下午三点", at(26, 15)),
    ("明天下午三点半", at(26, 15, 30)),
    ("后天上午十点", at(27, 10)),
    ("2026-11-26T15:00", at(26, 15)),
    ("2026-11-26T14:00Z", at(26, 15)),
    ("2026-11-26 15:00 +01:00", at(26, 15)),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVE, ids=[t for t, _ in RELATIVE])
def test_relative_dates_with_a_fixed_clock(text: str, expected: datetime) -> None:
    found = parse_when(text, ctx_at(NOW))
    assert found == expected
    assert found.tzinfo is BERLIN


@pytest.mark.parametrize(
    "text", ["", "   ", "soon-ish maybe", "x" * 500, "in 10000000000 years", "31.02.2026"]
)
def test_unreadable_times_get_a_clear_message(text: str) -> None:
    with pytest.raises(CalendarError, match=r"2026-11-26T15:00|empty|too long"):
        parse_when(text, ctx_at(NOW))


def test_time_words_are_normalised_for_the_parser() -> None:
    assert normalized("明天下午三点半") == "明天下午 3:30"
    assert normalized("übermorgen 15.30 Uhr") == "übermorgen 15:30"
    assert normalized("next thursday at 10") == "next thursday at 10:00"
    assert normalized("at 10am") == "at 10am"


def test_languages_come_from_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LANGUAGE", "LC_ALL", "LC_TIME", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    assert system_languages() == ("en",)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    monkeypatch.setenv("LANGUAGE", "zh_CN:de")
    assert system_languages() == ("zh", "de", "en")
    monkeypatch.setenv("LC_ALL", "C")
    assert system_languages() == ("zh", "de", "en")


# -- daylight saving time ------------------------------------------------------------------
@pytest.fixture
def berlin_machine(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This computer's zone is Europe/Berlin (as TZ sets it), for the length of a test."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    tzlocal.reload_localzone()
    yield
    monkeypatch.undo()
    tzlocal.reload_localzone()


def test_the_local_zone_is_the_iana_zone_not_an_offset(berlin_machine: None) -> None:
    zone = local_timezone()
    assert zone == ZoneInfo("Europe/Berlin")
    assert datetime(2026, 1, 15, tzinfo=zone).utcoffset() == timedelta(hours=1)
    assert datetime(2026, 7, 15, tzinfo=zone).utcoffset() == timedelta(hours=2)


def create_event(ctx: ToolContext, **args: str) -> str:
    (built,) = build_tools(ctx, ["create_event"])
    return Called(built).invoke(args)


def test_an_event_made_in_january_for_july_keeps_its_hour(
    berlin_machine: None, tmp_path: Path, gate: ApprovalGate, approver: ScriptedApprover
) -> None:
    """The bug: a winter offset (+01:00) taken as the zone put summer events an hour off."""
    approver.answers.append(True)
    january = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)
    calendar = IcsCalendar(tmp_path / "calendar.ics")  # the machine's zone, like the app
    ctx = ToolContext(gate=gate, calendar=calendar, now=lambda: january, languages=("en",))
    answer = create_event(ctx, title="Garden party", start="July 15 at 3pm")
    assert answer.startswith("Created event")
    assert "DTSTART:20260715T130000Z" in (tmp_path / "calendar.ics").read_text()
    july = datetime(2026, 7, 15, tzinfo=ZoneInfo("Europe/Berlin"))
    (event,) = calendar.list_events(july, july + timedelta(days=1))
    assert (event.start.hour, event.start.utcoffset()) == (15, timedelta(hours=2))
    (action,) = approver.seen
    assert action.details["starts"] == (
        "Wednesday 15 July 2026, 15:00 CEST (Europe/Berlin, UTC+02:00)"
    )
    assert action.details["ends"].startswith("Wednesday 15 July 2026, 15:30 CEST")
    assert action.details["requested"] == "July 15 at 3pm"


def test_times_across_the_march_change(tmp_path: Path) -> None:
    saturday = at(28, 10, month=3)  # the clocks go forward on Sunday 29 March, 02:00
    ctx = ctx_at(saturday)
    tomorrow = parse_when("tomorrow at 10am", ctx)
    assert (tomorrow.hour, tomorrow.utcoffset()) == (10, timedelta(hours=2))
    just_after_midnight = ctx_at(at(29, 0, 30, month=3))
    assert parse_when("in 2 hours", just_after_midnight) == at(29, 3, 30, month=3)  # elapsed
    assert parse_when("2026-03-29T02:30", ctx) == at(29, 3, 30, month=3)  # a skipped time

    calendar = IcsCalendar(tmp_path / "calendar.ics", BERLIN)
    path = tmp_path / "calendar.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:daily\r\n"
        "SUMMARY:Standup\r\nDTSTART;TZID=Europe/Berlin:20200106T090000\r\n"
        "DURATION:PT15M\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    events = calendar.list_events(at(27, 0, month=3), at(31, 0, month=3))
    assert [(e.start.day, e.start.hour, e.start.utcoffset()) for e in events] == [
        (27, 9, timedelta(hours=1)),
        (28, 9, timedelta(hours=1)),
        (29, 9, timedelta(hours=2)),
        (30, 9, timedelta(hours=2)),
    ]


def test_the_move_approval_shows_the_resolved_time(
    make_ctx: Callable[..., ToolContext], approver: ScriptedApprover
) -> None:
    ctx = make_ctx()
    ctx.languages = ("de", "en")
    assert ctx.calendar is not None
    event = ctx.calendar.create(new_event("Review", at(26, 14), at(26, 15)))
    (built,) = build_tools(ctx, ["move_event"])
    Called(built).invoke({"event_id": event.uid, "new_start": "übermorgen 9 Uhr"})
    (action,) = approver.seen
    assert action.details["starts"] == absolute(at(27, 9), BERLIN)
    assert (
        action.details["starts"] == "Friday 27 November 2026, 09:00 CET (Europe/Berlin, UTC+01:00)"
    )
    assert action.details["requested"] == "übermorgen 9 Uhr"


def test_the_date_parser_is_not_imported_at_start() -> None:
    code = (
        "import sys, app.main, agents.tools.registry, agents.tools.create_event, "
        "agents.tools.common; print('dateparser' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
