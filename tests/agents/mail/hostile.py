"""A hostile mail corpus, generated here (never downloaded): what real mailboxes hold.

Each :class:`Case` is a few messages (always with one ordinary "control" message, which
must still be read) and, for a Maildir, special entries beside them: FIFOs, links to
``/dev/zero`` or out of the folder, sockets, odd file names. For an mbox the case says
what the mbox path itself is. :func:`build_maildir` and :func:`build_mbox` write a case
to disk; :func:`snapshot` records a folder so a test can prove reading changed nothing.
"""

from __future__ import annotations

import hashlib
import os
import random
import socket
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from agents.mail.model import MailMessage
from tests.agents.mail.samples import make_message

CONTROL_SUBJECT = "Control message"
SEPARATOR = b"From hostile@example.org Mon Nov 23 09:00:00 2026\n"
TERMINAL_TRAPS = "\x1b[2K\x1b[1A\rDear \u202eevil\u202c \u200bfriend\x9b\x07"


@dataclass(frozen=True)
class Outcome:
    """What one reading of a case gave."""

    messages: list[MailMessage]
    notes: tuple[str, ...]

    def subjects(self) -> list[str]:
        """The subjects, newest first."""
        return [m.subject for m in self.messages]

    def hostile(self) -> list[MailMessage]:
        """The messages other than the control message."""
        return [m for m in self.messages if m.subject != CONTROL_SUBJECT]


Check = Callable[[Outcome], None]


@dataclass(frozen=True)
class Case:
    """One hostile mailbox.

    Attributes:
        name: The test id.
        messages: Builds the messages (called when the case is written).
        specials: Special Maildir entries to add (see :func:`add_special`).
        mbox_path: What the mbox path is: ``file`` (the messages), or a special file.
        check: Case-specific expectations on the Maildir reading.
        control: Whether the control message is in the mailbox (and must be read).
    """

    name: str
    messages: Callable[[], list[bytes]]
    specials: tuple[str, ...] = ()
    mbox_path: str = "file"
    check: Check | None = None
    control: bool = True
    notes: tuple[str, ...] = field(default=())  # words each note list must contain


# -- building messages -------------------------------------------------------------------
def raw(headers: Sequence[tuple[str, str | bytes]], body: bytes = b"body\r\n") -> bytes:
    """A message from header fields (text or bytes, written as given) and a body."""
    lines = []
    for name, value in headers:
        data = value if isinstance(value, bytes) else value.encode("utf-8", "surrogateescape")
        lines.append(name.encode() + b": " + data)
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def plain(subject: str, body: bytes = b"body\r\n", **extra: str | bytes | None) -> bytes:
    """A plain message with the usual headers, plus ``extra`` ones (underscores: dashes;
    None leaves the header out)."""
    headers: list[tuple[str, str | bytes]] = [
        ("From", "Sender <sender@example.org>"),
        ("To", "Me <me@example.org>"),
        ("Subject", subject),
        ("Date", "Mon, 23 Nov 2026 10:00:00 +0100"),
        ("Message-ID", f"<{abs(hash(subject)) % 10**9}.{len(body)}@example.org>"),
    ]
    names = {name.lower() for name, _ in headers}
    for key, value in extra.items():
        name = key.replace("_", "-")
        if name.lower() in names:
            headers = [(n, v) for n, v in headers if n.lower() != name.lower()]
        if value is not None:
            headers.append((name, value))
    return raw(headers, body)


def control() -> bytes:
    """The ordinary message every mailbox also holds."""
    return make_message(1, subject=CONTROL_SUBJECT, body="An ordinary message.")


def nested(depth: int, kind: str = "multipart/mixed", tail: bytes = b"") -> bytes:
    """A message nesting ``depth`` multiparts (or message/rfc822 parts) inside each other."""
    parts = []
    for level in range(depth):
        if kind == "message/rfc822":
            parts.append(b"Content-Type: message/rfc822\r\n\r\nSubject: level\r\n")
        else:
            parts.append(
                f'Content-Type: {kind}; boundary="b{level}"\r\n\r\n--b{level}\r\n'.encode()
            )
    body = b"".join(parts) + b"Content-Type: text/plain\r\n\r\ndeep inside\r\n" + tail
    return b"Subject: deep\r\nFrom: deep@example.org\r\nMIME-Version: 1.0\r\n" + body


def addresses(count: int, named: bool) -> str:
    """A recipient list of ``count`` addresses."""
    if named:
        return ", ".join(f"Person Number{i} <person{i}@example.org>" for i in range(count))
    return ", ".join(f"person{i}@example.org" for i in range(count))


def multipart(parts: Sequence[bytes], boundary: str = "zz", headers: bytes = b"") -> bytes:
    """A multipart/mixed message of the given parts (each: headers, blank line, body)."""
    head = (
        b"From: parts@example.org\r\nSubject: parts\r\nMIME-Version: 1.0\r\n" + headers
        + f'Content-Type: multipart/mixed; boundary="{boundary}"\r\n\r\n'.encode()
    )  # fmt: skip
    sep = f"--{boundary}\r\n".encode()
    return head + b"".join(sep + p + b"\r\n" for p in parts) + f"--{boundary}--\r\n".encode()


def garbage(size: int, seed: int) -> bytes:
    """Random bytes (always the same for a seed)."""
    return random.Random(seed).randbytes(size)


# -- writing a case ----------------------------------------------------------------------
def build_maildir(case: Case, root: Path) -> Path:
    """Writes the case as a Maildir under ``root`` (with its special entries)."""
    folder = root / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (folder / sub).mkdir(parents=True)
    messages = case.messages() + ([control()] if case.control else [])
    for number, data in enumerate(messages):
        path = folder / "new" / f"{1_700_000_000 + number}.M{number}P1.hostile"
        path.write_bytes(data)
        os.utime(path, (1_700_000_000 + number, 1_700_000_000 + number))
    for kind in case.specials:
        add_special(folder, kind, root)
    return folder


def build_mbox(case: Case, root: Path) -> Path:
    """Writes the case as an mbox (or makes the mbox path the special file it names)."""
    root.mkdir(parents=True, exist_ok=True)
    path = root / "inbox.mbox"
    if case.mbox_path == "fifo":
        os.mkfifo(path)
    elif case.mbox_path == "dev-zero":
        path.symlink_to("/dev/zero")
    elif case.mbox_path == "folder":
        path.mkdir()
    elif case.mbox_path == "socket":
        _socket(path)
    else:
        messages = case.messages() + ([control()] if case.control else [])
        with path.open("wb") as out:
            for data in messages:
                out.write(SEPARATOR + data.replace(b"\r\n", b"\n") + b"\n")
    return path


def add_special(folder: Path, kind: str, root: Path) -> None:
    """Adds one special entry to a Maildir (``root`` holds what lies outside it)."""
    cur = folder / "cur"
    name = f"1700009999.{kind}.hostile:2,S"
    if kind == "fifo":
        os.mkfifo(cur / name)
    elif kind == "dev-zero":
        (cur / name).symlink_to("/dev/zero")
    elif kind == "socket":
        _socket(cur / "s.sock")
    elif kind == "folder":
        (cur / name).mkdir()
    elif kind == "dangling-link":
        (cur / name).symlink_to(folder / "nowhere")
    elif kind == "outside-link":
        secret = root / "secret.txt"
        secret.write_bytes(plain("SECRET outside the Maildir"))
        (cur / name).symlink_to(secret)
    elif kind == "inside-link":
        target = next(p for p in (folder / "new").iterdir() if b"Control" not in p.read_bytes())
        (cur / name).symlink_to(target)
    elif kind == "cur-outside":
        outside = root / "elsewhere"
        outside.mkdir()
        (outside / "1.msg").write_bytes(plain("SECRET in a linked folder"))
        os.rmdir(cur)
        cur.symlink_to(outside, target_is_directory=True)
    elif kind == "odd-names":
        for odd in (b"line\nbreak:2,S", b"esc\x1b[2Kape:2,S", b"bad\xff\xfeutf8:2,S"):
            (Path(os.fsdecode(bytes(cur) + b"/" + odd))).write_bytes(plain("Odd file name"))
        os.mkfifo(os.fsdecode(bytes(cur) + b"/fifo\x1b[1A\nname"))
    else:
        raise ValueError(kind)


def _socket(path: Path) -> None:
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        listener.bind(str(path))
    finally:
        listener.close()  # the socket file stays


def snapshot(root: Path) -> dict[str, tuple[str, str]]:
    """Every entry below ``root``: its kind and content hash (or link target), unfollowed."""
    seen: dict[str, tuple[str, str]] = {}
    for folder, dirs, files in os.walk(os.fsencode(root), followlinks=False):
        for name in dirs + files:
            path = os.path.join(folder, name)
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                seen[os.fsdecode(path)] = ("link", os.fsdecode(os.readlink(path)))
            elif stat.S_ISREG(info.st_mode):
                with open(path, "rb") as handle:
                    digest = hashlib.file_digest(handle, "sha256").hexdigest()
                seen[os.fsdecode(path)] = ("file", f"{digest} {info.st_mtime_ns}")
            else:
                seen[os.fsdecode(path)] = ("other", oct(stat.S_IFMT(info.st_mode)))
    return seen


# -- checks --------------------------------------------------------------------------------
def expect(**wanted: object) -> Check:
    """A check on the first hostile message's fields (``subject``, ``date``, ``text_has``,
    ``truncated``, ``cc``, ``more_cc``, ``count``...)."""

    def check(outcome: Outcome) -> None:
        if "count" in wanted:
            assert len(outcome.hostile()) == wanted["count"], outcome.subjects()[:5]
        if not outcome.hostile():
            return
        first = outcome.hostile()[0]
        for key, value in wanted.items():
            if key == "text_has":
                assert str(value) in first.text, first.text[:200]
            elif key == "subject_has":
                assert str(value) in first.subject, first.subject[:200]
            elif key == "recipients_has":
                assert str(value) in first.recipients("cc"), first.recipients("cc")[-80:]
            elif key == "cc":
                assert len(first.cc) == value
            elif key != "count":
                assert getattr(first, key) == value, (key, getattr(first, key))

    return check


def all_of(*checks: Check) -> Check:
    """Every check in turn."""

    def check(outcome: Outcome) -> None:
        for one in checks:
            one(outcome)

    return check


def absent(word: str) -> Check:
    """No message read mentions ``word`` (a file outside the mailbox was not followed)."""

    def check(outcome: Outcome) -> None:
        assert not any(word in m.subject or word in m.text for m in outcome.messages)

    return check


def distinct_ids(outcome: Outcome) -> None:
    """Every message read has its own id."""
    ids = [m.id for m in outcome.messages]
    assert len(ids) == len(set(ids)), ids


def clean_fields(outcome: Outcome) -> None:
    """No control character survives in a subject, sender or text."""
    for message in outcome.messages:
        for value in (message.subject, message.sender, message.text, *message.to, *message.cc):
            assert not any(ord(c) < 32 and c not in "\n\t" for c in value), value[:80]
            assert not any(0x7F <= ord(c) <= 0x9F for c in value), value[:80]


# -- the corpus ----------------------------------------------------------------------------
def _cases() -> list[Case]:
    return [
        # Ordinary-but-large: long recipient lists, long headers, deep forwards.
        Case("cc-70-plain", lambda: [plain("Team", Cc=addresses(70, False))], check=expect(cc=70)),
        Case("cc-70-named", lambda: [plain("Team", Cc=addresses(70, True))], check=expect(cc=70)),
        Case(
            "cc-5000",
            lambda: [plain("Everyone", Cc=addresses(5000, True))],
            check=expect(cc=200, more_cc=4800, recipients_has="and 4980 more"),
        ),
        Case(
            "cc-encoded-names-with-commas",
            lambda: [
                plain("Hi", Cc="=?utf-8?q?Berg=2C_Anna?= <a@x.org>, =?utf-8?b?SsO2cmc=?= <j@x.org>")
            ],
            check=expect(cc=2, recipients_has="Jörg <j@x.org>"),
        ),
        Case(
            "cc-non-ascii-address",
            lambda: [plain("Hi", Cc="Zoë <zoë@exämple.org>, " + "é" * 3000 + "@x.org")],
            check=expect(cc=2),
        ),
        Case(
            "references-10000-ids",
            lambda: [
                plain("Long thread", References=" ".join(f"<r{i}@x.org>" for i in range(10_000)))
            ],
            check=expect(thread_id="<r0@x.org>"),
        ),
        Case("subject-1mb-line", lambda: [plain("S" * 1_000_000)], check=expect(subject_has="SSS")),
        Case(
            "headers-500k-lines",
            lambda: [b"X-Spam: y\r\n" * 500_000 + plain("After many headers")],
        ),
        Case(
            "header-folded-100k-times",
            lambda: [plain("Folded", Cc=b"\r\n ".join(b"f%d@x.org," % i for i in range(100_000)))],
            check=expect(cc=200),
        ),
        # Structure: nesting, part counts, broken boundaries.
        Case("multipart-nested-2000", lambda: [nested(2000)], check=expect(truncated=True)),
        Case(
            "rfc822-nested-1000",
            lambda: [nested(1000, "message/rfc822")],
            check=expect(truncated=True),
        ),
        Case(
            "nested-24-then-8mb-of-lines",
            lambda: [nested(24, tail=b"\n" * 8_000_000)],
            check=expect(truncated=True),
        ),
        Case(
            "parts-100k",
            lambda: [multipart([b"Content-Type: text/plain\r\n\r\npart"] * 100_000)],
            check=expect(truncated=True, text_has="part"),
        ),
        Case(
            "boundary-missing",
            lambda: [
                plain("No boundary", Content_Type="multipart/mixed", body=b"--x\r\n\r\nlost\r\n")
            ],
            check=expect(text_has="lost"),
        ),
        Case(
            "boundary-never-appears",
            lambda: [
                multipart([b"\r\nvisible"], boundary="a").replace(b'boundary="a"', b'boundary="b"')
            ],
            check=expect(text_has="visible"),
        ),
        Case(
            "forward-of-a-bomb",
            lambda: [multipart([b"Content-Type: message/rfc822\r\n\r\n" + nested(3000)])],
        ),
        # Addresses that exhaust a recursive parser.
        Case("from-5000-open-parens", lambda: [plain("Parens", From="(" * 5000 + "a@b.org")]),
        Case("to-30000-groups", lambda: [plain("Groups", To="g:" * 30_000)]),
        Case("to-60000-angles", lambda: [plain("Angles", To="<" * 60_000)]),
        Case("cc-quotes-and-comments", lambda: [plain("Quotes", Cc='("' * 20_000)]),
        # Encodings.
        Case(
            "encoded-word-bomb",
            lambda: [plain("=?utf-8?b?QUFBQQ==?= " * 100_000)],
            check=expect(subject_has="AAAA"),
        ),
        Case(
            "encoded-words-broken-and-nested",
            lambda: [
                plain("=?utf-8?b?!!!?= =?x-evil?q?=FF?= =?utf-8?q?=3D=3Futf-8=3Fq=3Fx=3F=3D?=")
            ],
            check=expect(subject_has="=?utf-8?q?x?="),
        ),
        _body(
            "charset-unknown-and-lying",
            b"caf\xe9 \xff\xfe ok",
            expect(text_has="ok"),
            Content_Type="text/plain; charset=x-evil",
        ),
        _body(
            "charset-utf16-odd-bytes", b"\xff\xfeA\x00B", Content_Type="text/plain; charset=utf-16"
        ),
        _body(
            "base64-broken",
            b"SGVsbG8=*** !!!\r\n====",
            expect(text_has="Hello"),
            Content_Transfer_Encoding="base64",
        ),
        _body(
            "quoted-printable-broken",
            b"a=ZZb=\r\n=\r\n=4",
            expect(text_has="a=ZZb"),
            Content_Transfer_Encoding="quoted-printable",
        ),
        _body(
            "uuencode-garbage",
            b"begin 666 x\r\n" + b"M" * 5000 + b"\r\nend",
            Content_Transfer_Encoding="x-uuencode",
        ),
        Case(
            "8bit-headers",
            lambda: [plain("Gr\xfc\xdfe", From=b"J\xc3\xb6rg <j@x.org>", Cc=b"Ren\xe9 <r@x.org>")],
            check=expect(sender="Jörg <j@x.org>", subject="Grüße"),
        ),
        Case(
            "nul-and-control-bytes",
            lambda: [plain("a\x00b\x1b[31m", b"x\x00y\x07z\x1b[2J\x9bq")],
            check=all_of(expect(subject="ab[31m"), clean_fields),
        ),
        Case(
            "terminal-traps",
            lambda: [plain(TERMINAL_TRAPS, TERMINAL_TRAPS.encode(), Cc="\u202eevil@x.org")],
            check=clean_fields,
        ),
        Case("cr-only-line-endings", lambda: [plain("CR", b"one\rtwo\r").replace(b"\r\n", b"\r")]),
        Case("zero-byte-file", lambda: [b""], check=expect(subject="")),
        Case("headers-only-no-blank-line", lambda: [b"Subject: only headers\r\nFrom: a@b.org"]),
        Case("binary-garbage", lambda: [garbage(200_000, 1)], check=clean_fields),
        Case(
            "huge-body-50mb",
            lambda: [plain("Huge", b"x" * 50 * 1024 * 1024)],
            check=expect(truncated=True),
        ),
        Case(
            "one-8mb-line",
            lambda: [plain("Long line", b"y" * 8_000_000)],
            check=expect(truncated=True),
        ),
        # HTML that takes a tolerant parser minutes.
        _body("html-unclosed-tags", b"<a" * 200_000, Content_Type="text/html"),
        _body(
            "html-unclosed-comments",
            b"<p>shown</p><!--x" * 80_000,
            expect(text_has="shown"),
            Content_Type="text/html",
        ),
        _body("html-end-tags-and-pis", b"</" * 100_000 + b"<?" * 100_000, Content_Type="text/html"),
        _body(
            "html-links-never-closed",
            b"<a href='https://x.org'>x" * 50_000 + b"</a>" * 50_000,
            Content_Type="text/html",
        ),
        # Dates.
        Case("date-missing", lambda: [plain("No date", Date=None)], check=expect(date=None)),
        Case(
            "date-garbage",
            lambda: [plain("Bad date", Date="Thu, 99 Foo 20226 99:99:99 +9999")],
            check=expect(date=None),
        ),
        Case(
            "date-year-9999",
            lambda: [plain("Future", Date="Fri, 31 Dec 9999 23:59:59 -2359")],
            check=expect(date=None),
        ),
        Case(
            "date-from-received",
            lambda: [
                plain(
                    "Received", Date=None, Received="from x by y; Mon, 23 Nov 2026 10:00:00 +0000"
                )
            ],
            check=lambda o: _dated(o, 2026),
        ),
        # Identity.
        Case(
            "duplicate-message-ids",
            lambda: [
                plain("First", Message_ID="<same@x.org>"),
                plain("Second", Message_ID="<same@x.org>"),
            ],
            check=all_of(expect(count=2), distinct_ids),
        ),
        Case("message-id-garbage", lambda: [plain("Ids", Message_ID="<<<>>> <@> " * 1000)]),
        Case(
            "thousands-of-messages",
            lambda: [plain(f"Bulk {n}", Message_ID=f"<bulk{n}@x.org>") for n in range(3000)],
            check=expect(count=9),  # the newest ten: nine of them and the control message
        ),
        # Special files in a Maildir, and an mbox path that isn't a file.
        _special("fifo", "FIFO", mbox_path="fifo"),
        _special("dev-zero", "outside", mbox_path="dev-zero"),
        _special("socket", "socket", mbox_path="socket"),
        _special("folder", "folder", mbox_path="folder"),
        _special("dangling-link"),
        _special("outside-link", "outside", check=absent("SECRET")),
        _special("cur-outside", "outside", check=absent("SECRET")),
        _special("inside-link", check=all_of(expect(count=2), distinct_ids)),
        _special("odd-names", "FIFO", check=expect(count=4)),
        Case("empty-mailbox", lambda: [], control=False, check=expect(count=0)),
        Case(
            "from-lines-in-bodies",
            lambda: [plain("Quoting", b"From the desk of\r\nFrom here on\r\n>From escaped\r\n")],
        ),
    ]


def _body(name: str, body: bytes, check: Check | None = None, **headers: str) -> Case:
    """A case of one message with this body and these headers (its subject: the name)."""
    return Case(name, lambda: [plain(name, body, **headers)], check=check)


def _special(
    kind: str, note: str = "", mbox_path: str = "file", check: Check | None = None
) -> Case:
    """A Maildir with one special entry of ``kind`` (see :func:`add_special`) beside a
    message, and an mbox path that is ``mbox_path``; ``note``: a word its note holds."""
    return Case(
        f"maildir-with-{kind}",
        lambda: [plain(f"Beside {kind}")],
        (kind,),
        mbox_path,
        check=check,
        notes=(note,) if note else (),
    )


def _dated(outcome: Outcome, year: int) -> None:
    when = outcome.hostile()[0].date
    assert when is not None and when.year == year, when


CASES = _cases()
