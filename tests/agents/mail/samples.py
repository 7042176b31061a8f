"""Mail fixtures built by the tests: messages, Maildir folders and mbox files."""

from __future__ import annotations

import mailbox
import os
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

BASE_TIME = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def make_message(
    number: int,
    *,
    subject: str | None = None,
    sender: str = "Anna Berg <anna@example.org>",
    to: str = "Me <me@example.org>",
    body: str | None = None,
    html: str | None = None,
    message_id: str | None = None,
    in_reply_to: str | None = None,
    references: Sequence[str] = (),
    when: datetime | None = None,
    attachment: tuple[str, str, bytes] | None = None,
) -> bytes:
    """A well-formed message; ``number`` sets defaults (subject, id, date)."""
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject if subject is not None else f"Message {number}"
    msg["Date"] = format_datetime(when or BASE_TIME + timedelta(hours=number))
    msg["Message-ID"] = message_id or f"<m{number}@example.org>"
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
    if references:
        msg["References"] = " ".join(references)
    msg.set_content(body if body is not None else f"This is the text of message {number}.")
    if html is not None:
        msg.add_alternative(html, subtype="html")
    if attachment:
        name, ctype, data = attachment
        maintype, subtype = ctype.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


def write_maildir(folder: Path, messages: Sequence[bytes]) -> Path:
    """A Maildir holding ``messages``, delivered in order (the last is the newest)."""
    box = mailbox.Maildir(str(folder), create=True)
    start = BASE_TIME.timestamp()
    for index, raw in enumerate(messages):
        key = box.add(raw)
        path = folder / "new" / key
        if not path.exists():
            path = next((folder / "cur").glob(key + "*"))
        os.utime(path, (start + index, start + index))
    return folder


def write_mbox(path: Path, messages: Sequence[bytes]) -> Path:
    """An mbox file holding ``messages`` in order (the last is the newest)."""
    box = mailbox.mbox(str(path), create=True)
    box.lock()
    try:
        for raw in messages:
            box.add(raw)
        box.flush()
    finally:
        box.unlock()
        box.close()
    return path


def inbox_messages(count: int = 12) -> list[bytes]:
    """A small inbox: plain messages, one thread of three, an HTML one, an attachment."""
    messages = [make_message(n) for n in range(1, count - 4)]
    messages.append(
        make_message(
            50,
            subject="Quarterly report",
            body="Hi, could you send me the quarterly report by Friday? Thanks, Anna",
            message_id="<report@example.org>",
        )
    )
    messages.append(
        make_message(
            51,
            subject="Re: Quarterly report",
            sender="Me <me@example.org>",
            to="Anna Berg <anna@example.org>",
            body="Sure, I'll send it Thursday.",
            message_id="<report-2@example.org>",
            in_reply_to="<report@example.org>",
            references=["<report@example.org>"],
        )
    )
    messages.append(
        make_message(
            52,
            subject="Re: Quarterly report",
            body="Great, please include the sales figures.",
            message_id="<report-3@example.org>",
            in_reply_to="<report-2@example.org>",
            references=["<report@example.org>", "<report-2@example.org>"],
        )
    )
    messages.append(
        make_message(
            53,
            subject="Newsletter",
            sender="News <news@shop.example>",
            body="Plain version of the newsletter.",
            html="<p>Big <b>sale</b> <img src='https://tracker.example/p.gif'></p>",
        )
    )
    messages.append(
        make_message(
            54,
            subject="Invoice",
            sender="Billing <billing@example.com>",
            body="Your invoice is attached.",
            attachment=("invoice.pdf", "application/pdf", b"%PDF-1.4 fake"),
        )
    )
    return messages
