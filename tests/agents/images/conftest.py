"""Fixtures for the image tests: an Ollama door pointed at the double."""

from __future__ import annotations

import pytest

from agents.llm import OllamaService
from agents.settings import Settings
from tests.fakes import OllamaDouble


@pytest.fixture
def service(ollama_double: OllamaDouble) -> OllamaService:
    """An OllamaService talking to the double with the default model names."""
    return OllamaService(Settings(ollama_host=ollama_double.url, read_timeout=20.0))
