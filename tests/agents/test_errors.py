"""The shared error mechanism: kinds carry exit codes, errors take theirs from the kind."""

from __future__ import annotations

from agents.calendar.model import CalendarKind
from agents.documents.errors import DocumentError, DocumentKind
from agents.errors import HearthError, Kind
from agents.exit_codes import Exit
from agents.images.errors import ImageKind
from agents.llm.errors import ErrorKind, LLMError
from agents.mail.errors import MailError, MailKind
from agents.storage.errors import StorageKind
from agents.tools.errors import ToolKind


class _Sample(Kind):
    FIRST = 20, "The first way to fail."
    SECOND = 20, "The second way, with the same exit code."
    THIRD = 21, "Another exit code."


def test_kinds_with_the_same_exit_code_stay_distinct() -> None:
    assert list(_Sample) == [_Sample.FIRST, _Sample.SECOND, _Sample.THIRD]
    assert _Sample.FIRST is not _Sample.SECOND
    assert [k.exit_code for k in _Sample] == [20, 20, 21]
    assert _Sample.SECOND.__doc__ == "The second way, with the same exit code."
    assert _Sample["THIRD"] is _Sample.THIRD


def test_an_error_takes_its_exit_code_from_its_kind() -> None:
    assert HearthError("plain").exit_code == 1
    assert HearthError("plain").kind is None
    error = HearthError("kinded", _Sample.THIRD)
    assert (error.kind, error.exit_code, str(error)) == (_Sample.THIRD, 21, "kinded")


def test_llm_exit_codes_are_unchanged() -> None:
    codes = {kind.name: kind.exit_code for kind in ErrorKind}
    assert codes == {
        "UNREACHABLE": 3,
        "MODEL_MISSING": 4,
        "UNSUPPORTED": 5,
        "BUSY": 6,
        "INTERRUPTED": 7,
        "INCOMPLETE": 8,
        "TIMEOUT": 9,
        "SERVER": 10,
        "REFUSED_HOST": 11,
        "BAD_REQUEST": 12,
        "UNUSABLE": 14,
    }
    assert LLMError(ErrorKind.BUSY, "busy").exit_code == 6


def test_image_and_document_exit_codes() -> None:
    assert {kind.exit_code for kind in ImageKind} == {13}
    codes = {kind: kind.exit_code for kind in DocumentKind}
    assert codes.pop(DocumentKind.INDEX_UNAVAILABLE) == 21
    assert codes.pop(DocumentKind.NOT_INDEXED) == 22
    assert codes.pop(DocumentKind.MOVED_ASIDE) == 21
    assert set(codes.values()) == {20}


def test_document_messages_name_the_file_or_the_index() -> None:
    refused = DocumentError(DocumentKind.EMPTY, "/notes/plan.md", "it contains no text to read.")
    assert str(refused) == "plan.md: it contains no text to read."
    assert (refused.path, refused.reason) == ("/notes/plan.md", "it contains no text to read.")
    missing = DocumentError.about_index(DocumentKind.NOT_INDEXED, "Not in the index: a.pdf.")
    assert (str(missing), missing.path, missing.exit_code) == ("Not in the index: a.pdf.", None, 22)


KINDS = [ErrorKind, ImageKind, DocumentKind, MailKind, CalendarKind, StorageKind, ToolKind]


def test_every_kind_takes_its_code_from_the_one_table() -> None:
    for kinds in KINDS:
        for kind in kinds:
            assert isinstance(kind.exit_code, Exit), kind


def test_one_code_never_means_two_things() -> None:
    """A code is shared only by kinds of one package that mean the same to a script (every
    reason a document can't be read is 20); two packages never share one."""
    owners: dict[Exit, set[str]] = {}
    for kinds in KINDS:
        for kind in kinds:
            owners.setdefault(kind.exit_code, set()).add(kinds.__name__)
    assert all(len(names) == 1 for names in owners.values()), owners
    assert MailError(MailKind.AUTH, "No password is stored.").exit_code == Exit.MAIL_AUTH
    assert DocumentKind.ENCRYPTED.exit_code == DocumentKind.EMPTY.exit_code == Exit.DOCUMENT
