"""find_free_slot: free times of a given length inside working hours (read-only)."""

from __future__ import annotations

from datetime import timedelta

from langchain_core.tools import BaseTool, StructuredTool
from pydantic import BaseModel, Field, field_validator

from agents.calendar.model import notes_of
from agents.calendar.slots import find_free_slots
from agents.errors import HearthError
from agents.tools.common import ToolContext, minutes, none_to_empty, tool_errors, untrusted
from agents.tools.when import parse_when
from agents.wording import say


class FindFreeSlotArgs(BaseModel):
    """Arguments of find_free_slot."""

    duration_minutes: int = Field(default=30, ge=5, le=600, description="Meeting length.")
    after: str = Field(default="", description="Earliest start; default now.")
    before: str = Field(default="", description="Latest end; default 14 days later.")
    limit: int = Field(default=5, ge=1, le=20, description="How many slots to return.")

    _none = field_validator("after", "before", mode="before")(none_to_empty)
    _minutes = field_validator("duration_minutes", mode="before")(minutes)


def make_find_free_slot(ctx: ToolContext) -> BaseTool:
    """Builds the find_free_slot tool over the context's calendar and working hours."""
    if ctx.calendar is None:
        raise HearthError(say("find_free_slot needs a calendar."))
    calendar = ctx.calendar

    @tool_errors
    def find_free_slot(
        duration_minutes: int = 30,
        after: str = "",
        before: str = "",
        limit: int = 5,
    ) -> str:
        now = ctx.current_time()
        begin = max(parse_when(after, ctx, say("earliest start")) if after else now, now)
        finish = (
            parse_when(before, ctx, say("latest end")) if before else begin + timedelta(days=14)
        )
        if finish <= begin:
            finish = begin + timedelta(days=1)
        events = calendar.list_events(begin, finish)
        slots = find_free_slots(
            events,
            duration=timedelta(minutes=duration_minutes),
            not_before=begin,
            not_after=finish,
            tz=ctx.tz,
            hours=ctx.hours,
            limit=limit,
        )
        hours = f"{ctx.hours.start:%H:%M}–{ctx.hours.end:%H:%M}"
        notes = notes_of(events)
        caveat = (
            "\nSome events could not be read, so some of these times may be busy:\n"
            + untrusted("calendar notes", "\n".join(str(n) for n in notes))
            if notes
            else ""
        )
        if not slots:
            return (
                f"No free {duration_minutes}-minute slot in working hours ({hours}) then.{caveat}"
            )
        listing = "\n".join(
            f"- {slot.start.isoformat()} ({slot.describe(ctx.tz)})" for slot in slots
        )
        return f"Free {duration_minutes}-minute slots (working hours {hours}):\n{listing}{caveat}"

    return StructuredTool.from_function(
        func=find_free_slot,
        name="find_free_slot",
        description=(
            "Find free times for a meeting of a given length in working hours, avoiding "
            "existing events. Returns start times to use with create_event."
        ),
        args_schema=FindFreeSlotArgs,
    )
