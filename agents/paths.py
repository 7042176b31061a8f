"""The one place that knows where Hearth keeps its files."""

import os
from collections.abc import Callable
from pathlib import Path

import platformdirs

APP_NAME = "Hearth"
ENV_DATA_DIR = "HEARTH_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Returns the data folder, creating it.

    Order: the explicit override (``--data-dir``), then ``HEARTH_DATA_DIR``, then the
    platform's convention (``~/.local/share/Hearth`` on Linux).
    """
    chosen = override or os.environ.get(ENV_DATA_DIR) or platformdirs.user_data_dir(APP_NAME)
    path = Path(chosen).expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


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
logs_dir = _inside("logs", "Where logs go (never with secrets or message bodies).")
audit_db = _inside("audit.sqlite3", "The audit log of approved and denied actions.")
accounts_file = _inside("mail_accounts.json", "The mail accounts (never their passwords).")
checklist_file = _inside("mail_action_items.json", "Which action items are ticked off.")
drafts_dir = _inside("drafts", "Where drafts are saved as .eml files.")
calendar_file = _inside("calendar.ics", "The local calendar, when no other is set up.")
window_state = _inside("window.ini", "Where the window's size and layout are kept.")
instance_lock = _inside(".lock", "The lock that keeps one running Hearth per data folder.")
