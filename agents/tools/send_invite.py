"""send_invite: mail an iMIP invitation (METHOD:REQUEST) for an event (gated)."""

from __future__ import annotations

from langchain.tools import ToolRuntime
from langchain_core.tools import BaseTool, StructuredTool
from pydantic import BaseModel, Field, field_validator

from agents.calendar.invites import invite_event, invite_mail
from agents.errors import HearthError
from agents.mail.compose import build_message
from agents.tools.common import ToolContext, gated, split_list, tool_errors
from agents.tools.mail_args import mail_action
from agents.tools.when import time_details
from agents.wording import say


class SendInviteArgs(BaseModel):
    """Arguments of send_invite."""

    event_id: str = Field(description="The event's id (from create_event or list_events).")
    attendees: list[str] = Field(
        default_factory=list,
        description="E-mail addresses to invite, besides those already on the event.",
        max_length=50,
    )

    _lists = field_validator("attendees", mode="before")(split_list)


def make_send_invite(ctx: ToolContext) -> BaseTool:
    """Builds send_invite; the invitation is sent only through the approval gate."""
    if ctx.calendar is None or ctx.outbox is None:
        raise HearthError(say("send_invite needs a calendar and an outbox."))
    calendar, outbox = ctx.calendar, ctx.outbox

    @tool_errors
    def send_invite(event_id: str, runtime: ToolRuntime, attendees: list[str] | None = None) -> str:
        if not ctx.sender:
            raise HearthError(say("No sender address is set: pass --from ADDRESS."))
        event = invite_event(calendar.get(event_id.strip()), ctx.sender, tuple(attendees or ()))
        mail = invite_mail(event, ctx.tz)
        build_message(mail)  # refuses header injection before anyone is asked
        action = mail_action("send_invite", "invite", mail)
        action.details["when"] = event.describe(ctx.tz)
        action.details.update(time_details(event, ctx))
        action.details["ics"] = mail.attachments[0].data.decode("utf-8")  # exactly what is sent
        return gated(
            ctx,
            runtime,
            action,
            lambda: outbox.send(mail),
            lambda sent: f"Invitation sent to {', '.join(event.attendees)} (Message-ID {sent}).",
        )

    return StructuredTool.from_function(
        func=send_invite,
        name="send_invite",
        description=(
            "Send a calendar invitation for an existing event to its attendees by mail. "
            "The user approves it first."
        ),
        args_schema=SendInviteArgs,
    )
