"""Packaging metadata is well formed and names the real entry point."""

from __future__ import annotations

import configparser
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_desktop_entry_runs_hearth() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(ROOT / "packaging" / "hearth.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"] == "hearth"
    assert section["Type"] == "Application"


def test_metainfo_and_entry_point_agree() -> None:
    component = ET.parse(ROOT / "packaging" / "io.github.hearth.Hearth.metainfo.xml").getroot()
    assert component.findtext("launchable") == "hearth.desktop"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["scripts"]["hearth"] == "app.main:main"
    release = component.find("releases/release")
    assert release is not None and release.get("version") == project["version"]
