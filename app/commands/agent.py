"""``hearth agent "TEXT"``: the mail and calendar agent on the command line.

Every side effect passes the approval gate. Without a terminal (or without ``--confirm``)
each one is denied and printed as ``denied: <action>``; with ``--confirm`` on a terminal
the full action is shown and the person answers y or n.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from agents.cancel import CancelToken
from agents.events import ToolCallProposed, ToolResult
from agents.paths import data_dir
from agents.printable import safe
from agents.tools.approval import ApprovalGate, ProposedAction
from agents.tools.audit import AuditLog
from app.cli import MAILBOX, OneOf, arg, command, read_text, run_turn, text_arg

TASK_CHOICES = ("assistant", "read", "schedule", "draft", "digest")


class TerminalApprover:
    """Asks on the terminal, only with ``--confirm`` and a TTY; otherwise denies.

    Args:
        confirm: Whether the person asked to be asked.
        stdin: Where answers come from.
        out: Where actions and decisions are printed.
    """

    def __init__(self, confirm: bool, stdin: TextIO | None = None, out: TextIO | None = None):
        self.confirm = confirm
        self.stdin = stdin or sys.stdin
        self.out = out or sys.stdout
        self._hinted = False

    def __call__(self, action: ProposedAction, call_id: str, cancel: CancelToken) -> bool:
        """Shows the whole action and reads y/N; denies without a terminal."""
        interactive = self.confirm and _isatty(self.stdin)
        if not interactive:
            self._say(f"denied: {safe(action.summary)}")
            if not self._hinted:
                self._hinted = True
                print(
                    "hearth: actions need approval: run with --confirm on a terminal",
                    file=sys.stderr,
                )
            return False
        self._say("\n" + action_text(action))
        self.out.write("Approve? [y/N] ")
        self.out.flush()
        answer = self.stdin.readline()
        approved = answer.strip().lower() in {"y", "yes"}
        self._say("approved" if approved else f"denied: {safe(action.summary)}")
        return approved

    def _say(self, text: str) -> None:
        print(text, file=self.out, flush=True)


def action_text(action: ProposedAction) -> str:
    """The whole action for the terminal: each field on its own line, every value escaped.

    A value of several lines (a mail body, .ics text) follows its field's name with each
    of its lines behind a ``|``, so nothing in it can pass for another field; control
    characters show as escapes, so nothing in it can move the cursor or hide a line.
    """
    lines = ["Hearth wants to do this:", f"  action: {safe(action.kind)}"]
    lines.append(f"  summary: {safe(action.summary)}")
    for key, value in action.details.items():
        value_lines = value.replace("\r\n", "\n").rstrip("\n").split("\n")
        if len(value_lines) == 1:
            lines.append(f"  {safe(key)}: {safe(value_lines[0])}")
            continue
        lines.append(f"  {safe(key)} ({len(value_lines)} lines):")
        lines += [f"  | {safe(line)}".rstrip() for line in value_lines]
    return "\n".join(lines)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@command(
    "agent",
    "ask the mail and calendar agent to do something (every action needs approval)",
    text_arg("what to do"),
    MAILBOX,
    OneOf(
        (
            arg("--ics", type=Path, metavar="FILE", help="a local .ics calendar file"),
            arg("--caldav", metavar="URL", help="a CalDAV calendar URL"),
        )
    ),
    arg("--smtp", metavar="HOST:PORT", help="SMTP server for sending (465: TLS)"),
    arg("--from", dest="sender", metavar="ADDRESS", help="your e-mail address"),
    arg("--confirm", action="store_true", help="ask on the terminal before acting"),
    arg("--task", choices=TASK_CHOICES, default="assistant", help="which tools"),
    arg("--model", help="a tool-capable model (default: the chat model)"),
    arg("--tz", metavar="ZONE", help="timezone, e.g. Europe/Berlin (default: local)"),
    arg("--max-steps", type=int, default=8, metavar="N", help="model calls (8)"),
    description=(
        "Runs the tool agent on your mail and calendar. Reading runs freely; every "
        "action (draft, send, invite, create or move an event) is shown in full and "
        "needs your approval: use --confirm on a terminal. Otherwise it is denied."
    ),
)
def agent_command(args: argparse.Namespace) -> int:
    """Runs one request; prints the answer to stdout, activity to stderr."""
    from agents.tools.workspace import WorkspaceSpec
    from agents.turns.request import Mode, TurnRequest
    from agents.turns.router import ToolSetup

    text = read_text(args.text, "do")
    root = data_dir(getattr(args, "data_dir", None))
    calendar: dict[str, Any] = {"ics": args.ics, "caldav_url": args.caldav}
    if args.ics is None and args.caldav is None:  # the calendar set up in the window
        from agents import settings as settings_mod
        from agents.calendar.setup import CalendarSetup

        saved = settings_mod.load(root).settings.calendar
        calendar = CalendarSetup.from_location(saved).workspace_fields()
    setup = ToolSetup(
        gate=ApprovalGate(TerminalApprover(args.confirm), AuditLog.in_data_dir(root)),
        workspace=WorkspaceSpec(
            root,
            account=args.account,
            maildir=args.maildir,
            mbox=args.mbox,
            imap_url=args.imap,
            **calendar,
            smtp=args.smtp,
            sender=args.sender,
            tz=args.tz,
        ),
        task=args.task,
        max_steps=max(1, args.max_steps),
    )
    request = TurnRequest.ask(text, Mode.TOOLS, model=args.model)
    return run_turn(args, request, tools=setup, on_event=_show_activity)


def _show_activity(event: object) -> None:
    """What the agent does, on stderr: each tool call and the first line of its result."""
    if isinstance(event, ToolCallProposed):
        arguments = json.dumps(event.arguments, ensure_ascii=False)
        print(f"tool: {safe(event.name)} {safe(arguments[:300])}", file=sys.stderr, flush=True)
    elif isinstance(event, ToolResult):
        first = event.content.strip().split("\n", 1)[0]
        print(f"  -> {safe(first[:200])}", file=sys.stderr, flush=True)


@command(
    "audit",
    "list approved and denied actions; undo a created or moved event",
    arg("--undo", type=int, metavar="ID", help="undo the action with this number"),
    arg("--limit", type=int, default=30, metavar="N", help="how many to list (30)"),
)
def audit_command(args: argparse.Namespace) -> int:
    """Lists the audit log, newest first, or undoes one entry."""
    audit = AuditLog.in_data_dir(data_dir(getattr(args, "data_dir", None)))
    if args.undo is not None:
        entry = audit.undo(args.undo)
        print(f"undone: {safe(entry.summary)}")
        return 0
    entries = audit.entries(max(1, args.limit))
    if not entries:
        print("No actions recorded yet.")
    for entry in entries:
        when = entry.at.astimezone().strftime("%Y-%m-%d %H:%M")
        undo = f"  (undo: hearth audit --undo {entry.id})" if entry.can_undo else ""
        error = f": {entry.error}" if entry.error else ""
        print(f"{entry.id:>5}  {when}  {entry.outcome:<8} {safe(entry.summary + error)}{undo}")
    return 0
