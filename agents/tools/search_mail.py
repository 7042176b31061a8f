"""search_mail: find messages by words (read-only)."""

from __future__ import annotations

from langchain_core.tools import BaseTool, StructuredTool
from pydantic import BaseModel, Field

from agents.errors import HearthError
from agents.tools.common import ToolContext, tool_errors, untrusted
from agents.wording import say

SNIPPET_CHARS = 200


class SearchMailArgs(BaseModel):
    """Arguments of search_mail."""

    query: str = Field(
        default="",
        description="Words to look for in sender, subject and text; empty for the newest mail.",
    )
    limit: int = Field(default=10, ge=1, le=50, description="How many messages at most.")


def make_search_mail(ctx: ToolContext) -> BaseTool:
    """Builds the search_mail tool over the context's mail source."""
    if ctx.mail is None:
        raise HearthError(say("search_mail needs a mail source."))
    source = ctx.mail

    @tool_errors
    def search_mail(query: str = "", limit: int = 10) -> str:
        messages = source.search(query, limit) if query.strip() else source.latest(limit)
        notes = [f"Note: {note}" for note in source.notes]  # they name files: data too
        if not messages:
            empty = f"No messages match {query!r}." if query.strip() else "The mailbox is empty."
            if notes:
                empty += "\n" + untrusted("notes on skipped messages", "\n".join(notes))
            return empty
        ctx.listed_messages[:] = [m.id for m in messages]
        lines = []
        for number, message in enumerate(messages, start=1):
            when = f"{message.date:%Y-%m-%d %H:%M}" if message.date else "no date"
            snippet = " ".join(message.text.split())[:SNIPPET_CHARS]
            lines.append(
                f"[{number}] id: {message.id}\n    date: {when}\n    from: {message.sender}\n"
                f"    subject: {message.subject}\n    start of text: {snippet}"
            )
        listing = untrusted("mail search results", "\n".join(lines + notes))
        return (
            f"{len(messages)} message(s). Use read_message with the number in brackets or the "
            f"id to read one.\n{listing}"
        )

    return StructuredTool.from_function(
        func=search_mail,
        name="search_mail",
        description=(
            "Search the user's mail by words (or list the newest messages when the query is "
            "empty). Returns sender, subject, date and the start of each message."
        ),
        args_schema=SearchMailArgs,
    )
