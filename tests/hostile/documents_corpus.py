"""Hostile documents, built by the tests: what a real home folder (or an attacker) holds.

Each builder writes one input into a folder and returns its path. The cases pair a
builder with what Hearth must say about it.
"""

from __future__ import annotations

import os
import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path

from tests.agents.documents.makers import (
    make_docx,
    make_pdf,
    make_scanned_pdf,
    make_sparse,
    make_zip_bomb_docx,
    random_bytes,
)
from tests.hostile.harness import Case
from tests.hostile.specials import fifo, link, link_loop, unix_socket, zero_device

SECRET = "zebracorn-launch-code-4471"
"""A word that lives only in files outside the chosen folder: it must never be indexed."""


# -- PDF made by hand: the structures a hostile PDF uses -----------------------------------
def raw_pdf(objects: Sequence[bytes], trailer: bytes = b"/Root 1 0 R") -> bytes:
    """A PDF from object bodies (numbered from 1), with a correct cross-reference table."""
    out = b"%PDF-1.7\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += b"trailer\n<< /Size %d " % (len(objects) + 1) + trailer + b" >>\n"
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return out


def _stream(data: bytes, compress: bool = False) -> bytes:
    if compress:
        packed = zlib.compress(data, 9)
        head = b"<< /Length %d /Filter /FlateDecode >>" % len(packed)
        return head + b"\nstream\n" + packed + b"\nendstream"
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_TEXT = b"BT /F1 12 Tf 72 720 Td (Hostile page text) Tj ET"


def _page(contents: bytes = b"4 0 R", parent: bytes = b"2 0 R") -> bytes:
    return (
        b"<< /Type /Page /Parent " + parent + b" /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents " + contents + b" >>"
    )


def pdf_page_tree_loop(folder: Path) -> Path:
    """The page tree lists itself as its own child: a reader that follows it never ends."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
    ]
    objects += [_page(), _stream(_TEXT), _FONT]
    return _write(folder / "page-tree-loop.pdf", raw_pdf(objects))


def pdf_parent_loop(folder: Path) -> Path:
    """A page that is its own parent, and a contents array that holds itself."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        _page(contents=b"6 0 R", parent=b"3 0 R"),
        _stream(_TEXT),
        _FONT,
        b"[6 0 R 4 0 R]",
    ]
    return _write(folder / "parent-loop.pdf", raw_pdf(objects))


def pdf_compression_bomb(folder: Path) -> Path:
    """A page whose content stream inflates to 400 MB (a few hundred KB on disk)."""
    body = b"BT /F1 12 Tf 72 720 Td (bomb) Tj ET\n" + b" " * (400 << 20)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        _page(),
        _stream(body, compress=True),
        _FONT,
    ]
    return _write(folder / "compression-bomb.pdf", raw_pdf(objects))


def pdf_deep_nesting(folder: Path) -> Path:
    """An object nested 200,000 arrays deep (recursive parsers overflow)."""
    depth = 200_000
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Deep 6 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        _page(),
        _stream(_TEXT),
        _FONT,
        b"[" * depth + b"]" * depth,
    ]
    return _write(folder / "deep-nesting.pdf", raw_pdf(objects))


def pdf_billion_pages(folder: Path) -> Path:
    """A page tree that claims two billion pages."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 2000000000 >>",
        _page(),
        _stream(_TEXT),
        _FONT,
    ]
    return _write(folder / "billion-pages.pdf", raw_pdf(objects))


def pdf_truncated(folder: Path) -> Path:
    """The first 40 % of a real PDF (a download cut short)."""
    whole = make_pdf(folder / "whole.tmp", ["A page about lighthouses. " * 40] * 3).read_bytes()
    (folder / "whole.tmp").unlink()
    return _write(folder / "truncated.pdf", whole[: len(whole) * 2 // 5])


def pdf_garbage_xref(folder: Path) -> Path:
    """A PDF header, then an xref table pointing far past the end of the file."""
    data = b"%PDF-1.4\nxref\n0 3\n9999999999 00000 n \n8888888888 00000 n \n"
    data += b"trailer << /Size 3 /Root 1 0 R >>\nstartxref\n999999999\n%%EOF\n"
    return _write(folder / "garbage-xref.pdf", data)


def pdf_encrypted(folder: Path) -> Path:
    """A PDF with a user password."""
    return make_pdf(folder / "encrypted.pdf", ["Secret minutes."], password="hunter2")


def pdf_scanned(folder: Path) -> Path:
    """Pages that are pictures only (a scan without OCR)."""
    return make_scanned_pdf(folder / "scan.pdf", pages=3)


def pdf_fake(folder: Path) -> Path:
    """Plain text under a .pdf name."""
    return _write(folder / "not-really.pdf", b"Just some text pretending to be a PDF.\n")


# -- DOCX -------------------------------------------------------------------------------
def _docx_with(folder: Path, name: str, document_xml: bytes) -> Path:
    """A real Word file whose document.xml is replaced."""
    good = make_docx(folder / "base.tmp", [("Heading", ["Text."])], table=False)
    path = folder / name
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = document_xml if item.filename == "word/document.xml" else source.read(item)
            out.writestr(item.filename, data)
    good.unlink()
    return path


_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_zip_bomb(folder: Path) -> Path:
    """document.xml unpacks to 400 MB of zeros."""
    return make_zip_bomb_docx(folder / "zip-bomb.docx", unpacked_mb=400)


def docx_lying_sizes(folder: Path) -> Path:
    """A bomb whose archive directory lies: it declares 1 KB where 300 MB unpack."""
    path = make_zip_bomb_docx(folder / "lying-sizes.docx", unpacked_mb=300)
    data = bytearray(path.read_bytes())
    directory = data.rfind(b"PK\x01\x02")
    while directory != -1:  # every central-directory entry: uncompressed size := 1024
        data[directory + 24 : directory + 28] = (1024).to_bytes(4, "little")
        directory = data.rfind(b"PK\x01\x02", 0, directory)
    return _write(path, bytes(data))


def docx_many_parts(folder: Path) -> Path:
    """An archive of 20,000 tiny parts."""
    path = folder / "many-parts.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("word/document.xml", b"<w:document " + _W + b"/>")
        for number in range(20_000):
            archive.writestr(f"junk/{number}.xml", b"")
    return path


def docx_deep_xml(folder: Path) -> Path:
    """document.xml nested 100,000 elements deep."""
    depth = 100_000
    xml = b"<w:document " + _W + b"><w:body>" + b"<w:p>" * depth + b"</w:p>" * depth
    return _docx_with(folder, "deep-xml.docx", xml + b"</w:body></w:document>")


def docx_billion_laughs(folder: Path) -> Path:
    """XML entities that expand exponentially (the 'billion laughs')."""
    entities = b'<!ENTITY a0 "ha">' + b"".join(
        b'<!ENTITY a%d "&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;">' % (n, *(n - 1,) * 10)
        for n in range(1, 10)
    )
    xml = (
        b'<?xml version="1.0"?><!DOCTYPE w:document [' + entities + b"]>"
        b"<w:document " + _W + b"><w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p>"
        b"</w:body></w:document>"
    )
    return _docx_with(folder, "billion-laughs.docx", xml)


def docx_not_a_zip(folder: Path) -> Path:
    """Random bytes under a .docx name."""
    return random_bytes(folder / "random.docx", 8192)


def docx_no_document(folder: Path) -> Path:
    """A zip with no word/document.xml (an .xlsx renamed, say)."""
    path = folder / "no-document.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
    return path


# -- text, Markdown, HTML -----------------------------------------------------------------
def text_sparse_1gb(folder: Path) -> Path:
    """A 1 GB sparse file (no disk space, all zeros)."""
    return make_sparse(folder / "sparse-1gb.txt", 1 << 30)


def text_nul_bytes(folder: Path) -> Path:
    """Text with NUL bytes scattered through it (a log written by a crashing program)."""
    return _write(folder / "nuls.log", b"Boot ok.\x00\x00 Disk check\x00 passed.\n" * 200)


def text_binary(folder: Path) -> Path:
    """Random bytes under a .txt name."""
    return random_bytes(folder / "binary.txt", 65536)


def text_latin1(folder: Path) -> Path:
    """Old Windows-1252 text (not UTF-8)."""
    text = (
        "Caf\u00e9 cr\u00e8me, na\u00efve fa\u00e7ade, \u201cquotes\u201d and \u20ac prices. " * 30
    )
    return _write(folder / "legacy.txt", text.encode("cp1252"))


def text_utf16(folder: Path) -> Path:
    """UTF-16 with a byte-order mark (Windows Notepad's 'Unicode')."""
    return _write(folder / "utf16.txt", "Notes in UTF-16: the gate code is 1234.".encode("utf-16"))


def text_empty(folder: Path) -> Path:
    """0 bytes."""
    return _write(folder / "empty.md", b"")


def text_whitespace(folder: Path) -> Path:
    """Only spaces and newlines."""
    return _write(folder / "blank.txt", b" \n\t\n   \n" * 1000)


def text_over_char_cap(folder: Path) -> Path:
    """25 million characters of text (over the 20 million read per document)."""
    return _write(folder / "huge.txt", b"word " * 5_000_000)


def markdown_one_long_line(folder: Path) -> Path:
    """1 MB on a single line, no spaces (split letter by letter, it took seconds per MB)."""
    return _write(folder / "one-line.md", b"# Title\n" + b"x" * (1 << 20))


def markdown_many_headings(folder: Path) -> Path:
    """20,000 headings in a row (each would have been its own passage)."""
    return _write(folder / "headings.md", b"#### Step\ndone\n" * 20_000)


def html_deep_nesting(folder: Path) -> Path:
    """200,000 nested divs around one sentence."""
    depth = 200_000
    body = b"<div>" * depth + b"The cellar key hangs by the door." + b"</div>" * depth
    return _write(folder / "deep.html", b"<html><body>" + body + b"</body></html>")


def html_script_only(folder: Path) -> Path:
    """A page that is all script and style."""
    return _write(folder / "script.html", b"<script>alert(1)</script><style>p{}</style>" * 100)


def pdf_named_markdown(folder: Path) -> Path:
    """A PDF's bytes under a .md name."""
    pdf = make_pdf(folder / "real.tmp", ["Pdf text"]).read_bytes()
    (folder / "real.tmp").unlink()
    return _write(folder / "actually-pdf.md", pdf)


# -- names --------------------------------------------------------------------------------
def name_not_utf8(folder: Path) -> Path:
    """A Latin-1 file name (bytes that are not UTF-8), as old archives and USB sticks have."""
    return _write_bytes_name(folder, b"caf\xe9-menu.txt", b"The soup of the day is leek.")


def name_control_characters(folder: Path) -> Path:
    """A name with a newline and a terminal escape that would clear the screen."""
    return _write(folder / "evil\n\x1b[2J\x1b[31mname.txt", b"The shed code is 9931.")


def name_bidi_override(folder: Path) -> Path:
    """A right-to-left override that makes 'txt.exe' read as 'exe.txt'."""
    return _write(folder / "invoice-\u202etxt.exe.md", b"Invoice 42 is paid.")


def name_longest(folder: Path) -> Path:
    """A 255-byte name (the file system's maximum)."""
    return _write(folder / ("n" * 251 + ".txt"), b"A file with a very long name.")


def name_uppercase_extension(folder: Path) -> Path:
    """REPORT.PDF: the extension in capitals."""
    return make_pdf(folder / "REPORT.PDF", ["Quarterly report text."])


# -- special files and links --------------------------------------------------------------
def special_fifo(folder: Path) -> Path:
    """A FIFO named like a document: opening it would block forever."""
    return fifo(folder / "pipe.txt")


def special_socket(folder: Path) -> Path:
    """A Unix socket named like a document."""
    return unix_socket(folder / "agent.md")


def special_char_device(folder: Path) -> Path:
    """A character device (like /dev/zero) inside the folder itself."""
    return zero_device(folder / "zero-device.txt")


def link_to_dev_zero(folder: Path) -> Path:
    """A symlink to /dev/zero: reading it never ends."""
    return link(folder / "zeros.txt", "/dev/zero")


def link_to_fifo_inside(folder: Path) -> Path:
    """A symlink to a FIFO in a hidden corner of the same folder."""
    (folder / ".cache").mkdir()
    return link(folder / "through-link.md", fifo(folder / ".cache" / "fifo"))


def link_out_to_secret(folder: Path) -> Path:
    """A symlink to a file outside the chosen folder (a key, a system file)."""
    secret = folder.parent / "outside" / "private-key.txt"
    secret.parent.mkdir(exist_ok=True)
    secret.write_text(f"The private key is {SECRET}.", encoding="utf-8")
    return link(folder / "innocent.txt", secret)


def link_out_to_folder(folder: Path) -> Path:
    """A symlink to a whole folder outside the chosen one."""
    outside = folder.parent / "outside-folder"
    outside.mkdir(exist_ok=True)
    (outside / "notes.txt").write_text(f"Outside notes: {SECRET}.", encoding="utf-8")
    return link(folder / "shortcut", outside)


def link_relative_escape(folder: Path) -> Path:
    """A relative symlink that climbs out with ../.."""
    secret = folder.parent / "outside-rel.txt"
    secret.write_text(f"Relative secret {SECRET}.", encoding="utf-8")
    (folder / "sub").mkdir()
    return link(folder / "sub" / "climb.txt", Path("..") / ".." / secret.name)


def link_inside(folder: Path) -> Path:
    """A symlink to a document in the same folder: indexed once, not twice."""
    target = folder / "real-notes.txt"
    target.write_text("The boat is moored at pier seven.", encoding="utf-8")
    return link(folder / "alias-notes.txt", target.name)


def symlink_loop(folder: Path) -> Path:
    """Two symlinks pointing at each other."""
    return link_loop(folder / "loop-a.txt", folder / "loop-b.txt")


def link_broken(folder: Path) -> Path:
    """A symlink to a file that no longer exists."""
    return link(folder / "gone.md", folder / "deleted-long-ago.md")


def link_folder_loop(folder: Path) -> Path:
    """A folder that links back to its parent (a walk that follows it never ends)."""
    sub = folder / "sub"
    sub.mkdir()
    (sub / "inner.txt").write_text("Inner notes about the loft.", encoding="utf-8")
    return link(sub / "back-up", "..")


# -- folders ---------------------------------------------------------------------------------
def deep_folder_tree(folder: Path) -> Path:
    """Folders nested 1,500 deep (deeper than Python's recursion limit) with a file at the
    bottom."""
    current = folder
    for _ in range(1500):
        current = current / "d"
        current.mkdir()  # one level at a time: pathlib's parents=True recurses
    return _write(current / "bottom.txt", b"The deepest note: the well is dry.")


def wide_folder(folder: Path) -> Path:
    """5,000 files that are not documents, beside one that is."""
    junk = folder / "junk"
    junk.mkdir()
    for number in range(5_000):
        (junk / f"{number}.bin").write_bytes(b"")
    return _write(junk / "readme.txt", b"Among the junk: the ladder is in the barn.")


def unreadable_file(folder: Path) -> Path:
    """A document its owner may not read (mode 000)."""
    path = _write(folder / "locked.txt", b"No one may read this.")
    path.chmod(0)
    return path


def unreadable_folder(folder: Path) -> Path:
    """A folder its owner may not open (mode 000)."""
    locked = folder / "locked-folder"
    locked.mkdir()
    (locked / "inside.txt").write_text("Hidden inside.", encoding="utf-8")
    locked.chmod(0)
    return locked


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _write_bytes_name(folder: Path, name: bytes, data: bytes) -> Path:
    raw = os.path.join(os.fsencode(folder), name)
    with open(raw, "wb") as handle:
        handle.write(data)
    return Path(os.fsdecode(raw))


REFUSED = "refused"
SKIPPED = "skipped"
INDEXED = "indexed"
IGNORED = "ignored"

DOCUMENT_CASES = [
    # PDF
    Case("pdf-page-tree-loop", pdf_page_tree_loop, r"page-tree-loop\.pdf: the file looks damaged"),
    Case("pdf-parent-loop", pdf_parent_loop, r"parent-loop\.pdf", INDEXED),
    Case(
        "pdf-compression-bomb",
        pdf_compression_bomb,
        r"compression-bomb\.pdf: page 1 unpacks to more than Hearth allows",
    ),
    Case("pdf-deep-nesting", pdf_deep_nesting, r"deep-nesting\.pdf", INDEXED),
    Case("pdf-billion-pages", pdf_billion_pages, r"billion-pages\.pdf", INDEXED),
    Case("pdf-truncated", pdf_truncated, r"truncated\.pdf: the file looks damaged"),
    Case("pdf-garbage-xref", pdf_garbage_xref, r"garbage-xref\.pdf: .*damaged"),
    Case("pdf-encrypted", pdf_encrypted, r"encrypted\.pdf: the PDF is protected by a password"),
    Case("pdf-no-text-layer", pdf_scanned, r"scan\.pdf: its 3 page\(s\) have no text layer"),
    Case("pdf-fake", pdf_fake, r"not-really\.pdf: it isn't a PDF"),
    # DOCX
    Case("docx-zip-bomb", docx_zip_bomb, r"zip-bomb\.docx: .*compression bomb"),
    Case("docx-lying-sizes", docx_lying_sizes, r"lying-sizes\.docx: .*damaged"),
    Case("docx-many-parts", docx_many_parts, r"many-parts\.docx: the archive holds 20,001 parts"),
    Case("docx-deep-xml", docx_deep_xml, r"deep-xml\.docx: .*(damaged|no text)"),
    Case("docx-billion-laughs", docx_billion_laughs, r"billion-laughs\.docx: .*(damaged|no text)"),
    Case("docx-not-a-zip", docx_not_a_zip, r"random\.docx: it isn't a real Word file"),
    Case("docx-no-document", docx_no_document, r"no-document\.docx: it isn't a Word document"),
    # text, Markdown, HTML
    Case(
        "text-1gb-sparse",
        text_sparse_1gb,
        r"sparse-1gb\.txt: the file is 1,024 MB, over the 200 MB",
    ),
    Case("text-nul-bytes", text_nul_bytes, r"nuls\.log", INDEXED),
    Case("text-binary", text_binary, r"binary\.txt: it isn't text"),
    Case("text-latin1", text_latin1, r"legacy\.txt", INDEXED),
    Case("text-utf16", text_utf16, r"utf16\.txt", INDEXED),
    Case("text-empty", text_empty, r"empty\.md: the file is empty \(0 bytes\)"),
    Case("text-whitespace", text_whitespace, r"blank\.txt: it contains no text"),
    Case(
        "text-over-char-cap",
        text_over_char_cap,
        r"huge\.txt: it holds more than 20,000,000 characters",
    ),
    Case("markdown-one-long-line", markdown_one_long_line, r"one-line\.md", INDEXED),
    Case("markdown-many-headings", markdown_many_headings, r"headings\.md", INDEXED),
    Case("html-deep-nesting", html_deep_nesting, r"deep\.html", INDEXED),
    Case("html-script-only", html_script_only, r"script\.html: it contains no text"),
    Case("pdf-named-markdown", pdf_named_markdown, r"actually-pdf\.md", "any"),
    # names
    Case("name-not-utf8", name_not_utf8, r"caf\\udce9-menu\.txt", INDEXED),
    Case(
        "name-control-characters",
        name_control_characters,
        r"evil\\u000a\\u001b\[2J\\u001b\[31mname\.txt",
        INDEXED,
    ),
    Case("name-bidi-override", name_bidi_override, r"invoice-\\u202etxt\.exe\.md", INDEXED),
    Case("name-255-bytes", name_longest, r"n{200}", INDEXED),
    Case("name-uppercase-extension", name_uppercase_extension, r"REPORT\.PDF", INDEXED),
    # special files and links
    Case("special-fifo", special_fifo, r"pipe\.txt: it is a FIFO \(named pipe\); skipped", SKIPPED),
    Case("special-socket", special_socket, r"agent\.md: it is a socket; skipped", SKIPPED),
    Case(
        "special-char-device",
        special_char_device,
        r"zero-device\.txt: it is a character device; skipped",
        SKIPPED,
        needs="mknod",
    ),
    Case(
        "link-to-dev-zero",
        link_to_dev_zero,
        r"zeros\.txt: a link to /dev/zero, outside the chosen folder",
        SKIPPED,
    ),
    Case(
        "link-to-fifo-inside",
        link_to_fifo_inside,
        r"through-link\.md: a link to a FIFO \(named pipe\), not a file",
        SKIPPED,
    ),
    Case(
        "link-out-to-secret",
        link_out_to_secret,
        r"innocent\.txt: a link to .*private-key\.txt, outside the chosen folder; not followed",
        SKIPPED,
    ),
    Case(
        "link-out-to-folder",
        link_out_to_folder,
        r"shortcut: a link to .*outside-folder, outside the chosen folder",
        SKIPPED,
    ),
    Case(
        "link-relative-escape",
        link_relative_escape,
        r"climb\.txt: a link to .*outside-rel\.txt, outside",
        SKIPPED,
    ),
    Case("link-inside", link_inside, r"real-notes\.txt", INDEXED),
    Case(
        "link-loop",
        symlink_loop,
        r"loop-a\.txt: it is a symlink that loops back on itself; skipped",
        SKIPPED,
    ),
    Case("link-broken", link_broken, r"gone\.md: a link to nothing; skipped", SKIPPED),
    Case("link-folder-loop", link_folder_loop, r"inner\.txt", INDEXED),
    # folders
    Case("deep-folder-tree", deep_folder_tree, r"bottom\.txt", INDEXED),
    Case("wide-folder", wide_folder, r"readme\.txt", INDEXED),
    Case(
        "unreadable-file",
        unreadable_file,
        r"locked\.txt: Hearth isn't allowed to read it \(permission denied\)",
        needs="unprivileged",
    ),
    Case(
        "unreadable-folder",
        unreadable_folder,
        r"locked-folder: folder not read \(permission denied\); skipped",
        SKIPPED,
        needs="unprivileged",
    ),
]
"""Every document case. ``outcome`` "any": refused or read, as long as it ends clearly."""
