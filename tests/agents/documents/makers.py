"""Builders for document fixtures: real PDF, DOCX, Markdown, text and HTML files."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Sequence
from pathlib import Path


def make_pdf(path: Path, pages: Sequence[str], password: str | None = None) -> Path:
    """A PDF with one page per text (Helvetica, Latin-1 text); optionally encrypted."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    if password:
        pdf.set_encryption(owner_password="owner-" + password, user_password=password)
    pdf.output(str(path))
    return path


def make_scanned_pdf(path: Path, pages: int = 2) -> Path:
    """A PDF whose pages hold only a drawn image, no text layer (like a scan)."""
    from fpdf import FPDF
    from PIL import Image

    pdf = FPDF()
    image = Image.new("RGB", (200, 100), "white")
    for _ in range(pages):
        pdf.add_page()
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        buffer.seek(0)
        pdf.image(buffer, x=10, y=10, w=100)
    pdf.output(str(path))
    return path


def make_docx(
    path: Path, sections: Sequence[tuple[str, Sequence[str]]], table: bool = True
) -> Path:
    """A Word file with a Heading 1 and paragraphs per section, plus an optional table."""
    import docx

    document = docx.Document()
    for heading, paragraphs in sections:
        document.add_heading(heading, level=1)
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=2, cols=2)
        grid.cell(0, 0).text = "Quarter"
        grid.cell(0, 1).text = "Revenue"
        grid.cell(1, 0).text = "Q3"
        grid.cell(1, 1).text = "912 thousand kroner"
    document.save(str(path))
    return path


def make_zip_bomb_docx(path: Path, unpacked_mb: int = 40) -> Path:
    """A .docx whose document.xml unpacks to ``unpacked_mb`` MB of zeros (tiny on disk)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w") as handle:
            block = b"0" * (1 << 20)
            for _ in range(unpacked_mb):
                handle.write(block)
    return path


def make_sparse(path: Path, size: int) -> Path:
    """A sparse file of ``size`` bytes (takes no disk space)."""
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def random_bytes(path: Path, size: int = 4096) -> Path:
    """A file of random bytes."""
    path.write_bytes(os.urandom(size))
    return path


FILLER = (
    "The committee reviewed the quarterly report and discussed the budget for the project. "
    "Members agreed that the schedule should be checked again before the next meeting. "
    "The team will share an update on the project status with the board next month. "
    "Several questions about the budget and the schedule remain open for discussion. "
)
PROJECTS = [
    "Harbour", "Orchard", "Beacon", "Granite", "Willow", "Falcon", "Meadow", "Copper",
    "Lantern", "Summit", "Riverside", "Juniper", "Compass", "Marble", "Thistle", "Anchor",
    "Saffron", "Glacier", "Bramble", "Pioneer",
]  # fmt: skip
ITEMS = ["contract number", "site manager", "opening date", "supplier", "approved budget"]
VALUES = {
    "contract number": "HX-{n}{n}7",
    "site manager": "{name}",
    "opening date": "{day} March",
    "supplier": "{name} Timber",
    "approved budget": "{n}4{n},000 euros",
}
NAMES = ["Okafor", "Lindqvist", "Moreau", "Takahashi", "Petrov", "Alvarez", "Nakamura", "Kowalski"]


def build_labelled_corpus(folder: Path) -> list[tuple[str, str, str]]:
    """Writes project reports and returns (question, file name, answer) triples.

    Every report repeats the same generic committee language, so the distinctive words
    of a question (project name, item) are what finds the right passage.
    """
    questions: list[tuple[str, str, str]] = []
    for p, project in enumerate(PROJECTS):
        paragraphs = []
        for i, item in enumerate(ITEMS):
            value = VALUES[item].format(
                n=p % 9 + 1, name=NAMES[(p + i) % len(NAMES)], day=(p * 3 + i) % 27 + 1
            )
            filler = FILLER * (1 + (p + i) % 3)
            paragraphs.append(f"{filler}For {project}, the {item} is {value}. {FILLER}")
            if p % 2 == 0:
                question = f"What is the {item} of the {project} project?"
            else:
                question = f"In the {project} report, what does the committee say about the {item}?"
            questions.append((question, f"{project.lower()}.md", value))
        body = "\n\n".join(paragraphs)
        (folder / f"{project.lower()}.md").write_text(
            f"# Project {project}\n\n{body}\n", encoding="utf-8"
        )
    return questions
