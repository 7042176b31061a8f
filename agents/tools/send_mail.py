"""send_mail: send a message by SMTP (gated: only after the user approves it)."""

from __future__ import annotations

from langchain_core.tools import BaseTool

from agents.errors import HearthError
from agents.tools.common import ToolContext
from agents.tools.mail_args import make_mail_tool
from agents.wording import say


def make_send_mail(ctx: ToolContext) -> BaseTool:
    """Builds send_mail; sending happens only through the context's approval gate."""
    if ctx.outbox is None:
        raise HearthError(say("send_mail needs an outbox."))
    return make_mail_tool(
        ctx,
        "send_mail",
        "send mail",
        ctx.outbox.send,
        lambda message_id: f"Sent (Message-ID {message_id}).",
        "Send a message now. Only when the user explicitly asked to send; otherwise use "
        "save_draft. The user approves it first.",
    )
