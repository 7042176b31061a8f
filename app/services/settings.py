"""Settings in the window: the one place they change, announced once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from agents import paths
from agents import settings as settings_mod
from agents.settings import Loaded, Settings


class SettingsService(QObject):
    """Holds the settings in force; ``apply`` saves new ones and announces them.

    Every service that keeps settings connects to ``changed`` (the Ollama monitor, the
    documents index), so a change reaches all of them without a restart.

    Args:
        data_dir: The data folder; settings.json is saved there.
        loaded: The settings in force at start, and what the environment set for this run
            (from ``agents.settings.load``; never saved unless the person changes it).
        parent: The Qt parent.

    Signals:
        changed(object): the new Settings, once per ``apply``.
        saveFailed(str): the settings could not be written: what happened, what to do.
    """

    changed = Signal(object)
    saveFailed = Signal(str)

    def __init__(self, data_dir: Path, loaded: Loaded, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.settings = loaded.settings
        self.overrides = loaded.overrides
        self.notes = loaded.notes  # what the person should know about the file

    def apply(self, settings: Settings) -> None:
        """Saves the settings to the data folder, then announces them with ``changed``.

        A field the environment set for this run is saved with the file's own value
        unless the person changed it. The settings are used even when saving fails
        (``saveFailed`` says so): what the person chose holds until Hearth closes.
        """
        self.settings = settings
        overrides, self.overrides = self.overrides, self.overrides.still_applied(settings)
        try:
            settings_mod.save(self.data_dir, settings, overrides)
        except OSError as exc:
            self.saveFailed.emit(
                f"Hearth couldn't save the settings to {paths.settings_file(self.data_dir)} "
                f"({exc.strerror or exc}). They apply until Hearth closes; make the data "
                "folder writable (or free some space), then save them again."
            )
        self.changed.emit(settings)
