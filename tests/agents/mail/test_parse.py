"""Defensive MIME parsing: whatever arrives becomes a MailMessage, within caps."""

from __future__ import annotations

import time

from agents.mail import parse
from agents.mail.html_text import html_to_text
from agents.mail.parse import parse_message
from tests.agents.mail.samples import make_message


def test_well_formed_message_fields() -> None:
    raw = make_message(
        3,
        subject="Lunch?",
        body="Shall we meet at noon?",
        attachment=("menu.pdf", "application/pdf", b"%PDF-1.4 " + b"x" * 100),
    )
    msg = parse_message(raw)
    assert msg.id == "<m3@example.org>"
    assert msg.thread_id == "<m3@example.org>"
    assert msg.subject == "Lunch?"
    assert msg.sender == "Anna Berg <anna@example.org>"
    assert msg.to == ("Me <me@example.org>",)
    assert msg.date is not None and msg.date.tzinfo is not None
    assert msg.text == "Shall we meet at noon?"
    assert [(a.name, a.content_type, a.size) for a in msg.attachments] == [
        ("menu.pdf", "application/pdf", 109)
    ]
    assert not msg.truncated


def test_thread_id_comes_from_references_then_in_reply_to() -> None:
    with_refs = parse_message(
        make_message(2, references=["<root@x.org>", "<mid@x.org>"], in_reply_to="<mid@x.org>")
    )
    only_reply = parse_message(make_message(3, in_reply_to="<parent@x.org>"))
    no_ids = parse_message(b"Subject: Re: AW: Budget 2027\r\n\r\nok\r\n")
    assert with_refs.thread_id == "<root@x.org>"
    assert only_reply.thread_id == "<parent@x.org>"
    assert no_ids.thread_id == "subject:budget 2027"
    assert no_ids.id.startswith("sha256:")
    assert parse_message(b"Subject: Re: AW: Budget 2027\r\n\r\nok\r\n").id == no_ids.id


def test_broken_mime_boundary_and_base64() -> None:
    raw = (
        b"From: x@example.org\r\nSubject: broken\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="NOPE"\r\n\r\n'
        b"--WRONG\r\nContent-Type: text/plain\r\n\r\nvisible text\r\n"
        b"--WRONG\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        b"!!!not base64@@@\r\n"
    )
    msg = parse_message(raw)
    assert msg.subject == "broken"
    assert "visible text" in msg.text


def test_invalid_base64_in_text_part_is_still_shown() -> None:
    raw = (
        b"Subject: b64\r\nContent-Type: text/plain; charset=utf-8\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\nSGVsbG8gd29ybGQ=*** broken tail\r\n"
    )
    msg = parse_message(raw)
    assert msg.text.startswith("Hello world")


def test_unknown_and_wrong_charsets_are_replaced_not_raised() -> None:
    unknown = parse_message(
        b"Subject: =?x-no-such-charset?q?Gr=FC=DFe?=\r\n"
        b"Content-Type: text/plain; charset=x-no-such-charset\r\n\r\nGr\xfc\xdfe aus K\xf6ln\r\n"
    )
    assert "Gr" in unknown.subject
    assert "aus K" in unknown.text and "\ufffd" in unknown.text
    lying = parse_message(
        b"Subject: x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\ncaf\xe9 \xff\xfe ok\r\n"
    )
    assert lying.text.startswith("caf\ufffd") and lying.text.endswith("ok")
    latin = parse_message(
        b"Subject: x\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\ncaf\xe9\r\n"
    )
    assert latin.text == "café"


def test_8bit_and_nul_bytes_in_headers() -> None:
    raw = b"From: J\xf6rg <j@example.org>\r\nSubject: a\x00b\xffc\r\n\r\nbody\r\n"
    msg = parse_message(raw)
    assert "\x00" not in msg.subject
    assert "j@example.org" in msg.sender
    assert msg.text == "body"


def test_header_line_breaks_never_survive() -> None:
    raw = b"Subject: =?utf-8?q?hello=0D=0ABcc:_evil@x.org?=\r\nFrom: a@b.org\r\n\r\nx\r\n"
    msg = parse_message(raw)
    assert "\n" not in msg.subject and "\r" not in msg.subject
    assert "evil@x.org" in msg.subject  # shown as text, not a header


def test_bad_dates_and_addresses() -> None:
    raw = (
        b"From: <<<@@@>>>\r\nTo: ,,,;;; undisclosed-recipients:;\r\n"
        b"Date: Thu, 99 Foo 20226 99:99:99 +9999\r\nSubject: odd\r\n\r\nx\r\n"
    )
    msg = parse_message(raw)
    assert msg.date is None
    assert msg.subject == "odd"


def test_naive_date_becomes_utc() -> None:
    msg = parse_message(b"Date: Mon, 23 Nov 2026 10:00:00\r\nSubject: a\r\n\r\nb\r\n")
    assert msg.date is not None and msg.date.utcoffset() is not None


def test_huge_body_is_capped_and_marked() -> None:
    body = ("All work and no play. " * 200_000).encode()  # ~4.4 MB
    raw = b"Subject: huge\r\nContent-Type: text/plain\r\n\r\n" + body
    started = time.perf_counter()
    msg = parse_message(raw)
    assert time.perf_counter() - started < 10
    assert len(msg.text) <= parse.MAX_TEXT_CHARS + 40
    assert msg.truncated


def test_raw_bytes_over_the_cap_are_cut() -> None:
    raw = b"Subject: big\r\n\r\n" + b"y" * (parse.MAX_RAW_BYTES + 10)
    msg = parse_message(raw)
    assert msg.truncated


def test_deeply_nested_multiparts_are_bounded() -> None:
    depth = 60
    head = b"Subject: deep\r\nMIME-Version: 1.0\r\n"
    parts = []
    for level in range(depth):
        parts.append(f'Content-Type: multipart/mixed; boundary="b{level}"\r\n\r\n--b{level}\r\n')
    inner = "Content-Type: text/plain\r\n\r\ndeep inside\r\n"
    closing = "".join(f"--b{level}--\r\n" for level in reversed(range(depth)))
    raw = head + ("".join(parts) + inner + closing).encode()
    msg = parse_message(raw)
    assert msg.subject == "deep"
    assert msg.truncated  # the walk stopped at MAX_DEPTH


def test_many_parts_are_bounded() -> None:
    pieces = [b'Subject: many\r\nContent-Type: multipart/mixed; boundary="z"\r\n\r\n']
    for n in range(parse.MAX_PARTS + 50):
        pieces.append(f"--z\r\nContent-Type: text/plain\r\n\r\npart {n}\r\n".encode())
    pieces.append(b"--z--\r\n")
    msg = parse_message(b"".join(pieces))
    assert msg.truncated
    assert "part 0" in msg.text


def test_html_only_message_is_reduced_to_text() -> None:
    html = (
        "<html><head><title>T</title><style>p {color: red}</style>"
        "<script>alert('x')</script></head><body>"
        "<h1>Hello&nbsp;there</h1><p>Read <a href='https://example.org/doc'>the doc</a>"
        " &amp; reply.</p><ul><li>one</li><li>two</li></ul>"
        "<img src='https://tracker.example/pixel.gif' alt=''></body></html>"
    )
    raw = b"Subject: html\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html.encode("utf-8")
    msg = parse_message(raw)
    assert "Hello there" in msg.text
    assert "the doc <https://example.org/doc>" in msg.text
    assert "& reply." in msg.text
    assert "- one" in msg.text and "- two" in msg.text
    assert "alert" not in msg.text and "color" not in msg.text
    assert "tracker" not in msg.text


def test_alternative_prefers_plain_text() -> None:
    msg = parse_message(make_message(1, body="plain version", html="<p>html version</p>"))
    assert msg.text == "plain version"


def test_html_to_text_survives_garbage() -> None:
    assert html_to_text("<p>unclosed <b>bold <a href=x>link") == "unclosed bold link"
    assert html_to_text("<<<>>>&&&;;;<!-- -->") is not None


def test_attachments_are_listed_never_parsed() -> None:
    raw = make_message(
        4, attachment=("evil.html", "text/html", b"<script>alert(1)</script> SECRET")
    )
    msg = parse_message(raw)
    assert [a.name for a in msg.attachments] == ["evil.html"]
    assert "SECRET" not in msg.text


def test_forwarded_message_is_listed_as_attachment() -> None:
    inner = make_message(9, subject="Inner")
    raw = (
        b'Subject: Fwd\r\nContent-Type: multipart/mixed; boundary="q"\r\n\r\n'
        b"--q\r\nContent-Type: text/plain\r\n\r\nsee below\r\n"
        b"--q\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n"
        + inner
        + b"\r\n--q--\r\n"
    )
    msg = parse_message(raw)
    assert msg.text == "see below"
    assert msg.attachments[0].content_type == "message/rfc822"


def test_empty_and_garbage_input() -> None:
    assert parse_message(b"").subject == ""
    garbage = parse_message(bytes(range(256)) * 50)
    assert isinstance(garbage.text, str)
