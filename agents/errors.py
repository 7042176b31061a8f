"""The base of every error Hearth shows to a person, and the base of every kind of error.

Each package has one error class (``LLMError``, ``MailError``, ``DocumentError``, …) and,
beside it, an enum of its kinds built on :class:`Kind`. A member is declared as
``NAME = exit_code, "one-line description"``: the error takes its CLI exit code from its
kind, and a catch of one failure tests the kind::

    except MailError as exc:
        if exc.kind is not MailKind.AUTH:
            raise

The message is :class:`~agents.wording.Words` (``say(...)``): ``message`` is its English
text, for the CLI and the logs; the window words ``words`` in the person's language.
"""

from __future__ import annotations

import enum
from typing import Self

from agents.wording import Words, plain


class Kind(enum.Enum):
    """What went wrong: the base of every package's kind enum.

    Members are declared as ``NAME = exit_code, "description"``. Each gets a value of its
    own (its position, so two kinds with the same exit code stay distinct), the exit code
    as ``exit_code`` and the description as its docstring.
    """

    _value_: int
    exit_code: int

    def __new__(cls, exit_code: int, description: str) -> Self:
        member = object.__new__(cls)
        member._value_ = len(cls.__members__) + 1
        member.exit_code = exit_code
        member.__doc__ = description
        return member


class HearthError(Exception):
    """An error whose message says what happened and what to do about it.

    Args:
        message: The one line shown to the person (text given instead of Words is shown
            as it is, never translated).
        kind: What went wrong, when the error's package has kinds; its exit code becomes
            the error's. Without a kind the exit code is the class's (1 unless overridden).

    Attributes:
        words: The message, for the window to word in the person's language.
        message: The message in English (the CLI, the logs).
    """

    exit_code = 1

    def __init__(self, message: Words, kind: Kind | None = None) -> None:
        words = message if isinstance(message, Words) else plain(str(message))
        super().__init__(str(words))
        self.words = words
        self.message = str(words)
        self.kind = kind
        if kind is not None:
            self.exit_code = kind.exit_code

    def __str__(self) -> str:
        return self.message
