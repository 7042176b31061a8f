"""The one-way arrow: agents/ never imports Qt or app/."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "app")


def test_no_qt_or_app_import_under_agents() -> None:
    offenders = []
    for path in (ROOT / "agents").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in FORBIDDEN:
                    offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []


def test_importing_every_agents_module_loads_no_qt() -> None:
    code = (
        "import pkgutil, importlib, sys, agents\n"
        "for m in pkgutil.walk_packages(agents.__path__, 'agents.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = [n for n in sys.modules if n.split('.')[0] in ('PySide6', 'app')]\n"
        "print(bad)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_cli_commands_do_not_load_qt() -> None:
    code = (
        "import sys; from app.cli import build_parser; build_parser(); "
        "print([n for n in sys.modules if n.startswith('PySide6')])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_cli_parser_stays_light() -> None:
    """Building the parser (every start, the window's too) imports no heavy library."""
    heavy = (
        "langchain",
        "langchain_core",
        "langchain_ollama",
        "chromadb",
        "PIL",
        "ollama",
        "httpx",
        "keyring",
        "icalendar",
        "caldav",
        "pypdf",
        "pypdfium2",
        "docx",
    )
    code = (
        "import sys; from app.cli import build_parser; build_parser(); "
        f"print(sorted({{n.split('.')[0] for n in sys.modules}} & set({heavy!r})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
