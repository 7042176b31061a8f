"""Fixtures for the documents UI and CLI tests (shared with tests/agents/documents)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.agents.documents.conftest import (
    data_root,
    docs_dir,
    index,
    no_onnx_download,
)

__all__ = ["data_root", "docs_dir", "index", "no_onnx_download"]
