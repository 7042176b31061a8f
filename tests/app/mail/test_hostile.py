"""The hostile corpus (tests/agents/mail/hostile.py) through the real reading paths and
the command line, one test per case.

Each case is read as a Maildir and as an mbox (latest, get by id, search), then digested
by ``hearth mail digest`` run in-process. Every step must end within TIME_BOUND seconds
with messages or one clear MailError, never a traceback; the ordinary message beside the
hostile ones must still be read; what was skipped must be noted by name; the terminal
must get no raw control character; and the files must be exactly as they were.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from agents.exit_codes import Exit
from agents.mail.errors import MailError
from agents.mail.local import MaildirSource, MboxSource
from agents.mail.reading import MailSource
from app.main import main
from tests.agents.mail.hostile import (
    CASES,
    CONTROL_SUBJECT,
    TERMINAL_TRAPS,
    Case,
    Outcome,
    build_maildir,
    build_mbox,
    snapshot,
)
from tests.fakes import OllamaDouble, Reply

TIME_BOUND = 5.0  # seconds, per reading step
MODEL = "llama3.2"
# What a terminal could act on: C0 but tab and newline, DEL, C1, bidi, zero-width, BOM.
RAW_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]"
)
T = TypeVar("T")


def timed(what: str, step: Callable[[], T]) -> T:
    """Runs one step; fails when it takes longer than TIME_BOUND."""
    started = time.perf_counter()
    result = step()
    elapsed = time.perf_counter() - started
    assert elapsed < TIME_BOUND, f"{what} took {elapsed:.1f} s"
    return result


def read_all(source: MailSource) -> Outcome:
    """The newest ten, each fetched again by its id, and a search for the control message."""
    latest = source.latest(10)
    outcome = Outcome(latest, source.notes)
    for message in latest:
        assert source.get(message.id).subject == message.subject
    if any(m.subject == CONTROL_SUBJECT for m in latest):
        assert [m.subject for m in source.search("ordinary message")] == [CONTROL_SUBJECT]
    return outcome


def _answer(body: dict[str, Any]) -> Reply:
    """The model's part: terminal traps in both the summary and an action item."""
    if body.get("format"):
        return Reply(text='{"items": [{"what": "Reply to \\u001b[2Kthem", "source": "M1"}]}')
    return Reply(text=f"- Summary with traps: {TERMINAL_TRAPS}")


@pytest.fixture(scope="module")
def hostile_ollama() -> Iterator[OllamaDouble]:
    """One Ollama double for the whole corpus."""
    double = OllamaDouble().start()
    double.set_responder(MODEL, _answer)
    try:
        yield double
    finally:
        double.stop()


@pytest.fixture
def ollama_env(hostile_ollama: OllamaDouble, monkeypatch: pytest.MonkeyPatch) -> OllamaDouble:
    """Points the CLI at the double."""
    monkeypatch.setenv("OLLAMA_HOST", hostile_ollama.url)
    return hostile_ollama


def digest_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``hearth mail digest`` in-process: exit code, stdout, stderr."""
    code = timed("hearth mail digest", lambda: main(args))
    captured = capsys.readouterr()
    for stream in (captured.out, captured.err):
        assert "Traceback" not in stream
        assert not RAW_CONTROL.search(stream), repr(RAW_CONTROL.search(stream))
    return code, captured.out, captured.err


@pytest.mark.timeout(120)
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_mail(
    case: Case, tmp_path: Path, ollama_env: OllamaDouble, capsys: pytest.CaptureFixture[str]
) -> None:
    maildir = build_maildir(case, tmp_path / "md")
    mbox = build_mbox(case, tmp_path / "mb")
    before = snapshot(tmp_path / "md"), snapshot(tmp_path / "mb")

    # The Maildir, through its source.
    outcome = timed("reading the Maildir", lambda: read_all(MaildirSource(maildir)))
    assert (CONTROL_SUBJECT in outcome.subjects()) == case.control
    for word in case.notes:
        assert any(word in str(note) for note in outcome.notes), outcome.notes
    if case.check is not None:
        case.check(outcome)

    # The mbox, through its source: the messages, or one clear error for a special file.
    if case.mbox_path == "file":
        in_mbox = timed("reading the mbox", lambda: read_all(MboxSource(mbox)))
        assert (CONTROL_SUBJECT in in_mbox.subjects()) == case.control
    else:
        with pytest.raises(MailError, match="mbox"):
            timed("opening the mbox", lambda: MboxSource(mbox))

    # The digest on the command line: escaped output, the skipped files named.
    data = str(tmp_path / "data")
    code, out, err = digest_cli(
        ["--data-dir", data, "mail", "digest", "--maildir", str(maildir)], capsys
    )
    assert code == 0, err
    if case.control:
        assert CONTROL_SUBJECT in out
        assert "\\u001b[2K" in out  # the model's traps, shown escaped
    for word in case.notes:
        assert re.search(rf"Note: .*{word}", out), out[-500:]
    code, out, err = digest_cli(["--data-dir", data, "mail", "digest", "--mbox", str(mbox)], capsys)
    if case.mbox_path == "file":
        assert code == 0, err
    else:
        assert code == Exit.MAIL and err.count("\n") == 1 and err.startswith("hearth: "), err

    assert (snapshot(tmp_path / "md"), snapshot(tmp_path / "mb")) == before


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 30
    assert len({case.name for case in CASES}) == len(CASES)
