"""create_event: add an event to the calendar (gated; undoable from the audit log)."""

from __future__ import annotations

from datetime import timedelta

from langchain.tools import ToolRuntime
from langchain_core.tools import BaseTool, StructuredTool
from pydantic import BaseModel, Field, field_validator

from agents.calendar.model import CalendarEvent, event_ics, new_event
from agents.errors import HearthError
from agents.tools.approval import ProposedAction, Undo
from agents.tools.common import (
    ToolContext,
    gated,
    minutes,
    none_to_empty,
    split_list,
    tool_errors,
)
from agents.tools.when import parse_when, time_details
from agents.wording import say


class CreateEventArgs(BaseModel):
    """Arguments of create_event."""

    title: str = Field(description="The event's title (one line).", max_length=200)
    start: str = Field(
        description="Start date and time, e.g. 2026-11-26T15:00 (or 'tomorrow 3pm').",
        max_length=100,
    )
    end: str = Field(
        default="", description="End; default start + duration_minutes.", max_length=100
    )
    duration_minutes: int = Field(default=30, ge=5, le=1440, description="Length if no end.")
    location: str = Field(default="", description="Where (one line).", max_length=300)
    description: str = Field(default="", description="Notes.", max_length=10_000)
    attendees: list[str] = Field(
        default_factory=list, description="E-mail addresses of people to invite.", max_length=50
    )

    _none = field_validator("end", mode="before")(none_to_empty)
    _minutes = field_validator("duration_minutes", mode="before")(minutes)
    _lists = field_validator("attendees", mode="before")(split_list)

    @field_validator("location", "description", mode="before")
    @classmethod
    def _no_null(cls, value: object) -> object:
        return "" if value is None else value


def create_event_action(
    event: CalendarEvent, where: str, ctx: ToolContext, asked: tuple[str, str] = ("", "")
) -> ProposedAction:
    """The approval request for a new event: every field, the resolved absolute times
    (and the ``asked`` start and end as the model wrote them), and the .ics text."""
    details = {"calendar": where, "title": event.summary, "when": event.describe(ctx.tz)}
    details |= time_details(event, ctx, *asked)
    if event.location:
        details["location"] = event.location
    if event.attendees:
        details["attendees"] = ", ".join(event.attendees)
    if event.description:
        details["description"] = event.description
    details["ics"] = event_ics(event)
    guests = f" with {', '.join(event.attendees)}" if event.attendees else ""
    return ProposedAction(
        kind="create_event",
        summary=f"create event {event.describe(ctx.tz)}{guests}",
        details=details,
    )


def created_message(event: CalendarEvent, ctx: ToolContext) -> str:
    """What the model is told of a created event (and how to invite its attendees)."""
    invite = (
        f" To invite {', '.join(event.attendees)}, call send_invite with event_id {event.uid}."
        if event.attendees
        else ""
    )
    return f"Created event (id: {event.uid}): {event.describe(ctx.tz)}.{invite}"


def make_create_event(ctx: ToolContext) -> BaseTool:
    """Builds create_event; the calendar changes only through the approval gate."""
    if ctx.calendar is None:
        raise HearthError(say("create_event needs a calendar."))
    calendar = ctx.calendar

    @tool_errors
    def create_event(
        title: str,
        start: str,
        runtime: ToolRuntime,
        end: str = "",
        duration_minutes: int = 30,
        location: str = "",
        description: str = "",
        attendees: list[str] | None = None,
    ) -> str:
        begin = parse_when(start, ctx, say("start"))
        finish = (
            parse_when(end, ctx, say("end")) if end else begin + timedelta(minutes=duration_minutes)
        )
        event = new_event(
            title,
            begin,
            finish,
            location=location,
            description=description,
            attendees=attendees or [],
            organizer=ctx.sender if attendees and ctx.sender else "",
        )
        where = calendar.location
        return gated(
            ctx,
            runtime,
            create_event_action(event, where, ctx, (start, end)),
            lambda: calendar.create(event),
            lambda created: created_message(created, ctx),
            undo=lambda created: Undo("delete_event", {"calendar": where, "uid": created.uid}),
        )

    return StructuredTool.from_function(
        func=create_event,
        name="create_event",
        description=(
            "Add an event to the user's calendar. The user approves it first. Attendees are "
            "not notified until send_invite."
        ),
        args_schema=CreateEventArgs,
    )
