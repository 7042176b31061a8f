"""read_message: the full text of one message (read-only)."""

from __future__ import annotations

from langchain_core.tools import BaseTool, StructuredTool
from pydantic import BaseModel, Field

from agents.errors import HearthError
from agents.mail.errors import MailError
from agents.tools.common import ToolContext, tool_errors, untrusted
from agents.wording import say


class ReadMessageArgs(BaseModel):
    """Arguments of read_message."""

    message_id: str = Field(
        description="The message id from search_mail, or its number in the last search."
    )


def make_read_message(ctx: ToolContext) -> BaseTool:
    """Builds the read_message tool over the context's mail source."""
    if ctx.mail is None:
        raise HearthError(say("read_message needs a mail source."))
    source = ctx.mail

    def resolve(message_id: str) -> str:
        text = message_id.strip()
        if text.strip("[]#").isdigit():
            number = int(text.strip("[]#"))
            if 1 <= number <= len(ctx.listed_messages):
                return ctx.listed_messages[number - 1]
        return text

    @tool_errors
    def read_message(message_id: str) -> str:
        wanted = resolve(message_id)
        candidates = [wanted, f"<{wanted.strip('<>')}>", wanted.strip("<>")]
        error: MailError | None = None
        for candidate in dict.fromkeys(candidates):
            try:
                message = source.get(candidate)
                break
            except MailError as exc:
                error = error or exc
        else:
            assert error is not None
            raise error
        when = f"{message.date:%Y-%m-%d %H:%M %Z}" if message.date else "no date"
        attachments = ", ".join(
            f"{a.name or 'unnamed'} ({a.content_type}, {a.size} bytes)" for a in message.attachments
        )
        parts = [
            f"from: {message.sender}",
            f"to: {message.recipients('to')}",
            *([f"cc: {message.recipients('cc')}"] if message.cc else []),
            f"date: {when}",
            f"subject: {message.subject}",
            *([f"attachments (not opened): {attachments}"] if attachments else []),
            "",
            message.text,
            *(["[the message was cut at the size limit]"] if message.truncated else []),
        ]
        return f"Message {message.id}:\n" + untrusted("mail message", "\n".join(parts))

    return StructuredTool.from_function(
        func=read_message,
        name="read_message",
        description="Read one mail message in full (sender, recipients, subject, text).",
        args_schema=ReadMessageArgs,
    )
