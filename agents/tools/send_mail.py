"""send_mail: send a message by SMTP (gated: only after the user approves it)."""

from __future__ import annotations

from langchain_core.tools import BaseTool, StructuredTool

from agents.errors import HearthError
from agents.tools.approval import Denied
from agents.tools.common import ToolContext, tool_errors
from agents.tools.mail_args import MailArgs, mail_action, outgoing


def make_send_mail(ctx: ToolContext) -> BaseTool:
    """Builds send_mail; sending happens only through the context's approval gate."""
    if ctx.outbox is None:
        raise HearthError("send_mail needs an outbox.")
    outbox = ctx.outbox

    @tool_errors
    def send_mail(to: list[str], subject: str, body: str, cc: list[str] | None = None) -> str:
        mail = outgoing(ctx, to, subject, body, cc or [])
        result = ctx.gate.run(
            mail_action("send_mail", "send mail", mail), lambda: outbox.send(mail)
        )
        if isinstance(result, Denied):
            return str(result)
        return f"Sent (Message-ID {result})."

    return StructuredTool.from_function(
        func=send_mail,
        name="send_mail",
        description=(
            "Send a message now. Only when the user explicitly asked to send; otherwise use "
            "save_draft. The user approves it first."
        ),
        args_schema=MailArgs,
    )
