"""Words: what agents/ says to a person, as a template and its values, never as text."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import agents
from agents.documents.errors import DocumentError, DocumentKind
from agents.errors import HearthError
from agents.files import FileRefused
from agents.wording import fields, fill, from_stored, listed, plain, say, to_stored

ROOT = Path(__file__).resolve().parents[2]
# What takes words for a person (besides every HearthError and FileRefused class).
SAYERS = {"Status", "Blocked", "about_index", "missing", "note", "skipped", "_problem"}


def test_words_read_as_english_with_their_values() -> None:
    reason = say("it is {size:,} bytes, over the {limit:,}-byte limit", size=12345, limit=100)
    words = say("{name}: {reason}", name=Path("a.md"), reason=reason)
    assert str(words) == "a.md: it is 12,345 bytes, over the 100-byte limit"
    assert words.value("name") == "a.md"  # a path becomes its text
    assert [w.template for w in words.walk()] == [words.template, reason.template]
    assert str(listed([say("one"), "two"])) == "one, two"
    assert str(plain("{raw} braces")) == "{raw} braces"
    assert fields("{name!r} has {count:,} of {limit}") == {"name!r", "count:,", "limit"}


def test_a_broken_translation_loses_nothing() -> None:
    assert fill("{missing} field", {"name": "x"}) == "{missing} field x"


def test_words_kept_by_a_store_come_back_the_same() -> None:
    words = say("Skipped {name}: {reason}.", name="b.md", reason=say("a {kind}", kind=3))
    assert from_stored(to_stored(words)) == words
    assert from_stored("Ollama stopped.") == plain("Ollama stopped.")  # kept before words
    assert from_stored('{"words": broken') == plain('{"words": broken')


def test_an_error_keeps_english_for_the_cli_and_words_for_the_window() -> None:
    error = DocumentError(DocumentKind.EMPTY, "/notes/plan.md", say("it contains no text."))
    assert error.message == str(error) == "plan.md: it contains no text."
    assert error.words.template == "{name}: {reason}"
    assert HearthError("already worded").words == plain("already worded")


def _sayers() -> set[str]:
    for module in pkgutil.walk_packages(agents.__path__, "agents."):
        importlib.import_module(module.name)

    def below(cls: type) -> set[str]:
        return {cls.__name__} | {n for sub in cls.__subclasses__() for n in below(sub)}

    return below(HearthError) | below(FileRefused) | SAYERS


def plain_texts(source: str, sayers: set[str]) -> list[tuple[int, str]]:
    """(line, callee) of each call in ``source`` that gives a sayer a literal text or an
    f-string."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if name not in sayers:
            continue
        for arg in [*node.args, *(k.value for k in node.keywords)]:
            literal = isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            if isinstance(arg, ast.JoinedStr) or (
                literal and any(ch.isalpha() for ch in arg.value)  # type: ignore[attr-defined]
            ):
                found.append((node.lineno, name))
    return found


def test_agents_say_nothing_to_a_person_in_plain_text() -> None:
    """An error, a note or a status line is made with say(...), never from a literal text
    or an f-string: those could not be translated."""
    sayers = _sayers()
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {name}"
        for path in sorted((ROOT / "agents").rglob("*.py"))
        for line, name in plain_texts(path.read_text(encoding="utf-8"), sayers)
    ]
    assert offenders == []


def test_the_rule_above_catches_plain_text() -> None:
    source = (
        'raise MailError(MailKind.GENERAL, f"No server {host}.")\n'
        'yield Status("Loading…")\n'
        'raise MailError(MailKind.GENERAL, say("No server {host}.", host=host))\n'
    )
    assert plain_texts(source, _sayers()) == [(1, "MailError"), (2, "Status")]
