"""The limits of one calendar query: time, events, repetitions; and the notes it leaves.

A calendar is untrusted input: a 200-byte event repeating every second forever, a rule
that can never match (30 February), or a file with 100,000 events must end fast with the
limit named, never take the machine. :class:`Budget` holds one query's limits and its
notes; :meth:`Budget.guard` stops library code (dateutil's rule iteration, icalendar's
time zone building) that is past the deadline, even inside a loop that never returns.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from agents.wording import Words, say

# The profile hook checks the clock once per this many calls (a cheap counter in between).
_CHECK_EVERY = 256
MAX_NOTES = 8


@dataclass(frozen=True)
class Limits:
    """How much one query may do.

    Attributes:
        seconds: Time for the whole query.
        per_query: Events one query returns at most.
        per_event: Occurrences of one repeating event inside the window at most.
        examined: Repetitions of one rule looked at (before and inside the window) at most.
        per_rule_seconds: Time for working out one rule, so one hostile event can't use
            up the whole query.
    """

    seconds: float = 3.0
    per_rule_seconds: float = 0.5
    per_query: int = 2_000
    per_event: int = 500
    examined: int = 20_000


class OutOfTime(Exception):
    """Raised inside guarded code once the query's time is up."""


@dataclass
class Budget:
    """One query's limits, what it has used, and the notes for the person.

    Args:
        limits: The limits.
        clock: Seconds from a monotonic clock (injectable for tests).
    """

    limits: Limits = field(default_factory=Limits)
    clock: Callable[[], float] = time.monotonic
    notes: list[Words] = field(default_factory=list)
    count: int = 0

    def __post_init__(self) -> None:
        self.deadline = self.clock() + self.limits.seconds
        self._hidden = 0

    @property
    def expired(self) -> bool:
        """Whether the query's time is up."""
        return self.clock() >= self.deadline

    @property
    def full(self) -> bool:
        """Whether the query has as many events as it may return."""
        return self.count >= self.limits.per_query

    def note(self, text: Words) -> None:
        """Keeps a note for the person (the first few; the rest are counted)."""
        if text in self.notes:
            return
        if len(self.notes) < MAX_NOTES:
            self.notes.append(text)
        else:
            self._hidden += 1

    def all_notes(self) -> tuple[Words, ...]:
        """The notes, with a count of those left out."""
        more = (say("…and {count} more like these.", count=self._hidden),) if self._hidden else ()
        return (*self.notes, *more)

    @contextlib.contextmanager
    def guard(self, seconds: float | None = None) -> Iterator[None]:
        """Runs the block under the deadline: past it, :class:`OutOfTime` is raised inside.

        The check is a profile hook (this thread only), so it also stops a library loop
        that calls no code of ours; the previous hook, if any, is put back afterwards.

        Args:
            seconds: A shorter limit for this block alone.
        """
        if self.expired:
            raise OutOfTime
        previous = sys.getprofile()
        calls = 0
        clock = self.clock
        deadline = self.deadline if seconds is None else min(self.deadline, clock() + seconds)

        def hook(frame: Any, event: str, arg: Any) -> None:
            nonlocal calls
            calls += 1
            if calls % _CHECK_EVERY == 0 and clock() >= deadline:
                raise OutOfTime

        sys.setprofile(hook)
        try:
            yield
        finally:
            sys.setprofile(previous)
