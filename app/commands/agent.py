"""``hearth agent "TEXT"``: the mail and calendar agent on the command line.

Every side effect passes the approval gate. Without a terminal (or without ``--confirm``)
each one is denied and printed as ``denied: <action>``; with ``--confirm`` on a terminal
the full action is shown and the person answers y or n.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from agents.cancel import CancelToken
from agents.errors import HearthError
from agents.events import Failed, Final, Status, Stopped, Token, ToolCallProposed, ToolResult
from agents.paths import data_dir
from agents.tools.approval import ApprovalGate, ProposedAction
from agents.tools.audit import AuditLog
from app.cli import fail, interruptible, service_for, subcommand

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
            self._say(f"denied: {action.summary}")
            if not self._hinted:
                self._hinted = True
                print(
                    "hearth: actions need approval: run with --confirm on a terminal",
                    file=sys.stderr,
                )
            return False
        self._say("\nHearth wants to do this:\n" + action.describe())
        self.out.write("Approve? [y/N] ")
        self.out.flush()
        answer = self.stdin.readline()
        approved = answer.strip().lower() in {"y", "yes"}
        self._say("approved" if approved else f"denied: {action.summary}")
        return approved

    def _say(self, text: str) -> None:
        print(text, file=self.out, flush=True)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@subcommand
def _agent_parser(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "agent",
        help="ask the mail and calendar agent to do something (every action needs approval)",
        description=(
            "Runs the tool agent on your mail and calendar. Reading runs freely; every "
            "action (draft, send, invite, create or move an event) is shown in full and "
            "needs your approval: use --confirm on a terminal. Otherwise it is denied."
        ),
    )
    p.add_argument("text", help="what to do; '-' reads it from standard input")
    mail = p.add_mutually_exclusive_group()
    mail.add_argument("--maildir", type=Path, metavar="DIR", help="a Maildir folder")
    mail.add_argument("--mbox", type=Path, metavar="FILE", help="an mbox file")
    mail.add_argument("--imap", metavar="URL", help="imaps://user@host[:port][/FOLDER]")
    mail.add_argument("--account", metavar="NAME", help="a mail account set up in the window")
    cal = p.add_mutually_exclusive_group()
    cal.add_argument("--ics", type=Path, metavar="FILE", help="a local .ics calendar file")
    cal.add_argument("--caldav", metavar="URL", help="a CalDAV calendar URL")
    p.add_argument("--smtp", metavar="HOST:PORT", help="SMTP server for sending (465: TLS)")
    p.add_argument("--from", dest="sender", metavar="ADDRESS", help="your e-mail address")
    p.add_argument("--confirm", action="store_true", help="ask on the terminal before acting")
    p.add_argument("--task", choices=TASK_CHOICES, default="assistant", help="which tools")
    p.add_argument("--model", help="a tool-capable model (default: the chat model)")
    p.add_argument("--tz", metavar="ZONE", help="timezone, e.g. Europe/Berlin (default: local)")
    p.add_argument("--max-steps", type=int, default=8, metavar="N", help="model calls (8)")
    p.set_defaults(handler=agent_command)


def agent_command(args: argparse.Namespace) -> int:
    """Runs one request; prints the answer to stdout, activity to stderr."""
    from agents.calendar import local_timezone, open_calendar
    from agents.mail.outbox import Outbox, SmtpConfig
    from agents.tools.agent import ToolAgent
    from agents.tools.registry import ToolContext, tools_for

    text = sys.stdin.read() if args.text == "-" else args.text
    if not text.strip():
        raise HearthError("Nothing to do: give the request as an argument or on stdin.")
    root = data_dir(getattr(args, "data_dir", None))
    tz = local_timezone(args.tz)
    source = None
    if args.maildir or args.mbox or args.imap or args.account:
        from agents.mail.sources import open_source

        source = open_source(
            maildir=args.maildir,
            mbox=args.mbox,
            imap_url=args.imap,
            account=args.account,
            data_dir=root,
        )
    calendar = open_calendar(ics=args.ics, caldav_url=args.caldav, data_dir=root, tz=tz)
    smtp = SmtpConfig.parse(args.smtp) if args.smtp else None
    sender = args.sender or ""
    if args.account:  # the account's own SMTP server and address, unless given
        from agents.mail.accounts import AccountStore

        account = AccountStore(root).get(args.account)
        sender = sender or account.from_address
        if smtp is None and account.smtp_host:
            smtp = SmtpConfig.from_account(account)
    gate = ApprovalGate(TerminalApprover(args.confirm), AuditLog.in_data_dir(root))
    ctx = ToolContext(
        gate=gate,
        mail=source,
        outbox=Outbox(root / "drafts", smtp),
        calendar=calendar,
        sender=sender,
        tz=tz,
    )
    tools = tools_for(args.task, ctx)
    agent = ToolAgent(
        service_for(args),
        tools,
        gate=gate,
        model=args.model,
        sender=ctx.sender,
        max_steps=max(1, args.max_steps),
        now=lambda: datetime.now(tz),
    )
    with interruptible() as cancel:
        return _print_events(agent.stream(text, cancel))


def _print_events(events: Any) -> int:
    out, err = sys.stdout, sys.stderr
    at_line_start = True
    for event in events:
        if isinstance(event, Token):
            out.write(event.text)
            out.flush()
            at_line_start = event.text.endswith("\n")
        elif isinstance(event, ToolCallProposed):
            if not at_line_start:
                out.write("\n")
                at_line_start = True
            arguments = json.dumps(event.arguments, ensure_ascii=False)
            print(f"tool: {event.name} {arguments[:300]}", file=err, flush=True)
        elif isinstance(event, ToolResult):
            first = event.content.strip().split("\n", 1)[0]
            print(f"  -> {first[:200]}", file=err, flush=True)
        elif isinstance(event, Status):
            print(event.text, file=err)
        elif isinstance(event, Final):
            if not at_line_start:
                out.write("\n")
            return 0
        elif isinstance(event, Stopped):
            out.write("\n")
            print("hearth: stopped", file=err)
            return 130
        elif isinstance(event, Failed):
            if not at_line_start:
                out.write("\n")
            fail(event.error)
            return event.error.exit_code
    return 1


@subcommand
def _audit_parser(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "audit", help="list approved and denied actions; undo a created or moved event"
    )
    p.add_argument("--undo", type=int, metavar="ID", help="undo the action with this number")
    p.add_argument("--limit", type=int, default=30, metavar="N", help="how many to list (30)")
    p.set_defaults(handler=audit_command)


def audit_command(args: argparse.Namespace) -> int:
    """Lists the audit log, newest first, or undoes one entry."""
    audit = AuditLog.in_data_dir(data_dir(getattr(args, "data_dir", None)))
    if args.undo is not None:
        entry = audit.undo(args.undo)
        print(f"undone: {entry.summary}")
        return 0
    entries = audit.entries(max(1, args.limit))
    if not entries:
        print("No actions recorded yet.")
    for entry in entries:
        when = entry.at.astimezone().strftime("%Y-%m-%d %H:%M")
        undo = f"  (undo: hearth audit --undo {entry.id})" if entry.can_undo else ""
        error = f": {entry.error}" if entry.error else ""
        print(f"{entry.id:>5}  {when}  {entry.outcome:<8} {entry.summary}{error}{undo}")
    return 0
