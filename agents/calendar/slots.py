"""Finding free time: working hours, a duration, and the events already there."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo

from agents.calendar.model import CalendarError, CalendarEvent, CalendarKind
from agents.wording import say

MAX_SEARCH_DAYS = 92


@dataclass(frozen=True)
class WorkingHours:
    """When meetings may happen.

    Attributes:
        start: First minute of the working day (local).
        end: End of the working day (local).
        weekdays: Working days, Monday = 0.
    """

    start: time = time(9, 0)
    end: time = time(17, 0)
    weekdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise CalendarError(
                CalendarKind.GENERAL, say("Working hours must end after they start.")
            )


@dataclass(frozen=True)
class Slot:
    """A free stretch of time."""

    start: datetime
    end: datetime

    def describe(self, tz: tzinfo | None = None) -> str:
        """``Thu 2026-11-26 15:00–15:30``."""
        start = self.start.astimezone(tz) if tz else self.start
        end = self.end.astimezone(tz) if tz else self.end
        return f"{start:%a %Y-%m-%d %H:%M}–{end:%H:%M}"


def _ceil(moment: datetime, step: timedelta) -> datetime:
    """Rounds up to the next multiple of ``step`` within the local day."""
    midnight = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    offset = moment - midnight
    steps = -(-offset // step)
    return midnight + steps * step


def find_free_slots(
    events: Iterable[CalendarEvent],
    *,
    duration: timedelta,
    not_before: datetime,
    not_after: datetime,
    tz: tzinfo,
    hours: WorkingHours | None = None,
    step: timedelta = timedelta(minutes=15),
    buffer: timedelta = timedelta(0),
    limit: int = 5,
) -> list[Slot]:
    """Returns up to ``limit`` free slots of ``duration`` inside working hours.

    Slots start on ``step`` boundaries, keep ``buffer`` away from busy events, never start
    before ``not_before`` and end by ``not_after``. All-day events block nothing unless they
    are marked as busy by their caller (pass only the events that block).

    Raises:
        CalendarError: The duration or the range makes no sense.
    """
    hours = hours or WorkingHours()
    if duration <= timedelta(0):
        raise CalendarError(CalendarKind.GENERAL, say("A meeting needs a positive duration."))
    if not_before.tzinfo is None or not_after.tzinfo is None:
        raise CalendarError(CalendarKind.GENERAL, say("The search range needs a timezone."))
    working_day = datetime.combine(datetime.min, hours.end) - datetime.combine(
        datetime.min, hours.start
    )
    if duration > working_day:
        raise CalendarError(
            CalendarKind.GENERAL,
            say(
                "A {duration} meeting doesn't fit in a working day ({start}–{end}).",
                duration=_minutes(duration),
                start=f"{hours.start:%H:%M}",
                end=f"{hours.end:%H:%M}",
            ),
        )
    if not_after - not_before > timedelta(days=MAX_SEARCH_DAYS):
        not_after = not_before + timedelta(days=MAX_SEARCH_DAYS)
    busy = _merged(
        (e.start - buffer, e.end + buffer)
        for e in events
        if not e.all_day and e.end > not_before and e.start < not_after
    )
    busy_ends = [end for _, end in busy]
    slots: list[Slot] = []
    day = not_before.astimezone(tz).date()
    last_day = not_after.astimezone(tz).date()
    while day <= last_day and len(slots) < limit:
        if day.weekday() in hours.weekdays:
            day_start = datetime.combine(day, hours.start, tzinfo=tz)
            day_end = datetime.combine(day, hours.end, tzinfo=tz)
            candidate = _ceil(max(day_start, not_before.astimezone(tz)), step)
            window_end = min(day_end, not_after.astimezone(tz))
            while candidate + duration <= window_end and len(slots) < limit:
                end = candidate + duration
                # The first busy stretch ending after the candidate starts is the only one
                # that can clash (stretches are merged and sorted).
                index = bisect.bisect_right(busy_ends, candidate)
                clash = busy[index] if index < len(busy) and busy[index][0] < end else None
                if clash is None:
                    slots.append(Slot(candidate, end))
                    candidate = _ceil(end, step)
                else:
                    candidate = _ceil(clash[1].astimezone(tz), step)
        day += timedelta(days=1)
    return slots


def _merged(spans: Iterable[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    """Sorted, non-overlapping busy stretches."""
    merged: list[tuple[datetime, datetime]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _minutes(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    return f"{minutes // 60} h {minutes % 60} min" if minutes >= 60 else f"{minutes} min"
