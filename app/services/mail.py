"""Mail off the GUI thread: digests, account checks and password storage, by Qt signals."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from agents.cancel import Cancelled, CancelToken
from agents.errors import HearthError
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
from app.workers import GeneratorWorker, run_call

SourceFactory = Callable[[MailAccount], MailSource]
if TYPE_CHECKING:
    from agents.mail.digest import DigestWriter


def _digest_writer(service: OllamaService) -> DigestWriter:
    from agents.mail.digest import DigestWriter  # the model layer loads on first use

    return DigestWriter(service)


WriterFactory = Callable[[OllamaService], "DigestWriter"]


def _message(exc: BaseException) -> str:
    if isinstance(exc, HearthError):
        return exc.message
    return f"Unexpected problem ({type(exc).__name__}: {exc}). Try again."


class MailService(QObject):
    """One digest at a time (a new one stops the old), plus account checks.

    Args:
        service: The Ollama door.
        accounts: The accounts file.
        source_factory: Opens an account's mailbox (tests may hand in others).
        writer_factory: Builds the digest writer.

    Signals:
        status(str): progress, such as "Reading mail…".
        digestReady(object): the finished Digest.
        digestFailed(str): what went wrong and what to do.
        busyChanged(bool): a digest is (no longer) being made.
        accountTested(str, bool, str): account name, whether it worked, what was found.
        accountSaved(str): the account was saved (with its passwords in the keyring).
        accountSaveFailed(str): what went wrong; nothing was lost from the form.
    """

    status = Signal(str)
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
        self._worker: GeneratorWorker | None = None

    @property
    def busy(self) -> bool:
        """Whether a digest is being made."""
        return self._worker is not None

    # -- digest --------------------------------------------------------------------
    def load_digest(self, account: MailAccount, last: int = 10) -> None:
        """Reads the account's last ``last`` messages and writes the digest, off-thread."""
        self._abandon()
        writer = self.writer_factory(self.service)
        open_source = self.source_factory

        def run(cancel: CancelToken) -> Iterator[tuple[str, Any]]:
            yield "reading", last
            messages = open_source(account).latest(last)
            if cancel.cancelled:
                return
            yield "writing", len(messages)
            yield "digest", writer.digest_messages(messages, cancel)

        worker = GeneratorWorker(run, self)
        self._worker = worker
        worker.item.connect(lambda item, w=worker: self._on_item(w, item))
        worker.failed.connect(lambda exc, w=worker: self._on_failed(w, exc))
        worker.done.connect(lambda w=worker: self._on_done(w))
        self.busyChanged.emit(True)
        worker.start()

    def stop(self) -> None:
        """Stops the digest being made (nothing is reported for it)."""
        if self._worker is not None:
            self._abandon()
            self.status.emit(self.tr("Stopped."))

    def _abandon(self) -> None:
        if self._worker is not None:
            self._worker.detach()
            self._worker = None
            self.busyChanged.emit(False)

    def _on_item(self, worker: GeneratorWorker, item: tuple[str, Any]) -> None:
        if worker is not self._worker:
            return
        kind, value = item
        if kind == "reading":
            self.status.emit(self.tr("Reading the last %n message(s)…", "", int(value)))
        elif kind == "writing":
            self.status.emit(self.tr("Writing the digest of %n message(s)…", "", int(value)))
        elif kind == "digest":
            self._worker = None
            self.busyChanged.emit(False)
            self.digestReady.emit(value)

    def _on_failed(self, worker: GeneratorWorker, exc: Exception) -> None:
        if worker is not self._worker:
            return
        self._worker = None
        self.busyChanged.emit(False)
        if not isinstance(exc, Cancelled):
            self.digestFailed.emit(_message(exc))

    def _on_done(self, worker: GeneratorWorker) -> None:
        if worker is self._worker:  # ended without a digest (cancelled between steps)
            self._worker = None
            self.busyChanged.emit(False)

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
            lambda exc: self.accountTested.emit(account.name, False, _message(exc)),
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
            lambda exc: self.accountSaveFailed.emit(_message(exc)),
            self,
        )
