"""The one error the mail feature shows to a person, and its kinds."""

from __future__ import annotations

from agents.errors import HearthError, Kind


class MailKind(Kind):
    """What went wrong with mail, with the CLI's exit code for it."""

    GENERAL = 20, "A mail problem: a path, a folder, a size cap or a server's answer."
    HEADER_INJECTION = 21, "A header field carried a line break (it could forge headers)."
    ADDRESS = 22, "An address does not parse as exactly one e-mail address."
    AUTH = 23, "The server refused the username or password, or no password is stored."
    CONNECTION = 24, "The server could not be reached, or its TLS certificate not verified."


class MailError(HearthError):
    """A mail failure, with a message that says what happened and what to do."""

    kind: MailKind

    def __init__(self, kind: MailKind, message: str) -> None:
        super().__init__(message, kind)
