"""The chat agent: streams an answer from the chat history, one event per chunk.

A plain chat turn needs one streamed request and nothing of LangChain: it goes through
:class:`agents.llm.plain_chat.PlainChat`, so the first answer after a start doesn't wait
for LangChain to load (the tool agent, documents and writing use LangChain).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from agents.cancel import CancelToken
from agents.events import Event, Status
from agents.llm.messages import ANSWER_SHARE, ChatMessage, fit_history
from agents.llm.ollama_service import OllamaService
from agents.llm.streaming import Run, run_steps, stream_reply
from agents.wording import say


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
        if self.service.needs_loading(run.model):
            yield Status(say("Loading {model}…", model=run.model))
        chat = self.service.plain_chat(run.model)
        reply = yield from stream_reply(chat, self._messages(history, run.model), run.cancel)
        if reply.complete:
            self.service.mark_loaded(run.model)
        yield reply.ending(run.model)

    def _messages(self, history: Sequence[ChatMessage], model: str) -> list[ChatMessage]:
        budget = int(self.service.num_ctx(model) * (1 - ANSWER_SHARE))
        kept = fit_history(history, budget, self.system_prompt)
        if self.system_prompt:
            kept.insert(0, ChatMessage("system", self.system_prompt))
        return kept
