"""Extracts every template that agents/ (and app/) words with ``say(...)`` into a .ts file.

pyside6-lupdate only reads ``self.tr`` and ``translate`` calls in app/. What agents/ says
to a person is :class:`agents.wording.Words` made by ``say("template", name=value)``; this
script finds each such template by reading the code (``ast``, nothing is imported) and
writes them into the .ts file under the context ``agents``, which app/wording.py looks
them up in. Run after lupdate and before fill.py (see ``make translations``)::

    python assets/i18n/agent_words.py assets/i18n/hearth_zh_CN.ts

A ``say`` whose template is not a literal string can't be translated: the script names
it and fails.
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("agents", "app")  # app/ says a few things itself (errors it makes)
CONTEXT = "agents"


class Found(NamedTuple):
    """One template and where it is said first."""

    template: str
    path: str  # relative to the repository, with forward slashes
    line: int


def _is_say(node: ast.Call) -> bool:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr == "say"
    return isinstance(func, ast.Name) and func.id == "say"


def scan(root: Path = ROOT, sources: tuple[str, ...] = SOURCES) -> tuple[list[Found], list[str]]:
    """Every ``say`` template under ``sources`` (first place each is said), and the
    problems: calls whose template isn't a literal string."""
    found: dict[str, Found] = {}
    problems: list[str] = []
    for source in sources:
        for path in sorted((root / source).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=relative)
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call) or not _is_say(node):
                    continue
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    here = Found(first.value, relative, node.lineno)
                    known = found.get(first.value)
                    if known is None or (here.path, here.line) < (known.path, known.line):
                        found[first.value] = here
                elif relative != "agents/wording.py":  # say() itself passes its argument on
                    problems.append(f"{relative}:{node.lineno}: say() needs a literal template")
    return sorted(found.values(), key=lambda f: (f.path, f.line)), problems


def templates(root: Path = ROOT) -> list[str]:
    """Every template, in the order of the code."""
    return [f.template for f in scan(root)[0]]


def write(ts_path: Path, found: list[Found]) -> None:
    """Replaces the .ts file's ``agents`` context with ``found`` (translations unfinished:
    fill.py fills them)."""
    tree = ET.parse(ts_path)
    ts = tree.getroot()
    for context in ts.findall("context"):
        if context.findtext("name") == CONTEXT:
            ts.remove(context)
    context = ET.SubElement(ts, "context")
    ET.SubElement(context, "name").text = CONTEXT
    prefix = Path("../" * len(ts_path.resolve().relative_to(ROOT).parent.parts))
    for item in found:
        message = ET.SubElement(context, "message")
        location = ET.SubElement(message, "location")
        location.set("filename", (prefix / item.path).as_posix())
        location.set("line", str(item.line))
        ET.SubElement(message, "source").text = item.template
        ET.SubElement(message, "translation").set("type", "unfinished")
    ET.indent(context, space="    ")  # laid out as lupdate lays out its contexts
    context.tail = "\n"
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)


def main(ts_path: str) -> int:
    """Writes the templates into the .ts file; 1 when a template can't be extracted."""
    found, problems = scan()
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    write(Path(ts_path), found)
    print(f"{ts_path}: {len(found)} templates from agents/ and app/ (context {CONTEXT})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
