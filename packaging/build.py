"""Builds Hearth for Linux: the one-folder app (PyInstaller) and a .deb that installs it.

    python packaging/build.py [--dist DIR] [--work DIR] [--no-deb]

``make package`` runs it from the repository's virtual environment. It gives
``DIST/hearth/hearth`` (the app, runnable in place) and ``DIST/hearth_VERSION_ARCH.deb``,
which puts:

- the app in /opt/hearth, with /usr/bin/hearth pointing at it;
- the desktop entry, named after the AppStream component id, in /usr/share/applications;
- the icon as SVG (hicolor/scalable) and as PNGs rendered from it at build time
  (hicolor/NxN, 16 to 512 pixels);
- the AppStream metainfo in /usr/share/metainfo and the licence in /usr/share/doc/hearth.

The desktop entry and the metainfo are validated (desktop-file-validate and
``appstreamcli validate --no-net``) when those tools are installed. Everything the build
writes stays under DIST and WORK (PyInstaller's cache included), so nothing is reused
between builds.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.hearth.Hearth"
ICON_SVG = ROOT / "app" / "assets" / "hearth.svg"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
INSTALL_DIR = "opt/hearth"
MAINTAINER = "Hearth maintainers <hearth@users.noreply.github.com>"
# What the bundle needs from the system besides the C library (whose version is read off
# the bundle): PyInstaller ships Python, Qt and every library that comes in a wheel, but
# not OpenGL/EGL, fonts, D-Bus, or the X11 and xkb libraries that Qt's xcb platform plugin
# loads (Qt's "Qt for X11 Requirements").
DEPENDS = (
    "libegl1",
    "libgl1",
    "libfontconfig1",
    "libfreetype6",
    "libdbus-1-3",
    "libglib2.0-0",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xfixes0",
    "libxcb-xinerama0",
    "libxcb-xkb1",
)


@dataclass(frozen=True)
class Project:
    """What pyproject.toml says about the distribution."""

    name: str
    version: str
    summary: str
    homepage: str

    @classmethod
    def read(cls) -> Project:
        """The project table of the repository's pyproject.toml."""
        project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
        return cls(
            project["name"], project["version"], project["description"], project["urls"]["Homepage"]
        )


def run(*command: str | Path, env: dict[str, str] | None = None) -> None:
    """Runs a command, echoing it; a failure stops the build."""
    print("+", " ".join(map(str, command)), flush=True)
    subprocess.run([str(part) for part in command], check=True, env=env)


def bundle(dist: Path, work: Path) -> Path:
    """Builds the one-folder app with PyInstaller; returns its folder (DIST/hearth)."""
    env = {**os.environ, "PYINSTALLER_CONFIG_DIR": str(work / "pyinstaller-cache")}
    run(
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", dist, "--workpath", work, PACKAGING / "hearth.spec",
        env=env,
    )  # fmt: skip
    return dist / "hearth"


def render_icons(svg: Path, pngs: dict[int, Path]) -> None:
    """Draws the SVG icon with Qt's SVG renderer into a square PNG of each size."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])  # kept alive while drawing
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not an SVG image Qt can draw")
    for size, path in pngs.items():
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        path.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(path)):
            raise SystemExit(f"{path}: Qt could not write the PNG")
        path.chmod(0o644)


def glibc_needed(app_dir: Path) -> str:
    """The newest GNU C library version that a program or library in ``app_dir`` links
    against (the GLIBC_x.y version names in their dynamic string tables), e.g. "2.36"."""
    newest = (2, 17)
    for path in app_dir.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as file:
            if file.read(4) != b"\x7fELF":
                continue
            data = file.read()
        for match in re.finditer(rb"GLIBC_(\d+)\.(\d+)\x00", data):
            newest = max(newest, (int(match[1]), int(match[2])))
    return f"{newest[0]}.{newest[1]}"


def _write(path: Path, data: bytes | str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    path.chmod(mode)


def copyright_file(project: Project) -> str:
    """/usr/share/doc/hearth/copyright in Debian's machine-readable format."""
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        f"Upstream-Name: {project.name}\n"
        f"Source: {project.homepage}\n\n"
        "Files: *\n"
        "Copyright: Hearth maintainers\n"
        "License: Apache-2.0\n"
        " On Debian systems, the full text of the Apache License 2.0 is in\n"
        " /usr/share/common-licenses/Apache-2.0; it also ships in LICENSE beside this file.\n"
    )


def stage(app_dir: Path, root: Path, project: Project) -> None:
    """Lays out the installed tree of the package under ``root`` (without DEBIAN/)."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(app_dir, root / INSTALL_DIR, symlinks=True)
    link = root / "usr" / "bin" / "hearth"
    link.parent.mkdir(parents=True)
    link.symlink_to(f"/{INSTALL_DIR}/hearth")
    share = root / "usr" / "share"
    for source, target in (
        (PACKAGING / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop"),
        (PACKAGING / f"{APP_ID}.metainfo.xml", share / "metainfo" / f"{APP_ID}.metainfo.xml"),
        (ICON_SVG, share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"),
        (ROOT / "LICENSE", share / "doc" / project.name / "LICENSE"),
    ):
        _write(target, source.read_bytes())
    icons = share / "icons" / "hicolor"
    render_icons(ICON_SVG, {n: icons / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in ICON_SIZES})
    _write(share / "doc" / project.name / "copyright", copyright_file(project))
    installable_modes(root)


def installable_modes(root: Path) -> None:
    """Every folder 0755, every file 0644, or 0755 if anyone may run it: what an installed
    package needs, whatever the umask the files were made under."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        runnable = path.is_dir() or path.stat().st_mode & 0o111
        path.chmod(0o755 if runnable else 0o644)


def control(project: Project, root: Path, arch: str) -> str:
    """The DEBIAN/control file for the tree under ``root``."""
    size_kib = sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir()) // 1024 + 1
    description = (
        f"{project.summary}\n"
        " Hearth is a Qt window and a command line that talk to Llama 3.2 in a local\n"
        " Ollama server. Chats, documents, images, mail and calendar stay on this\n"
        " computer. Ollama itself is installed separately."
    )
    return (
        f"Package: {project.name}\n"
        f"Version: {project.version}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {size_kib}\n"
        f"Depends: libc6 (>= {glibc_needed(root / INSTALL_DIR)}), {', '.join(DEPENDS)}\n"
        "Section: utils\n"
        "Priority: optional\n"
        f"Homepage: {project.homepage}\n"
        f"Description: {description}\n"
    )


def validate(root: Path) -> None:
    """Checks the desktop entry and the metainfo with the freedesktop tools, when present."""
    share = root / "usr" / "share"
    if shutil.which("desktop-file-validate"):
        run("desktop-file-validate", share / "applications" / f"{APP_ID}.desktop")
    if shutil.which("appstreamcli"):
        run("appstreamcli", "validate", "--no-net", share / "metainfo" / f"{APP_ID}.metainfo.xml")


def deb(app_dir: Path, dist: Path, work: Path) -> Path:
    """Wraps the one-folder app in a .deb with dpkg-deb; returns the package's path."""
    project = Project.read()
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], check=True, capture_output=True, text=True
    ).stdout.strip()
    root = work / "deb-root"
    stage(app_dir, root, project)
    validate(root)
    _write(root / "DEBIAN" / "control", control(project, root, arch))
    (root / "DEBIAN").chmod(0o755)
    package = dist / f"{project.name}_{project.version}_{arch}.deb"
    # gzip: every dpkg reads it (zstd needs dpkg 1.21.18), and xz takes ten times as long.
    run("dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", root, package)
    return package


def main(argv: list[str] | None = None) -> int:
    """Builds the app, then the .deb; prints where they are."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="scratch folder")
    parser.add_argument("--no-deb", action="store_true", help="only the one-folder app")
    args = parser.parse_args(argv)
    os.umask(0o022)  # what the build writes is readable by all, like what it installs
    dist, work = args.dist.resolve(), args.work.resolve()
    app_dir = bundle(dist, work)
    print(f"app: {app_dir / 'hearth'}")
    if not args.no_deb:
        print(f"package: {deb(app_dir, dist, work)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
