"""Test doubles of the services Hearth talks to."""

from tests.fakes.ollama_double import (
    BUSY_MESSAGE,
    DEFAULT_NUM_CTX,
    KNOWN_MODELS,
    VISION_ERROR,
    ModelSpec,
    OllamaDouble,
    PullSpec,
    RecordedRequest,
    Reply,
    default_models,
    embed_text,
    estimate_tokens,
    normalize_name,
    split_tokens,
)

__all__ = [
    "BUSY_MESSAGE",
    "DEFAULT_NUM_CTX",
    "KNOWN_MODELS",
    "VISION_ERROR",
    "ModelSpec",
    "OllamaDouble",
    "PullSpec",
    "RecordedRequest",
    "Reply",
    "default_models",
    "embed_text",
    "estimate_tokens",
    "normalize_name",
    "split_tokens",
]
