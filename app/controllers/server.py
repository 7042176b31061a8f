"""The Ollama server as the window shows it: the status dot, the model picker and the
banner, all drawn from the window's status (app/services/status.py); the banner's fixes
(retry, download a model), warm-up, model downloads and the Models dialog (remove, unload)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from agents.llm import ErrorKind, LLMError
from app.services.jobs import run_call
from app.services.ollama_monitor import ServerState
from app.services.status import Cause, ModelState, Problem, Purpose, Snapshot
from app.widgets.models_dialog import ModelsDialog
from app.widgets.pull_dialog import PullDialog

if TYPE_CHECKING:
    from app.main_window import MainWindow


class ServerController(QObject):
    """Keeps the status dot, the model list and the banner in step with the window's status.

    Args:
        window: The window (its status, status indicator, model picker, banner, monitor).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.pull_dialog: PullDialog | None = None
        self.models_dialog: ModelsDialog | None = None
        self._warmed: set[tuple[str, int]] = set()  # (model, context window)
        self._picker: tuple[object, ...] = ()
        window.status_model.changed.connect(self.show)
        window.monitor.modelsChanged.connect(lambda _models: self._show_models())
        window.status.retryRequested.connect(window.monitor.check_now)
        window.banner.actionTriggered.connect(self._on_banner_action)
        window.models.pullRequested.connect(lambda: self.open_pull(""))
        window.models.manageRequested.connect(self.open_models)
        window.chats.turnFailed.connect(self._on_turn_failed)
        # A chat's model or context window changed: load it now with the chat's size.
        window.chats.modelChanged.connect(lambda _m: self._warm_up(window.status_model.snapshot))
        self.show(window.status_model.snapshot)

    def show(self, status: Snapshot) -> None:
        """Draws the status dot, the model list and the banner; warms the chat's model up."""
        self.window.status.show_status(status)
        self._show_models()
        self._show_banner(status)
        self._warm_up(status)

    def _show_models(self) -> None:
        """Lists the pulled models with the chat's model, marked if it isn't there."""
        window = self.window
        status = window.status_model.snapshot
        chat = status.model(Purpose.CHAT)
        current = chat.name if chat else ""
        known = chat is None or chat.state is not ModelState.UNKNOWN
        shown = (window.monitor.models, current, known)
        if shown != self._picker:
            self._picker = shown
            window.models.set_models(window.monitor.models, current, known)

    def _show_banner(self, status: Snapshot) -> None:
        """The problem while its cause lasts; else the one-off notice; else nothing."""
        banner = self.window.banner
        problem = status.problem
        if problem is not None:
            banner.show_message(*self._words(problem))
        elif status.notice is not None:
            notice = status.notice
            banner.show_message(notice.text, notice.action, notice.button)
        else:
            banner.clear()

    def _words(self, problem: Problem) -> tuple[str, str, str]:
        """The banner's text, action and button for a problem."""
        if problem.cause is Cause.SERVER_UNREACHABLE:
            text = problem.detail + " " + self.tr("Hearth keeps trying; your chats stay readable.")
            return text.strip(), "retry_server", self.tr("Retry now")
        if problem.cause is Cause.SERVER_REFUSED:
            return problem.detail, "", ""
        model = problem.detail
        download = self.tr("Download {0}").format(model)
        if problem.cause is Cause.GUARD_MISSING:
            text = self.tr(
                "Safety checks are on, but Llama Guard ({0}) isn't downloaded: "
                "messages can't be checked until it is."
            ).format(model)
            return text, f"pull:{model}", download
        return (
            self.tr("The model {0} isn't downloaded yet.").format(model),
            f"pull:{model}",
            download,
        )

    def _on_turn_failed(self, error: LLMError) -> None:
        if error.kind in (ErrorKind.UNREACHABLE, ErrorKind.MODEL_MISSING):
            self.window.monitor.check_now()  # the status shows the evidence until then

    def _warm_up(self, status: Snapshot) -> None:
        """Loads the chat's model in the background so the first answer starts quickly,
        with the context window the chat's requests will send (another size reloads it)."""
        window = self.window
        if not window.isVisible():  # closed (its store may be too), or not shown yet
            return
        chat = status.model(Purpose.CHAT)
        if chat is None or chat.state is not ModelState.PRESENT:
            return
        model = chat.name
        service = window.service.tuned(window.chats.current_options())
        loading = (model, service.num_ctx(model))
        if not window.settings.warm_up or loading in self._warmed:
            return
        if status.server is not ServerState.CONNECTED:
            return
        self._warmed.add(loading)
        window.status_model.warming(model)

        def done(_result: object = None) -> None:
            if window.status_model.snapshot.warming == model:
                window.status_model.warming("")

        run_call(lambda: service.warm_up(model), done, lambda _exc: done(), parent=self)

    def _on_banner_action(self, action: str) -> None:
        if action == "retry_server":
            self.window.monitor.check_now()
        elif action == "settings":
            self.window.status_model.dismiss("settings")
            self.window.open_settings()
        elif action.startswith("pull:"):
            self.open_pull(action.split(":", 1)[1], start=True)

    def open_pull(self, model: str, start: bool = False) -> PullDialog:
        """Opens the download dialog (non-modal; the window keeps working)."""
        dialog = PullDialog(self.window.service, model, start=start, parent=self.window)
        dialog.pulled.connect(lambda _model: self.window.monitor.check_now())
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
