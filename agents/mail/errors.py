"""The one error the mail feature shows to a person, and its kinds."""

from __future__ import annotations

from agents.errors import HearthError, Kind
from agents.exit_codes import Exit
from agents.wording import Words


class MailKind(Kind):
    """What went wrong with mail, with the CLI's exit code for it."""

    GENERAL = Exit.MAIL, "A mail problem: a path, a folder, a size cap or a server's answer."
    HEADER_INJECTION = (
        Exit.HEADER_INJECTION,
        "A header field carried a line break.",
    )
    ADDRESS = Exit.ADDRESS, "An address does not parse as exactly one e-mail address."
    AUTH = Exit.MAIL_AUTH, "The server refused the username or password, or no password is stored."
    CONNECTION = (
        Exit.MAIL_CONNECTION,
        "The server can't be reached, or its certificate not verified.",
    )


class MailError(HearthError):
    """A mail failure, with a message that says what happened and what to do."""

    kind: MailKind

    def __init__(self, kind: MailKind, message: Words) -> None:
        super().__init__(message, kind)
