"""Terminal-safe text: nothing untrusted reaches the terminal as a command."""

from __future__ import annotations

import io
import json
import re

import pytest

from agents.cancel import CancelToken
from agents.printable import safe
from agents.tools.approval import ProposedAction
from app.commands.agent import TerminalApprover, action_text

TRAPS = "to: me@example.org\x1b[2K\x1b[1A\rto: friend@example.org \u202eevil\u202c\u2066x\u2069"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


class FakeTerminal(io.StringIO):
    """Standard input that claims to be a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain text, Grüße, 你好, مرحبا", "plain text, Grüße, 你好, مرحبا"),
        ("a\tb", "a\tb"),
        ("\x1b[2K\x1b[1A", "\\u001b[2K\\u001b[1A"),
        ("over\rwrite", "over\\u000dwrite"),
        ("two\nlines", "two\\u000alines"),
        ("crlf\r\n", "crlf\\u000d\\u000a"),
        ("del\x7f c1\x9b nel\x85", "del\\u007f c1\\u009b nel\\u0085"),
        ("\u202eevil\u202c \u2066iso\u2069", "\\u202eevil\\u202c \\u2066iso\\u2069"),
        ("zero\u200bwidth\u200d\ufeff\u00ad", "zero\\u200bwidth\\u200d\\ufeff\\u00ad"),
        ("line\u2028para\u2029", "line\\u2028para\\u2029"),
        ("tag\U000e0041", "tag\\udb40\\udc41"),
        ("bad\udcffname", "bad\\udcffname"),
    ],
)
def test_safe_escapes_what_a_terminal_would_obey(text: str, shown: str) -> None:
    assert safe(text) == shown


def test_multiline_keeps_line_breaks_only() -> None:
    assert safe("a\nb\r\nc\rd\x1b[1A", multiline=True) == "a\nb\r\nc\\u000dd\\u001b[1A"


def test_escaped_json_is_still_the_same_json() -> None:
    data = {"subject": TRAPS, "emoji": "\U0001f600", "tag": "\U000e0041"}
    text = safe(json.dumps(data, ensure_ascii=False, indent=2), multiline=True)
    assert not RAW.search(text)
    assert json.loads(text) == data


def test_the_approval_prompt_shows_each_field_escaped() -> None:
    action = ProposedAction(
        "send_mail",
        f"send mail to evil@example.org: {TRAPS}",
        {
            "to": "evil@example.org",
            "subject": TRAPS,
            "body": f"Hello,\n{TRAPS}\nto: trusted@example.org\r\nBye",
        },
    )
    text = action_text(action)
    assert not RAW.search(text)
    lines = text.split("\n")
    assert lines[:2] == ["Hearth wants to do this:", "  action: send_mail"]
    assert "  to: evil@example.org" in lines
    assert "  body (4 lines):" in lines
    # The body can't pass for a field: each of its lines is behind a bar.
    assert "  | to: trusted@example.org" in lines
    assert [line for line in lines if line.startswith("  to:")] == ["  to: evil@example.org"]


def test_the_terminal_approver_prints_nothing_raw() -> None:
    action = ProposedAction("send_mail", f"send: {TRAPS}", {"to": "a@x.org", "body": TRAPS})
    out = io.StringIO()
    approver = TerminalApprover(True, stdin=FakeTerminal("n\n"), out=out)
    assert approver(action, "call_1", CancelToken()) is False
    assert not RAW.search(out.getvalue())
    assert "\\u001b[2K" in out.getvalue() and "denied: send: to:" in out.getvalue()
