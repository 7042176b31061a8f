"""Every exit code of ``hearth``: one meaning each, listed in ``--help`` and the README.

A package's error kinds (see :mod:`agents.errors`) take their codes from here, so two
different failures never share a code and a script can tell them apart.
"""

from __future__ import annotations

import enum


@enum.unique
class Exit(enum.IntEnum):
    """The process exit codes."""

    OK = 0
    FAILED = 1
    USAGE = 2
    UNREACHABLE = 3
    MODEL_MISSING = 4
    UNSUPPORTED = 5
    BUSY = 6
    INTERRUPTED = 7
    INCOMPLETE = 8
    TIMEOUT = 9
    SERVER = 10
    REFUSED_HOST = 11
    BAD_REQUEST = 12
    IMAGE = 13
    UNUSABLE = 14
    BLOCKED = 15
    DOCUMENT = 20
    INDEX_UNAVAILABLE = 21
    NOT_INDEXED = 22
    MAIL = 25
    HEADER_INJECTION = 26
    ADDRESS = 27
    MAIL_AUTH = 28
    MAIL_CONNECTION = 29
    AGENT = 30
    CALENDAR = 31
    CALENDAR_FIELD = 32
    STORE = 33
    TRANSFER = 34
    ALREADY_RUNNING = 35
    AUDIT = 36
    STOPPED = 130
    PIPE_CLOSED = 141

    @property
    def meaning(self) -> str:
        """What the code says, in a few words."""
        return MEANINGS[self]


MEANINGS = {
    Exit.OK: "done",
    Exit.FAILED: "another error (the message says which)",
    Exit.USAGE: "the command line was wrong",
    Exit.UNREACHABLE: "Ollama isn't running or can't be reached",
    Exit.MODEL_MISSING: "the model isn't downloaded",
    Exit.UNSUPPORTED: "the model can't do that (tools, images)",
    Exit.BUSY: "the server is busy",
    Exit.INTERRUPTED: "the connection dropped mid-answer",
    Exit.INCOMPLETE: "the answer ended early",
    Exit.TIMEOUT: "the server stopped answering in time",
    Exit.SERVER: "the server reported an error",
    Exit.REFUSED_HOST: "a remote Ollama host isn't allowed",
    Exit.BAD_REQUEST: "the server refused the request",
    Exit.IMAGE: "an image can't be used",
    Exit.UNUSABLE: "the model kept answering in a shape Hearth can't use",
    Exit.BLOCKED: "the safety check refused the request or the answer",
    Exit.DOCUMENT: "a document can't be read",
    Exit.INDEX_UNAVAILABLE: "the document index can't be opened",
    Exit.NOT_INDEXED: "a path isn't in the document index",
    Exit.MAIL: "a mail problem (path, folder, server answer)",
    Exit.HEADER_INJECTION: "a mail header carried a line break",
    Exit.ADDRESS: "an e-mail address doesn't parse",
    Exit.MAIL_AUTH: "the mail server refused the login",
    Exit.MAIL_CONNECTION: "the mail server can't be reached",
    Exit.AGENT: "the model couldn't do the task",
    Exit.CALENDAR: "a calendar problem",
    Exit.CALENDAR_FIELD: "a calendar field would break its line",
    Exit.STORE: "the chat store can't do what was asked",
    Exit.TRANSFER: "an export or import failed",
    Exit.ALREADY_RUNNING: "another Hearth uses this data folder",
    Exit.AUDIT: "the audit log can't be read or written",
    Exit.STOPPED: "stopped (Ctrl+C)",
    Exit.PIPE_CLOSED: "the reader of the output went away",
}


def listing() -> str:
    """All codes, one per line, for ``--help``."""
    return "\n".join(f"  {code.value:>3}  {code.meaning}" for code in Exit)
