"""Time zones: the person's IANA zone, wall-clock times made real, and times written in full.

A fixed UTC offset is never used as "the local zone": an offset taken in winter would put
every summer event an hour off. The zone is the system's IANA zone (``Europe/Berlin``),
so daylight saving time applies to each date on its own.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agents.calendar.model import CalendarError, CalendarKind
from agents.wording import say


def local_timezone(name: str | None = None) -> tzinfo:
    """The named IANA zone, or this computer's (``TZ``, then the system setting).

    Raises:
        CalendarError: The name is not an IANA zone.
    """
    if name:
        return _zone(name)
    try:
        import tzlocal

        zone = tzlocal.get_localzone()
    except Exception:  # a broken system setting: try TZ, then UTC
        zone = None
    if isinstance(zone, ZoneInfo):
        return zone
    key = getattr(zone, "key", None) or os.environ.get("TZ", "").lstrip(":")
    try:
        return _zone(key) if key else ZoneInfo("UTC")
    except CalendarError:
        return ZoneInfo("UTC")


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise CalendarError(
            CalendarKind.GENERAL,
            say("Unknown timezone {name!r}: use an IANA name like Europe/Berlin.", name=name),
        ) from exc


def on_wall_clock(moment: datetime, tz: tzinfo) -> datetime:
    """A wall-clock time in ``tz`` as a real moment.

    Naive times are read in ``tz``; a time that the clock skips when summer time starts
    (02:30 on the last Sunday of March in Berlin) moves forward by the gap, and a time
    the clock shows twice in autumn is the first of the two.
    """
    local = moment.replace(tzinfo=tz) if moment.tzinfo is None else moment.astimezone(tz)
    return local.astimezone(UTC).astimezone(tz)


def zone_name(tz: tzinfo | None) -> str:
    """The zone's IANA name when it has one (``Europe/Berlin``), else its description."""
    key = getattr(tz, "key", None)
    return str(key) if key else str(tz or "")


def absolute(moment: datetime, tz: tzinfo) -> str:
    """A time written so nobody can misread it: weekday, date, time and zone.

    ``Thursday 26 November 2026, 15:00 CET (Europe/Berlin, UTC+01:00)``.
    """
    local = moment.astimezone(tz)
    offset = local.strftime("%z")
    offset = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
    abbreviation = local.tzname() or ""
    where = ", ".join(part for part in (zone_name(tz), offset) if part)
    label = f" {abbreviation}" if abbreviation and not abbreviation.startswith(("+", "-")) else ""
    return f"{local:%A} {local.day} {local:%B %Y, %H:%M}{label} ({where})"
