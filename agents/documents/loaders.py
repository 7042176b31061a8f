"""Reading PDF, DOCX, Markdown, text and HTML into sections of text, within hard caps.

PDF uses pypdf: pure Python (no native crash can take the process down), it reads page
by page so the page cap and the time cap are checked between pages, and it bounds every
decompressed stream itself (75 MB per stream), which stops compression bombs.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import os
import re
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO

from agents.cancel import Cancelled, CancelToken
from agents.documents.errors import DocumentError, DocumentKind
from agents.files import FileRefused, open_regular, read_capped
from agents.printable import shown
from agents.settings import Settings
from agents.wording import Words, say

log = logging.getLogger(__name__)
# pypdf logs a warning per oddity of a damaged file; the person gets one clear message.
logging.getLogger("pypdf").setLevel(logging.ERROR)

PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ".log", ".csv", ".rst"}
SUPPORTED_SUFFIXES = (
    PDF_SUFFIXES | DOCX_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | TEXT_SUFFIXES
)


@dataclass(frozen=True)
class Section:
    """A run of text with where it came from.

    Attributes:
        text: The text.
        page: The 1-based page for PDFs; None for formats without pages.
        heading: The nearest heading above the text, if any.
    """

    text: str
    page: int | None = None
    heading: str | None = None


@dataclass
class LoadedDocument:
    """A document's text, in reading order."""

    path: Path
    kind: str
    sections: list[Section] = field(default_factory=list)
    pages: int = 0

    @property
    def name(self) -> str:
        """The file's name as text fit to show, store or send (see agents.files.shown)."""
        return shown(self.path.name)

    @property
    def text(self) -> str:
        """All the text, sections separated by blank lines."""
        return "\n\n".join(s.text for s in self.sections)


def is_supported(path: Path) -> bool:
    """Whether Hearth reads files with this name."""
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def content_sha256(handle: BinaryIO, cancel: CancelToken | None = None) -> str:
    """The content hash of an opened file, read in blocks from the start; the handle is
    left at the start again. Stops (raises Cancelled) when ``cancel`` is set."""
    digest = hashlib.sha256()
    handle.seek(0)
    while block := handle.read(1 << 20):
        digest.update(block)
        if cancel is not None:
            cancel.check()
    handle.seek(0)
    return digest.hexdigest()


class _Budget:
    """The time and memory caps for reading one file, and the person's Stop."""

    def __init__(self, path: Path, settings: Settings, cancel: CancelToken | None) -> None:
        self.path = path
        self.settings = settings
        self.cancel = cancel
        self.deadline = time.monotonic() + settings.documents_parse_seconds
        self.chars = 0

    def check_time(self) -> None:
        if self.cancel is not None:
            self.cancel.check()
        if time.monotonic() > self.deadline:
            seconds = self.settings.documents_parse_seconds
            raise DocumentError(
                DocumentKind.TOO_SLOW,
                self.path,
                say(
                    "reading took longer than {seconds:.0f} s, so it was stopped. Split the file "
                    "or convert it to plain text, then add it again.",
                    seconds=seconds,
                ),
            )

    def add_text(self, text: str) -> None:
        self.chars += len(text)
        limit = self.settings.documents_max_chars
        if self.chars > limit:
            raise DocumentError(
                DocumentKind.TOO_LARGE,
                self.path,
                say(
                    "it holds more than {limit:,} characters of text, over Hearth's memory cap. "
                    "Split it into smaller files.",
                    limit=limit,
                ),
            )
        self.check_time()


def check_supported(path: Path) -> None:
    """Refuses a file whose name is not one of the supported kinds.

    Raises:
        UnsupportedFormat: naming the kinds Hearth reads.
    """
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(
            DocumentKind.UNSUPPORTED_FORMAT,
            path,
            say(
                "Hearth doesn't read '{suffix}' files. Supported: PDF, Word (.docx), "
                "Markdown, text and HTML.",
                suffix=shown(suffix) or say("extensionless"),
            ),
        )


def open_document(path: Path, within: Path | None = None) -> BinaryIO:
    """Opens a document for reading: a regular file only, checked before it is opened.

    Args:
        path: The file.
        within: The chosen folder it must stay inside of (symlinks), or None.

    Raises:
        DocumentError: it is a FIFO, device, socket or folder, a link out of the folder or
            a link loop, or it doesn't exist or can't be opened; the message says which.
    """
    try:
        return open_regular(path, within=within)
    except FileRefused as exc:
        raise DocumentError(
            DocumentKind.UNREADABLE, path, say("{reason}.", reason=exc.reason)
        ) from exc
    except FileNotFoundError as exc:
        raise DocumentError(
            DocumentKind.UNREADABLE, path, say("the file doesn't exist (was it moved or deleted?).")
        ) from exc
    except PermissionError as exc:
        raise DocumentError(
            DocumentKind.UNREADABLE,
            path,
            say("Hearth isn't allowed to read it (permission denied)."),
        ) from exc
    except OSError as exc:
        raise DocumentError(
            DocumentKind.UNREADABLE,
            path,
            say("it can't be opened ({problem}).", problem=exc.strerror or exc),
        ) from exc


def load_document(
    path: Path, settings: Settings | None = None, cancel: CancelToken | None = None
) -> LoadedDocument:
    """Reads a supported file into sections (see :func:`read_document`).

    Raises:
        DocumentError: a subclass that says what is wrong with the file and what to do.
        Cancelled: ``cancel`` was set while reading.
    """
    path = Path(path)
    check_supported(path)
    with open_document(path) as handle:
        return read_document(handle, path, settings, cancel)


def read_document(
    handle: BinaryIO,
    path: Path,
    settings: Settings | None = None,
    cancel: CancelToken | None = None,
) -> LoadedDocument:
    """Reads an opened document into sections, within the size, page, text and time caps.

    Args:
        handle: The file, opened with :func:`open_document`.
        path: Its path: the name says the format, and messages name it.
        settings: The caps (``documents_*``).
        cancel: Stops the reading between pages or blocks.

    Raises:
        DocumentError: a subclass that says what is wrong with the file and what to do.
        Cancelled: ``cancel`` was set while reading.
    """
    settings = settings or Settings()
    check_supported(path)
    size = os.fstat(handle.fileno()).st_size
    if size == 0:
        raise DocumentError(
            DocumentKind.EMPTY, path, say("the file is empty (0 bytes); there is nothing to read.")
        )
    limit = settings.documents_max_file_bytes
    if size > limit:
        raise DocumentError(
            DocumentKind.TOO_LARGE,
            path,
            say(
                "the file is {size:,.0f} MB, over the {limit:,.0f} MB limit. Split it into "
                "smaller files.",
                size=size / 2**20,
                limit=limit / 2**20,
            ),
        )
    budget = _Budget(path, settings, cancel)
    kind = _kind(path.suffix.lower())
    handle.seek(0)
    try:
        document = _LOADERS[kind](handle, budget)
    except (DocumentError, Cancelled):
        raise
    except MemoryError as exc:
        raise DocumentError(
            DocumentKind.TOO_LARGE, path, say("it needs more memory than Hearth allows to read.")
        ) from exc
    except RecursionError as exc:
        raise DocumentError(
            DocumentKind.CORRUPT,
            path,
            say("its structure is nested too deeply to read safely (damaged or hostile)."),
        ) from exc
    except Exception as exc:
        log.info("could not parse %s: %s", shown(path), exc)
        raise DocumentError(
            DocumentKind.CORRUPT,
            path,
            say(
                "the file looks damaged or isn't a real {kind} file ({error_type}). Open it "
                "in its usual program and save it again.",
                kind=kind.upper(),
                error_type=type(exc).__name__,
            ),
        ) from exc
    document.sections = [s for s in document.sections if s.text.strip()]
    if not document.sections:
        raise DocumentError(DocumentKind.EMPTY, path, say("it contains no text to read."))
    return document


def _kind(suffix: str) -> str:
    if suffix in PDF_SUFFIXES:
        return "pdf"
    if suffix in DOCX_SUFFIXES:
        return "docx"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "text"


# -- PDF ------------------------------------------------------------------------------
def _load_pdf(handle: BinaryIO, budget: _Budget) -> LoadedDocument:
    import pypdf
    from pypdf.errors import FileNotDecryptedError, LimitReachedError, PdfReadError

    path = budget.path
    if not handle.read(1024).lstrip().startswith(b"%PDF"):
        raise DocumentError(
            DocumentKind.CORRUPT, path, say("it isn't a PDF (no PDF header). Check the file type.")
        )
    handle.seek(0)
    try:
        reader = pypdf.PdfReader(handle, strict=False)
        if reader.is_encrypted:
            try:
                opened = bool(reader.decrypt(""))  # owner-password-only PDFs open with ""
            except (NotImplementedError, PdfReadError, FileNotDecryptedError):
                opened = False
            if not opened:
                raise DocumentError(
                    DocumentKind.ENCRYPTED,
                    path,
                    say(
                        "the PDF is protected by a password. Open it, save an unprotected copy "
                        "(e.g. Print to PDF), and add that copy."
                    ),
                )
        count = len(reader.pages)
    except FileNotDecryptedError as exc:
        raise DocumentError(
            DocumentKind.ENCRYPTED, path, say("the PDF is protected by a password.")
        ) from exc
    if count > budget.settings.documents_max_pages:
        raise DocumentError(
            DocumentKind.TOO_LARGE,
            path,
            say(
                "it has {count:,} pages, over the {limit:,}-page limit. Split "
                "it into smaller PDFs.",
                count=count,
                limit=budget.settings.documents_max_pages,
            ),
        )
    document = LoadedDocument(path, "pdf", pages=count)
    for number, page in enumerate(reader.pages, start=1):
        budget.check_time()
        try:
            text = _clean(page.extract_text() or "")
        except LimitReachedError as exc:
            raise DocumentError(
                DocumentKind.TOO_LARGE,
                path,
                say(
                    "page {number} unpacks to more than Hearth allows (a compression bomb or an "
                    "oversized page); refused.",
                    number=number,
                ),
            ) from exc
        budget.add_text(text)
        if text.strip():
            document.sections.append(Section(text, page=number))
    if not document.sections and count:
        raise DocumentError(DocumentKind.NO_TEXT_LAYER, path, no_text_layer(count))
    return document


def no_text_layer(count: int) -> Words:
    """Why a scanned PDF of ``count`` pages can't be read, and what to do."""
    return say(
        "its {count} page(s) have no text layer (a scan or images). Run OCR on it "
        "(e.g. `ocrmypdf`) and add the result.",
        count=count,
    )


def _clean(text: str) -> str:
    text = text.replace("\x00", "")
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


# -- DOCX -----------------------------------------------------------------------------
def _check_zip(handle: BinaryIO, budget: _Budget) -> None:
    path = budget.path
    if not zipfile.is_zipfile(handle):
        raise DocumentError(
            DocumentKind.CORRUPT, path, say("it isn't a real Word file (not a .docx archive).")
        )
    handle.seek(0)
    with zipfile.ZipFile(handle) as archive:
        infos = archive.infolist()
        if len(infos) > 10_000:
            raise DocumentError(
                DocumentKind.TOO_LARGE,
                path,
                say("the archive holds {count:,} parts; refused as unsafe.", count=len(infos)),
            )
        unpacked = sum(info.file_size for info in infos)
        packed = max(1, sum(info.compress_size for info in infos))
        if unpacked > budget.settings.documents_max_unpacked_bytes or unpacked / packed > 200:
            raise DocumentError(
                DocumentKind.TOO_LARGE,
                path,
                say(
                    "it would unpack to {unpacked:,.0f} MB (from {packed:,.1f} MB): a "
                    "compression bomb or an oversized file; refused.",
                    unpacked=unpacked / 2**20,
                    packed=packed / 2**20,
                ),
            )
        if "word/document.xml" not in archive.namelist():
            raise DocumentError(
                DocumentKind.CORRUPT, path, say("it isn't a Word document (no word/document.xml).")
            )


def _load_docx(handle: BinaryIO, budget: _Budget) -> LoadedDocument:
    _check_zip(handle, budget)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    handle.seek(0)
    word = docx.Document(handle)
    document = LoadedDocument(budget.path, "docx")
    heading: str | None = None
    lines: list[str] = []

    def flush() -> None:
        if lines:
            document.sections.append(Section("\n".join(lines), heading=heading))
            lines.clear()

    for block in word.iter_inner_content():
        budget.check_time()
        if isinstance(block, Paragraph):
            text = block.text.strip()
            style = (block.style.name if block.style is not None else "") or ""
            if text and (style.startswith("Heading") or style == "Title"):
                flush()
                heading = text
            if text:
                lines.append(text)
                budget.add_text(text)
        elif isinstance(block, Table):
            for row in block.rows:
                cells = [c.text.strip() for c in row.cells]
                row_text = " | ".join(dict.fromkeys(c for c in cells if c))
                if row_text:
                    lines.append(row_text)
                    budget.add_text(row_text)
    flush()
    return document


# -- text -----------------------------------------------------------------------------
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(path: Path, data: bytes) -> str:
    """Decodes text bytes: BOM, then UTF-8, then detection (charset-normalizer).

    Raises:
        DocumentError (kind BINARY): the bytes are not text in any encoding.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" not in data[:65536]:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    elif data.count(b"\x00") < len(data) // 5:  # stray NULs in UTF-8 text (a crashed logger)
        try:
            return data.replace(b"\x00", b"").decode("utf-8")
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    results = from_bytes(data[: 4 * 2**20])
    best = results.best()
    if best is not None:
        # Ties between legacy code pages are common on short texts: prefer Windows-1252,
        # the most used one, when it reads the bytes equally well.
        for match in results:
            tied = (match.chaos, match.coherence) == (best.chaos, best.coherence)
            if tied and "cp1252" in match.could_be_from_charset:
                best = match
                break
    if best is None or best.encoding is None:
        raise DocumentError(
            DocumentKind.BINARY,
            path,
            say(
                "it isn't text (binary data under a text file name). Open it in the program "
                "that made it and export it as text or PDF."
            ),
        )
    text = data.decode(best.encoding, errors="replace")
    control = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if control > len(text[:65536]) * 0.05:
        raise DocumentError(
            DocumentKind.BINARY,
            path,
            say("it isn't text (too many control characters for a text file)."),
        )
    return text


def _read_text(handle: BinaryIO, budget: _Budget) -> str:
    data = read_capped(handle, budget.settings.documents_max_file_bytes, budget.path)
    text = decode_text(budget.path, data)
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    budget.add_text(text)
    return text


def _load_text(handle: BinaryIO, budget: _Budget) -> LoadedDocument:
    return LoadedDocument(budget.path, "text", [Section(_read_text(handle, budget).strip())])


# -- Markdown -------------------------------------------------------------------------
def _load_markdown(handle: BinaryIO, budget: _Budget) -> LoadedDocument:
    from langchain_text_splitters import MarkdownHeaderTextSplitter

    text = _read_text(handle, budget)
    splitter = MarkdownHeaderTextSplitter(
        [("#", "h1"), ("##", "h2"), ("###", "h3"), ("####", "h4")], strip_headers=False
    )
    document = LoadedDocument(budget.path, "markdown")
    for part in splitter.split_text(text):
        budget.check_time()
        meta = part.metadata
        trail = [str(meta[k]) for k in ("h1", "h2", "h3", "h4") if meta.get(k)]
        document.sections.append(
            Section(part.page_content, heading=" › ".join(trail) if trail else None)
        )
    return document


# -- HTML -----------------------------------------------------------------------------
_SKIPPED_TAGS = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}
_BLOCK_TAGS = {
    "p", "div", "br", "li", "tr", "table", "section", "article", "header", "footer",
    "blockquote", "pre", "ul", "ol", "dl", "dt", "dd", "hr", "main", "aside", "nav",
}  # fmt: skip
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class _HTMLText(HTMLParser):
    """Collects visible text by heading; scripts, styles and the head are dropped."""

    def __init__(self, on_text: Callable[[str], None]) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[Section] = []
        self.heading: str | None = None
        self.parts: list[str] = []
        self.heading_parts: list[str] | None = None
        self.skip_depth = 0
        self.on_text = on_text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self.skip_depth += 1
        elif tag in _HEADING_TAGS and not self.skip_depth:
            self.flush()
            self.heading_parts = []
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag in {"td", "th"}:
            self.parts.append(" | ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _HEADING_TAGS and self.heading_parts is not None:
            heading = " ".join("".join(self.heading_parts).split())
            self.heading_parts = None
            if heading:
                self.heading = heading
                self.parts.append(heading + "\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        self.on_text(data)
        if self.heading_parts is not None:
            self.heading_parts.append(data)
        else:
            self.parts.append(data)

    def flush(self) -> None:
        raw = "".join(self.parts)
        lines = [" ".join(line.split()).strip(" |") for line in raw.split("\n")]
        text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
        if text:
            self.sections.append(Section(text, heading=self.heading))
        self.parts = []


def _load_html(handle: BinaryIO, budget: _Budget) -> LoadedDocument:
    text = _read_text(handle, budget)
    parser = _HTMLText(lambda _data: budget.check_time())
    step = 1 << 16
    for start in range(0, len(text), step):
        parser.feed(text[start : start + step])
    parser.close()
    parser.flush()
    return LoadedDocument(budget.path, "html", parser.sections)


_LOADERS: dict[str, Callable[[BinaryIO, _Budget], LoadedDocument]] = {
    "pdf": _load_pdf,
    "docx": _load_docx,
    "markdown": _load_markdown,
    "html": _load_html,
    "text": _load_text,
}
