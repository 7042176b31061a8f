"""Shared pytest fixtures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from agents.llm import OllamaService
from agents.settings import Settings
from tests.fakes import OllamaDouble


@pytest.fixture
def ollama_double(monkeypatch: pytest.MonkeyPatch) -> Iterator[OllamaDouble]:
    """Start an Ollama double with the default models and point OLLAMA_HOST at it."""
    double = OllamaDouble().start()
    monkeypatch.setenv("OLLAMA_HOST", double.url)
    try:
        yield double
    finally:
        double.stop()


@pytest.fixture
def service(ollama_double: OllamaDouble) -> OllamaService:
    """An Ollama service pointed at the double, with the default model names."""
    return OllamaService(Settings(ollama_host=ollama_double.url, read_timeout=20.0))
