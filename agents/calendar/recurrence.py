"""Repeating events, expanded lazily and only inside the asked time range.

A rule is iterated one repetition at a time and stops at the range's end, after
``Limits.examined`` repetitions, or at the query's deadline, whichever comes first. A rule
without COUNT that repeats at least weekly starts near the range instead of at its
DTSTART (whole periods are skipped, which keeps every repetition where it was), so "every
second since 2001" costs as much as "every second this week". Hitting a limit is named in
a note; it never costs more than the budget.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from dateutil import rrule as rr

from agents.calendar.budget import Budget, OutOfTime
from agents.calendar.model import CalendarError, CalendarEvent, CalendarKind
from agents.wording import Words, say

# Rules that repeat at least this often are started near the asked range (no COUNT).
_PERIODS = {
    "SECONDLY": timedelta(seconds=1),
    "MINUTELY": timedelta(minutes=1),
    "HOURLY": timedelta(hours=1),
    "DAILY": timedelta(days=1),
    "WEEKLY": timedelta(weeks=1),
}


def repeats(component: Any) -> bool:
    """Whether a VEVENT has a repeat rule or extra dates."""
    return component.get("RRULE") is not None or component.get("RDATE") is not None


def occurrences(
    component: Any,
    event: CalendarEvent,
    start: datetime,
    end: datetime,
    budget: Budget,
    *,
    name: Words,
    exclude: frozenset[datetime | date] = frozenset(),
) -> list[CalendarEvent]:
    """The repetitions of a repeating event that overlap [start, end), sorted.

    Args:
        component: The VEVENT (DTSTART, RRULE, RDATE, EXDATE are read from it).
        event: The VEVENT as read (its first occurrence).
        start: The range's start (aware).
        end: The range's end (aware).
        budget: The query's limits; a note is left when one is reached.
        name: How notes name the event.
        exclude: Repetitions replaced by changed instances (their RECURRENCE-ID, in UTC,
            or the date for all-day events).

    Raises:
        CalendarError: The rule can't be read.
        OutOfTime: The query's deadline passed.
    """
    series = _Series(component, event, budget)
    found: dict[datetime, CalendarEvent] = {}
    for when in series.times(start, end, name):
        if series.key(when) in exclude or series.key(when) in series.exdates:
            continue
        occurrence = series.at(when)
        if occurrence.start < end and (occurrence.end > start or occurrence.start >= start):
            found.setdefault(occurrence.start.astimezone(UTC), occurrence)
    events = [found[key] for key in sorted(found)]
    if len(events) > budget.limits.per_event:
        budget.note(
            say(
                "{name} repeats more than {limit} times in this range: only the first "
                "{limit} are shown.",
                name=name,
                limit=budget.limits.per_event,
            )
        )
        events = events[: budget.limits.per_event]
    return events


def recurrence_key(value: date | datetime, tz: tzinfo) -> datetime | date:
    """How a repetition is matched to a RECURRENCE-ID or EXDATE: the UTC instant, or the
    date for all-day values."""
    if not isinstance(value, datetime):
        return value
    return (value if value.tzinfo else value.replace(tzinfo=tz)).astimezone(UTC)


class _Series:
    """One repeating VEVENT: its first start, length, rules and extra and excluded dates."""

    def __init__(self, component: Any, event: CalendarEvent, budget: Budget) -> None:
        self.component, self.event, self.budget = component, event, budget
        raw = component["DTSTART"].dt
        self.all_day = not isinstance(raw, datetime)
        self.tz = event.start.tzinfo or UTC
        self.zone = (raw.tzinfo if isinstance(raw, datetime) else None) or self.tz
        self.first = self._aware(raw)
        self.length = event.end.astimezone(UTC) - event.start.astimezone(UTC)  # elapsed
        self.days = (event.end.date() - event.start.date()).days
        self.exdates = frozenset(self.key(d) for d in self._dates("EXDATE"))

    def _aware(self, value: date | datetime) -> datetime:
        """A DTSTART/RDATE/EXDATE value as an aware time in the event's own zone."""
        if not isinstance(value, datetime):
            return datetime.combine(value, time(0), tzinfo=self.zone)
        return value if value.tzinfo else value.replace(tzinfo=self.zone)

    def key(self, when: datetime) -> datetime | date:
        """The repetition's identity for EXDATE and RECURRENCE-ID."""
        return when.date() if self.all_day else when.astimezone(UTC)

    def _dates(self, name: str) -> list[datetime]:
        """The values of every RDATE or EXDATE line (periods give their start)."""
        values: list[datetime] = []
        props = self.component.get(name) or []
        for prop in props if isinstance(props, list) else [props]:
            try:
                items = prop.dts
            except Exception as exc:  # icalendar keeps a broken list; reading it raises
                raise CalendarError(
                    CalendarKind.GENERAL, say("its {name} list can't be read", name=name)
                ) from exc
            for item in items:
                if self.budget.expired:
                    return values
                value = item.dt
                value = value[0] if isinstance(value, tuple) else value
                if isinstance(value, date):
                    values.append(self._aware(value))
        return values

    def at(self, when: datetime) -> CalendarEvent:
        """The occurrence starting at ``when``."""
        if self.all_day:
            day = when.date()
            begin = datetime.combine(day, time(0), tzinfo=self.tz)
            finish = datetime.combine(day + timedelta(days=self.days), time(0), tzinfo=self.tz)
            return replace(self.event, start=begin, end=finish)
        begin = when.astimezone(self.tz)
        finish = (when.astimezone(UTC) + self.length).astimezone(self.tz)
        return replace(self.event, start=begin, end=finish)

    def times(self, start: datetime, end: datetime, name: Words) -> Iterable[datetime]:
        """Candidate starts: DTSTART, the RDATEs, and each rule's repetitions up to ``end``."""
        lead = self.length + timedelta(days=1)
        extra = [self.first, *self._dates("RDATE")]
        yield from (d for d in extra if start - lead <= d < end)
        props = self.component.get("RRULE") or []
        for prop in props if isinstance(props, list) else [props]:
            yield from self._rule_times(prop, start, end, name)

    def _rule_times(self, prop: Any, start: datetime, end: datetime, name: Words) -> list[datetime]:
        rule = self._rule(prop, start, end)
        limits = self.budget.limits
        found: list[datetime] = []
        examined = 0
        # Repetitions are compared as instants (aware times in one zone compare as wall
        # times in Python, which is off by the repeated hour in autumn).
        first, last = start.astimezone(UTC), end.astimezone(UTC)
        try:
            with self.budget.guard(limits.per_rule_seconds):
                for when in rule:
                    examined += 1
                    instant = when.astimezone(UTC)
                    if instant >= last or len(found) > limits.per_event:
                        break
                    if examined > limits.examined:
                        self.budget.note(
                            say(
                                "{name} repeats too often: Hearth stopped after {limit:,} "
                                "repetitions, so some may be missing.",
                                name=name,
                                limit=limits.examined,
                            )
                        )
                        break
                    if instant + self.length > first or instant >= first:
                        found.append(when)
        except OutOfTime:
            if self.budget.expired:
                raise
            self.budget.note(
                say(
                    "{name} has a repeat rule that takes too long to work out: Hearth "
                    "stopped after {seconds:g} s, so some repetitions may be missing.",
                    name=name,
                    seconds=limits.per_rule_seconds,
                )
            )
        except (ValueError, TypeError, OverflowError, IndexError) as exc:
            raise CalendarError(
                CalendarKind.GENERAL, say("its repeat rule can't be used ({problem})", problem=exc)
            ) from exc
        return found

    def _rule(self, prop: Any, start: datetime, end: datetime) -> rr.rrule:
        """The dateutil rule, started near ``start`` when that keeps every repetition."""
        parts = [p for p in prop.to_ical().decode("utf-8", "replace").split(";") if p.strip()]
        text = ";".join(p for p in parts if not p.upper().startswith("UNTIL="))
        fields = {p.partition("=")[0].upper(): p.partition("=")[2] for p in parts}
        first = self.first.astimezone(self.zone)
        if "COUNT" not in fields:
            first = self._near(first, start, end, fields)
        try:
            rule = rr.rrulestr(text, dtstart=first)
            if not isinstance(rule, rr.rrule):
                raise ValueError("one RRULE line holds several rules")
            until = prop.get("UNTIL")
            if until:
                rule = rule.replace(until=self._until(until[0]))
        except (ValueError, TypeError, OverflowError, IndexError, KeyError) as exc:
            raise CalendarError(
                CalendarKind.GENERAL, say("its repeat rule can't be read ({problem})", problem=exc)
            ) from exc
        return rule

    def _near(
        self, first: datetime, start: datetime, end: datetime, fields: dict[str, str]
    ) -> datetime:
        """DTSTART moved forward by whole periods to just before the range (if it's dense)."""
        unit = _PERIODS.get(fields.get("FREQ", "").upper())
        interval = fields.get("INTERVAL", "1")
        if unit is None or not interval.isdigit() or int(interval) < 1:
            return first
        period = unit * int(interval)
        wall = first.replace(tzinfo=None)
        earliest = start - self.length - period  # the first start that can still overlap
        # Wall-clock times run back when the clocks do: start earlier by that much.
        shift = abs((end.utcoffset() or timedelta(0)) - (earliest.utcoffset() or timedelta(0)))
        target = earliest.astimezone(self.zone).replace(tzinfo=None) - shift
        if wall >= target:
            return first
        return (wall + ((target - wall) // period) * period).replace(tzinfo=self.zone)

    def _until(self, value: date | datetime) -> datetime:
        if not isinstance(value, datetime):
            return datetime.combine(value, time(23, 59, 59), tzinfo=self.zone)
        return value if value.tzinfo else value.replace(tzinfo=self.zone)
