"""Runs every benchmark: ``python -m bench`` (or ``make bench``)."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# Helpers, and model accuracy rather than speed: the accuracy benchmarks need a real
# Ollama and take hours (run them by name).
SKIP = {"common", "double", "gui", "__main__", "function_calling", "image_intent"}


def main() -> None:
    """Runs each bench module's ``main()``; one failing module doesn't stop the rest."""
    import bench

    for module in pkgutil.iter_modules(bench.__path__):
        if module.name in SKIP:
            continue
        print(f"== {module.name}", flush=True)
        try:
            importlib.import_module(f"bench.{module.name}").main()
        except Exception as exc:
            print(f"{module.name} failed: {exc}", flush=True)


if __name__ == "__main__":
    main()
