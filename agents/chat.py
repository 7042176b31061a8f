"""The chat agent: streams an answer from the chat history, one event per chunk."""

from __future__ import annotations

import base64
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from agents.cancel import CancelToken
from agents.events import Event, Failed, Status, Stopped
from agents.llm.errors import LLMError
from agents.llm.models import same_model
from agents.llm.ollama_service import OllamaService
from agents.llm.streaming import stream_reply
from agents.tokens import estimate_tokens

if TYPE_CHECKING:
    from langchain_core.messages import BaseMessage

Role = Literal["system", "user", "assistant"]

# Tokens left free for the answer when fitting history into the context window.
ANSWER_SHARE = 0.25
# What one image costs in the context: Llama 3.2 vision encodes up to four 560-px tiles.
IMAGE_TOKENS = 1600


@dataclass(frozen=True)
class ChatMessage:
    """One message of a conversation, as the agent sees it.

    Attributes:
        role: Who wrote it.
        content: Its text.
        images: Prepared image files (PNG or JPEG bytes) that go with it.
    """

    role: Role
    content: str
    images: tuple[bytes, ...] = ()


def fit_history(
    history: Sequence[ChatMessage], budget: int, system_prompt: str | None = None
) -> list[ChatMessage]:
    """Keeps the newest messages that fit the budget; the last message always stays.

    Ollama would silently cut the oldest tokens instead; doing it here keeps whole
    messages and the system prompt.
    """
    used = estimate_tokens(system_prompt or "")
    kept: list[ChatMessage] = []
    for message in reversed(history):
        # A message costs its text, its role header (~4 tokens) and each image.
        cost = estimate_tokens(message.content) + 4 + IMAGE_TOKENS * len(message.images)
        if kept and used + cost > budget:
            break
        kept.append(message)
        used += cost
    kept.reverse()
    # A conversation must not start with an assistant turn after trimming.
    while len(kept) > 1 and kept[0].role == "assistant":
        kept.pop(0)
    return kept


def to_langchain(message: ChatMessage) -> BaseMessage:
    """Converts a message to LangChain's types; images become data-URL blocks."""
    from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

    if message.role == "system":
        return SystemMessage(content=message.content)
    if message.role == "assistant":
        return AIMessage(content=message.content)
    if not message.images:
        return HumanMessage(content=message.content)
    blocks: list[str | dict[str, Any]] = [{"type": "text", "text": message.content}]
    for image in message.images:
        data = base64.b64encode(image).decode("ascii")
        mime = "image/png" if image.startswith(b"\x89PNG") else "image/jpeg"
        blocks.append({"type": "image_url", "image_url": {"url": f"data:{mime};base64,{data}"}})
    return HumanMessage(content=blocks)


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
        cancel = cancel or CancelToken()
        parts: list[str] = []
        model = self.model or self.service.settings.chat_model
        try:
            has_images = any(m.images for m in history)
            model = self.service.route(images=has_images, model=self.model)
            if self._needs_loading(model):
                yield Status(f"Loading {model}…")
            chat = self.service.chat_model(model)
            messages = self._messages(history, model)
            reply = yield from stream_reply(chat, messages, cancel, parts)
            yield reply.ending(model)
        except LLMError as exc:
            yield Failed(exc, "".join(parts))
        except Exception as exc:
            if cancel.cancelled:
                yield Stopped("".join(parts))
            else:
                yield Failed(self.service.error(exc, model), "".join(parts))

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
