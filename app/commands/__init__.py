"""Feature subcommands for the ``hearth`` CLI.

Every module in this package declares its subcommands with ``app.cli.command`` when
imported; ``app.cli`` imports them all. Modules here must not import Qt at module level.
"""

import importlib
import pkgutil


def load_all() -> None:
    """Imports every feature module so that its subcommands register."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
