"""Setting up mail accounts: IMAP, Maildir or mbox to read; SMTP to send.

Passwords typed here go to the system keyring when the account is saved, never to the
accounts file. Test connection and Save run off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from agents.errors import HearthError
from agents.mail.accounts import AccountStore, MailAccount
from app import plain
from app.services.mail import MailService
from app.wording import worded

KINDS = ("imap", "maildir", "mbox")
SECURITY = ("ssl", "starttls", "plain")
DEFAULT_PORTS = {
    ("imap", "ssl"): 993,
    ("imap", "starttls"): 143,
    ("imap", "plain"): 143,
    ("smtp", "ssl"): 465,
    ("smtp", "starttls"): 587,
    ("smtp", "plain"): 25,
}


class MailAccountsDialog(QDialog):
    """Lists accounts and edits one at a time.

    Args:
        mail: The mail service (tests and saves off the GUI thread).
        accounts: The accounts file.
        parent: The Qt parent.
    """

    def __init__(
        self, mail: MailService, accounts: AccountStore, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mail accounts"))
        self.mail = mail
        self.accounts = accounts

        self.account_list = QListWidget()
        self.account_list.setAccessibleName(self.tr("Mail accounts"))
        self.add_button = QPushButton(self.tr("Add"))
        self.remove_button = QPushButton(self.tr("Remove"))

        self.name = QLineEdit()
        self.kind = QComboBox()
        for kind, label in zip(
            KINDS,
            (self.tr("IMAP server"), self.tr("Maildir folder"), self.tr("mbox file")),
            strict=True,
        ):
            self.kind.addItem(label, kind)
        self.path = QLineEdit()
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.imap_host = QLineEdit()
        self.imap_port = QSpinBox()
        self.imap_port.setRange(1, 65535)
        self.imap_port.setValue(993)
        self.imap_security = self._security_box()
        self.imap_username = QLineEdit()
        self.imap_password = QLineEdit()
        self.imap_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.imap_password.setPlaceholderText(self.tr("stored in the system keyring"))
        self.imap_folder = QLineEdit("INBOX")
        self.smtp_host = QLineEdit()
        self.smtp_host.setPlaceholderText(self.tr("empty: save drafts only"))
        self.smtp_port = QSpinBox()
        self.smtp_port.setRange(1, 65535)
        self.smtp_port.setValue(587)
        self.smtp_security = self._security_box()
        self.smtp_security.setCurrentIndex(1)
        self.smtp_username = QLineEdit()
        self.smtp_password = QLineEdit()
        self.smtp_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.smtp_password.setPlaceholderText(self.tr("stored in the system keyring"))
        self.from_address = QLineEdit()
        self.from_address.setPlaceholderText(self.tr("Your Name <you@example.org>"))
        self.ca_file = QLineEdit()
        self.ca_file.setPlaceholderText(self.tr("only for a server with its own certificate"))
        self.allow_unencrypted = QCheckBox(
            self.tr("Allow unencrypted passwords to another computer (unsafe)")
        )
        self.test_button = QPushButton(self.tr("Test connection"))
        self.save_button = QPushButton(self.tr("Save"))
        self.close_button = QPushButton(self.tr("Close"))
        self.result_label = QLabel()
        plain.labels(self.result_label)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._build_layout()
        self.account_list.currentTextChanged.connect(self._load_account)
        self.add_button.clicked.connect(self._new_account)
        self.remove_button.clicked.connect(self._remove_account)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.imap_security.currentIndexChanged.connect(lambda: self._default_port("imap"))
        self.smtp_security.currentIndexChanged.connect(lambda: self._default_port("smtp"))
        self.browse_button.clicked.connect(self._browse)
        self.test_button.clicked.connect(self.test_connection)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.accept)
        self.mail.accountTested.connect(self._tested)
        self.mail.accountSaved.connect(self._saved)
        self.mail.accountSaveFailed.connect(self._save_failed)
        self._reload()
        self._kind_changed()

    def _security_box(self) -> QComboBox:
        box = QComboBox()
        for value, label in zip(
            SECURITY,
            (self.tr("SSL/TLS"), self.tr("STARTTLS"), self.tr("None (this computer only)")),
            strict=True,
        ):
            box.addItem(label, value)
        return box

    def _build_layout(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self.account_list, 1)
        left_buttons = QHBoxLayout()
        left_buttons.addWidget(self.add_button)
        left_buttons.addWidget(self.remove_button)
        left.addLayout(left_buttons)

        general = QFormLayout()
        general.addRow(self.tr("Name"), self.name)
        general.addRow(self.tr("Read mail from"), self.kind)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse_button)
        self.path_label = QLabel(self.tr("Location"))
        general.addRow(self.path_label, path_row)
        general.addRow(self.tr("From address"), self.from_address)

        self.imap_group = QGroupBox(self.tr("IMAP (read only)"))
        imap = QFormLayout(self.imap_group)
        imap.addRow(self.tr("Server"), self.imap_host)
        imap.addRow(self.tr("Security"), self.imap_security)
        imap.addRow(self.tr("Port"), self.imap_port)
        imap.addRow(self.tr("Username"), self.imap_username)
        imap.addRow(self.tr("Password"), self.imap_password)
        imap.addRow(self.tr("Folder"), self.imap_folder)

        smtp_group = QGroupBox(self.tr("SMTP (sending, always after your approval)"))
        smtp = QFormLayout(smtp_group)
        smtp.addRow(self.tr("Server"), self.smtp_host)
        smtp.addRow(self.tr("Security"), self.smtp_security)
        smtp.addRow(self.tr("Port"), self.smtp_port)
        smtp.addRow(self.tr("Username"), self.smtp_username)
        smtp.addRow(self.tr("Password"), self.smtp_password)

        advanced = QFormLayout()
        advanced.addRow(self.tr("CA certificate"), self.ca_file)
        advanced.addRow(self.allow_unencrypted)

        right = QVBoxLayout()
        right.addLayout(general)
        right.addWidget(self.imap_group)
        right.addWidget(smtp_group)
        right.addLayout(advanced)
        right.addWidget(self.result_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        right.addLayout(buttons)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 3)

    # -- list ----------------------------------------------------------------------
    def _reload(self, select: str | None = None) -> None:
        self.account_list.blockSignals(True)
        self.account_list.clear()
        names = [a.name for a in self.accounts.accounts()]
        self.account_list.addItems(names)
        self.account_list.blockSignals(False)
        if select in names:
            self.account_list.setCurrentRow(names.index(select))
        elif names and select is None:
            self.account_list.setCurrentRow(0)
        self.remove_button.setEnabled(bool(names))

    def _new_account(self) -> None:
        self.account_list.clearSelection()
        self.set_account(MailAccount(name=""))
        self.name.setFocus()

    def _remove_account(self) -> None:
        item = self.account_list.currentItem()
        if item is None:
            return
        answer = plain.ask(
            self,
            self.tr("Remove account"),
            self.tr("Remove the account “%1” and its stored passwords?").replace("%1", item.text()),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.accounts.delete(item.text())
            self._reload()

    def _load_account(self, name: str) -> None:
        if not name:
            return
        try:
            self.set_account(self.accounts.get(name))
        except HearthError as exc:
            self.result_label.setText(worded(exc))

    # -- form ----------------------------------------------------------------------
    def set_account(self, account: MailAccount) -> None:
        """Shows an account in the form (password fields stay empty)."""
        self.name.setText(account.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(account.kind)))
        self.path.setText(account.path)
        self.imap_host.setText(account.imap_host)
        self.imap_security.setCurrentIndex(
            max(0, self.imap_security.findData(account.imap_security))
        )
        self.imap_port.setValue(account.imap_port)
        self.imap_username.setText(account.imap_username)
        self.imap_folder.setText(account.imap_folder)
        self.smtp_host.setText(account.smtp_host)
        self.smtp_security.setCurrentIndex(
            max(0, self.smtp_security.findData(account.smtp_security))
        )
        self.smtp_port.setValue(account.smtp_port)
        self.smtp_username.setText(account.smtp_username)
        self.from_address.setText(account.from_address)
        self.ca_file.setText(account.ca_file)
        self.allow_unencrypted.setChecked(account.allow_unencrypted)
        self.imap_password.clear()
        self.smtp_password.clear()
        self.result_label.clear()
        self._kind_changed()

    def account(self) -> MailAccount:
        """The account as filled in."""
        return MailAccount(
            name=self.name.text().strip(),
            kind=self.kind.currentData(),
            path=self.path.text().strip(),
            imap_host=self.imap_host.text().strip(),
            imap_port=self.imap_port.value(),
            imap_security=self.imap_security.currentData(),
            imap_username=self.imap_username.text().strip(),
            imap_folder=self.imap_folder.text().strip() or "INBOX",
            smtp_host=self.smtp_host.text().strip(),
            smtp_port=self.smtp_port.value(),
            smtp_security=self.smtp_security.currentData(),
            smtp_username=self.smtp_username.text().strip(),
            from_address=self.from_address.text().strip(),
            ca_file=self.ca_file.text().strip(),
            allow_unencrypted=self.allow_unencrypted.isChecked(),
        )

    def _kind_changed(self) -> None:
        is_imap = self.kind.currentData() == "imap"
        self.imap_group.setVisible(is_imap)
        for widget in (self.path, self.browse_button, self.path_label):
            widget.setVisible(not is_imap)

    def _default_port(self, protocol: str) -> None:
        box, port = (
            (self.imap_security, self.imap_port)
            if protocol == "imap"
            else (self.smtp_security, self.smtp_port)
        )
        if port.value() in DEFAULT_PORTS.values():
            port.setValue(DEFAULT_PORTS[(protocol, box.currentData())])

    def _browse(self) -> None:
        if self.kind.currentData() == "maildir":
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Maildir folder"))
        else:
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("mbox file"))
        if chosen:
            self.path.setText(chosen)

    # -- actions -------------------------------------------------------------------
    def test_connection(self) -> None:
        """Checks the filled-in account off the GUI thread; the result shows below."""
        self.test_button.setEnabled(False)
        self.result_label.setText(self.tr("Testing…"))
        self.mail.test_account(
            self.account(),
            self.imap_password.text() or None,
            self.smtp_password.text() or None,
        )

    def save(self) -> None:
        """Saves the account (passwords into the keyring) off the GUI thread."""
        self.save_button.setEnabled(False)
        self.result_label.setText(self.tr("Saving…"))
        self.mail.save_account(
            self.account(),
            self.imap_password.text() or None,
            self.smtp_password.text() or None,
        )

    def _tested(self, _name: str, ok: bool, message: str) -> None:
        self.test_button.setEnabled(True)
        prefix = self.tr("Works: ") if ok else self.tr("Doesn't work: ")
        self.result_label.setText(prefix + message)

    def _saved(self, name: str) -> None:
        self.save_button.setEnabled(True)
        self._reload(name)  # selecting the saved account refills the form: then say so
        self.imap_password.clear()
        self.smtp_password.clear()
        self.result_label.setText(self.tr("Saved “%1”.").replace("%1", name))

    def _save_failed(self, message: str) -> None:
        self.save_button.setEnabled(True)
        self.result_label.setText(self.tr("Not saved: ") + message)
