"""Words for a person: what agents/ says, as a template and its values, worded by the app.

agents/ never translates. Every message it makes for a person (an error, a note, a
status line) is a :class:`Words`: an English template with named ``{fields}`` and the
values that fill them, made with :func:`say`. ``str()`` gives the English text (the CLI
and the logs use it); the window looks the template up in its translations (context
``agents``) and then fills in the values (app/wording.py)::

    raise LLMError(ErrorKind.BUSY, say("Ollama is busy: wait a moment and try again."))
    notes.append(say("Skipped {name}: {reason}", name=shown(path), reason=exc.words))

Rules, checked by the tests:

- the template is a literal string, so the translations can be extracted from the code
  (assets/i18n/agent_words.py); never an f-string or a variable;
- untrusted text (file names, subjects, what a server said) is always a value, never
  part of a template;
- a value that is itself words for a person (a reason) is a nested :class:`Words`, and
  is translated too. A value that is only text (a name, a number) stays as it is.

Fields may carry Python's format specs (``{size:,}``, ``{seconds:.0f}``) and conversions
(``{name!r}``); a translation keeps the same fields.
"""

from __future__ import annotations

import json
import string
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Words:
    """A message for a person: an English template and the values of its fields.

    Attributes:
        template: English text with ``{name}`` fields (and ``{{``/``}}`` for braces).
        values: ``(name, value)`` pairs; a value is text, a number or nested Words.
    """

    template: str
    values: tuple[tuple[str, str | int | float | Words], ...] = ()

    def __str__(self) -> str:
        return fill(self.template, {name: _english(v) for name, v in self.values})

    def value(self, name: str) -> str | int | float | Words | None:
        """The value of a field (None when the words have no such field)."""
        return next((v for n, v in self.values if n == name), None)

    def walk(self) -> Iterator[Words]:
        """These words and every nested Words in their values, depth first."""
        yield self
        for _name, value in self.values:
            if isinstance(value, Words):
                yield from value.walk()


def say(template: str, /, **values: object) -> Words:
    """Words for a person: ``template`` (a literal, in English) with its values.

    A value that is not Words, text or a number (a Path, an exception) becomes its text.
    """
    return Words(template, tuple((name, _value(v)) for name, v in values.items()))


def plain(text: str) -> Words:
    """Text that is shown as it is, never translated: something already worded, or text
    from outside (a server's message on its own)."""
    return Words("{text}", (("text", text),))


def listed(items: Sequence[str | Words], separator: str = ", ") -> Words:
    """Several words (or texts) one after the other, each worded on its own; the template
    holds only the fields and separators, so it has nothing to translate."""
    template = separator.join(f"{{item{i}}}" for i in range(len(items)))
    return Words(template, tuple((f"item{i}", item) for i, item in enumerate(items)))


def to_stored(words: Words) -> str:
    """The words as one text a store keeps (JSON), so that they are worded when shown,
    in the language of that day; :func:`from_stored` reads it back."""
    return json.dumps(_record(words), ensure_ascii=False)


def from_stored(text: str) -> Words:
    """Words a store kept with :func:`to_stored`; text kept before (or by hand) is shown
    as it is."""
    if text.startswith('{"words":'):
        try:
            return _words(json.loads(text))
        except (ValueError, TypeError, KeyError, AttributeError):
            pass
    return plain(text)


def _record(words: Words) -> dict[str, Any]:
    values = {n: _record(v) if isinstance(v, Words) else v for n, v in words.values}
    return {"words": words.template, "values": values}


def _words(record: dict[str, Any]) -> Words:
    values = record["values"]
    return Words(
        str(record["words"]),
        tuple(
            (str(name), _words(v) if isinstance(v, dict) else _value(v))
            for name, v in values.items()
        ),
    )


def fields(template: str) -> set[str]:
    """The fields of a template with their conversion and spec, e.g. ``{"size:,"}``."""
    found = set()
    for _literal, name, spec, conversion in string.Formatter().parse(template):
        if name is not None:
            found.add(
                name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            )
    return found


def fill(template: str, values: dict[str, str | int | float]) -> str:
    """The template with its fields filled; a template that can't be filled (a broken
    translation) gives itself followed by the values, so nothing is lost."""
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError, TypeError):
        return " ".join([template, *(str(v) for v in values.values())])


def _english(value: str | int | float | Words) -> str | int | float:
    return str(value) if isinstance(value, Words) else value


def _value(value: object) -> str | int | float | Words:
    if isinstance(value, Words | str | int | float) and not isinstance(value, bool):
        return value
    return str(value)
