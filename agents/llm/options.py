"""What one chat may set for its own requests: temperature and context size."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChatOptions:
    """A chat's own sampling temperature and context window.

    Every request of the chat is sent with them (see ``OllamaService.tuned``), so the
    context window stays the same within a chat and the model is not reloaded between
    its turns. None means the setting in force (``Settings.temperature``, ``num_ctx``).

    Attributes:
        temperature: Sampling temperature, 0 to 2.
        num_ctx: Context window in tokens (kept within the model's maximum when sent).
    """

    temperature: float | None = None
    num_ctx: int | None = None

    def __bool__(self) -> bool:
        """Whether the chat sets anything of its own."""
        return self.temperature is not None or self.num_ctx is not None
