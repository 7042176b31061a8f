"""Fixtures for the documents tests: a data folder, the Ollama service and an index."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from agents.documents.index import DocumentIndex
from agents.llm import OllamaService
from tests.fakes import OllamaDouble


@pytest.fixture(autouse=True)
def no_onnx_download(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fails any test in which Chroma tries its default (downloaded) embedding model."""
    from chromadb.api import types
    from chromadb.utils.embedding_functions import onnx_mini_lm_l6_v2

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("Chroma tried to use/download its default ONNX model")

    monkeypatch.setattr(onnx_mini_lm_l6_v2.ONNXMiniLM_L6_V2, "__call__", refuse)
    monkeypatch.setattr(
        onnx_mini_lm_l6_v2.ONNXMiniLM_L6_V2, "_download_model_if_not_exists", refuse
    )
    monkeypatch.setattr(types.DefaultEmbeddingFunction, "__call__", refuse)


@pytest.fixture
def data_root(tmp_path: Path) -> Path:
    """A fresh data folder."""
    root = tmp_path / "data"
    root.mkdir()
    return root


@pytest.fixture
def docs_dir(tmp_path: Path) -> Path:
    """A folder for the documents a test writes."""
    folder = tmp_path / "docs"
    folder.mkdir()
    return folder


@pytest.fixture
def index(data_root: Path, service: OllamaService) -> Iterator[DocumentIndex]:
    """An in-process index (tests only: the app writes from the worker process)."""
    opened = DocumentIndex(data_root, service)
    yield opened
    opened.close()


def embed_calls(double: OllamaDouble) -> int:
    """How many embedding requests the double received."""
    return len(double.requests_to("/api/embed"))
