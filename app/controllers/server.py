"""The Ollama server as the window shows it: the status dot, the model picker, the banner
that offers fixes (start the server, download a model), warm-up, model downloads and the
Models dialog (remove, unload)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from agents.llm import ErrorKind, LLMError
from app import plain
from app.services.jobs import run_call
from app.services.ollama_monitor import ServerReport, ServerState
from app.widgets.models_dialog import ModelsDialog
from app.widgets.pull_dialog import PullDialog

if TYPE_CHECKING:
    from app.main_window import MainWindow


class ServerController(QObject):
    """Keeps the status, the model list and the banner in step with the server.

    Args:
        window: The window (its status indicator, model picker, banner and monitor).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.pull_dialog: PullDialog | None = None
        self.models_dialog: ModelsDialog | None = None
        self._warmed: set[tuple[str, int]] = set()  # (model, context window)
        window.monitor.stateChanged.connect(self._on_server)
        window.monitor.modelsChanged.connect(lambda _models: self.refresh_models())
        window.status.retryRequested.connect(window.monitor.check_now)
        window.banner.actionTriggered.connect(self._on_banner_action)
        window.models.pullRequested.connect(lambda: self.open_pull(""))
        window.models.manageRequested.connect(self.open_models)
        window.chats.modelChanged.connect(lambda _model: self.refresh_models())
        window.chats.turnFailed.connect(self._on_turn_failed)

    def refresh_models(self) -> None:
        """Lists the pulled models, checks the chat's model is there, and warms it up."""
        window = self.window
        window.models.set_models(window.monitor.models, window.chats.current_model())
        self._check_models_present()
        self._warm_up()

    def _check_models_present(self) -> None:
        window = self.window
        if window.monitor.report.state is not ServerState.CONNECTED:
            return
        model = window.chats.current_model()
        guard = window.settings.guard_model
        if not window.monitor.has_model(model):
            window.banner.show_message(
                self.tr("The model {0} isn't downloaded yet.").format(model),
                f"pull:{model}",
                self.tr("Download {0}").format(model),
            )
        elif window.settings.guard_enabled and not window.monitor.has_model(guard):
            window.banner.show_message(
                self.tr(
                    "Safety checks are on, but Llama Guard ({0}) isn't downloaded: "
                    "messages can't be checked until it is."
                ).format(guard),
                f"pull:{guard}",
                self.tr("Download {0}").format(guard),
            )
        elif window.banner.action.startswith("pull:"):
            window.banner.clear()

    def _on_server(self, report: ServerReport) -> None:
        window, service = self.window, self.window.service
        status = window.status
        status.show_report(report)
        status.setToolTip(f"{status.toolTip()}{plain.tip(service.host)}")
        if report.state is ServerState.CONNECTED and service.is_remote:
            # Another computer sees every message: say so wherever the status shows.
            status.label.setText(self.tr("Connected to {0}").format(service.host))
        if report.state is ServerState.CONNECTED:
            if window.banner.action == "retry_server":
                window.banner.clear()
            self.refresh_models()
        elif report.state in (ServerState.UNREACHABLE, ServerState.REFUSED):
            retry = report.state is ServerState.UNREACHABLE
            text = report.message
            if retry:
                text += " " + self.tr("Hearth keeps trying; your chats stay readable.")
            window.banner.show_message(
                text, "retry_server" if retry else "", self.tr("Retry now") if retry else ""
            )

    def _on_turn_failed(self, error: LLMError) -> None:
        if error.kind is ErrorKind.MODEL_MISSING:
            model = error.model or self.window.settings.chat_model
            self.window.banner.show_message(
                error.message, f"pull:{model}", self.tr("Download {0}").format(model)
            )
        elif error.kind is ErrorKind.UNREACHABLE:
            self.window.monitor.check_now()

    def _warm_up(self) -> None:
        """Loads the chat's model in the background so the first answer starts quickly,
        with the context window the chat's requests will send (another size reloads it)."""
        window = self.window
        model = window.chats.current_model()
        service = window.service.tuned(window.chats.current_options())
        loading = (model, service.num_ctx(model))
        if not window.settings.warm_up or loading in self._warmed:
            return
        if not window.monitor.has_model(model):
            return
        self._warmed.add(loading)
        window.status.show_loading(self.tr("Loading {0}…").format(model))

        def done(_result: object = None) -> None:
            if window.status.state == "loading" and not window.session.busy:
                window.status.show_report(window.monitor.report)

        run_call(lambda: service.warm_up(model), done, lambda _exc: done(), parent=self)

    def _on_banner_action(self, action: str) -> None:
        if action == "retry_server":
            self.window.monitor.check_now()
        elif action == "settings":
            self.window.banner.clear()
            self.window.open_settings()
        elif action.startswith("pull:"):
            self.open_pull(action.split(":", 1)[1], start=True)

    def open_pull(self, model: str, start: bool = False) -> PullDialog:
        """Opens the download dialog (non-modal; the window keeps working)."""
        dialog = PullDialog(self.window.service, model, start=start, parent=self.window)
        dialog.pulled.connect(self._on_pulled)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.pull_dialog = dialog
        dialog.show()
        return dialog

    def open_models(self) -> ModelsDialog:
        """Opens the Models dialog (non-modal), the open chat's model selected."""
        if self.models_dialog is not None:
            self.models_dialog.raise_()
            self.models_dialog.activateWindow()
            return self.models_dialog
        current = self.window.chats.current_model()
        dialog = ModelsDialog(self.window.service, current, parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.modelsChanged.connect(self.window.monitor.check_now)
        dialog.destroyed.connect(self._forget_models_dialog)
        self.models_dialog = dialog
        dialog.show()
        return dialog

    def _forget_models_dialog(self) -> None:
        self.models_dialog = None

    def _on_pulled(self, model: str) -> None:
        if self.window.banner.action == f"pull:{model}":
            self.window.banner.clear()
        self.window.monitor.check_now()
