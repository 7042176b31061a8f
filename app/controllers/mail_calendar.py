"""Mail and calendar in the window: the Mail and Calendar views, the calendar's setup,
the composer's Mail & calendar mode, and the approval questions of the tool agent."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QToolButton, QWidget

from agents.errors import HearthError
from agents.tools.audit import AuditLog
from agents.tools.workspace import WorkspaceSpec
from agents.turns.request import Mode
from agents.turns.router import ToolSetup
from app import shortcuts
from app.services.approvals import ApprovalBridge
from app.services.calendar import CalendarSetupService
from app.widgets.approval_dialog import dialog_asker
from app.widgets.lazy_tab import LazyTab
from app.widgets.measure import AdaptiveSplitter

if TYPE_CHECKING:
    from agents.calendar.model import CalendarStore
    from app.main_window import MainWindow
    from app.services.mail import MailService
    from app.widgets.audit_log_view import AuditLogView
    from app.widgets.calendar_panel import CalendarPanel
    from app.widgets.calendar_setup_dialog import CalendarSetupDialog
    from app.widgets.mail_panel import MailPanel


class MailCalendarController(QObject):
    """The mail and calendar feature of one window.

    Every side effect the tool agent proposes waits for the person's answer in an
    approval dialog; a stopped or finished turn withdraws (denies) what is still open.

    Args:
        window: The window (views, composer, session, data folder).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.audit = AuditLog.in_data_dir(window.data_dir)
        self.approvals = ApprovalBridge(self.audit, ask=dialog_asker(window), parent=self)
        self.calendar_setup = CalendarSetupService(
            window.settings_service, window.data_dir, parent=self
        )
        self.calendar_setup.changed.connect(self._on_calendar_changed)
        self.mail: MailService | None = None
        self.mail_panel: MailPanel | None = None
        self.mail_tab = LazyTab(self._make_mail_panel)
        window.views.add_view(
            self.mail_tab,
            self.tr("Mail"),
            self.tr("A digest of your recent mail"),
            shortcuts.VIEW_MAIL,
        )
        # The calendar view is filled when first shown: start-up doesn't read the calendar.
        self.calendar_tab = AdaptiveSplitter(wide_from=1100)
        self.calendar_panel: CalendarPanel | None = None
        self.audit_view: AuditLogView | None = None
        window.views.add_view(
            self.calendar_tab,
            self.tr("Calendar"),
            self.tr("Upcoming events, and every action you approved or denied"),
            shortcuts.VIEW_CALENDAR,
        )
        window.views.currentChanged.connect(self._on_tab)
        self.switch = QToolButton()
        self.switch.setObjectName("toolsSwitch")
        self.switch.setText(self.tr("Mail && calendar"))
        self.switch.setToolTip(
            self.tr(
                "Let Hearth read your mail and calendar and propose drafts, invitations "
                "and events. Nothing is sent or changed until you approve it."
            )
        )
        window.composer.add_mode(Mode.TOOLS, self.switch)
        window.session.turnEnded.connect(lambda *_: self.approvals.withdraw_all())

    @property
    def workspace(self) -> WorkspaceSpec:
        """Where the tools find mail and the calendar (the calendar as set up)."""
        fields = self.calendar_setup.setup.workspace_fields()
        return WorkspaceSpec(self.window.data_dir, **fields)

    def tool_setup(self) -> ToolSetup:
        """How the router sets up the tool agent for this window."""
        return ToolSetup(self.approvals.gate, self.workspace)

    def calendar(self) -> CalendarStore:
        """The calendar the tools use (Hearth's own .ics file unless set up otherwise)."""
        return self.calendar_setup.open()

    def open_calendar_setup(self) -> CalendarSetupDialog:
        """Opens the calendar setup dialog (window-modal; it saves off the GUI thread)."""
        from app.widgets.calendar_setup_dialog import CalendarSetupDialog

        dialog = CalendarSetupDialog(self.calendar_setup, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _on_calendar_changed(self, _setup: object = None) -> None:
        """A new calendar applies to the next tool request and to the panel at once."""
        self.window.router.tools = self.tool_setup()
        if self.calendar_panel is not None:
            self.calendar_panel.set_calendar(self._open_calendar())

    def _open_calendar(self) -> CalendarStore | None:
        try:
            return self.calendar()
        except HearthError:
            return None

    def _make_mail_panel(self) -> QWidget:
        from agents.mail.accounts import AccountStore
        from agents.mail.checklist import ActionChecklist
        from app.services.mail import MailService
        from app.widgets.mail_panel import MailPanel

        window = self.window
        accounts = AccountStore(window.data_dir)
        self.mail = MailService(window.service, accounts, parent=self)
        self.mail_panel = MailPanel(self.mail, accounts, ActionChecklist(window.data_dir))
        return self.mail_panel

    def _on_tab(self, _index: int) -> None:
        if self.window.views.currentWidget() is self.calendar_tab:
            self.show_calendar()

    def show_calendar(self) -> None:
        """Fills (first time) and refreshes the calendar and the audit log."""
        if self.calendar_panel is None or self.audit_view is None:
            from app.widgets.audit_log_view import AuditLogView
            from app.widgets.calendar_panel import CalendarPanel

            self.calendar_panel = CalendarPanel(self._open_calendar())
            self.calendar_panel.setupRequested.connect(self.open_calendar_setup)
            self.audit_view = AuditLogView(self.audit)
            self.calendar_tab.addWidget(self.calendar_panel)
            self.calendar_tab.addWidget(self.audit_view)
        self.calendar_panel.refresh()
        self.audit_view.refresh()

    def shutdown(self) -> None:
        """Stops the digest in hand and denies open questions (the window is closing)."""
        if self.mail is not None:
            self.mail.stop()
        self.approvals.withdraw_all()
