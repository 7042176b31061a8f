"""Fixed sample data for `make screenshots`: chats, documents, mail, calendar, approvals.

Everything is made up and stored in a temporary data folder; nothing is read from the
network. Each language has its own words, so the screenshots show that language's text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from agents.documents.errors import DocumentError, DocumentKind
from agents.documents.loaders import no_text_layer
from agents.documents.manifest import FAILED, INDEXED, STALE, IndexedFile
from agents.events import Citation
from agents.mail.digest import ActionItem, Digest, MailThread
from agents.mail.model import MailMessage
from agents.storage import ChatStore
from agents.tools.approval import ProposedAction

LONG_URL = "https://example.org/reports/2025/q3/" + "x7Kp2QzR" * 24 + "/summary.pdf"
CODE = (
    "```python\n"
    "import csv\n\n"
    "def total(path: str) -> float:\n"
    '    """Adds up the amount column of a bank export."""\n'
    "    with open(path, newline='') as f:\n"
    "        return sum(float(row['amount']) for row in csv.DictReader(f) "
    "if row['status'] == 'booked' and row['currency'] == 'EUR' "
    "and not row['memo'].startswith('transfer between own accounts'))\n"
    "```\n"
)
TABLE = "| Month | Rent | Food | Transport | Total |\n|---|---:|---:|---:|---:|\n" + "".join(
    f"| {month} | 950 | {300 + 7 * i} | {80 + 3 * i} | {1330 + 10 * i} |\n"
    for i, month in enumerate(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    )
)


@dataclass(frozen=True)
class Words:
    """The sample text of one language (``{url}`` in a question stands for a long link)."""

    chat_title: str
    question: str
    table_intro: str
    code_question: str
    code_intro: str
    docs_title: str
    docs_question: str
    docs_answer: str
    passage: str
    summary: str
    subjects: tuple[str, str, str]
    items: tuple[str, str]
    events: tuple[str, str, str, str]
    rewrite_original: str
    rewrite_result: str
    mail_body: str


def _load_words() -> dict[str, Words]:
    """Each language's sample words, from screenshot_words.json next to this file."""
    path = Path(__file__).with_name("screenshot_words.json")
    found: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    words = {}
    for language, fields in found.items():
        values: dict[str, Any] = {
            k: tuple(v) if isinstance(v, list) else v for k, v in fields.items()
        }
        values["code_question"] = str(fields["code_question"]).replace("{url}", LONG_URL)
        words[language] = Words(**values)
    return words


WORDS = _load_words()


def add_chats(store: ChatStore, words: Words) -> tuple[str, str]:
    """Stores the sample chats; returns the ids of the table-and-code chat and the
    documents chat."""
    docs = store.create_conversation(words.docs_title, model="llama3.2", persona="assistant")
    store.add_message(docs.id, "user", words.docs_question)
    citations = [
        Citation(1, "/home/sam/Documents/garden-notes.md", None, "Tomatoes", words.passage),
        Citation(2, "/home/sam/Documents/watering-plan.pdf", 3, None, words.passage),
    ]
    store.add_message(
        docs.id, "assistant", words.docs_answer, model="llama3.2", attachments=citations
    )
    chat = store.create_conversation(words.chat_title, model="llama3.2", persona="assistant")
    store.add_message(chat.id, "user", words.question)
    store.add_message(
        chat.id, "assistant", f"{words.table_intro}\n\n{TABLE}", model="llama3.2:latest"
    )
    store.add_message(chat.id, "user", words.code_question)
    store.add_message(chat.id, "assistant", f"{words.code_intro}\n\n{CODE}", model="llama3.2")
    return chat.id, docs.id


def digest(words: Words, today: date) -> Digest:
    """A digest of three threads with two action items."""
    senders = ("Anna Berg <anna@example.org>", "Velo Shop <billing@velo.example>", "Fair team")
    threads = []
    for number, (subject, sender) in enumerate(zip(words.subjects, senders, strict=True)):
        when = datetime.combine(today, datetime.min.time()).astimezone() - timedelta(
            hours=5 * number + 2
        )
        message = MailMessage(
            id=f"m{number}",
            thread_id=f"t{number}",
            subject=subject,
            sender=sender,
            to=("sam@example.org",),
            cc=(),
            date=when,
            text="",
            attachments=(),
        )
        threads.append(MailThread(f"t{number}", subject, (message,)))
    items = (
        ActionItem(words.items[0], "Anna Berg", today + timedelta(days=3), "m0"),
        ActionItem(words.items[1], "", today + timedelta(days=9), "m1"),
    )
    return Digest(tuple(threads), words.summary, items, (), "llama3.2")


def approval(words: Words) -> ProposedAction:
    """A message waiting for approval."""
    return ProposedAction(
        "send_mail",
        words.subjects[0],
        {
            "from": "sam@example.org",
            "to": "anna@example.org",
            "subject": words.subjects[0],
            "body": words.mail_body,
        },
    )


def indexed_files(now: float) -> list[IndexedFile]:
    """What the Documents view lists: a few files in each state."""
    home = "/home/sam/Documents"
    rows = [
        ("garden-notes.md", "markdown", INDEXED, 12, 0, ""),
        ("watering-plan.pdf", "pdf", INDEXED, 48, 6, ""),
        (
            "tenancy-agreement-2024-signed-final-version-with-annexes.pdf",
            "pdf",
            INDEXED,
            210,
            31,
            "",
        ),
        ("recipes.docx", "docx", STALE, 35, 0, ""),
        ("scan-0042.pdf", "pdf", FAILED, 0, 0, "scan"),
    ]
    files = []
    for i, (name, kind, status, chunks, pages, error) in enumerate(rows):
        path = f"{home}/{name}"
        words = DocumentError(DocumentKind.NO_TEXT_LAYER, path, no_text_layer(6)).words
        files.append(
            IndexedFile(
                path,
                kind,
                status,
                chunks,
                pages,
                str(words) if error else "",
                now - 3600 * i,
                error_words=words if error else None,
            )
        )
    return files
