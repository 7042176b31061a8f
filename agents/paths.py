"""The one place that knows where Hearth keeps its files."""

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

import platformdirs

APP_NAME = "Hearth"
ENV_DATA_DIR = "HEARTH_DATA_DIR"
ENV_LOG_DIR = "HEARTH_LOG_DIR"
#: Everything Hearth writes is private: folders 0700, files 0600 (the umask 077 gives it).
PRIVATE_DIR_MODE = 0o700
PRIVATE_UMASK = 0o077


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Returns the data folder, creating it.

    Order: the explicit override (``--data-dir``), then ``HEARTH_DATA_DIR``, then the
    platform's convention (``~/.local/share/Hearth`` on Linux).
    """
    chosen = override or os.environ.get(ENV_DATA_DIR) or platformdirs.user_data_dir(APP_NAME)
    return private_dir(Path(chosen).expanduser().resolve())


def private_dir(path: Path) -> Path:
    """Creates a folder only its owner can read (0700), tightening one that exists."""
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    if os.name == "posix" and path.stat().st_mode & 0o077:
        with contextlib.suppress(PermissionError):  # a folder someone else owns stays as is
            path.chmod(PRIVATE_DIR_MODE)
    return path


def log_dir(data_root: Path | None = None) -> Path:
    """Where the log file goes, creating it.

    ``HEARTH_LOG_DIR`` if set; else, for a data folder chosen by ``--data-dir`` or
    ``HEARTH_DATA_DIR``, its ``logs`` folder (a test or a portable setup keeps its log
    with its data); else the platform's log folder (``~/.local/state/Hearth/log``).
    """
    chosen = os.environ.get(ENV_LOG_DIR)
    if chosen:
        return private_dir(Path(chosen).expanduser())
    if data_root is not None and data_root != Path(platformdirs.user_data_dir(APP_NAME)):
        return private_dir(logs_dir(data_root))
    return private_dir(Path(platformdirs.user_log_dir(APP_NAME)))


def _inside(name: str, doc: str) -> Callable[[Path], Path]:
    """A function that gives where one kind of file lives in a data folder."""

    def where(root: Path) -> Path:
        return Path(root) / name

    where.__doc__ = doc
    return where


chats_db = _inside("chats.sqlite3", "The SQLite file that holds conversations.")
settings_file = _inside("settings.json", "The JSON file that holds settings.")
personas_file = _inside("personas.json", "The JSON file that holds the persona library.")
images_dir = _inside("images", "Where prepared images are stored, by content hash.")
index_dir = _inside("index", "Where the document index (Chroma and its ledger) lives.")
logs_dir = _inside("logs", "The log folder of a data folder chosen by hand (see log_dir).")
audit_db = _inside("audit.sqlite3", "The audit log of approved and denied actions.")
accounts_file = _inside("mail_accounts.json", "The mail accounts (never their passwords).")
checklist_file = _inside("mail_action_items.json", "Which action items are ticked off.")
drafts_dir = _inside("drafts", "Where drafts are saved as .eml files.")
calendar_file = _inside("calendar.ics", "The local calendar, when no other is set up.")
window_state = _inside("window.ini", "Where the window's size and layout are kept.")
instance_lock = _inside(".lock", "The lock that keeps one running Hearth per data folder.")
