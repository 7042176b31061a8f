"""Invitations as iMIP: an iCalendar METHOD:REQUEST sent as a text/calendar part (RFC 6047)."""

from __future__ import annotations

from dataclasses import replace
from datetime import tzinfo
from typing import TYPE_CHECKING

from agents.calendar.model import (
    CalendarError,
    CalendarEvent,
    CalendarKind,
    check_address,
    check_addresses,
    new_calendar,
    to_vevent,
)
from agents.wording import say

if TYPE_CHECKING:
    from agents.mail.compose import OutgoingMail

INVITE_CONTENT_TYPE = "text/calendar; method=REQUEST; charset=UTF-8"
INVITE_FILENAME = "invite.ics"


def invite_event(event: CalendarEvent, organizer: str, attendees: tuple[str, ...]) -> CalendarEvent:
    """The event as it is sent: organizer set, attendees checked and merged."""
    organizer = check_address(organizer, say("sender"))
    merged = check_addresses((*event.attendees, *attendees))
    merged = tuple(a for a in merged if a.lower() != organizer.lower())
    if not merged:
        raise CalendarError(
            CalendarKind.FIELD, say("An invitation needs at least one attendee other than you.")
        )
    return replace(event, organizer=organizer, attendees=merged)


def build_invite(event: CalendarEvent) -> str:
    """The iMIP REQUEST .ics text for an event that has an organizer and attendees."""
    if not event.organizer or not event.attendees:
        raise CalendarError(
            CalendarKind.FIELD, say("An invitation needs an organizer and at least one attendee.")
        )
    calendar = new_calendar(method="REQUEST")
    calendar.add_component(to_vevent(event))
    return calendar.to_ical().decode("utf-8")


def invite_text(event: CalendarEvent, tz: tzinfo | None = None) -> str:
    """The plain-text part people read in mail clients that ignore the .ics."""
    lines = [f"You are invited: {event.summary}", f"When: {event.describe(tz).split(': ')[0]}"]
    if event.location:
        lines.append(f"Where: {event.location}")
    lines.append(f"Organizer: {event.organizer}")
    lines.append(f"Attendees: {', '.join(event.attendees)}")
    if event.description:
        lines += ["", event.description]
    return "\n".join(lines) + "\n"


def invite_mail(event: CalendarEvent, tz: tzinfo | None = None) -> OutgoingMail:
    """The invitation as outgoing mail: text body plus the REQUEST .ics attachment."""
    from agents.mail.compose import OutgoingAttachment, OutgoingMail

    ics = build_invite(event)
    return OutgoingMail(
        sender=event.organizer,
        to=event.attendees,
        cc=(),
        subject=f"Invitation: {event.summary}",
        body=invite_text(event, tz),
        attachments=(
            OutgoingAttachment(
                filename=INVITE_FILENAME,
                content_type=INVITE_CONTENT_TYPE,
                data=ics.encode("utf-8"),
            ),
        ),
    )
