"""The errors the mail feature shows to a person."""

from __future__ import annotations

from agents.errors import HearthError


class MailError(HearthError):
    """A mail failure, with a message that says what happened and what to do."""

    exit_code = 20


class HeaderInjectionError(MailError):
    """A header field carried a line break (which would let it forge other headers)."""

    exit_code = 21


class AddressError(MailError):
    """An address that does not parse as exactly one e-mail address."""

    exit_code = 22


class MailAuthError(MailError):
    """The server refused the username or password, or no password is stored."""

    exit_code = 23


class MailConnectionError(MailError):
    """The server could not be reached, or its TLS certificate could not be verified."""

    exit_code = 24
