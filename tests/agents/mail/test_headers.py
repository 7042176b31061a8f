"""Header fields: encoded words, 8-bit bytes and address lists, decoded without recursion."""

from __future__ import annotations

from datetime import UTC, datetime

from agents.mail.headers import MAX_ADDRESSES, decode_value, decode_words, split_addresses
from agents.mail.model import MailMessage
from agents.mail.parse import parse_message


def test_encoded_words() -> None:
    assert decode_words("=?utf-8?q?Gr=C3=BC=C3=9Fe?= aus =?iso-8859-1?b?S/Zsbg==?=") == (
        "Grüße aus Köln"
    )
    # A character split across two adjacent words comes out whole; the space between
    # encoded words is not text.
    assert decode_words("=?utf-8?b?w6==?= =?utf-8?b?pA==?=") == "ä"
    assert decode_words("=?utf-8*en?q?lang?=") == "lang"
    assert decode_words("=?x-nope?q?=FF?=") == "\ufffd"
    assert decode_words("no words, =? just ?= marks") == "no words, =? just ?= marks"


def test_encoded_words_are_decoded_once_and_counted() -> None:
    inner = "=?utf-8?q?=3D=3Futf-8=3Fq=3Fx=3F=3D?="  # decodes to an encoded word
    assert decode_words(inner) == "=?utf-8?q?x?="
    many = " ".join(["=?utf-8?q?a?="] * 500)
    decoded = decode_words(many)
    assert decoded.startswith("a" * 200) and "=?utf-8?q?a?=" in decoded


def test_8bit_values_and_line_breaks() -> None:
    assert decode_value("J\udcc3\udcb6rg") == "Jörg"  # raw UTF-8, kept as surrogates
    assert decode_value("Ren\udce9") == "René"  # not UTF-8: Windows-1252
    assert decode_value("a\r\n b\x00c\x1b[2J\x9b") == "a bc[2J"
    assert decode_value("x" * 5000, 10) == "x" * 9 + "…"


def test_address_lists() -> None:
    value = (
        '"Berg, Anna" <anna@x.org>, bob@x.org (Bob B), team: c@x.org, d@x.org;, ,'
        " <@route,@r2:e@x.org>, =?utf-8?q?J=C3=B6rg?= <j@x.org>"
    )
    assert split_addresses(value) == [
        ("Berg, Anna", "anna@x.org"),
        ("Bob B", "bob@x.org"),
        ("", "c@x.org"),
        ("", "d@x.org"),
        ("", "e@x.org"),
        ("=?utf-8?q?J=C3=B6rg?=", "j@x.org"),
    ]


def test_nesting_cannot_exhaust_the_stack() -> None:
    for hostile in ("(" * 100_000, "g:" * 50_000, "<" * 100_000, '("' * 50_000):
        assert isinstance(split_addresses(hostile), list)


def test_long_lists_keep_a_count_and_say_and_n_more() -> None:
    cc = ", ".join(f"Person {i} <p{i}@x.org>" for i in range(MAX_ADDRESSES + 70))
    message = parse_message(f"Subject: all\r\nCc: {cc}\r\n\r\nx".encode())
    assert len(message.cc) == MAX_ADDRESSES and message.more_cc == 70
    assert message.recipients("cc", limit=2) == (
        f"Person 0 <p0@x.org>, Person 1 <p1@x.org> and {MAX_ADDRESSES + 68} more"
    )
    assert message.recipients("to") == ""


def test_recipients_of_a_short_list() -> None:
    message = MailMessage(
        "<a@x>", "<a@x>", "s", "f", ("a@x.org", "b@x.org"), (), datetime.now(UTC), "", ()
    )
    assert message.recipients("to") == "a@x.org, b@x.org"
    assert message.recipients("to", limit=1) == "a@x.org and 1 more"
