"""The person's mail and calendar as the tool agent uses them: one builder for the window
and the command line.

A :class:`WorkspaceSpec` says where things are (a saved account, or a Maildir, mbox or
IMAP URL; an .ics file or a CalDAV URL; an SMTP server; the sender; the timezone). Left
empty, the first mail account set up in the window and the calendar in the data folder
are used. :meth:`WorkspaceSpec.open` opens them; the window and ``hearth agent`` differ
only in the spec they pass.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from agents import paths

if TYPE_CHECKING:
    from agents.calendar.model import CalendarStore
    from agents.mail.accounts import MailAccount
    from agents.mail.outbox import Outbox, SmtpConfig
    from agents.mail.sources import MailSource
    from agents.tools.approval import ApprovalGate
    from agents.tools.common import ToolContext


@dataclass(frozen=True)
class Workspace:
    """The collaborators of the mail and calendar tools.

    Attributes:
        mail: Where mail is read from (None: no mail tools).
        outbox: Drafts, and sending when it has an SMTP server.
        calendar: The calendar.
        sender: The person's own address.
        tz: The person's timezone.
    """

    mail: MailSource | None
    outbox: Outbox
    calendar: CalendarStore | None
    sender: str
    tz: tzinfo

    def context(self, gate: ApprovalGate, now: Callable[[], datetime] | None = None) -> ToolContext:
        """The tools' context around an approval gate."""
        from agents.tools.common import ToolContext

        tz = self.tz
        return ToolContext(
            gate=gate,
            mail=self.mail,
            outbox=self.outbox,
            calendar=self.calendar,
            sender=self.sender,
            tz=tz,
            now=now or (lambda: datetime.now(tz)),
        )


@dataclass(frozen=True)
class WorkspaceSpec:
    """Where the person's mail and calendar are; empty fields mean the defaults.

    Attributes:
        data_dir: The data folder (accounts, drafts, the local calendar).
        account: A saved mail account by name (its SMTP server and address too).
        maildir: A Maildir folder.
        mbox: An mbox file.
        imap_url: ``imaps://USER@HOST[:PORT][/FOLDER]``.
        ics: A local .ics calendar file.
        caldav_url: A CalDAV calendar.
        smtp: ``HOST:PORT`` to send through.
        sender: The person's address.
        tz: An IANA timezone name.
    """

    data_dir: Path
    account: str | None = None
    maildir: Path | None = None
    mbox: Path | None = None
    imap_url: str | None = None
    ics: Path | None = None
    caldav_url: str | None = None
    smtp: str | None = None
    sender: str | None = None
    tz: str | None = None

    def open(self) -> Workspace:
        """Opens the mailbox, the calendar and the outbox.

        Raises:
            MailError: A named mailbox or account can't be opened.
            CalendarError: The calendar can't be opened, or the timezone is unknown.
        """
        from agents.calendar import local_timezone, open_calendar
        from agents.mail.outbox import Outbox, SmtpConfig

        tz = local_timezone(self.tz)
        account = self._account()
        smtp: SmtpConfig | None = SmtpConfig.parse(self.smtp) if self.smtp else None
        if smtp is None and account is not None and account.smtp_host:
            smtp = SmtpConfig.from_account(account)
        sender = self.sender or (account.from_address if account is not None else "")
        return Workspace(
            mail=self._mail(account),
            outbox=Outbox(paths.drafts_dir(self.data_dir), smtp),
            calendar=open_calendar(
                ics=self.ics, caldav_url=self.caldav_url, data_dir=self.data_dir, tz=tz
            ),
            sender=sender,
            tz=tz,
        )

    def _account(self) -> MailAccount | None:
        """The named account, or the first one set up when no mailbox is named."""
        from agents.mail.accounts import AccountStore

        store = AccountStore(self.data_dir)
        if self.account:
            return store.get(self.account)
        if self.maildir or self.mbox or self.imap_url:
            return None
        accounts = store.accounts()
        return accounts[0] if accounts else None

    def _mail(self, account: MailAccount | None) -> MailSource | None:
        from agents.mail.sources import open_source, source_for_account

        if self.maildir or self.mbox or self.imap_url:
            return open_source(maildir=self.maildir, mbox=self.mbox, imap_url=self.imap_url)
        return source_for_account(account) if account is not None else None
