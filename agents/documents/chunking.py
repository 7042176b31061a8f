"""Splitting documents into passages that carry their file, page and heading."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass

from agents.documents.loaders import LoadedDocument, Section
from agents.files import path_text
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
        """Chroma metadata (no None values allowed there; the path as valid text)."""
        return {
            "path": path_text(self.path),
            "position": self.position,
            "page": self.page or 0,
            "heading": self.heading or "",
        }


def path_key(path: str) -> str:
    """A short stable key for a file path (its file-system bytes: any name works)."""
    return hashlib.sha1(os.fsencode(path)).hexdigest()[:16]


def chunk_document(
    document: LoadedDocument, content_hash: str, settings: Settings | None = None
) -> list[Chunk]:
    """Splits a document's sections into overlapping passages; a passage never spans pages.

    Two things a hostile (or odd) file does can't blow the number of passages or the time
    up: runs of tiny sections (100,000 headings in a row) are packed together, and text
    without any break (a base64 blob, one 8 MB line) is cut at the passage length first,
    instead of character by character. A passage repeated word for word on one page is
    kept once: thousands of identical vectors crowd out every other file's in the
    nearest-neighbour search.
    """
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
    seen: set[tuple[int | None, str]] = set()
    for section in _packed(document.sections, size):
        for piece in splitter.split_text(_broken(section.text, size)):
            if not piece.strip() or (section.page, piece) in seen:
                continue  # a repeated passage adds nothing, and floods the vector search
            seen.add((section.page, piece))
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


def _packed(sections: list[Section], size: int) -> list[Section]:
    """Joins a short section (under a quarter passage) to the one before it on the same
    page while they fit in one passage; the first one's heading labels them."""
    packed: list[Section] = []
    for section in sections:
        last = packed[-1] if packed else None
        if (
            last is not None
            and last.page == section.page
            and len(section.text) < size // 4
            and len(last.text) + len(section.text) + 2 <= size
        ):
            packed[-1] = Section(f"{last.text}\n\n{section.text}", last.page, last.heading)
        else:
            packed.append(section)
    return packed


def _broken(text: str, size: int) -> str:
    """Text with a line break after every half passage of characters that hold no
    separator (no space, no sentence or clause end): the splitter would go letter by letter
    through any piece longer than a passage (the break itself counts too)."""
    half = max(1, size // 2)
    return re.sub(rf"[^\s。！？；，.!?;,]{{{half}}}", "\\g<0>\n", text)
