"""Each format is read with its structure; each bad file gets its own clear error."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from agents.documents.chunking import chunk_document
from agents.documents.errors import DocumentError, DocumentKind
from agents.documents.loaders import load_document
from agents.settings import Settings
from tests.agents.documents.makers import (
    make_docx,
    make_pdf,
    make_scanned_pdf,
    make_sparse,
    make_zip_bomb_docx,
    random_bytes,
)


def test_pdf_keeps_page_numbers(docs_dir: Path) -> None:
    path = make_pdf(docs_dir / "report.pdf", ["Alpha page text.", "", "Gamma on page three."])
    document = load_document(path)
    assert document.kind == "pdf"
    assert document.pages == 3
    assert [(s.page, s.text) for s in document.sections] == [
        (1, "Alpha page text."),
        (3, "Gamma on page three."),
    ]


def test_docx_reads_headings_paragraphs_and_tables(docs_dir: Path) -> None:
    path = make_docx(
        docs_dir / "plan.docx",
        [("Goals", ["Open the harbour cafe."]), ("Budget", ["Twelve thousand euros."])],
    )
    document = load_document(path)
    headings = [s.heading for s in document.sections]
    assert headings == ["Goals", "Budget"]
    assert "Twelve thousand euros." in document.sections[1].text
    assert "Q3 | 912 thousand kroner" in document.sections[1].text


def test_markdown_sections_carry_heading_trail(docs_dir: Path) -> None:
    path = docs_dir / "notes.md"
    path.write_text("# Trip\nIntro line.\n\n## Packing\nBring boots.\n", encoding="utf-8")
    document = load_document(path)
    assert [(s.heading, s.text.splitlines()[-1]) for s in document.sections] == [
        ("Trip", "Intro line."),
        ("Trip › Packing", "Bring boots."),
    ]


def test_html_drops_scripts_and_styles_and_keeps_headings(docs_dir: Path) -> None:
    path = docs_dir / "page.html"
    path.write_text(
        "<html><head><title>T</title><style>p{color:red}</style></head><body>"
        "<script>var secret = 'do not index';</script><h2>Hours</h2>"
        "<p>Open&nbsp;9&ndash;5 on weekdays.</p><table><tr><td>Sat</td><td>closed</td></tr>"
        "</table></body></html>",
        encoding="utf-8",
    )
    document = load_document(path)
    text = document.text
    assert "do not index" not in text and "color" not in text
    assert document.sections[0].heading == "Hours"
    assert "Open 9–5 on weekdays." in text
    assert "Sat | closed" in text


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8", "Crème brûlée costs 7 €."),
        ("utf-16", "Crème brûlée costs 7 €."),
        ("cp1252", "Crème brûlée costs 7 € and the café opens at nine every morning."),
        ("gb18030", "会议决定下周一发布新版本，负责人是王芳。预算为五万元。" * 3),
    ],
)
def test_text_encodings_are_detected(docs_dir: Path, encoding: str, text: str) -> None:
    path = docs_dir / f"note-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    assert load_document(path).text == text


def test_chinese_text_is_chunked_at_sentence_ends(docs_dir: Path) -> None:
    path = docs_dir / "zh.txt"
    path.write_text("".join(f"会议决定第{n}周发布新版本。" for n in range(200)), encoding="utf-8")
    chunks = chunk_document(load_document(path), "0" * 64, Settings(documents_chunk_chars=300))
    assert len(chunks) > 5
    assert all(len(c.text) <= 300 for c in chunks)
    assert all(c.text.endswith("。") for c in chunks)


def test_chunks_never_span_pages(docs_dir: Path) -> None:
    words = " ".join(f"word{i}" for i in range(400))
    path = make_pdf(docs_dir / "long.pdf", [words, words])
    chunks = chunk_document(load_document(path), "a" * 64, Settings(documents_chunk_chars=500))
    assert {c.page for c in chunks} == {1, 2}
    assert [c.position for c in chunks] == list(range(len(chunks)))
    assert len({c.chunk_id for c in chunks}) == len(chunks)


# -- bad files --------------------------------------------------------------------------
def _error(path: Path, settings: Settings | None = None) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        load_document(path, settings)
    assert caught.value.message.startswith(path.name + ": ")
    return caught.value


def test_encrypted_pdf(docs_dir: Path) -> None:
    error = _error(make_pdf(docs_dir / "locked.pdf", ["secret"], password="pw"))
    assert error.kind is DocumentKind.ENCRYPTED
    assert "password" in error.message


def test_scanned_pdf_without_text(docs_dir: Path) -> None:
    error = _error(make_scanned_pdf(docs_dir / "scan.pdf"))
    assert error.kind is DocumentKind.NO_TEXT_LAYER
    assert "OCR" in error.message


def test_corrupt_pdf(docs_dir: Path) -> None:
    good = make_pdf(docs_dir / "good.pdf", ["text " * 50] * 3).read_bytes()
    broken = docs_dir / "broken.pdf"
    broken.write_bytes(good[:200] + b"\x00garbage" * 50)
    assert _error(broken).kind in {DocumentKind.CORRUPT, DocumentKind.NO_TEXT_LAYER}
    not_pdf = docs_dir / "fake.pdf"
    not_pdf.write_text("just words", encoding="utf-8")
    assert _error(not_pdf).kind is DocumentKind.CORRUPT


def test_zip_bomb_docx(docs_dir: Path) -> None:
    error = _error(make_zip_bomb_docx(docs_dir / "bomb.docx"))
    assert error.kind is DocumentKind.TOO_LARGE
    assert "compression bomb" in error.message


def test_docx_that_is_not_a_zip(docs_dir: Path) -> None:
    assert _error(random_bytes(docs_dir / "fake.docx")).kind is DocumentKind.CORRUPT


def test_binary_file_named_txt(docs_dir: Path) -> None:
    assert _error(random_bytes(docs_dir / "photo.txt")).kind is DocumentKind.BINARY
    png = docs_dir / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    assert _error(png).kind is DocumentKind.BINARY


def test_empty_file(docs_dir: Path) -> None:
    empty = docs_dir / "empty.md"
    empty.touch()
    assert _error(empty).kind is DocumentKind.EMPTY
    blank = docs_dir / "blank.txt"
    blank.write_text("  \n\n ", encoding="utf-8")
    assert _error(blank).kind is DocumentKind.EMPTY


def test_one_gigabyte_file_is_refused_without_reading(docs_dir: Path) -> None:
    error = _error(make_sparse(docs_dir / "huge.txt", 1 << 30))
    assert error.kind is DocumentKind.TOO_LARGE
    assert "1,024 MB" in error.message


def test_page_and_text_caps(docs_dir: Path) -> None:
    pdf = make_pdf(docs_dir / "many.pdf", ["page"] * 5)
    assert _error(pdf, Settings(documents_max_pages=3)).kind is DocumentKind.TOO_LARGE
    text = docs_dir / "long.txt"
    text.write_text("x" * 5000, encoding="utf-8")
    assert _error(text, Settings(documents_max_chars=1000)).kind is DocumentKind.TOO_LARGE


def test_time_cap(docs_dir: Path) -> None:
    pdf = make_pdf(docs_dir / "slow.pdf", ["page"] * 3)
    assert _error(pdf, Settings(documents_parse_seconds=-1)).kind is DocumentKind.TOO_SLOW


def test_unsupported_and_missing(docs_dir: Path) -> None:
    exe = docs_dir / "tool.exe"
    exe.write_bytes(b"MZ")
    assert _error(exe).kind is DocumentKind.UNSUPPORTED_FORMAT
    gone = _error(docs_dir / "gone.txt")
    assert "doesn't exist" in gone.message and gone.kind is DocumentKind.UNREADABLE
    assert gone.exit_code == 20 and gone.path == str(docs_dir / "gone.txt")


def test_tiny_sections_repeats_and_unbroken_text_stay_few_passages(docs_dir: Path) -> None:
    headings = docs_dir / "headings.md"
    headings.write_text("".join(f"## Step {n}\ndone\n" for n in range(5000)), encoding="utf-8")
    assert len(chunk_document(load_document(headings), "0" * 64)) < 200  # not 5,000
    blob = docs_dir / "blob.txt"
    blob.write_text("QUJD" * 500_000, encoding="utf-8")  # 2 MB of base64, no break at all
    started = time.monotonic()
    chunks = chunk_document(load_document(blob), "0" * 64)
    assert time.monotonic() - started < 5
    assert len(chunks) <= 3  # cut at the passage length, repeats kept once
