"""list_events: upcoming events, optionally filtered by words (read-only)."""

from __future__ import annotations

from datetime import timedelta

from langchain_core.tools import BaseTool, StructuredTool
from pydantic import BaseModel, Field, field_validator

from agents.calendar.model import notes_of
from agents.errors import HearthError
from agents.tools.common import ToolContext, none_to_empty, tool_errors, untrusted
from agents.tools.when import parse_when
from agents.wording import say

MAX_EVENTS = 50


class ListEventsArgs(BaseModel):
    """Arguments of list_events."""

    start: str = Field(default="", description="From when (e.g. 2026-11-26T00:00); default now.")
    end: str = Field(default="", description="Until when; default 7 days after start.")
    query: str = Field(default="", description="Only events containing these words.")

    _none = field_validator("start", "end", "query", mode="before")(none_to_empty)


def make_list_events(ctx: ToolContext) -> BaseTool:
    """Builds the list_events tool over the context's calendar."""
    if ctx.calendar is None:
        raise HearthError(say("list_events needs a calendar."))
    calendar = ctx.calendar

    @tool_errors
    def list_events(start: str = "", end: str = "", query: str = "") -> str:
        begin = parse_when(start, ctx, say("start")) if start else ctx.current_time()
        finish = parse_when(end, ctx, say("end")) if end else begin + timedelta(days=7)
        if finish <= begin:
            finish = begin + timedelta(days=1)
        events = (
            calendar.search(query, begin, finish) if query else calendar.list_events(begin, finish)
        )
        span = f"{begin:%a %Y-%m-%d %H:%M} to {finish:%a %Y-%m-%d %H:%M}"
        notes = [f"note: {note}" for note in notes_of(events)]
        if not events and not notes:
            return f"No events from {span}."
        lines = []
        for event in events[:MAX_EVENTS]:
            lines.append(f"- id: {event.uid}\n  {event.describe(ctx.tz)}")
            if event.attendees:
                lines.append(f"  attendees: {', '.join(event.attendees)}")
            if event.description:
                lines.append(f"  notes: {' '.join(event.description.split())[:300]}")
        more = f" (showing {MAX_EVENTS})" if len(events) > MAX_EVENTS else ""
        return f"{len(events)} event(s) from {span}{more}:\n" + untrusted(
            "calendar events", "\n".join(lines + notes)
        )

    return StructuredTool.from_function(
        func=list_events,
        name="list_events",
        description="List calendar events in a time range (default: the next 7 days).",
        args_schema=ListEventsArgs,
    )
