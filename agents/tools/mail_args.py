"""The arguments, checks and tool shape shared by save_draft and send_mail."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from langchain.tools import ToolRuntime
from langchain_core.tools import BaseTool, StructuredTool
from pydantic import BaseModel, Field, field_validator

from agents.errors import HearthError
from agents.mail.compose import OutgoingMail, build_message
from agents.tools.approval import ProposedAction
from agents.tools.common import ToolContext, gated, split_list, tool_errors
from agents.wording import say

T = TypeVar("T")


class MailArgs(BaseModel):
    """A message to write: recipients, subject, text."""

    to: list[str] = Field(description="Recipient e-mail addresses.", min_length=1, max_length=50)
    subject: str = Field(description="The subject line (one line).", max_length=900)
    body: str = Field(description="The message text.", max_length=100_000)
    cc: list[str] = Field(default_factory=list, description="Copy recipients.", max_length=50)

    _lists = field_validator("to", "cc", mode="before")(split_list)


def outgoing(
    ctx: ToolContext, to: list[str], subject: str, body: str, cc: list[str]
) -> OutgoingMail:
    """The checked outgoing mail; raises on header injection or bad addresses."""
    if not ctx.sender:
        raise HearthError(
            say("No sender address is set: pass --from ADDRESS or set up a mail account.")
        )
    mail = OutgoingMail(sender=ctx.sender, to=tuple(to), cc=tuple(cc), subject=subject, body=body)
    build_message(mail)  # refuses CR/LF in headers, bad addresses, oversize
    return mail


def mail_action(kind: str, verb: str, mail: OutgoingMail) -> ProposedAction:
    """The approval request for a message: every header and the full text."""
    details = {"from": mail.sender, "to": ", ".join(mail.to)}
    if mail.cc:
        details["cc"] = ", ".join(mail.cc)
    details["subject"] = mail.subject
    details["body"] = mail.body
    if mail.attachments:
        details["attachments"] = ", ".join(
            f"{a.filename} ({a.content_type}, {len(a.data)} bytes)" for a in mail.attachments
        )
    return ProposedAction(
        kind=kind,
        summary=f"{verb} to {', '.join(mail.to + mail.cc)}: {mail.subject}",
        details=details,
    )


def make_mail_tool(
    ctx: ToolContext,
    name: str,
    verb: str,
    perform: Callable[[OutgoingMail], T],
    done: Callable[[T], str],
    description: str,
) -> BaseTool:
    """A tool that writes one message and hands it, in full, to the approval gate."""

    @tool_errors
    def write_mail(
        to: list[str],
        subject: str,
        body: str,
        runtime: ToolRuntime,
        cc: list[str] | None = None,
    ) -> str:
        mail = outgoing(ctx, to, subject, body, cc or [])
        return gated(ctx, runtime, mail_action(name, verb, mail), lambda: perform(mail), done)

    return StructuredTool.from_function(
        func=write_mail, name=name, description=description, args_schema=MailArgs
    )
