"""Packaging: the metadata is well formed, and a plain (non-editable) pip install of the
wheel finds its style sheet, icon and Chinese translation."""

from __future__ import annotations

import configparser
import json
import os
import shutil
import subprocess
import sys
import tomllib
import venv
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.hearth.Hearth"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]


def desktop_entry(path: Path) -> configparser.SectionProxy:
    """The [Desktop Entry] group of a desktop file, keys kept as written."""
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(path, encoding="utf-8")
    return entry["Desktop Entry"]


def test_desktop_entry_is_named_after_the_component_and_runs_hearth() -> None:
    section = desktop_entry(DESKTOP)
    assert section["Exec"] == "hearth"
    assert section["Type"] == "Application"
    assert section["Icon"] == APP_ID
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(DESKTOP)], check=True)


def test_metainfo_validates_and_agrees_with_pyproject() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("project_license") == PROJECT["license"]
    assert component.findtext("url[@type='homepage']") == PROJECT["urls"]["Homepage"]
    assert (component.findtext("developer/name") or "").strip()
    image = component.find("screenshots/screenshot[@type='default']/image")
    assert image is not None and (image.text or "").startswith("https://")
    assert (image.text or "").endswith("docs/screenshot.png")  # the one the README shows
    assert (ROOT / "docs" / "screenshot.png").is_file()
    release = component.find("releases/release")
    assert release is not None and release.get("version") == PROJECT["version"]
    assert PROJECT["scripts"]["hearth"] == "app.main:main"
    if shutil.which("appstreamcli"):
        subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)], check=True)


def test_licence_and_build_requirements_that_build() -> None:
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").split()[:4] == [
        "Apache", "License", "Version", "2.0,",
    ]  # fmt: skip
    assert PROJECT["license"] == "Apache-2.0" and PROJECT["license-files"] == ["LICENSE"]
    # The SPDX `license` field and `license-files` need setuptools 77 or newer.
    assert PYPROJECT["build-system"]["requires"] == ["setuptools>=77"]


# Run by the installed copy: what a person's window would load.
ASSET_CHECK = """
import json
from PySide6.QtCore import QLocale
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication
from app import gui

app = QApplication([])
translators = gui.install_translations(app, QLocale("zh_CN"))
print(json.dumps({
    "assets": str(gui.ASSETS),
    "style_sheet": gui.stylesheet(),
    "icon": not QIcon(str(gui.ASSETS / "hearth.svg")).pixmap(32, 32).isNull(),
    "translations": [t.filePath() for t in translators if "hearth_zh_CN" in t.filePath()],
    "send": app.translate("Composer", "Send"),
}))
"""


def checkout_copy(target: Path) -> Path:
    """The checkout's files (tracked, or new and not ignored) copied to ``target``."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout.split("\0")  # fmt: skip
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.mark.slow
def test_a_plain_pip_install_finds_its_style_sheet_icon_and_translations(tmp_path: Path) -> None:
    source = checkout_copy(tmp_path / "src")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    subprocess.run(
        [*pip, "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", tmp_path / "wheel",
         source],
        check=True,
    )  # fmt: skip
    (wheel,) = (tmp_path / "wheel").glob("hearth-*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [*pip, "--python", python, "install", "--quiet", "--no-index", "--no-deps", wheel],
        check=True,
    )
    # The dependencies come from this interpreter's site-packages, after the new venv's own:
    # nothing is downloaded, and the `app` imported is the installed copy.
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    packages = [p for p in sys.path if Path(p).name in {"site-packages", "dist-packages"}]
    Path(site, "zz_dependencies.pth").write_text("\n".join(packages) + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [python, "-c", ASSET_CHECK], cwd=tmp_path, env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.splitlines()[-1])
    assert Path(found["assets"]).is_relative_to(env_dir), found["assets"]
    assert found["style_sheet"] == (ROOT / "app" / "assets" / "style.qss").read_text(
        encoding="utf-8"
    )
    assert found["icon"] is True
    (qm,) = found["translations"]
    assert Path(qm).is_relative_to(env_dir)
    assert found["send"] == "发送"
    version = subprocess.run(
        [env_dir / "bin" / "hearth", "--version"], env=env, cwd=tmp_path,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert version.stdout.strip() == f"hearth {PROJECT['version']}"
