"""CalDAV against a real Radicale on loopback: create, list, move, delete, bad login."""

from __future__ import annotations

from datetime import datetime, tzinfo

import pytest

from agents.calendar import open_location
from agents.calendar.caldav_store import CalDavCalendar
from agents.calendar.model import CalendarError, new_event
from tests.servers.radicale import RadicaleServer


def at(tz: tzinfo, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=tz)


def test_round_trip_on_radicale(radicale_server: RadicaleServer, tz: tzinfo) -> None:
    calendar = CalDavCalendar(
        radicale_server.calendar_url, username="alice", password="secret", tz=tz
    )
    event = new_event(
        "Review", at(tz, 26, 15), at(tz, 26, 16), attendees=["anna@example.org"],
        description="Agenda:\n1. numbers",
    )  # fmt: skip
    calendar.create(event)
    # The server really stored it: a fresh client sees it.
    fresh = CalDavCalendar(radicale_server.calendar_url, username="alice", password="secret")
    (stored,) = fresh.list_events(at(tz, 26, 0), at(tz, 27, 0))
    assert (stored.uid, stored.summary, stored.description) == (
        event.uid,
        "Review",
        "Agenda:\n1. numbers",
    )
    assert stored.start == at(tz, 26, 15)

    calendar.update(event.moved(at(tz, 27, 9)))
    assert fresh.get(event.uid).start == at(tz, 27, 9)
    assert fresh.search("review", at(tz, 20, 0), at(tz, 30, 0))[0].uid == event.uid

    calendar.delete(event.uid)
    assert fresh.list_events(at(tz, 20, 0), at(tz, 30, 0)) == []


def test_location_reopens_without_password(radicale_server: RadicaleServer) -> None:
    url = radicale_server.calendar_url.replace("http://", "http://alice:secret@")
    calendar = CalDavCalendar(url)
    assert "secret" not in calendar.location
    assert calendar.location.startswith("caldav:http://alice@127.0.0.1:")
    assert isinstance(open_location(calendar.location), CalDavCalendar)


def test_wrong_password_gives_a_clear_error(radicale_server: RadicaleServer, tz: tzinfo) -> None:
    calendar = CalDavCalendar(
        radicale_server.calendar_url, username="alice", password="wrong", tz=tz
    )
    with pytest.raises(CalendarError, match=r"refused the login|failed to"):
        calendar.list_events(at(tz, 1, 0), at(tz, 30, 0))


def test_not_a_url_is_refused() -> None:
    with pytest.raises(CalendarError, match="isn't an http"):
        CalDavCalendar("ftp://example.org/cal")
