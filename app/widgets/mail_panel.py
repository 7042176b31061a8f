"""The Mail panel: pick an account, refresh, read the digest, tick off action items."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from agents.errors import HearthError
from agents.fences import strip_fences
from agents.mail.accounts import AccountStore, MailAccount
from agents.mail.checklist import ActionChecklist
from app import plain
from app.markdown import render
from app.services.appearance import current_colours, scheme_changed
from app.services.mail import MailService
from app.theme import Palette
from app.widgets.job_bar import JobBar
from app.widgets.measure import AdaptiveSplitter, ReadingBrowser
from app.wording import lines, worded

if TYPE_CHECKING:
    from agents.mail.digest import ActionItem, Digest

ITEM_ROLE = Qt.ItemDataRole.UserRole


class MailPanel(QWidget):
    """Shows the digest of an account's recent mail and its action items as a checklist.

    The model's summary is shown as safe Markdown (raw HTML as text, nothing loaded from
    the network), subjects and senders as text; ticks are kept in the data folder, so an
    item stays ticked when a later digest finds it again.

    Args:
        mail: The mail service (reads and asks the model off the GUI thread).
        accounts: The accounts file.
        checklist: Where ticks are kept.
        parent: The Qt parent.

    Signals:
        accountsRequested(): the person wants to set up accounts (the panel opens its own
            dialog when ``open_accounts_dialog`` is left True).
    """

    accountsRequested = Signal()

    def __init__(
        self,
        mail: MailService,
        accounts: AccountStore,
        checklist: ActionChecklist,
        parent: QWidget | None = None,
        open_accounts_dialog: bool = True,
    ) -> None:
        super().__init__(parent)
        self._colours: Palette | None = None  # the scheme's colours of the digest shown
        self.mail = mail
        self.accounts = accounts
        self.checklist = checklist
        self.open_accounts_dialog = open_accounts_dialog
        self.digest: Digest | None = None
        self._about_accounts = False

        self.account_box = QComboBox()
        self.account_box.setAccessibleName(self.tr("Mail account"))
        self.account_box.setMinimumContentsLength(10)
        self.account_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.count_box = QSpinBox()
        self.count_box.setAccessibleName(self.tr("Messages to read"))
        self.count_box.setRange(1, 200)
        self.count_box.setValue(10)
        self.count_box.setPrefix(self.tr("last "))
        self.count_box.setSuffix(self.tr(" messages"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the newest messages and write the digest"))
        self.job = JobBar()
        self.stop_button = self.job.stop_button
        self.accounts_button = QPushButton(self.tr("Accounts…"))
        self.accounts_button.setToolTip(self.tr("Add, change or remove mail accounts"))
        self.status = QLabel(self.tr("Choose an account and press Refresh."))
        plain.labels(self.status)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # notes name files: untrusted
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.digest_view = ReadingBrowser()
        self.digest_view.setObjectName("digestView")
        self.digest_view.setAccessibleName(self.tr("Digest"))
        self.digest_view.setPlaceholderText(self.tr("The digest appears here."))
        self.items_label = QLabel(self.tr("Action items"))
        self.items = QListWidget()
        self.items.setAccessibleName(self.tr("Action items"))
        self.items.setWordWrap(True)

        # Two short rows: the view stays usable in a small window.
        top = QVBoxLayout()
        first = QHBoxLayout()
        first.addWidget(self.account_box, 1)
        first.addWidget(self.count_box)
        first.addStretch(1)
        second = QHBoxLayout()
        second.addWidget(self.refresh_button)
        second.addWidget(self.accounts_button)
        second.addStretch(1)
        top.addLayout(first)
        top.addLayout(second)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.items_label)
        lower_layout.addWidget(self.items)
        splitter = AdaptiveSplitter(wide_from=1000)  # the items beside the digest when wide
        splitter.addWidget(self.digest_view)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.job)
        layout.addWidget(splitter, 1)

        self.refresh_button.clicked.connect(self.refresh)
        self.job.follow(self.mail.busyChanged, self.mail.progress, self.mail.stop)
        self.accounts_button.clicked.connect(self._accounts_clicked)
        self.items.itemChanged.connect(self._item_ticked)
        self.mail.status.connect(self._say)
        self.mail.digestReady.connect(self.show_digest)
        self.mail.digestFailed.connect(self._failed)
        self.mail.busyChanged.connect(self._busy)
        self.reload_accounts()

    # -- accounts ------------------------------------------------------------------
    def reload_accounts(self, select: str | None = None) -> None:
        """Fills the account picker from the accounts file."""
        current = select or self.account_box.currentText()
        self.account_box.clear()
        for account in self.accounts.accounts():
            self.account_box.addItem(account.name)
        index = self.account_box.findText(current) if current else -1
        self.account_box.setCurrentIndex(max(index, 0) if self.account_box.count() else -1)
        has_accounts = self.account_box.count() > 0
        self.refresh_button.setEnabled(has_accounts and not self.mail.busy)
        if not has_accounts:
            self._say(self.tr("No mail account yet: press Accounts… to add one."), accounts=True)
        elif self._about_accounts:  # what it said about accounts no longer holds
            self._say(self.tr("Choose an account and press Refresh."))

    def _say(self, text: str, accounts: bool = False) -> None:
        """Shows a status line; ``accounts``: it is about having no account."""
        self.status.setText(text)
        self._about_accounts = accounts

    def current_account(self) -> MailAccount | None:
        """The account chosen in the picker, if any."""
        name = self.account_box.currentText()
        if not name:
            return None
        try:
            return self.accounts.get(name)
        except Exception:
            return None

    def _accounts_clicked(self) -> None:
        self.accountsRequested.emit()
        if self.open_accounts_dialog:
            from app.widgets.mail_accounts_dialog import MailAccountsDialog

            dialog = MailAccountsDialog(self.mail, self.accounts, self)
            dialog.exec()
            self.reload_accounts()

    # -- digest --------------------------------------------------------------------
    def refresh(self) -> None:
        """Reads the chosen account and writes its digest (off the GUI thread)."""
        name = self.account_box.currentText()
        if not name:
            self._say(self.tr("No mail account yet: press Accounts… to add one."), accounts=True)
            return
        try:
            account = self.accounts.get(name)
        except HearthError as exc:  # e.g. removed from the file meanwhile
            self._say(worded(exc))
            return
        self.mail.load_digest(account, self.count_box.value())

    def show_digest(self, digest: Digest) -> None:
        """Shows a digest and its action items, ticked as remembered."""
        self.digest = digest
        self._show_digest_text(digest)
        done = self.checklist.done_keys()
        self.items.blockSignals(True)
        self.items.clear()
        for action in digest.action_items:
            entry = QListWidgetItem(strip_fences(worded(action.words)))
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(
                Qt.CheckState.Checked if action.key in done else Qt.CheckState.Unchecked
            )
            entry.setData(ITEM_ROLE, action)
            source = self._source_subject(digest, action)
            if source:
                entry.setToolTip(plain.tip(self.tr("From: %1").replace("%1", source)))
            self.items.addItem(entry)
        self.items.blockSignals(False)
        self.items_label.setText(self.tr("Action items (%n)", "", len(digest.action_items)))
        notes = lines(digest.problems, " ")
        self._say(
            self.tr("Digest of %n message(s).", "", digest.message_count)
            + (" " + notes if notes else "")
        )

    def _show_digest_text(self, digest: Digest) -> None:
        self._colours = current_colours()
        self.digest_view.setHtml(self._digest_html(digest, self._colours))

    def changeEvent(self, event: QEvent) -> None:
        """Shows the digest again in the colours of a new scheme."""
        super().changeEvent(event)
        if self.digest is not None and scheme_changed(event, self._colours):
            self._show_digest_text(self.digest)

    def _digest_html(self, digest: Digest, colours: Palette) -> str:
        """The summary as safe Markdown, then the threads and notes as escaped text."""
        summary = strip_fences(digest.summary).strip()
        parts = [render(summary or self.tr("(no summary)"), colours).html]
        if digest.threads:
            threads = self.tr("Threads")
            parts.append(f"<h4>{html.escape(threads)}</h4><ul>")
            for thread in digest.threads:
                when = thread.latest.strftime("%Y-%m-%d %H:%M") if thread.latest else ""
                senders = ", ".join(sorted({m.sender for m in thread.messages if m.sender}))
                about = [self.tr("%n message(s)", "", len(thread.messages)), when, senders[:160]]
                subject = thread.subject or self.tr("(no subject)")
                parts.append(
                    f"<li><b>{html.escape(subject)}</b><br><span style='color:{colours.muted}'>"
                    f"{html.escape(' · '.join(a for a in about if a))}</span></li>"
                )
            parts.append("</ul>")
        note = self.tr("Note: {0}")
        parts += [
            f"<p><i>{html.escape(note.format(worded(problem)))}</i></p>"
            for problem in digest.problems
        ]
        return "".join(parts)

    @staticmethod
    def _source_subject(digest: Digest, action: ActionItem) -> str:
        for thread in digest.threads:
            for message in thread.messages:
                if message.id == action.source_id:
                    return f"{message.sender} — {message.subject}"
        return ""

    def _item_ticked(self, entry: QListWidgetItem) -> None:
        from agents.mail.digest import ActionItem

        action = entry.data(ITEM_ROLE)
        if isinstance(action, ActionItem):
            try:
                self.checklist.set_done(action, entry.checkState() == Qt.CheckState.Checked)
            except OSError as exc:
                self._say(self.tr("Couldn't save the tick: %1").replace("%1", str(exc)))

    def _failed(self, message: str) -> None:
        self._say(message)

    def _busy(self, busy: bool) -> None:
        self.refresh_button.setEnabled(not busy and self.account_box.count() > 0)
        self.account_box.setEnabled(not busy)
