"""Talking to Ollama: discovery, routing, pulling, chat models, and clear errors."""

from agents.llm.errors import ErrorKind, LLMError, translate_error
from agents.llm.models import Capability, ModelInfo
from agents.llm.ollama_service import OllamaService, PullProgress, normalize_host

__all__ = [
    "Capability",
    "ErrorKind",
    "LLMError",
    "ModelInfo",
    "OllamaService",
    "PullProgress",
    "normalize_host",
    "translate_error",
]
