"""Fixtures for the documents UI and CLI tests (shared with tests/agents/documents)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from agents.documents.index_worker import IndexClient
from agents.llm import OllamaService
from agents.settings import Settings, apply_environment
from app.services.documents import DocumentsService
from tests.agents.documents.conftest import (
    data_root,
    docs_dir,
    index,
    no_onnx_download,
)
from tests.fakes import OllamaDouble

__all__ = ["data_root", "docs_dir", "documents", "index", "no_onnx_download"]


@pytest.fixture
def documents(
    qtbot: QtBot, data_root: Path, ollama_double: OllamaDouble
) -> Iterator[DocumentsService]:
    """The window's documents service over a fresh data folder (its worker closed after)."""
    settings = apply_environment(Settings())
    client = IndexClient(data_root, settings)
    service = DocumentsService(OllamaService(settings), client)
    yield service
    client.close()
