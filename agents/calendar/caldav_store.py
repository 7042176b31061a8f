"""A calendar on a CalDAV server (Nextcloud, Radicale, Fastmail, iCloud...), via `caldav`."""

from __future__ import annotations

import threading
import urllib.parse
from collections.abc import Callable
from datetime import datetime, tzinfo
from functools import partial
from typing import Any, TypeVar

import icalendar

from agents.calendar.budget import Budget, Limits
from agents.calendar.listing import Entry, collect, event_name
from agents.calendar.model import (
    CalendarError,
    CalendarEvent,
    CalendarKind,
    Listing,
    from_vevent,
    matches,
    new_calendar,
    to_vevent,
)
from agents.calendar.zones import local_timezone
from agents.wording import Words, say

T = TypeVar("T")
KEYRING_SERVICE = "hearth-caldav"


def password_from_keyring(url: str, username: str) -> str | None:
    """The CalDAV password stored in the OS keyring for this server and user, if any."""
    try:
        import keyring
    except ImportError:
        return None
    host = urllib.parse.urlsplit(url).hostname or url
    try:
        return keyring.get_password(KEYRING_SERVICE, f"{username}@{host}")
    except Exception:  # a missing or locked keyring backend is not fatal
        return None


class CalDavCalendar:
    """One calendar collection on a CalDAV server.

    Args:
        url: The calendar's URL, or the server/principal URL (then ``name`` or the first
            calendar is used). Credentials may be in the URL's user part; the password is
            otherwise taken from ``password`` or the OS keyring.
        username: The account name.
        password: The password (prefer the keyring).
        name: The calendar's display name, when ``url`` is not the calendar itself.
        tz: The timezone floating times are read in.
        timeout: Seconds per request.
        limits: What one query may cost.
    """

    def __init__(
        self,
        url: str,
        *,
        username: str | None = None,
        password: str | None = None,
        name: str | None = None,
        tz: tzinfo | None = None,
        timeout: int = 30,
        limits: Limits | None = None,
    ) -> None:
        import caldav

        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise CalendarError(
                CalendarKind.GENERAL,
                say("The CalDAV address {url!r} isn't an http(s) URL.", url=url),
            )
        username = username or (urllib.parse.unquote(parts.username) if parts.username else None)
        if parts.password:
            password = password or urllib.parse.unquote(parts.password)
        clean = parts._replace(netloc=parts.hostname + (f":{parts.port}" if parts.port else ""))
        self.url = urllib.parse.urlunsplit(clean)
        self.username = username
        if username and password is None:
            password = password_from_keyring(self.url, username)
        self.tz = tz or local_timezone()
        self.limits = limits or Limits()
        self.name = name
        self._lock = threading.Lock()
        self._client: Any = caldav.DAVClient(  # type: ignore[operator]
            url=self.url,
            username=username,
            password=password,
            timeout=timeout,
            require_tls=False,  # loopback servers (Radicale) speak plain HTTP
            enable_rfc6764=False,
        )
        self._calendar: Any = None

    @property
    def location(self) -> str:
        """``caldav:<url>`` with the user name but never the password."""
        if not self.username:
            return f"caldav:{self.url}"
        parts = urllib.parse.urlsplit(self.url)
        user = urllib.parse.quote(self.username, safe="")
        return f"caldav:{urllib.parse.urlunsplit(parts._replace(netloc=f'{user}@{parts.netloc}'))}"

    def _call(self, what: Words, fn: Callable[[], T]) -> T:
        from caldav.lib import error as dav_error

        try:
            return fn()
        except CalendarError:
            raise
        except dav_error.AuthorizationError as exc:
            raise CalendarError(
                CalendarKind.GENERAL,
                say(
                    "The CalDAV server {url} refused the login while trying to {what}: check "
                    "the user name and password.",
                    url=self.url,
                    what=what,
                ),
            ) from exc
        except dav_error.NotFoundError as exc:
            raise CalendarError(
                CalendarKind.GENERAL,
                say(
                    "The CalDAV server {url} has no such calendar or event ({what}).",
                    url=self.url,
                    what=what,
                ),
            ) from exc
        except Exception as exc:
            raise CalendarError(
                CalendarKind.GENERAL,
                say(
                    "The CalDAV server {url} failed to {what}: {problem}. Check that it is "
                    "running and the address is right.",
                    url=self.url,
                    what=what,
                    problem=exc,
                ),
            ) from exc

    def _collection(self) -> Any:
        if self._calendar is not None:
            return self._calendar

        def find() -> Any:
            principal = self._client.principal()
            calendars = principal.calendars()
            wanted = self.url.rstrip("/")
            for calendar in calendars:
                if str(calendar.url).rstrip("/") == wanted:
                    return calendar
            if self.name:
                for calendar in calendars:
                    if calendar.get_display_name() == self.name:
                        return calendar
                raise CalendarError(
                    CalendarKind.GENERAL,
                    say(
                        "There is no calendar called {name!r} on {url}.",
                        name=self.name,
                        url=self.url,
                    ),
                )
            if not calendars:
                raise CalendarError(
                    CalendarKind.GENERAL,
                    say("There is no calendar at {url}: create one first.", url=self.url),
                )
            return calendars[0]

        with self._lock:
            self._calendar = self._call(say("find the calendar"), find)
        return self._calendar

    # -- reading ------------------------------------------------------------------------
    def list_events(self, start: datetime, end: datetime) -> Listing:
        """Events overlapping [start, end), recurrences expanded, sorted by start.

        The server finds the events; Hearth expands their repetitions itself, within its
        limits, and skips (and names) the events it can't read.
        """
        calendar = self._collection()
        found = self._call(
            say("list events"),
            lambda: calendar.search(
                start=start, end=end, event=True, expand=False, post_filter=False
            ),
        )
        budget = Budget(self.limits)
        entries = [entry for item in found for entry in self._entries(item, budget)]
        return collect(entries, start, end, self.tz, budget)

    def _entries(self, item: Any, budget: Budget) -> list[Entry]:
        """The VEVENTs of one calendar object from the server (none if it can't be read)."""
        try:
            with budget.guard(self.limits.per_rule_seconds):
                instance = item.icalendar_instance
        except Exception as exc:  # including OutOfTime: this object alone is skipped
            budget.note(
                say(
                    "Skipped an event at {where}: it can't be read ({error_type}).",
                    where=getattr(item, "url", "") or say("the server"),
                    error_type=type(exc).__name__,
                )
            )
            return []
        return [
            Entry(
                label=partial(
                    event_name, str(component.get("SUMMARY") or ""), say("on the server")
                ),
                uid=str(component.get("UID") or ""),
                parse=_given(component),
            )
            for component in instance.walk("VEVENT")
        ]

    def search(self, query: str, start: datetime, end: datetime) -> Listing:
        """Events in the range whose title, location or description contain every word."""
        listing = self.list_events(start, end)
        return Listing((e for e in listing if matches(e, query)), listing.notes)

    def _resource(self, uid: str) -> Any:
        calendar = self._collection()
        return self._call(say("find event {uid}", uid=uid), lambda: calendar.get_event_by_uid(uid))

    def get(self, uid: str) -> CalendarEvent:
        """One event by UID; raises CalendarError when missing."""
        resource = self._resource(uid)
        return from_vevent(resource.icalendar_component, self.tz)

    # -- changing -----------------------------------------------------------------------
    def create(self, event: CalendarEvent) -> CalendarEvent:
        """Adds an event (never overwriting one with the same UID)."""
        calendar = self._collection()
        ics = new_calendar()
        ics.add_component(to_vevent(event))
        text = ics.to_ical().decode("utf-8")
        self._call(
            say("create the event"),
            lambda: calendar.add_event(text, no_overwrite=True, increase_seqno=False),
        )
        return event

    def update(self, event: CalendarEvent) -> CalendarEvent:
        """Replaces the (non-recurring) event with the same UID."""
        resource = self._resource(event.uid)
        old = resource.icalendar_component
        if old.get("RRULE") is not None or old.get("RDATE") is not None:
            raise CalendarError(
                CalendarKind.GENERAL,
                say(
                    "'{summary}' repeats; change repeating events in your calendar app.",
                    summary=event.summary,
                ),
            )
        ics = new_calendar()
        ics.add_component(to_vevent(event))

        def save() -> None:
            resource.icalendar_instance = icalendar.Calendar.from_ical(ics.to_ical())
            resource.save(increase_seqno=False)

        self._call(say("move the event"), save)
        return event

    def delete(self, uid: str) -> None:
        """Removes an event; raises CalendarError when missing."""
        resource = self._resource(uid)
        self._call(say("delete the event"), resource.delete)


def _given(component: Any) -> Callable[[], Any]:
    """A parse step for a component the caldav library has already parsed."""
    return lambda: component
