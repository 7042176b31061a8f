"""Composing: header injection refused, addresses validated, attachments built."""

from __future__ import annotations

from dataclasses import replace
from email import policy
from email.parser import BytesParser

import pytest

from agents.mail.compose import OutgoingAttachment, OutgoingMail, build_message, parse_address
from agents.mail.errors import MailError, MailKind

MAIL = OutgoingMail(
    sender="Me <me@example.org>",
    to=("Anna Berg <anna@example.org>",),
    cc=("carl@example.org",),
    subject="Follow-up on Thursday",
    body="Hi Anna,\n\nsee you Thursday at 3.\n",
)

INJECTIONS = ["\r\nBcc: evil@x.org", "\nBcc: evil@x.org", "\rX: y", "a\x00b", "a\u2028b", "a\x85b"]


def test_builds_a_message_with_all_headers() -> None:
    msg = build_message(MAIL)
    assert str(msg["From"]) == "Me <me@example.org>"
    assert str(msg["To"]) == "Anna Berg <anna@example.org>"
    assert str(msg["Cc"]) == "carl@example.org"
    assert str(msg["Subject"]) == "Follow-up on Thursday"
    assert str(msg["Message-ID"]).endswith("@example.org>")
    assert msg["Date"]
    assert msg.get_content().startswith("Hi Anna,")
    reparsed = BytesParser(policy=policy.default).parsebytes(msg.as_bytes())
    assert reparsed.get_body().get_content().strip().endswith("see you Thursday at 3.")


@pytest.mark.parametrize("payload", INJECTIONS)
@pytest.mark.parametrize("field", ["subject", "sender", "to", "cc", "in_reply_to"])
def test_line_breaks_in_any_header_field_are_refused(field: str, payload: str) -> None:
    if field == "subject":
        mail = replace(MAIL, subject="Hello" + payload)
    elif field == "sender":
        mail = replace(MAIL, sender="me@example.org" + payload)
    elif field == "to":
        mail = replace(MAIL, to=("anna@example.org" + payload,))
    elif field == "cc":
        mail = replace(MAIL, cc=("carl@example.org" + payload,))
    else:
        mail = replace(MAIL, in_reply_to="<a@b.org>" + payload)
    with pytest.raises(MailError, match="line break") as caught:
        build_message(mail)
    assert caught.value.kind is MailKind.HEADER_INJECTION


def test_line_breaks_in_attachment_names_and_types_are_refused() -> None:
    bad_name = OutgoingAttachment("a.txt\r\nX-Evil: 1", "text/plain", b"x")
    bad_type = OutgoingAttachment("a.txt", "text/plain\r\nX-Evil: 1", b"x")
    for attachment in (bad_name, bad_type):
        with pytest.raises(MailError) as caught:
            build_message(replace(MAIL, attachments=(attachment,)))
        assert caught.value.kind is MailKind.HEADER_INJECTION


def test_body_may_have_line_breaks() -> None:
    msg = build_message(replace(MAIL, body="line 1\r\nBcc: not-a-header@x.org\nline 3"))
    assert msg["Bcc"] is None
    assert "Bcc: not-a-header@x.org" in msg.get_content()


@pytest.mark.parametrize(
    "address",
    ["", "anna", "anna@", "@example.org", "a b@example.org", "anna@example.org, b@example.org"],
)
def test_invalid_addresses_are_refused(address: str) -> None:
    with pytest.raises(MailError) as caught:
        build_message(replace(MAIL, to=(address,)))
    assert caught.value.kind is MailKind.ADDRESS


def test_valid_address_forms() -> None:
    assert parse_address('"Berg, Anna" <anna@example.org>', "to").addr_spec == "anna@example.org"
    assert parse_address("Jörg <joerg@example.de>", "to").display_name == "Jörg"
    assert parse_address("admin@localhost", "to").domain == "localhost"


def test_needs_a_recipient() -> None:
    with pytest.raises(MailError, match="no recipient") as caught:
        build_message(replace(MAIL, to=(), cc=()))
    assert caught.value.kind is MailKind.ADDRESS


def test_caps() -> None:
    with pytest.raises(MailError, match="subject"):
        build_message(replace(MAIL, subject="x" * 5000))
    with pytest.raises(MailError, match="5 MB"):
        build_message(replace(MAIL, body="x" * (6 * 1024 * 1024)))
    big = OutgoingAttachment("big.bin", "application/octet-stream", b"\0" * (21 * 1024 * 1024))
    with pytest.raises(MailError, match="20 MB"):
        build_message(replace(MAIL, attachments=(big,)))


def test_calendar_invite_attachment_keeps_method() -> None:
    ics = b"BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n"
    invite = OutgoingAttachment("invite.ics", "text/calendar; method=REQUEST", ics)
    pdf = OutgoingAttachment("notes.pdf", "application/pdf", b"%PDF-1.4")
    msg = build_message(replace(MAIL, attachments=(invite, pdf)))
    parts = list(msg.iter_attachments())
    assert parts[0].get_content_type() == "text/calendar"
    assert parts[0].get_param("method") == "REQUEST"
    assert parts[0].get_filename() == "invite.ics"
    assert parts[1].get_content() == b"%PDF-1.4"


def test_attachment_names_with_paths_are_refused() -> None:
    for name in ("../etc/passwd", "a/b.txt", ""):
        with pytest.raises(MailError):
            build_message(
                replace(MAIL, attachments=(OutgoingAttachment(name, "text/plain", b"x"),))
            )


def test_bad_mime_type_is_refused() -> None:
    with pytest.raises(MailError, match="MIME type"):
        build_message(replace(MAIL, attachments=(OutgoingAttachment("a", "nonsense", b"x"),)))


def test_reply_headers() -> None:
    msg = build_message(replace(MAIL, in_reply_to="<orig@example.org>"))
    assert str(msg["In-Reply-To"]) == "<orig@example.org>"
    with pytest.raises(MailError, match="Message-ID"):
        build_message(replace(MAIL, in_reply_to="not an id"))
