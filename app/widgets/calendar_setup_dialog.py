"""Setting up the calendar: Hearth's own, an .ics file, or a CalDAV account.

A CalDAV password typed here goes to the system keyring when the setup is saved, never to
a file. Test connection and Save run off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from agents.calendar.setup import CalendarSetup
from app import plain
from app.services.calendar import CalendarSetupService


class CalendarSetupDialog(QDialog):
    """Chooses the calendar Hearth shows and its tools use.

    Args:
        service: Checks and saves the setup off the GUI thread.
        parent: The Qt parent.
    """

    def __init__(self, service: CalendarSetupService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set up the calendar"))
        self.setMinimumWidth(480)
        self.service = service
        self.local_choice = QRadioButton(self.tr("Hearth's own calendar (in the data folder)"))
        self.ics_choice = QRadioButton(self.tr("A calendar file (.ics)"))
        self.caldav_choice = QRadioButton(self.tr("A CalDAV account (Nextcloud, Fastmail…)"))
        choices = QButtonGroup(self)
        for button in (self.local_choice, self.ics_choice, self.caldav_choice):
            choices.addButton(button)
            button.toggled.connect(self._update)

        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("/home/me/calendar.ics"))
        self.path.setAccessibleName(self.tr("Calendar file"))
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.choose_button)
        self.file_box = QWidget()
        self.file_box.setLayout(file_row)
        file_row.setContentsMargins(24, 0, 0, 0)

        self.url = QLineEdit()
        self.url.setPlaceholderText(self.tr("https://dav.example.org/calendars/me/work/"))
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("kept in the system keyring"))
        form = QFormLayout()
        form.setContentsMargins(24, 0, 0, 0)
        form.addRow(self.tr("Address"), self.url)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        self.caldav_box = QWidget()
        self.caldav_box.setLayout(form)

        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.result_label = QLabel()
        plain.labels(self.result_label)
        self.result_label.setObjectName("calendarSetupResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.local_choice)
        layout.addWidget(self.ics_choice)
        layout.addWidget(self.file_box)
        layout.addWidget(self.caldav_choice)
        layout.addWidget(self.caldav_box)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.result_label, 1)
        layout.addLayout(test_row)
        layout.addWidget(self.buttons)

        service.checked.connect(self._on_checked)
        service.saved.connect(self._on_saved)
        service.saveFailed.connect(self._on_save_failed)
        self.show_setup(service.setup)

    def show_setup(self, setup: CalendarSetup) -> None:
        """Fills the form from a setup."""
        {"ics": self.ics_choice, "caldav": self.caldav_choice}.get(
            setup.kind, self.local_choice
        ).setChecked(True)
        self.path.setText(setup.path)
        self.url.setText(setup.url)
        self.username.setText(setup.username)
        self.password.clear()
        self._update()

    def setup(self) -> CalendarSetup:
        """The setup as entered (checked when tested or saved)."""
        if self.ics_choice.isChecked():
            return CalendarSetup("ics", path=self.path.text())
        if self.caldav_choice.isChecked():
            return CalendarSetup("caldav", url=self.url.text(), username=self.username.text())
        return CalendarSetup()

    def choose_file(self) -> None:
        """Asks for the .ics file."""
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a calendar file"), self.path.text(), self.tr("Calendars (*.ics)")
        )
        if name:
            self.path.setText(name)
            self.ics_choice.setChecked(True)

    def test_connection(self) -> None:
        """Reads the coming week of the calendar as entered (off the GUI thread)."""
        self._busy(True)
        self.result_label.setText(self.tr("Testing…"))
        self.service.check(self.setup(), self.password.text())

    def save(self) -> None:
        """Saves the setup (and a typed password, into the keyring), then closes."""
        self._busy(True)
        self.result_label.setText(self.tr("Saving…"))
        self.service.save(self.setup(), self.password.text())

    def _update(self) -> None:
        self.file_box.setEnabled(self.ics_choice.isChecked())
        self.caldav_box.setEnabled(self.caldav_choice.isChecked())

    def _busy(self, busy: bool) -> None:
        self.test_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy)

    def _on_checked(self, ok: bool, text: str) -> None:
        self._busy(False)
        self.result_label.setText(text if ok else self.tr("Not working: {0}").replace("{0}", text))

    def _on_saved(self, _setup: CalendarSetup) -> None:
        self._busy(False)
        self.password.clear()
        self.accept()

    def _on_save_failed(self, text: str) -> None:
        self._busy(False)
        self.result_label.setText(text)
