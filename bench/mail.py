"""Mail reading and the digest, each against the least work that does the same job.

* Parsing 1,000 varied messages (plain, HTML, attachments, broken MIME, bad charsets)
  with ``parse_message`` (caps, HTML to text, threads, attachment listing), against the
  standard library alone: parse with the modern policy and take the body's content.
* The 50 newest of a 5,000-message Maildir through ``MaildirSource.latest``, against
  listing the folder, reading the 50 newest files by mtime and the stdlib's parse.
* The 50 newest messages of a real dovecot over IMAP through ``ImapSource.latest``
  (connect, login, EXAMINE, one FETCH, parse, logout), against raw ``imaplib`` doing the
  same commands and the standard library's parse (skipped without dovecot).
* A digest of 10 messages through ``DigestWriter`` against the Ollama double, against
  the raw ``ollama`` client sending the same two requests (Hearth's own overhead).
"""

from __future__ import annotations

import contextlib
import imaplib
import mailbox
import os
import tempfile
from email import policy
from email.parser import BytesParser
from pathlib import Path

from bench.common import interleaved, report

MESSAGES = 1_000
MAILDIR_SIZE = 5_000
NEWEST = 50


def _corpus(count: int) -> list[bytes]:
    from tests.agents.mail.samples import make_message

    broken = [
        b'Subject: broken\r\nContent-Type: multipart/mixed; boundary="A"\r\n\r\n--B\r\n'
        b"Content-Type: text/plain\r\n\r\nlost boundary\r\n",
        b"Subject: =?x-bad?q?x?=\r\nContent-Type: text/plain; charset=nope\r\n\r\n\xe9\xff ok",
    ]
    out: list[bytes] = []
    for n in range(count):
        kind = n % 5
        if kind == 0:
            out.append(make_message(n, body="Hello, " + "some words here. " * 40))
        elif kind == 1:
            out.append(make_message(n, body="plain", html="<p>Hi <b>there</b></p>" * 30))
        elif kind == 2:
            out.append(make_message(n, attachment=("a.pdf", "application/pdf", b"%PDF" * 500)))
        elif kind == 3:
            out.append(make_message(n, references=["<root@x.org>"], in_reply_to="<root@x.org>"))
        else:
            out.append(broken[n % 2])
    return out


def _stdlib_text(raw: bytes) -> None:
    """The least parsing that gets a message's text: the stdlib with the modern policy."""
    msg = BytesParser(policy=policy.default).parsebytes(raw)
    body = msg.get_body(("plain", "html"))  # type: ignore[attr-defined]
    if body is not None:
        with contextlib.suppress(LookupError, ValueError):
            body.get_content()


def bench_parse(repeat: int) -> float:
    """parse_message vs stdlib parse + get_body."""
    from agents.mail.parse import parse_message

    corpus = _corpus(MESSAGES)

    def ours() -> None:
        for raw in corpus:
            parse_message(raw)

    def stdlib() -> None:
        for raw in corpus:
            _stdlib_text(raw)

    a, b = interleaved(ours, stdlib, repeat)
    return report(f"parse {MESSAGES} messages", a, b, goal=2.5)


def bench_maildir(repeat: int) -> float:
    """MaildirSource.latest(50) vs listing + reading the newest 50 files."""
    from agents.mail.sources import MaildirSource
    from tests.agents.mail.samples import write_maildir

    with tempfile.TemporaryDirectory() as tmp:
        folder = write_maildir(Path(tmp) / "md", _corpus(MAILDIR_SIZE))

        def ours() -> None:
            MaildirSource(folder).latest(NEWEST)

        def raw() -> None:
            box = mailbox.Maildir(str(folder), factory=None, create=False)
            paths = [
                folder / sub / name for sub in ("new", "cur") for name in os.listdir(folder / sub)
            ]
            paths.sort(key=lambda p: p.stat().st_mtime, reverse=True)
            for path in paths[:NEWEST]:
                _stdlib_text(path.read_bytes())
            len(box)

        a, b = interleaved(ours, raw, repeat)
    return report(f"Maildir newest {NEWEST} of {MAILDIR_SIZE}", a, b, goal=2.0)


def bench_imap(repeat: int) -> float | None:
    """ImapSource.latest(50) vs raw imaplib over the same steps plus stdlib parsing."""
    from tests.servers.imap import DOVECOT, start_dovecot

    if DOVECOT is None:
        print("IMAP: skipped (dovecot is not installed)", flush=True)
        return None
    from agents.mail.sources import ImapConfig, ImapSource

    server = start_dovecot()
    try:
        for raw_message in _corpus(200):
            server.deliver(raw_message)
        source = ImapSource(
            ImapConfig("127.0.0.1", server.port, "alice", "plain", password="secret")
        )

        def ours() -> None:
            source.latest(NEWEST)

        def raw() -> None:
            conn = imaplib.IMAP4("127.0.0.1", server.port)
            conn.login("alice", "secret")
            _, data = conn.select("INBOX", readonly=True)
            total = int(data[0] or 0)
            _, fetched = conn.fetch(
                f"{total - NEWEST + 1}:{total}", "(UID RFC822.SIZE BODY.PEEK[])"
            )
            for entry in fetched:
                if isinstance(entry, tuple):
                    _stdlib_text(entry[1])
            conn.close()
            conn.logout()

        a, b = interleaved(ours, raw, repeat)
    finally:
        server.stop()
    return report(f"IMAP newest {NEWEST} (dovecot)", a, b, goal=2.5)


def bench_digest(repeat: int) -> float:
    """DigestWriter vs the raw ollama client sending the same two requests."""
    import ollama

    from agents.llm import OllamaService
    from agents.mail.digest import ActionItemsReply, DigestWriter, group_threads, mail_as_data
    from agents.mail.parse import parse_message
    from agents.settings import Settings
    from tests.fakes import OllamaDouble, Reply

    messages = [parse_message(raw) for raw in _corpus(10)]
    with OllamaDouble() as double:
        double.set_responder(
            "llama3.2",
            lambda body: Reply(
                text='{"items": [{"what": "Send the report", "who": "Anna", "due": null, '
                '"source": "M1"}]}'
                if body.get("format")
                else "- A summary line."
            ),
        )
        service = OllamaService(Settings(ollama_host=double.url))
        writer = DigestWriter(service)
        client = ollama.Client(host=double.url)
        data = mail_as_data(group_threads(messages), 8192 * 2)

        def ours() -> None:
            writer.digest_messages(messages)

        def raw() -> None:
            for fmt in (None, ActionItemsReply.model_json_schema()):
                for _ in client.chat(
                    model="llama3.2",
                    messages=[
                        {"role": "system", "content": "Summarise."},
                        {"role": "user", "content": data.text},
                    ],
                    format=fmt,
                    options={"num_ctx": 8192, "temperature": 0},
                    stream=True,
                ):
                    pass

        a, b = interleaved(ours, raw, repeat)
    # The double answers in about a millisecond, so this ratio is pure overhead (mostly
    # LangChain's per-call cost); against a real model's seconds it vanishes.
    return report("digest of 10 messages (double)", a, b, goal=3.0)


def main() -> None:
    """Runs the mail benchmarks and prints their ratios."""
    bench_parse(repeat=5)
    bench_maildir(repeat=5)
    bench_imap(repeat=7)
    bench_digest(repeat=7)


if __name__ == "__main__":
    main()
