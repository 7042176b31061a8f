"""Local mail files: checked before they are opened, read within caps, mbox from its end."""

from __future__ import annotations

import mailbox
import os
from pathlib import Path

import pytest

from agents.mail import files
from agents.mail.errors import MailError
from agents.mail.files import maildir_entries, mbox_spans, open_regular, read_span, shown_name
from tests.agents.mail.samples import make_message, write_mbox


@pytest.mark.parametrize("chunk", [1, 5, 6, 7, 13, 4096])
def test_mbox_read_backwards_finds_what_the_stdlib_finds(
    chunk: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages = [make_message(n, body="From the start\nof a line" * (n % 3)) for n in range(25)]
    path = write_mbox(tmp_path / "box", [*messages, b""])
    box = mailbox.mbox(str(path))
    expected = [box.get_bytes(key).rstrip(b"\n") for key in box.iterkeys()][::-1]
    monkeypatch.setattr(files, "MBOX_CHUNK", chunk)
    with path.open("rb") as handle:
        found = [read_span(handle, span, 10**9)[0].rstrip(b"\n") for span in mbox_spans(handle)]
    assert found == expected


def test_mbox_reading_stops_at_its_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MBOX_CHUNK", 4096)  # the budget is checked per chunk
    path = write_mbox(tmp_path / "box", [make_message(n, body="x" * 5000) for n in range(20)])
    with path.open("rb") as handle:
        spans = list(mbox_spans(handle, budget=12_000))
    assert 1 <= len(spans) < 20
    assert spans[-1].start > 0  # the oldest messages were not reached


def test_a_span_is_cut_at_the_cap(tmp_path: Path) -> None:
    path = write_mbox(tmp_path / "box", [make_message(1, body="y" * 10_000)])
    with path.open("rb") as handle:
        (span,) = list(mbox_spans(handle))
        data, cut = read_span(handle, span, 100)
    assert len(data) == 100 and cut
    assert not data.startswith(b"From ")


def test_special_files_are_refused_before_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(MailError, match="it is a FIFO"):
        open_regular(fifo)  # opened without blocking, then refused
    zero = tmp_path / "zero"
    zero.symlink_to("/dev/zero")
    with pytest.raises(MailError, match="it is a device"):
        open_regular(zero)
    with pytest.raises(MailError, match="outside the mailbox"):
        open_regular(zero, inside=tmp_path)
    with pytest.raises(MailError, match="it is a folder"):
        open_regular(tmp_path)
    with pytest.raises(FileNotFoundError):
        open_regular(tmp_path / "missing")


def test_links_are_followed_only_inside(tmp_path: Path) -> None:
    box = tmp_path / "box"
    box.mkdir()
    (box / "real").write_bytes(b"Subject: inside\r\n\r\nx")
    (box / "inner").symlink_to(box / "real")
    (tmp_path / "secret").write_bytes(b"key")
    (box / "outer").symlink_to(tmp_path / "secret")
    with open_regular(box / "inner", inside=box) as handle:
        assert handle.read().startswith(b"Subject: inside")
    with pytest.raises(MailError, match="outside"):
        open_regular(box / "outer", inside=box)


def test_maildir_listing_notes_what_it_skips(tmp_path: Path) -> None:
    root = tmp_path / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (root / sub).mkdir(parents=True)
    (root / "new" / "1.a").write_bytes(b"Subject: a\r\n\r\nx")
    (root / "cur" / ".hidden").write_bytes(b"x")
    os.mkfifo(root / "cur" / "2.fifo")
    (root / "cur" / "3.zero").symlink_to("/dev/zero")
    (root / "cur" / "4.gone").symlink_to(root / "nowhere")
    entries, skipped = maildir_entries(root)
    assert [e.name for e in entries] == ["new/1.a"]
    assert sorted(str(note) for note in skipped) == [
        "Skipped cur/2.fifo: it is a FIFO, not a mail file.",
        "Skipped cur/3.zero: it is a link to a file outside the mailbox.",
    ]


def test_shown_names_replace_what_cannot_print() -> None:
    assert shown_name(os.fsdecode(b"bad\xffname\n\x1b[2K")) == "bad\ufffdname\ufffd\ufffd[2K"
