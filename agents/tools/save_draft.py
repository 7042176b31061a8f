"""save_draft: write a message into the drafts folder (gated: it writes a file)."""

from __future__ import annotations

from langchain_core.tools import BaseTool, StructuredTool

from agents.errors import HearthError
from agents.tools.approval import Denied
from agents.tools.common import ToolContext, tool_errors
from agents.tools.mail_args import MailArgs, mail_action, outgoing


def make_save_draft(ctx: ToolContext) -> BaseTool:
    """Builds save_draft; the write happens only through the context's approval gate."""
    if ctx.outbox is None:
        raise HearthError("save_draft needs an outbox.")
    outbox = ctx.outbox

    @tool_errors
    def save_draft(to: list[str], subject: str, body: str, cc: list[str] | None = None) -> str:
        mail = outgoing(ctx, to, subject, body, cc or [])
        result = ctx.gate.run(
            mail_action("save_draft", "draft", mail), lambda: outbox.save_draft(mail)
        )
        if isinstance(result, Denied):
            return str(result)
        return f"Draft saved as {result.name}; nothing was sent."

    return StructuredTool.from_function(
        func=save_draft,
        name="save_draft",
        description=(
            "Save a message as a draft for the user to review (the default; nothing is "
            "sent). The user approves it first."
        ),
        args_schema=MailArgs,
    )
