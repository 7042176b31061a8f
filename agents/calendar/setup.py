"""Which calendar Hearth uses, as the ``calendar`` setting saves it; a CalDAV account's
password lives in the system keyring, never in a file.

The setting holds a location, the same string a calendar reports as its ``location``:
empty for ``calendar.ics`` in the data folder, ``ics:<file>`` for another .ics file, or
``caldav:<url>`` with the user name in the URL (``caldav:https://alice@dav.example.org/
calendars/alice/work/``). The password is stored under the keyring entry that
:func:`agents.calendar.caldav_store.password_from_keyring` reads, so the window, the tools
and ``hearth agent`` all log in the same way.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any, Literal

from agents import paths
from agents.calendar.model import CalendarError, CalendarKind, CalendarStore
from agents.calendar.zones import local_timezone
from agents.wording import Words, say

Kind = Literal["local", "ics", "caldav"]
CHECK_DAYS = 7
"""How far ahead a connection check reads."""
_LINE_BREAKS = ("\r", "\n", "\0")


@dataclass(frozen=True)
class CalendarSetup:
    """One calendar choice.

    Attributes:
        kind: ``local`` (calendar.ics in the data folder), ``ics`` (another file) or
            ``caldav`` (a server).
        path: The .ics file (``ics``).
        url: The CalDAV calendar's URL, or the server's (the first calendar is used),
            without a user name or password (``caldav``).
        username: The CalDAV login (``caldav``).
    """

    kind: Kind = "local"
    path: str = ""
    url: str = ""
    username: str = ""

    @classmethod
    def from_location(cls, location: str) -> CalendarSetup:
        """Reads the ``calendar`` setting; raises CalendarError for an unknown kind."""
        text = location.strip()
        if not text:
            return cls()
        kind, _, where = text.partition(":")
        if kind == "ics" and where:
            return cls("ics", path=where)
        if kind == "caldav" and where:
            parts = urllib.parse.urlsplit(where)
            user = urllib.parse.unquote(parts.username) if parts.username else ""
            return cls("caldav", url=_without_login(where), username=user)
        raise _problem(
            say(
                "The calendar setting {location!r} isn't ics:<file> or caldav:<url>: set "
                "the calendar up again in Calendar > Set up.",
                location=location,
            )
        )

    @property
    def location(self) -> str:
        """The setting's value: '' (local), ``ics:<absolute path>`` or ``caldav:<url>``
        with the user name but never the password."""
        if self.kind == "ics":
            return f"ics:{Path(self.path).expanduser().absolute()}"
        if self.kind == "caldav":
            parts = urllib.parse.urlsplit(self.url)
            login = f"{urllib.parse.quote(self.username, safe='')}@{parts.netloc}"
            return f"caldav:{urllib.parse.urlunsplit(parts._replace(netloc=login))}"
        return ""

    @property
    def keyring_key(self) -> str:
        """The keyring entry of the CalDAV password (``alice@dav.example.org``)."""
        host = urllib.parse.urlsplit(self.url).hostname or self.url
        return f"{self.username}@{host}"

    def validated(self) -> CalendarSetup:
        """The setup, tidied (spaces trimmed, no login left in the URL), if complete.

        Raises:
            CalendarError: What is missing or wrong, in words a person can act on.
        """
        if self.kind == "local":
            return CalendarSetup()
        if self.kind == "ics":
            path = self.path.strip()
            if not path:
                raise _problem(say("Choose the .ics file of the calendar."))
            if any(ch in path for ch in _LINE_BREAKS) or Path(path).is_dir():
                raise _problem(
                    say("{path!r} isn't a calendar file: choose an .ics file.", path=path)
                )
            if Path(path).suffix.lower() != ".ics":
                raise _problem(say("{name} isn't an .ics file: choose one.", name=Path(path).name))
            return CalendarSetup("ics", path=str(Path(path).expanduser().absolute()))
        if self.kind != "caldav":
            raise _problem(say("Unknown kind of calendar {kind!r}.", kind=self.kind))
        url = self.url.strip()
        parts = urllib.parse.urlsplit(url)
        username = self.username.strip() or urllib.parse.unquote(parts.username or "")
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise _problem(
                say(
                    "The CalDAV address must start with https:// (or http:// for a server on "
                    "this computer), e.g. https://dav.example.org/calendars/alice/work/."
                )
            )
        if not username or any(ch in username for ch in (*_LINE_BREAKS, "\t")):
            raise _problem(say("Enter the CalDAV user name (one line)."))
        return CalendarSetup("caldav", url=_without_login(url), username=username)

    def open(
        self, data_dir: Path, tz: tzinfo | None = None, password: str | None = None
    ) -> CalendarStore:
        """Opens the calendar (no network yet: a server is first asked on first use).

        Args:
            data_dir: The data folder (for the local calendar).
            tz: The timezone floating times are read in.
            password: A CalDAV password typed but not saved yet; None: the keyring's.
        """
        tz = tz or local_timezone()
        if self.kind == "caldav":
            from agents.calendar.caldav_store import CalDavCalendar

            return CalDavCalendar(self.url, username=self.username, password=password, tz=tz)
        from agents.calendar.ics_store import IcsCalendar

        path = Path(self.path) if self.kind == "ics" else paths.calendar_file(data_dir)
        return IcsCalendar(path, tz=tz)

    def workspace_fields(self) -> dict[str, Any]:
        """The ``ics`` and ``caldav_url`` of a WorkspaceSpec that opens this calendar."""
        if self.kind == "ics":
            return {"ics": Path(self.path), "caldav_url": None}
        if self.kind == "caldav":
            return {"ics": None, "caldav_url": self.location.removeprefix("caldav:")}
        return {"ics": None, "caldav_url": None}


def _problem(message: Words) -> CalendarError:
    """A setup problem the person can fix (the message says how)."""
    return CalendarError(CalendarKind.GENERAL, message)


def _without_login(url: str) -> str:
    """The URL without ``user:password@``."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:  # an IPv6 address keeps its brackets
        host = f"[{host}]"
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


def store_password(setup: CalendarSetup, password: str) -> None:
    """Keeps the CalDAV password in the system keyring.

    Raises:
        CalendarError: There is no usable keyring (the message says what to start).
    """
    from agents.calendar.caldav_store import KEYRING_SERVICE

    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, setup.keyring_key, password)
    except Exception as exc:
        raise _problem(
            say(
                "Couldn't store the password in the system keyring ({error_type}). Start "
                "or unlock your desktop's keyring (GNOME Keyring, KWallet, macOS "
                "Keychain, Windows Credential Manager) and try again.",
                error_type=type(exc).__name__,
            )
        ) from exc


def check(calendar: CalendarStore, tz: tzinfo, now: datetime | None = None) -> int:
    """Reads the coming week, which proves the calendar can be read (and, on a server,
    that the login works); returns how many events it holds.

    Raises:
        CalendarError: What went wrong (a refused login, an unreadable file...).
    """
    start = now or datetime.now(tz)
    return len(calendar.list_events(start, start + timedelta(days=CHECK_DAYS)))
