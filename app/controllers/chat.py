"""Conversations and turns: which chat is open, sending, retry and edit (each a new
version, the earlier kept), switching versions, and showing the answer as it streams."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from agents.errors import HearthError
from agents.llm import LLMError
from agents.llm.models import same_model
from agents.llm.options import ChatOptions
from agents.settings import Settings
from agents.storage import Conversation, MessageStatus, StoredMessage
from agents.turns.request import Mode, TurnRequest
from app import plain
from app.services.status import Snapshot, TurnState
from app.wording import worded

if TYPE_CHECKING:
    from app.main_window import MainWindow
    from app.widgets.message_view import MessageView

SAFE_SCHEMES = {"http", "https", "mailto"}


class ChatController(QObject):
    """Drives the chat view, the composer and the conversation list for one window.

    Args:
        window: The window whose widgets it drives (chat, composer, conversations...).

    Signals:
        modelChanged(str): the open chat's model changed (opened, created or chosen), or
            how it is loaded (the chat's context window).
        turnFailed(object): an LLMError ended a turn (the server controller offers fixes).
    """

    modelChanged = Signal(str)
    turnFailed = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.conversation_id: str | None = None
        session = window.session
        session.turnStarted.connect(self._on_turn_started)
        session.partial.connect(self._on_partial)
        session.reasoningChanged.connect(self._on_reasoning)
        session.turnEnded.connect(self._on_turn_ended)
        session.busyChanged.connect(window.composer.set_busy)
        session.conversationChanged.connect(lambda _cid: self._refresh_titles())
        # The arrows in the list show each chat (at a search's match), the focus stays;
        # Enter or a click opens it there (also from another view).
        window.conversations.selected.connect(self._on_chosen)
        window.conversations.opened.connect(self._on_opened)
        window.conversations.newRequested.connect(self.new_chat)
        window.conversations.deleted.connect(self._on_deleted)
        window.conversations.renamed.connect(lambda _cid: self._show_title())
        window.composer.sendRequested.connect(self.send)
        window.composer.stopRequested.connect(session.stop)
        window.chat.linkRequested.connect(self.confirm_link)
        window.chat.retryRequested.connect(self.retry)
        window.chat.rewriteRequested.connect(lambda text: self.open_rewrite(text, replace=False))
        window.chat.editSubmitted.connect(self.edit_message)
        window.chat.versionRequested.connect(self.show_version)
        window.persona_picker.personaChosen.connect(self._on_persona_chosen)
        window.persona_picker.editRequested.connect(self.edit_personas)
        window.models.modelChosen.connect(self._on_model_chosen)

    # -- conversations ---------------------------------------------------------------
    def current(self) -> Conversation | None:
        """The open chat, if it still exists."""
        cid = self.conversation_id
        return self.window.store.get_conversation(cid) if cid else None

    def current_model(self) -> str:
        """The open chat's model (the configured chat model for a new chat)."""
        conversation = self.current()
        return (conversation.model if conversation else None) or self.window.settings.chat_model

    def current_options(self) -> ChatOptions:
        """The open chat's own temperature and context size (none for a new chat)."""
        conversation = self.current()
        if conversation is None:
            return ChatOptions()
        return ChatOptions(conversation.temperature, conversation.num_ctx)

    def open_latest(self) -> None:
        """Opens the most recent chat; with none, readies a new one."""
        existing = self.window.store.list_conversations()
        if existing:
            self.window.conversations.select(existing[0].id)
        else:
            self.window.persona_picker.set_current(self.default_persona()[0])
            self.modelChanged.emit(self.current_model())

    def default_persona(self) -> tuple[str | None, str]:
        """The persona id and prompt a new chat starts with, per the settings.

        The settings' "System prompt for new chats", when the person changed it (a chat
        with no persona from the library: "Custom"); else the library's default persona.
        """
        prompt = self.window.settings.system_prompt
        if prompt != Settings().system_prompt:
            return None, prompt
        persona = self.window.personas.default()
        return persona.id, persona.prompt

    def new_chat(self) -> None:
        """Starts an empty chat (Ctrl+N) in Chat mode with the default persona; the open
        one is kept (and reset so) if it is still empty."""
        window = self.window
        current = self.current()
        if current is None or window.store.messages(current.id):
            window.conversations.select(self._create(fresh=True).id)
        else:
            persona, prompt = self.default_persona()
            window.store.update_conversation(
                current.id, persona=persona or "", system_prompt=prompt
            )
            window.persona_picker.set_current(persona)
        window.composer.set_mode(Mode.CHAT)
        window.views.show_view(window.chat_page)
        window.composer.edit.setFocus()

    def _ensure_chat(self) -> Conversation:
        """The open chat; a new one, opened, if there is none."""
        conversation = self.current()
        if conversation is None:
            conversation = self._create()
            self.conversation_id = conversation.id
            self.window.conversations.select(conversation.id)
        return conversation

    def _create(self, fresh: bool = False) -> Conversation:
        """A new chat with the chosen model; its persona is the one picked, or (``fresh``,
        or none picked) the default for new chats."""
        window = self.window
        model = window.models.current_model or window.settings.chat_model
        picked = None if fresh else window.personas.get(window.persona_picker.current_persona)
        persona, prompt = (picked.id, picked.prompt) if picked else self.default_persona()
        return window.store.create_conversation(model=model, system_prompt=prompt, persona=persona)

    def open_conversation(self, conversation_id: str) -> None:
        """Shows a conversation (its streaming answer keeps updating)."""
        conversation = self.window.store.get_conversation(conversation_id)
        if conversation is None:
            return
        self.conversation_id = conversation_id
        self._show_title()
        self.window.persona_picker.set_current(conversation.persona)
        self.window.chat.show_path(self.window.store.tree(conversation_id), keep=False)
        self.modelChanged.emit(self.current_model())
        self.window.views.show_view(self.window.chat_page)

    def _on_chosen(self, conversation_id: str) -> None:
        """Shows the chat chosen in the list, at the search's match if it is a hit."""
        self.open_conversation(conversation_id)
        self._show_hit(conversation_id)

    def _on_opened(self, conversation_id: str) -> None:
        """Opens the chat chosen in the list: the focus goes to the search's match, or
        to the message box."""
        window = self.window
        if conversation_id != self.conversation_id:
            self.open_conversation(conversation_id)
        window.views.show_view(window.chat_page)
        found = self._show_hit(conversation_id)
        if found is not None:
            found.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            window.composer.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_hit(self, conversation_id: str) -> MessageView | None:
        """Shows the message the search found in the open chat, marked; None if the
        search found none there."""
        hit = self.window.conversations.hit(conversation_id)
        if hit is None or hit.message_id is None or conversation_id != self.conversation_id:
            return None
        return self.show_match(hit.message_id, hit.matched)

    def show_match(self, message_id: int, words: str) -> MessageView | None:
        """Shows a message of the open chat, marked and in sight, with ``words`` selected
        in it; a version not on the chosen path becomes the chosen one first."""
        window = self.window
        cid = self.conversation_id
        if cid is None:
            return None
        if message_id not in (m.id for m in window.store.tree(cid).path):
            try:
                window.store.select_message(message_id)
            except HearthError as exc:
                window.banner.show_message(worded(exc))
                return None
            window.chat.show_path(window.store.tree(cid))
        return window.chat.show_match(message_id, words)

    def _show_title(self) -> None:
        """The window title names the open chat."""
        conversation = self.current()
        title = conversation.title if conversation else ""
        self.window.setWindowTitle(f"{title} — Hearth" if title else "Hearth")

    def _refresh_titles(self) -> None:
        self.window.conversations.refresh()
        self._show_title()

    def _on_deleted(self, conversation_id: str) -> None:
        if self.window.session.active_conversation == conversation_id:
            self.window.session.stop()
        if self.conversation_id == conversation_id:
            self.conversation_id = None
            self.window.chat.clear()
            self.open_latest()

    def _on_persona_chosen(self, persona_id: str, prompt: str) -> None:
        if self.conversation_id:
            self.window.store.update_conversation(
                self.conversation_id, persona=persona_id, system_prompt=prompt
            )

    def _on_model_chosen(self, model: str) -> None:
        if self.conversation_id:
            self.window.store.update_conversation(self.conversation_id, model=model)
        self.modelChanged.emit(self.current_model())

    # -- turns -----------------------------------------------------------------------
    def send(self, request: TurnRequest) -> None:
        """Sends a request in the open chat (a new chat if none is open).

        Nothing the person typed is lost: if it can't be sent, the text goes back into
        the message box and the banner says why.
        """
        self._ensure_chat()
        try:
            self.window.session.send(
                dataclasses.replace(request, conversation_id=self.conversation_id)
            )
        except HearthError as exc:
            self.window.composer.set_text(request.text)
            self.window.status_model.notify(worded(exc))

    def retry(self, answer_id: int | None = None) -> None:
        """Asks again for an answer (None: the last one; Ctrl+R), in the mode the switches
        say; the earlier answer stays as another version."""
        if self.conversation_id:
            self.window.session.retry(self.conversation_id, self.window.composer.mode(), answer_id)

    def edit_message(self, message_id: int, text: str) -> None:
        """Sends an edited question as a new version beside the original, and answers it."""
        if self.conversation_id:
            self.window.session.edit(
                self.conversation_id, message_id, text, self.window.composer.mode()
            )

    def show_version(self, message_id: int) -> None:
        """Shows another version of a message; the chat continues from the one shown."""
        if not self.conversation_id:
            return
        try:
            self.window.store.select_message(message_id)
        except HearthError as exc:
            self.window.banner.show_message(worded(exc))
            return
        self.window.chat.show_path(self.window.store.tree(self.conversation_id))

    def _on_turn_started(self, conversation_id: str, _user_id: int, _answer_id: int) -> None:
        if conversation_id != self.conversation_id:
            return
        # Show exactly what was saved: the chosen path, which now ends with the question
        # (a new version after an edit) and the empty answer.
        self.window.chat.show_path(self.window.store.tree(conversation_id))
        self.window.chat.scroll_to_bottom()

    def _on_partial(self, conversation_id: str, message_id: int, text: str) -> None:
        if conversation_id == self.conversation_id:
            self.window.chat.set_text(message_id, text)

    def _on_reasoning(self, conversation_id: str, message_id: int, text: str) -> None:
        if conversation_id == self.conversation_id:
            self.window.chat.set_reasoning(message_id, text)

    def show_status(self, status: Snapshot) -> None:
        """The note under the answer being written says what it is doing now."""
        answer = status.answer_id
        view = self.window.chat.view(answer) if answer is not None else None
        if view is None or answer is None:
            return  # not being written, or in a chat that isn't open
        if status.turn is TurnState.LOADING and status.step:
            view.set_note(status.step, "info")
        elif status.turn is TurnState.STREAMING:
            self.window.chat.set_state(answer, MessageStatus.STREAMING)

    def _on_turn_ended(
        self, conversation_id: str, message_id: int, status: MessageStatus, error: object
    ) -> None:
        window = self.window
        if conversation_id == self.conversation_id:
            message = worded(error) if isinstance(error, HearthError) else None
            window.chat.set_state(message_id, status, message)
            stored = self._stored(conversation_id, message_id)
            if stored is not None:
                window.chat.redecorate(stored)
        if isinstance(error, LLMError):
            self.turnFailed.emit(error)
        window.conversations.refresh()

    def _stored(self, conversation_id: str, message_id: int) -> StoredMessage | None:
        messages = self.window.store.messages(conversation_id)
        return next((m for m in messages if m.id == message_id), None)

    # -- writing tools, personas, links -------------------------------------------------
    def open_rewrite(self, text: str, replace: bool) -> None:
        """Opens the rewrite dialog; Replace puts the result back in the message box."""
        from app.services.writing import RewriteService
        from app.widgets.rewrite_dialog import RewriteDialog

        service = RewriteService(self.window.router)
        dialog = RewriteDialog(service, text, can_replace=replace, parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if replace:
            dialog.replaceRequested.connect(self.window.composer.set_text)
        dialog.show()

    def edit_options(self) -> None:
        """Edits the open chat's temperature and context size (a new chat if none is
        open); they apply from its next request."""
        from app.widgets.chat_options_dialog import ChatOptionsDialog

        conversation = self._ensure_chat()
        model = self.current_model()
        known = next((m for m in self.window.monitor.models if same_model(m.name, model)), None)
        dialog = ChatOptionsDialog(
            self.current_options(),
            self.window.settings,
            known.context_length if known is not None else None,
            parent=self.window,
        )
        if dialog.exec() != ChatOptionsDialog.DialogCode.Accepted:
            return
        chosen = dialog.values()
        self.window.store.set_options(
            conversation.id, temperature=chosen.temperature, num_ctx=chosen.num_ctx
        )
        self.modelChanged.emit(model)  # loaded again with the chat's window, if it changed

    def edit_personas(self) -> None:
        """Opens the persona library."""
        from app.widgets.persona_editor import PersonaEditorDialog

        dialog = PersonaEditorDialog(self.window.personas, parent=self.window)
        dialog.personasChanged.connect(self.window.persona_picker.refresh)
        dialog.exec()

    def confirm_link(self, href: str) -> bool:
        """Opens a link from a message only after the person agrees (shown in full);
        refuses kinds of link Hearth doesn't open."""
        url = QUrl(href)
        if url.scheme().lower() not in SAFE_SCHEMES:
            plain.tell(
                self.window,
                self.tr("Link not opened"),
                self.tr("Hearth doesn't open links of this kind:\n{0}").format(href),
            )
            return False
        answer = plain.ask(
            self.window,
            self.tr("Open link?"),
            self.tr("Open this address in your browser?\n\n{0}").format(url.toString()),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Open and QDesktopServices.openUrl(url)
