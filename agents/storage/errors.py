"""The one error the storage package shows to a person, and its kinds."""

from __future__ import annotations

from pathlib import Path

from agents.errors import HearthError, Kind
from agents.exit_codes import Exit
from agents.wording import Words, say


class StorageKind(Kind):
    """What went wrong with Hearth's stored data, with the CLI's exit code for it."""

    STORE = (
        Exit.STORE,
        "The chat store (or its lock file) could not do what was asked.",
    )
    TRANSFER = Exit.TRANSFER, "An export or import could not be done."
    ALREADY_RUNNING = (
        Exit.ALREADY_RUNNING,
        "Another Hearth holds the data folder.",
    )


class StorageError(HearthError):
    """Stored data could not be used; the message says why and what to do.

    Attributes:
        data_dir: For ALREADY_RUNNING, the contested data folder; else None.
        pid: For ALREADY_RUNNING, the holder's process id if it could be read; else None.
    """

    kind: StorageKind

    def __init__(
        self,
        kind: StorageKind,
        message: Words,
        *,
        data_dir: Path | None = None,
        pid: int | None = None,
    ) -> None:
        super().__init__(message, kind)
        self.data_dir = data_dir
        self.pid = pid

    @classmethod
    def already_running(cls, data_dir: Path, pid: int | None = None) -> StorageError:
        """Another Hearth holds ``data_dir`` (``pid`` when known)."""
        return cls(
            StorageKind.ALREADY_RUNNING,
            say(
                "Hearth is already running with this data folder ({folder}). Switch to "
                "that window, or start with --data-dir for a separate profile.",
                folder=data_dir,
            ),
            data_dir=data_dir,
            pid=pid,
        )
