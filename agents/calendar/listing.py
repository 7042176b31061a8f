"""The events of a calendar inside a time range: bad events skipped and named, limits kept.

Both stores hand their VEVENTs to :func:`collect` as :class:`Entry` items. Each is read on
its own, so one that can't be read becomes a note ("Skipped 'Lunch' (line 12): it has no
start time") and the others are still listed. Events that can't overlap the range are
left out by the store before they get here, and the query's
:class:`~agents.calendar.budget.Budget` bounds the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Any

from agents.calendar.budget import Budget, OutOfTime
from agents.calendar.model import CalendarError, CalendarEvent, Listing, from_vevent
from agents.calendar.recurrence import occurrences, recurrence_key, repeats
from agents.calendar.zones import zone_name
from agents.wording import Words, say

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def event_name(summary: str, where: Words | None = None) -> Words:
    """How a note names an event: its title (short, one line) and where it is."""
    title = _CONTROL.sub(" ", summary).strip()
    title = title if len(title) <= 60 else title[:59] + "…"
    label = say("'{title}'", title=title) if title else say("an event without a title")
    return say("{label} ({where})", label=label, where=where) if where else label


@dataclass
class Entry:
    """One VEVENT to read.

    Attributes:
        label: Says how notes name it (called only when a note needs it).
        uid: Its UID (events sharing one are a series and its changed instances).
        parse: Reads it; raises CalendarError (or anything) when it can't be read.
    """

    label: Callable[[], Words]
    uid: str
    parse: Callable[[], Any]

    @property
    def name(self) -> Words:
        """How notes name it."""
        return self.label()


def collect(
    entries: Iterable[Entry], start: datetime, end: datetime, tz: tzinfo, budget: Budget
) -> Listing:
    """The events overlapping [start, end), sorted, with notes on what was skipped or cut.

    Never raises for a bad event or a limit: both become notes.
    """
    groups: dict[str, list[Entry]] = {}
    for index, entry in enumerate(entries):
        groups.setdefault(entry.uid or f"#{index}", []).append(entry)
    found: list[CalendarEvent] = []
    try:
        for group in groups.values():
            if budget.expired:
                raise OutOfTime
            found.extend(_read_group(group, start, end, tz, budget))
            budget.count = len(found)
            if budget.full:
                budget.note(
                    say(
                        "More than {limit:,} events in this range: only some are shown. Ask "
                        "for a shorter range.",
                        limit=budget.limits.per_query,
                    )
                )
                break
    except OutOfTime:
        budget.note(
            say(
                "The calendar is too large to read in {seconds:g} s: only some events are "
                "shown. Ask for a shorter range.",
                seconds=budget.limits.seconds,
            )
        )
    found.sort(key=lambda e: (e.start, e.summary))
    return Listing(found[: budget.limits.per_query], budget.all_notes())


def _read_group(
    group: list[Entry], start: datetime, end: datetime, tz: tzinfo, budget: Budget
) -> list[CalendarEvent]:
    """A series (or a single event) and its changed instances, each read on its own."""
    parsed: list[tuple[Entry, Any]] = []
    for entry in group:
        try:
            parsed.append((entry, entry.parse()))
        except OutOfTime:
            raise
        except Exception as exc:
            budget.note(_skipped(entry, exc))
    changed = [(e, c) for e, c in parsed if c.get("RECURRENCE-ID") is not None]
    exclude = frozenset(_recurrence_ids(changed, tz))
    events: list[CalendarEvent] = []
    for entry, component in parsed:
        try:
            events.extend(_read_one(entry, component, start, end, tz, budget, exclude))
        except OutOfTime:
            raise
        except Exception as exc:  # a library tripping over a value: this event alone
            budget.note(_skipped(entry, exc))
    return events


def _read_one(
    entry: Entry,
    component: Any,
    start: datetime,
    end: datetime,
    tz: tzinfo,
    budget: Budget,
    exclude: frozenset[datetime | date],
) -> list[CalendarEvent]:
    if str(component.get("STATUS") or "").upper() == "CANCELLED":
        return []
    event = from_vevent(component, tz)
    _check_times(entry, component, tz, budget)
    if component.get("RECURRENCE-ID") is None and repeats(component):
        return occurrences(component, event, start, end, budget, name=entry.name, exclude=exclude)
    overlaps = event.start < end and (event.end > start or event.start >= start)
    return [event] if overlaps else []


def _check_times(entry: Entry, component: Any, tz: tzinfo, budget: Budget) -> None:
    """Notes a time zone nobody knows, and an end before the start."""
    prop = component.get("DTSTART")
    tzid = prop.params.get("TZID") if prop is not None else None
    if tzid and isinstance(prop.dt, datetime) and prop.dt.tzinfo is None:
        budget.note(
            say(
                "{name} uses an unknown time zone ({zone}): its times are read as {local}.",
                name=entry.name,
                zone=event_name(str(tzid)),
                local=zone_name(tz) or say("local time"),
            )
        )
    end = component.get("DTEND")
    try:
        backwards = end is not None and _utc(end.dt, tz) < _utc(prop.dt, tz)
    except Exception:  # an unreadable end is read as none (see from_vevent)
        backwards = False
    if backwards:
        budget.note(
            say("{name} ends before it starts: it is shown without a length.", name=entry.name)
        )


def _utc(value: date | datetime, tz: tzinfo) -> datetime:
    if not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day, tzinfo=tz)
    return value if value.tzinfo else value.replace(tzinfo=tz)


def _recurrence_ids(changed: list[tuple[Entry, Any]], tz: tzinfo) -> Iterable[datetime | date]:
    for _entry, component in changed:
        try:
            yield recurrence_key(component["RECURRENCE-ID"].dt, tz)
        except Exception:  # an unreadable RECURRENCE-ID changes nothing
            continue


def _skipped(entry: Entry, exc: BaseException) -> Words:
    return say("Skipped {name}: {reason}.", name=entry.name, reason=_reason(exc))


def _reason(exc: BaseException) -> Words:
    if isinstance(exc, CalendarError):
        return exc.words
    text = " ".join(str(exc).split())
    text = text if len(text) <= 120 else text[:119] + "…"
    if text:
        return say("it isn't valid iCalendar ({problem})", problem=text)
    return say("it isn't valid iCalendar")
