"""Fixtures for the writing tools, personas, guard and transfer tests."""

from __future__ import annotations

import pytest

from agents.llm import OllamaService
from agents.settings import Settings
from tests.fakes import OllamaDouble


@pytest.fixture
def service(ollama_double: OllamaDouble) -> OllamaService:
    """An Ollama service pointed at the double."""
    return OllamaService(Settings(ollama_host=ollama_double.url))
