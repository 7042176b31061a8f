"""Settings of the documents feature, read from the shared Settings with safe defaults."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

# Context sizes a summary may use. A small fixed set: changing num_ctx reloads the model.
SUMMARY_CONTEXT_SIZES: tuple[int, ...] = (8192, 16384, 32768)


@dataclass(frozen=True)
class DocumentsConfig:
    """How documents are read, indexed, retrieved and summarised.

    Each field can be set in ``settings.json`` as ``documents_<name>``; the lead's
    Settings schema declares them (until then the defaults below apply).
    """

    chroma_server: str = ""  # "" = embedded PersistentClient; else "http://host:8000"
    max_file_bytes: int = 200 * 1024 * 1024
    max_pages: int = 5000
    max_chars: int = 20_000_000  # memory cap on extracted text
    max_unpacked_bytes: int = 300 * 1024 * 1024  # DOCX: total size once unzipped
    parse_seconds: float = 120.0
    chunk_chars: int = 1200
    chunk_overlap: int = 150
    embed_batch: int = 32
    retrieval: str = "hybrid"  # "vector", "mmr" or "hybrid" (chosen by measurement)
    top_k: int = 5
    min_similarity: float = 0.5  # cosine; below it only shared keywords keep a passage
    summary_max_ctx: int = 32768  # memory cap for a summary's context window

    @classmethod
    def from_settings(cls, settings: Any) -> DocumentsConfig:
        """Reads ``documents_*`` attributes from Settings, keeping defaults when absent."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            value = getattr(settings, f"documents_{f.name}", None)
            default = getattr(cls, f.name)
            if value is not None and isinstance(value, type(default)):
                values[f.name] = value
        return cls(**values)
