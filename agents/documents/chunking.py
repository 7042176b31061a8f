"""Splitting documents into passages that carry their file, page and heading."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from agents.documents.loaders import LoadedDocument
from agents.settings import Settings

# Paragraphs, lines, sentence ends (Latin and CJK), then words, then characters.
SEPARATORS = ["\n\n", "\n", "。", "！", "？", ". ", "! ", "? ", "；", "; ", "，", ", ", " ", ""]


@dataclass(frozen=True)
class Chunk:
    """One passage of a document, the unit that is embedded and cited.

    Attributes:
        chunk_id: Stable id: the file, its content hash and the position.
        path: The source file (absolute).
        position: 0-based order in the document.
        text: The passage.
        page: 1-based page for PDFs, else None.
        heading: The nearest heading, if any.
    """

    chunk_id: str
    path: str
    position: int
    text: str
    page: int | None = None
    heading: str | None = None

    def metadata(self) -> dict[str, str | int]:
        """Chroma metadata (no None values allowed there)."""
        return {
            "path": self.path,
            "position": self.position,
            "page": self.page or 0,
            "heading": self.heading or "",
        }


def path_key(path: str) -> str:
    """A short stable key for a file path."""
    return hashlib.sha1(path.encode("utf-8")).hexdigest()[:16]


def chunk_document(
    document: LoadedDocument, content_hash: str, settings: Settings | None = None
) -> list[Chunk]:
    """Splits a document's sections into overlapping passages; a passage never spans pages."""
    settings = settings or Settings()
    from langchain_text_splitters import RecursiveCharacterTextSplitter  # loads on use

    size = settings.documents_chunk_chars
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=size,
        chunk_overlap=min(settings.documents_chunk_overlap, size // 2),  # at most half
        separators=SEPARATORS,
        keep_separator="end",
        strip_whitespace=True,
    )
    path = str(document.path)
    key = f"{path_key(path)}-{content_hash[:12]}"
    chunks: list[Chunk] = []
    for section in document.sections:
        for piece in splitter.split_text(section.text):
            if not piece.strip():
                continue
            position = len(chunks)
            chunks.append(
                Chunk(
                    chunk_id=f"{key}-{position}",
                    path=path,
                    position=position,
                    text=piece,
                    page=section.page,
                    heading=section.heading,
                )
            )
    return chunks
