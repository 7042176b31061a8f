"""What every tool shares: its collaborators, and error reporting to the model."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from pydantic import ValidationError

from agents import fences
from agents.calendar.model import CalendarStore
from agents.calendar.slots import WorkingHours
from agents.calendar.zones import local_timezone
from agents.cancel import CancelToken
from agents.errors import HearthError
from agents.tools.when import system_languages

if TYPE_CHECKING:
    from langchain.tools import ToolRuntime

    from agents.mail.outbox import Outbox
    from agents.mail.sources import MailSource
    from agents.tools.approval import ApprovalGate, CallRef, ProposedAction, Undo

P = ParamSpec("P")
T = TypeVar("T")

UNTRUSTED_NOTE = fences.rule("from outside (mail or calendar)")


@dataclass
class ToolContext:
    """The collaborators tools are built with; the gate is mandatory.

    Attributes:
        gate: Every side effect passes it.
        mail: Where mail is read from (None: no mail tools).
        outbox: Drafts and sending (None: no draft/send tools).
        calendar: The calendar (None: no calendar tools).
        sender: The user's own address (From: of mail and ORGANIZER of invites).
        tz: The user's IANA timezone; times without one are read in it.
        hours: Working hours for free-slot search.
        now: The clock (injectable for tests).
        languages: The person's languages, for times written in words (``("de", "en")``).
    """

    gate: ApprovalGate
    mail: MailSource | None = None
    outbox: Outbox | None = None
    calendar: CalendarStore | None = None
    sender: str = ""
    tz: tzinfo = field(default_factory=local_timezone)
    hours: WorkingHours = field(default_factory=WorkingHours)
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    listed_messages: list[str] = field(default_factory=list)
    languages: tuple[str, ...] = field(default_factory=system_languages)

    def current_time(self) -> datetime:
        """Now, in the user's timezone."""
        return self.now().astimezone(self.tz)


@dataclass(frozen=True)
class TurnContext:
    """What one tool-agent run hands its tools (LangGraph's runtime context).

    Attributes:
        cancel: The turn's cancel token: a stopped turn's open question is denied.
    """

    cancel: CancelToken


def call_ref(runtime: ToolRuntime) -> CallRef:
    """The call a gated tool runs for: its id and its turn's cancel token."""
    from agents.tools.approval import CallRef

    context = runtime.context
    cancel = context.cancel if isinstance(context, TurnContext) else CancelToken()
    return CallRef(runtime.tool_call_id or "", cancel)


def gated(
    ctx: ToolContext,
    runtime: ToolRuntime,
    action: ProposedAction,
    perform: Callable[[], T],
    done: Callable[[T], str],
    undo: Callable[[T], Undo | None] | None = None,
) -> str:
    """Runs a side effect through the approval gate; what the model is told of it.

    Args:
        ctx: The tools' collaborators (the gate).
        runtime: The tool call (its id) and its turn (the cancel token).
        action: The action in full, as the person sees it.
        perform: Does it, only after an approval.
        done: The sentence for the model once it is done.
        undo: How to take it back (kept in the audit log).
    """
    from agents.tools.approval import Denied

    result = ctx.gate.run(action, perform, call=call_ref(runtime), undo=undo)
    return str(result) if isinstance(result, Denied) else done(result)


def untrusted(source: str, text: str) -> str:
    """Wraps outside text as labelled data the model must not obey (see agents.fences)."""
    return f"{fences.fence(text, source=source)}\n{UNTRUSTED_NOTE}"


def validation_message(exc: Any) -> str:
    """Says which arguments were wrong and why (a pydantic ValidationError), for the model."""
    if not isinstance(exc, ValidationError):
        return f"Error: invalid arguments ({exc})."
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'input'}: {e['msg']}" for e in exc.errors()
    )
    return f"Error: invalid arguments ({problems})."


def tool_errors(fn: Callable[P, str]) -> Callable[P, str]:
    """Turns expected failures into a sentence the model can act on, instead of a crash."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> str:
        try:
            return fn(*args, **kwargs)
        except HearthError as exc:
            return f"Error: {exc.message}"
        except ValidationError as exc:
            return validation_message(exc)

    return wrapper


def split_list(value: Any) -> Any:
    """Accepts a list, or one string with commas or semicolons (what small models send).

    A string that is itself a JSON or Python list (``'["a@x", "b@y"]'``) is read as one.
    """
    if value is None:
        return []
    if isinstance(value, str) and value.strip().startswith("["):
        import ast

        try:
            parsed = ast.literal_eval(value.strip())
        except (ValueError, SyntaxError):
            parsed = None
        if isinstance(parsed, list | tuple) and all(isinstance(v, str) for v in parsed):
            return list(parsed)
    if isinstance(value, str):
        # Only spaces are trimmed: a line break stays and is refused by the address check.
        return [part.strip(" \t") for part in re.split(r"[,;]", value) if part.strip(" \t")]
    return value


def minutes(value: Any) -> Any:
    """Reads ``"30"``, ``"30 minutes"``, ``"1 hour"``, ``"1.5h"`` as minutes."""
    if not isinstance(value, str):
        return value
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", value)
    if match is None:
        return value
    number, unit = float(match.group(1)), match.group(2).lower()
    if unit.startswith("h"):
        number *= 60
    elif unit and not unit.startswith("m"):
        return value
    return round(number)


def none_to_empty(value: Any) -> Any:
    """Treats None, "null" and "none" as an empty string (not given)."""
    if value is None or (isinstance(value, str) and value.strip().lower() in {"null", "none"}):
        return ""
    return value
