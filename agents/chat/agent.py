"""The chat agent: streams an answer from the chat history, one event per chunk."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from agents.cancel import CancelToken
from agents.events import Event, Status
from agents.llm.errors import LLMError
from agents.llm.messages import ANSWER_SHARE, ChatMessage, fit_history, to_langchain
from agents.llm.models import same_model
from agents.llm.ollama_service import OllamaService
from agents.llm.streaming import Run, run_steps, stream_reply
from agents.wording import say

if TYPE_CHECKING:
    from langchain_core.messages import BaseMessage


class ChatAgent:
    """Answers a conversation with a local model, streaming typed events.

    Args:
        service: The Ollama door.
        model: The chosen model; None means the configured chat model. A turn with
            images goes to a vision model whatever is chosen here.
        system_prompt: The conversation's instructions.
    """

    def __init__(
        self, service: OllamaService, model: str | None = None, system_prompt: str | None = None
    ) -> None:
        self.service = service
        self.model = model
        self.system_prompt = system_prompt

    def stream(
        self, history: Sequence[ChatMessage], cancel: CancelToken | None = None
    ) -> Iterator[Event]:
        """Streams the answer to the last message of ``history``.

        Yields Token events, then exactly one of Final, Stopped or Failed. Never raises
        for model or server problems: they arrive as Failed with a clear message.
        """
        run = Run(self.service, cancel or CancelToken(), self.model)
        return run_steps(lambda run: self._steps(history, run), run)

    def _steps(self, history: Sequence[ChatMessage], run: Run) -> Iterator[Event]:
        has_images = any(m.images for m in history)
        run.model = self.service.route(images=has_images, model=self.model)
        if self._needs_loading(run.model):
            yield Status(say("Loading {model}…", model=run.model))
        chat = self.service.chat_model(run.model)
        reply = yield from stream_reply(chat, self._messages(history, run.model), run.cancel)
        yield reply.ending(run.model)

    def _messages(self, history: Sequence[ChatMessage], model: str) -> list[BaseMessage]:
        from langchain_core.messages import SystemMessage

        budget = int(self.service.num_ctx(model) * (1 - ANSWER_SHARE))
        kept = fit_history(history, budget, self.system_prompt)
        messages = [to_langchain(m) for m in kept]
        if self.system_prompt:
            messages.insert(0, SystemMessage(content=self.system_prompt))
        return messages

    def _needs_loading(self, model: str) -> bool:
        try:
            return not any(same_model(model, m) for m in self.service.loaded_models())
        except LLMError:
            return False
