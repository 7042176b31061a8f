"""Typed LangChain tools for mail and calendar, one per module.

Read tools run freely; every tool with a side effect is built around the ApprovalGate in
its ToolContext, so the side effect is only reachable through the gate. Each task gets only
the tools it needs (see :func:`tools_for`).
"""

from __future__ import annotations

from collections.abc import Callable

from langchain_core.tools import BaseTool

from agents.errors import HearthError
from agents.tools.common import ToolContext, validation_message
from agents.wording import say

READ_TOOLS = ("search_mail", "read_message", "list_events", "find_free_slot")
WRITE_TOOLS = ("create_event", "move_event", "save_draft", "send_mail", "send_invite")
ALL_TOOLS = READ_TOOLS + WRITE_TOOLS

# What each task may use. A digest reads; scheduling changes the calendar and invites;
# the general assistant drafts by default and sends only when asked.
TASKS: dict[str, tuple[str, ...]] = {
    "digest": ("search_mail", "read_message"),
    "read": READ_TOOLS,
    "schedule": ("list_events", "find_free_slot", "create_event", "move_event", "send_invite"),
    "draft": ("search_mail", "read_message", "save_draft"),
    "assistant": ALL_TOOLS,
}

# What each tool needs from the context.
_NEEDS: dict[str, tuple[str, ...]] = {
    "search_mail": ("mail",),
    "read_message": ("mail",),
    "list_events": ("calendar",),
    "find_free_slot": ("calendar",),
    "create_event": ("calendar",),
    "move_event": ("calendar",),
    "save_draft": ("outbox",),
    "send_mail": ("outbox",),
    "send_invite": ("calendar", "outbox"),
}


def _factory(name: str) -> Callable[[ToolContext], BaseTool]:
    import importlib

    module = importlib.import_module(f"agents.tools.{name}")
    factory: Callable[[ToolContext], BaseTool] = getattr(module, f"make_{name}")
    return factory


SENDING_TOOLS = ("send_mail", "send_invite")


def available(ctx: ToolContext, names: tuple[str, ...] = ALL_TOOLS) -> list[str]:
    """The names among ``names`` whose collaborators the context has.

    Sending tools need an outbox with an SMTP server; without one only drafts are offered.
    """
    can_send = ctx.outbox is not None and getattr(ctx.outbox, "smtp", None) is not None
    return [
        n
        for n in names
        if all(getattr(ctx, need) is not None for need in _NEEDS[n])
        and (can_send or n not in SENDING_TOOLS)
    ]


def build_tools(ctx: ToolContext, names: tuple[str, ...] | list[str]) -> list[BaseTool]:
    """Builds the named tools; raises HearthError for unknown names."""
    unknown = [n for n in names if n not in _NEEDS]
    if unknown:
        raise HearthError(say("Unknown tool(s): {tools}.", tools=", ".join(unknown)))
    tools = [_factory(name)(ctx) for name in names]
    for tool in tools:  # bad arguments become a message the model can act on, not a crash
        tool.handle_validation_error = validation_message
    return tools


def tools_for(task: str, ctx: ToolContext) -> list[BaseTool]:
    """The tools a task may use, limited to what the context can back."""
    if task not in TASKS:
        raise HearthError(
            say("Unknown task {task!r}: choose one of {tasks}.", task=task, tasks=", ".join(TASKS))
        )
    return build_tools(ctx, available(ctx, TASKS[task]))


__all__ = [
    "ALL_TOOLS",
    "READ_TOOLS",
    "TASKS",
    "WRITE_TOOLS",
    "ToolContext",
    "build_tools",
    "tools_for",
]
