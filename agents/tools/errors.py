"""The one error the tool agent shows to a person, and its kinds."""

from __future__ import annotations

from agents.errors import HearthError, Kind
from agents.exit_codes import Exit
from agents.wording import Words


class ToolKind(Kind):
    """What went wrong in the tool agent, with the CLI's exit code for it."""

    AGENT = Exit.AGENT, "The model could not do the task (bad tool calls, loops, too many steps)."
    AUDIT = Exit.AUDIT, "The audit log can't be read or written, or an entry can't be undone."


class ToolError(HearthError):
    """A tool-agent failure, with a message that says what happened and what to do."""

    kind: ToolKind

    def __init__(self, kind: ToolKind, message: Words) -> None:
        super().__init__(message, kind)
