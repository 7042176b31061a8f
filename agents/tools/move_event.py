"""move_event: change when an event happens (gated; undoable from the audit log)."""

from __future__ import annotations

from langchain.tools import ToolRuntime
from langchain_core.tools import BaseTool, StructuredTool
from pydantic import BaseModel, Field, field_validator

from agents.calendar.model import CalendarError, CalendarKind, event_ics
from agents.errors import HearthError
from agents.tools.approval import ProposedAction, Undo
from agents.tools.common import ToolContext, gated, none_to_empty, tool_errors
from agents.tools.when import parse_when, time_details
from agents.wording import say


class MoveEventArgs(BaseModel):
    """Arguments of move_event."""

    event_id: str = Field(description="The event's id from list_events.")
    new_start: str = Field(
        description="New start date and time, e.g. 2026-11-27T10:00 (or 'Friday 10am').",
        max_length=100,
    )
    new_end: str = Field(
        default="", description="New end; default keeps the length.", max_length=100
    )

    _none = field_validator("new_end", mode="before")(none_to_empty)


def make_move_event(ctx: ToolContext) -> BaseTool:
    """Builds move_event; the calendar changes only through the approval gate."""
    if ctx.calendar is None:
        raise HearthError(say("move_event needs a calendar."))
    calendar = ctx.calendar

    @tool_errors
    def move_event(event_id: str, new_start: str, runtime: ToolRuntime, new_end: str = "") -> str:
        event = calendar.get(event_id.strip())
        begin = parse_when(new_start, ctx, say("new start"))
        finish = parse_when(new_end, ctx, say("new end")) if new_end else None
        moved = event.moved(begin, finish)
        if moved.end <= moved.start:
            raise CalendarError(CalendarKind.GENERAL, say("The event must end after it starts."))
        where = calendar.location
        action = ProposedAction(
            kind="move_event",
            summary=f"move '{event.summary}' to {moved.describe(ctx.tz).split(': ')[0]}",
            details={
                "calendar": where,
                "title": event.summary,
                "from": event.describe(ctx.tz).split(": ")[0],
                "to": moved.describe(ctx.tz).split(": ")[0],
                **time_details(moved, ctx, new_start, new_end),
                "ics": event_ics(moved),
            },
        )
        return gated(
            ctx,
            runtime,
            action,
            lambda: calendar.update(moved),
            lambda result: f"Moved: {result.describe(ctx.tz)}.",
            undo=lambda _: Undo(
                "restore_time",
                {
                    "calendar": where,
                    "uid": event.uid,
                    "start": event.start.isoformat(),
                    "end": event.end.isoformat(),
                },
            ),
        )

    return StructuredTool.from_function(
        func=move_event,
        name="move_event",
        description="Move an existing event to a new time. The user approves it first.",
        args_schema=MoveEventArgs,
    )
