"""save_draft: write a message into the drafts folder (gated: it writes a file)."""

from __future__ import annotations

from langchain_core.tools import BaseTool

from agents.errors import HearthError
from agents.tools.common import ToolContext
from agents.tools.mail_args import make_mail_tool
from agents.wording import say


def make_save_draft(ctx: ToolContext) -> BaseTool:
    """Builds save_draft; the write happens only through the context's approval gate."""
    if ctx.outbox is None:
        raise HearthError(say("save_draft needs an outbox."))
    return make_mail_tool(
        ctx,
        "save_draft",
        "draft",
        ctx.outbox.save_draft,
        lambda path: f"Draft saved as {path.name}; nothing was sent.",
        "Save a message as a draft for the user to review (the default; nothing is sent). "
        "The user approves it first.",
    )
