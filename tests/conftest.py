"""Shared pytest fixtures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

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
