"""Mail off the GUI thread: digests, account checks and password storage, by Qt signals."""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from agents.cancel import CancelToken, Progress
from agents.llm import OllamaService
from agents.mail.accounts import AccountStore, MailAccount, store_password
from agents.mail.outbox import Outbox, SmtpConfig
from agents.mail.sources import (
    ImapConfig,
    ImapSource,
    MaildirSource,
    MailSource,
    MboxSource,
    source_for_account,
)
from app.services.jobs import JobSlot, run_call
from app.wording import worded

SourceFactory = Callable[[MailAccount], MailSource]
if TYPE_CHECKING:
    from agents.mail.digest import DigestWriter


def _digest_writer(service: OllamaService) -> DigestWriter:
    from agents.mail.digest import DigestWriter  # the model layer loads on first use

    return DigestWriter(service)


WriterFactory = Callable[[OllamaService], "DigestWriter"]


class MailService(QObject):
    """One digest at a time (a new one stops the old), plus account checks.

    Args:
        service: The Ollama door.
        accounts: The accounts file.
        source_factory: Opens an account's mailbox (tests may hand in others).
        writer_factory: Builds the digest writer.

    Signals:
        status(str): the step in hand, such as "Reading mail…", or how the digest ended.
        progress(Progress): attempt n of m and tokens so far of the digest being written.
        digestReady(object): the finished Digest.
        digestFailed(str): what went wrong and what to do.
        busyChanged(bool): a digest is (no longer) being made.
        accountTested(str, bool, str): account name, whether it worked, what was found.
        accountSaved(str): the account was saved (with its passwords in the keyring).
        accountSaveFailed(str): what went wrong; nothing was lost from the form.
    """

    status = Signal(str)
    progress = Signal(object)
    digestReady = Signal(object)
    digestFailed = Signal(str)
    busyChanged = Signal(bool)
    accountTested = Signal(str, bool, str)
    accountSaved = Signal(str)
    accountSaveFailed = Signal(str)

    def __init__(
        self,
        service: OllamaService,
        accounts: AccountStore,
        source_factory: SourceFactory | None = None,
        writer_factory: WriterFactory | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.accounts = accounts
        self.source_factory = source_factory or source_for_account
        self.writer_factory = writer_factory or _digest_writer
        self._finding_items = False  # the summary is written; the action items are next
        self._digest = JobSlot(parent=self)
        self._digest.busyChanged.connect(self.busyChanged)
        self._digest.item.connect(self._on_step)
        self._digest.progress.connect(self._on_progress)
        self._digest.returned.connect(self._on_digest)
        self._digest.failed.connect(lambda error: self.digestFailed.emit(worded(error)))

    @property
    def busy(self) -> bool:
        """Whether a digest is being made."""
        return self._digest.busy

    # -- digest --------------------------------------------------------------------
    def load_digest(self, account: MailAccount, last: int = 10) -> None:
        """Reads the account's last ``last`` messages and writes the digest, off-thread."""
        writer = self.writer_factory(self.service)
        open_source = self.source_factory
        self._finding_items = False

        def run(cancel: CancelToken) -> Generator[tuple[str, int], None, Any]:
            yield "reading", last
            source = open_source(account)
            messages = source.latest(last)
            if cancel.cancelled:
                return None
            yield "writing", len(messages)
            return writer.digest_messages(messages, cancel, notes=source.notes)

        self._digest.start(run)

    def stop(self) -> None:
        """Stops the digest being made, at once: nothing is reported or kept for it, and
        the model's stream closes at its next piece."""
        if self._digest.busy:
            self._digest.stop()
            self.status.emit(self.tr("Stopped. No digest was written; nothing was changed."))

    def _on_step(self, step: tuple[str, int]) -> None:
        kind, count = step
        if kind == "reading":
            self.status.emit(self.tr("Reading the last %n message(s)…", "", count))
        else:
            self.status.emit(self.tr("Writing the digest of %n message(s)…", "", count))

    def _on_progress(self, progress: Progress) -> None:
        if progress.attempt and not self._finding_items:  # a structured answer: the items
            self._finding_items = True
            self.status.emit(self.tr("Finding the action items…"))
        self.progress.emit(progress)

    def _on_digest(self, digest: object) -> None:
        if digest is not None:  # None: cancelled between steps
            self.digestReady.emit(digest)

    # -- accounts ------------------------------------------------------------------
    def test_account(
        self,
        account: MailAccount,
        imap_password: str | None = None,
        smtp_password: str | None = None,
    ) -> None:
        """Opens the mailbox (and logs in to SMTP) off-thread; answers with accountTested.

        Passwords typed but not saved yet are used as given; otherwise the keyring's.
        """

        def check() -> tuple[int, bool]:
            account.validated()
            if account.kind == "imap":
                config = replace(ImapConfig.from_account(account), password=imap_password)
                count = ImapSource(config).check()
            else:
                local = (
                    MaildirSource(Path(account.path))
                    if account.kind == "maildir"
                    else MboxSource(Path(account.path))
                )
                count = len(local.latest(500))
            if account.smtp_host:
                config_smtp = replace(SmtpConfig.from_account(account), password=smtp_password)
                Outbox(Path("."), config_smtp).check()
            return count, bool(account.smtp_host)

        def report(result: tuple[int, bool]) -> None:
            count, smtp = result
            text = self.tr("Mailbox: connected, %n message(s).", "", count)
            if smtp:
                text += " " + self.tr("SMTP: login works.")
            self.accountTested.emit(account.name, True, text)

        run_call(
            check,
            report,
            lambda error: self.accountTested.emit(account.name, False, worded(error)),
            self,
        )

    def save_account(
        self,
        account: MailAccount,
        imap_password: str | None = None,
        smtp_password: str | None = None,
    ) -> None:
        """Saves the account, and typed passwords into the keyring, off-thread."""

        def save() -> str:
            account.validated()
            if imap_password and account.kind == "imap":
                store_password(account.imap_key, imap_password)
            if smtp_password and account.smtp_host and account.smtp_username:
                store_password(account.smtp_key, smtp_password)
            self.accounts.save(account)
            return account.name

        run_call(
            save,
            lambda name: self.accountSaved.emit(str(name)),
            lambda error: self.accountSaveFailed.emit(worded(error)),
            self,
        )
