"""iMIP invitations: METHOD:REQUEST, organizer and attendees, a text/calendar part."""

from __future__ import annotations

from datetime import datetime, tzinfo

import icalendar
import pytest

from agents.calendar.invites import build_invite, invite_event, invite_mail
from agents.calendar.model import CalendarError, CalendarKind, new_event
from agents.mail.compose import build_message


def at(tz: tzinfo, day: int, hour: int) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=tz)


def test_invitation_is_an_imip_request(tz: tzinfo) -> None:
    event = invite_event(
        new_event("Follow-up", at(tz, 26, 15), at(tz, 26, 16), attendees=["anna@example.org"]),
        "me@example.org",
        ("bob@example.org",),
    )
    ics = build_invite(event)
    calendar = icalendar.Calendar.from_ical(ics)
    assert str(calendar["METHOD"]) == "REQUEST"
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["ORGANIZER"]) == "mailto:me@example.org"
    attendees = [str(a) for a in vevent["ATTENDEE"]]
    assert attendees == ["mailto:anna@example.org", "mailto:bob@example.org"]
    assert vevent["ATTENDEE"][0].params["RSVP"] == "TRUE"

    message = build_message(invite_mail(event, tz))
    parts = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1
    assert parts[0].get_param("method") == "REQUEST"
    assert "METHOD:REQUEST" in parts[0].get_content()
    assert message["To"].addresses[0].addr_spec == "anna@example.org"
    assert message["Subject"] == "Invitation: Follow-up"


def test_invitation_needs_someone_else(tz: tzinfo) -> None:
    event = new_event("Alone", at(tz, 26, 15), at(tz, 26, 16))
    with pytest.raises(CalendarError, match="attendee") as caught:
        invite_event(event, "me@example.org", ("me@example.org",))
    assert caught.value.kind is CalendarKind.FIELD


def test_injected_attendee_is_refused(tz: tzinfo) -> None:
    event = new_event("X", at(tz, 26, 15), at(tz, 26, 16))
    with pytest.raises(CalendarError) as caught:
        invite_event(event, "me@example.org", ("anna@example.org\r\nBcc: evil@example.com",))
    assert caught.value.kind is CalendarKind.FIELD
    with pytest.raises(CalendarError) as caught:
        invite_event(event, "me@example.org\r\nBcc: evil@example.com", ("anna@example.org",))
    assert caught.value.kind is CalendarKind.FIELD
