"""``hearth mail``: the digest, stored passwords and accounts, from the command line.

No Qt here. Mail is only read; nothing is sent from these commands.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

from agents.paths import data_dir
from agents.printable import safe
from agents.wording import plain
from app.cli import MAILBOX, MODEL, arg, command, group, interruptible, service_for

group(
    "mail",
    "read mail: digest of recent messages with action items; accounts and passwords",
    "Mail is read only (IMAP folders are opened read-only); nothing is sent.",
)


@command(
    "mail digest",
    "summarise the last N messages by thread and list the action items",
    arg("--last", type=int, default=10, metavar="N", help="how many messages (10)"),
    MAILBOX,
    arg("--ca-file", metavar="PEM", help="extra CA certificate for a self-hosted server"),
    arg(
        "--allow-unencrypted",
        action="store_true",
        help="allow sending the IMAP password unencrypted to another computer (unsafe)",
    ),
    MODEL,
    arg("--json", action="store_true", help="print the digest as JSON"),
    description="Reads the last N messages, groups them by thread, prints the model's "
    "summary and the action items. Give one mailbox; without one, the first account "
    "set up in the window is used.",
)
def digest_command(args: argparse.Namespace) -> int:
    """Prints the digest and its action items; 0 on success."""
    from agents.errors import HearthError
    from agents.mail.digest import DigestWriter
    from agents.mail.sources import open_source

    if not 1 <= args.last <= 500:
        raise HearthError(plain("--last takes a number from 1 to 500."))
    root = data_dir(args.data_dir)
    source = open_source(
        maildir=args.maildir,
        mbox=args.mbox,
        imap_url=args.imap,
        account=args.account,
        data_dir=root,
        allow_unencrypted=args.allow_unencrypted,
        ca_file=args.ca_file,
    )
    messages = source.latest(args.last)
    print(f"Read {len(messages)} messages; writing the digest…", file=sys.stderr)
    with interruptible() as cancel:
        writer = DigestWriter(service_for(args), args.model)
        digest = writer.digest_messages(messages, cancel, notes=source.notes)
    if args.json:  # JSON stays valid: safe() writes its escapes the JSON way
        print(safe(json.dumps(_digest_json(digest), indent=2, ensure_ascii=False), multiline=True))
    else:
        print(safe(digest.as_text(), multiline=True))
    return 0


def _digest_json(digest: Any) -> dict[str, Any]:
    return {
        "model": digest.model,
        "summary": digest.summary,
        "threads": [
            {
                "thread_id": t.thread_id,
                "subject": t.subject,
                "messages": [
                    {
                        "id": m.id,
                        "from": m.sender,
                        "subject": m.subject,
                        "date": m.date.isoformat() if m.date else None,
                    }
                    for m in t.messages
                ],
            }
            for t in digest.threads
        ],
        "action_items": [
            {
                "what": i.what,
                "who": i.who,
                "due": i.due.isoformat() if i.due else None,
                "source_id": i.source_id,
            }
            for i in digest.action_items
        ],
        "problems": list(digest.problems),
    }


@command(
    "mail password",
    "store a mail server password in the system keyring",
    arg("key", help="PROTOCOL://USER@HOST"),
    arg("--delete", action="store_true", help="remove the stored password"),
    description="Stores the password for KEY (for example imap://alice@mail.example.org "
    "or smtp://alice@mail.example.org, as named in error messages) in the system "
    "keyring. The password is read from the terminal without echo, or from stdin.",
)
def password_command(args: argparse.Namespace) -> int:
    """Stores (or deletes) a password in the keyring; never prints it."""
    from agents.errors import HearthError
    from agents.mail.accounts import delete_password, store_password

    key = args.key.strip()
    if "://" not in key or "@" not in key:
        raise HearthError(plain(f"'{key}' isn't a password key: write PROTOCOL://USER@HOST."))
    if args.delete:
        delete_password(key)
        print(f"Removed the stored password for {key}.")
        return 0
    if sys.stdin.isatty():
        password = getpass.getpass(f"Password for {key}: ")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise HearthError(plain("No password given: nothing was stored."))
    store_password(key, password)
    print(f"Stored the password for {key} in the system keyring.")
    return 0


@command("mail accounts", "list the mail accounts set up in the window")
def accounts_command(args: argparse.Namespace) -> int:
    """Lists the accounts (never passwords)."""
    from agents.mail.accounts import AccountStore

    accounts = AccountStore(data_dir(args.data_dir)).accounts()
    if not accounts:
        print("No mail accounts yet: add one in the window under Mail > Accounts.")
    for account in accounts:
        if account.kind == "imap":
            where = f"imap {account.imap_username}@{account.imap_host}:{account.imap_port}"
            where += f" ({account.imap_security}) {account.imap_folder}"
        else:
            where = f"{account.kind} {account.path}"
        send = f"; sends via {account.smtp_host}:{account.smtp_port}" if account.smtp_host else ""
        print(safe(f"{account.name}: {where}{send}"))
    return 0
