"""Messages as Hearth's agents see them, fitted to a context window and turned into LangChain's."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from agents.llm.tokens import estimate_tokens

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
