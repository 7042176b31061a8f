"""What Hearth knows about a model: its name, capabilities and limits."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from agents.wording import Words, listed, plain, say


class Capability(enum.StrEnum):
    """Capabilities as Ollama's /api/show reports them."""

    COMPLETION = "completion"
    TOOLS = "tools"
    VISION = "vision"
    EMBEDDING = "embedding"
    THINKING = "thinking"


_CAPABILITY_WORDS = {
    "completion": say("chat"),
    "tools": say("tools"),
    "vision": say("vision"),
    "embedding": say("embedding"),
    "thinking": say("thinking"),
}


def canonical(name: str) -> str:
    """Returns the model name with its tag: a bare name means ``:latest``."""
    name = name.strip()
    last = name.rsplit("/", 1)[-1]
    return name if ":" in last else f"{name}:latest"


def same_model(a: str, b: str) -> bool:
    """Whether two model names refer to the same model."""
    return canonical(a) == canonical(b)


@dataclass(frozen=True)
class ModelInfo:
    """A pulled model and what it can do."""

    name: str
    capabilities: frozenset[str]
    context_length: int | None = None
    embedding_length: int | None = None
    family: str = ""
    parameter_size: str = ""
    quantization: str = ""
    size: int = 0
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def supports(self, capability: Capability | str) -> bool:
        """Whether the model has this capability."""
        return str(capability) in self.capabilities

    @property
    def display_capabilities(self) -> str:
        """Capabilities as a short human list, e.g. ``chat, tools`` (English)."""
        return str(self.capability_words)

    @property
    def capability_words(self) -> Words:
        """Capabilities as a short list for a person, e.g. ``chat, tools``."""
        order = list(_CAPABILITY_WORDS)
        caps = sorted(self.capabilities, key=lambda c: order.index(c) if c in order else 99)
        if not caps:
            return say("unknown")
        return listed([_CAPABILITY_WORDS.get(c) or plain(c) for c in caps])

    @classmethod
    def from_show(cls, name: str, show: dict[str, Any]) -> ModelInfo:
        """Builds the info from a /api/show response."""
        details = show.get("details") or {}
        info = show.get("model_info") or show.get("modelinfo") or {}
        context = embedding = None
        for key, value in info.items():
            if key.endswith(".context_length") and isinstance(value, int):
                context = value
            elif key.endswith(".embedding_length") and isinstance(value, int):
                embedding = value
        return cls(
            name=name,
            capabilities=frozenset(show.get("capabilities") or _infer_capabilities(show)),
            context_length=context,
            embedding_length=embedding,
            family=str(details.get("family") or ""),
            parameter_size=str(details.get("parameter_size") or ""),
            quantization=str(details.get("quantization_level") or ""),
        )


@dataclass(frozen=True)
class LoadedModel:
    """A model in memory now, as Ollama's /api/ps reports it.

    Attributes:
        name: The model's name with its tag.
        size: Memory it holds, in bytes.
        size_vram: The part of ``size`` on the graphics card.
        context_length: The context window it was loaded with (0 when not reported).
        expires_at: When it unloads unless used again (None when not reported).
    """

    name: str
    size: int = 0
    size_vram: int = 0
    context_length: int = 0
    expires_at: datetime | None = None


def _infer_capabilities(show: dict[str, Any]) -> list[str]:
    """Capabilities for servers older than Ollama 0.6.4, which don't report them.

    Read the way Ollama itself decides: an embedding model has a pooling type, a model
    takes tools when its template handles ``.Tools``, and it sees images when it has a
    vision encoder (``*.vision.*`` keys) or a projector.
    """
    info = show.get("model_info") or show.get("modelinfo") or {}
    if any(key.endswith(".pooling_type") for key in info):
        return ["embedding"]
    capabilities = ["completion"]
    if ".Tools" in str(show.get("template") or ""):
        capabilities.append("tools")
    if show.get("projector_info") or any(".vision." in key for key in info):
        capabilities.append("vision")
    return capabilities
