"""Packaging that works, proved by building and running it.

- The metadata agrees: desktop entry, AppStream metainfo, pyproject, licence.
- A plain (non-editable) pip install of the wheel finds its style sheet, icon and Chinese
  translation.
- The PyInstaller app, built from this checkout by ``packaging/build.py`` (what ``make
  package`` runs), opens its window and answers every subcommand against the Ollama double
  started here: a documents question (index, then ask --docs) and an agent request on a
  Maildir and an .ics among them. Its .deb holds the app, the desktop entry, the icons and
  the metainfo where a desktop finds them.

The build takes a few minutes; ``HEARTH_TEST_DIST=DIR`` runs the bundle tests on a
``packaging/build.py --dist DIR`` made before, to iterate on them.
"""

from __future__ import annotations

import configparser
import json
import os
import shutil
import struct
import subprocess
import sys
import tomllib
import venv
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from agents.storage import ChatStore
from tests.agents.documents.makers import make_docx, make_pdf
from tests.agents.images.pictures import bar_chart
from tests.agents.mail.samples import inbox_messages, write_maildir
from tests.agents.mail.test_digest import SUMMARY, report_items, responder
from tests.agents.tools.conftest import add_mail
from tests.agents.writing.helpers import upper
from tests.app.images.test_images_cli import chart_reader
from tests.fakes import OllamaDouble, Reply

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.hearth.Hearth"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
BUILD_TIMEOUT = 1800  # seconds; the build takes 2 to 6 minutes on two cores


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
    "style_sheet": gui.style_template(),
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


@dataclass(frozen=True)
class Built:
    """What ``packaging/build.py`` made: the one-folder app and the .deb."""

    app: Path
    deb: Path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Builds the app and the .deb from this checkout (or takes HEARTH_TEST_DIST's)."""
    prebuilt = os.environ.get("HEARTH_TEST_DIST")
    if prebuilt:
        dist = Path(prebuilt)
    else:
        scratch = tmp_path_factory.mktemp("package")
        dist, work = scratch / "dist", scratch / "build"
        log = scratch / "build.log"
        with log.open("w", encoding="utf-8") as out:
            result = subprocess.run(
                [sys.executable, str(PACKAGING / "build.py"), "--dist", str(dist),
                 "--work", str(work)],
                cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, timeout=BUILD_TIMEOUT,
                umask=0o077,  # as private as Hearth's own: the package must not care
            )  # fmt: skip
        tail = "\n".join(log.read_text(encoding="utf-8").splitlines()[-40:])
        assert result.returncode == 0, f"packaging/build.py failed:\n{tail}"
    (deb,) = dist.glob(f"{PROJECT['name']}_{PROJECT['version']}_*.deb")
    return Built(dist / "hearth" / "hearth", deb)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder for the bundled app."""
    return tmp_path / "data"


def hearth(
    built: Built, data: Path, double: OllamaDouble | None, *args: str | Path
) -> subprocess.CompletedProcess[str]:
    """Runs the bundled ``hearth`` with no terminal, against the double (if any)."""
    env = {**os.environ, "HEARTH_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen"}
    env["OLLAMA_HOST"] = double.url if double else "http://127.0.0.1:9"  # nothing listens
    return subprocess.run(
        [str(built.app), *map(str, args)], env=env, stdin=subprocess.DEVNULL,
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip


def ok(result: subprocess.CompletedProcess[str]) -> str:
    """The standard output of a command that must have succeeded."""
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture
def double() -> Iterator[OllamaDouble]:
    """The Ollama double, for a bundled app in another process to reach."""
    server = OllamaDouble().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.slow
@pytest.mark.timeout(BUILD_TIMEOUT)
class TestBundle:
    """The one-folder app built by packaging/build.py, run as a person would."""

    def test_opens_its_window_and_ships_its_assets(self, built: Built, data: Path) -> None:
        out = ok(hearth(built, data, None, "--smoke-test"))
        assert "window shown and idle" in out
        assets = built.app.parent / "_internal" / "app" / "assets"
        for name in ("style.qss", "hearth.svg", "i18n/hearth_zh_CN.qm"):
            assert (assets / name).is_file(), name
        qt = built.app.parent / "_internal" / "PySide6" / "Qt"
        assert (qt / "translations" / "qtbase_zh_CN.qm").is_file()  # Qt's own dialogs
        for plugin in (
            "platforms/libqxcb.so",
            "platforms/libqwayland.so",
            "iconengines/libqsvgicon.so",
        ):
            assert (qt / "plugins" / plugin).is_file(), plugin
        assert ok(hearth(built, data, None, "--version")).strip() == f"hearth {PROJECT['version']}"

    def test_answers_a_question_from_documents(
        self, built: Built, data: Path, double: OllamaDouble, tmp_path: Path
    ) -> None:
        docs = tmp_path / "docs"
        docs.mkdir()
        make_pdf(docs / "lighthouse.pdf", ["Intro.", "The lighthouse lamp was replaced in 1987."])
        make_docx(docs / "budget.docx", [("Budget", ["The harbour budget was approved."])])
        (docs / "notes.md").write_text("# Notes\nThe ferry runs hourly.\n", encoding="utf-8")
        indexed = hearth(built, data, double, "index", docs)
        ok(indexed)
        assert "3 indexed" in indexed.stderr
        assert "lighthouse.pdf" in ok(hearth(built, data, double, "docs", "list"))
        double.script("llama3.2", Reply(text="It was replaced in 1987 [1]."))
        answer, sources = ok(
            hearth(built, data, double, "ask", "--docs", "When was the lamp replaced?")
        ).split("Sources:")
        assert answer.strip() == "It was replaced in 1987 [1]."
        assert f"[1] {docs / 'lighthouse.pdf'}, page 2" in sources
        assert double.requests_to("/api/embed"), "the index embedded nothing through Ollama"

    def test_runs_an_agent_request_on_mail_and_calendar(
        self, built: Built, data: Path, double: OllamaDouble, tmp_path: Path
    ) -> None:
        maildir = tmp_path / "Mail"
        message_id = add_mail(maildir, "Team dinner", "Dinner on Friday at 19:00, the usual place?")
        calendar = tmp_path / "calendar.ics"
        calendar.write_text(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
            "UID:standup@example.org\r\nDTSTAMP:20261120T090000Z\r\n"
            "DTSTART:20261127T080000Z\r\nDTEND:20261127T083000Z\r\nSUMMARY:Standup\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n",
            encoding="utf-8",
        )
        double.script(
            "llama3.2",
            Reply(tool_calls=[{"name": "read_message", "arguments": {"message_id": message_id}}]),
            Reply(
                tool_calls=[
                    {
                        "name": "list_events",
                        "arguments": {"start": "2026-11-27T00:00", "end": "2026-11-28T00:00"},
                    }
                ]
            ),
            Reply(
                tool_calls=[
                    {
                        "name": "create_event",
                        "arguments": {"title": "Team dinner", "start": "2026-11-27T19:00"},
                    }
                ]
            ),
            Reply(text="Friday has only the standup; adding the dinner was not approved."),
        )
        result = hearth(
            built, data, double, "agent", "Put the team dinner in my calendar.",
            "--maildir", maildir, "--ics", calendar, "--tz", "Europe/Berlin",
        )  # fmt: skip
        out = ok(result)
        assert "tool: read_message" in result.stderr and "tool: list_events" in result.stderr
        tool_results = [
            message["content"]
            for request in double.requests_to("/api/chat")
            for message in request.body["messages"]
            if message["role"] == "tool"
        ]
        assert any("Standup" in text for text in tool_results)  # the .ics was read
        assert any("Dinner on Friday" in text for text in tool_results)  # and the mail
        assert "denied:" in out and "Team dinner" in out  # no terminal: no action
        assert "adding the dinner was not approved" in out
        assert "Team dinner" not in calendar.read_text(encoding="utf-8")
        assert "denied" in ok(hearth(built, data, double, "audit"))

    def test_runs_every_other_command(
        self, built: Built, data: Path, double: OllamaDouble, tmp_path: Path
    ) -> None:
        assert "llama3.2" in ok(hearth(built, data, double, "doctor"))
        double.script("llama3.2", Reply(text="Hello from the double."))
        assert ok(hearth(built, data, double, "ask", "Hi")).strip() == "Hello from the double."

        minutes = tmp_path / "minutes.md"
        minutes.write_text("# Minutes\nThe council approved the budget.\n", encoding="utf-8")
        double.script("llama3.2", Reply(text="The budget passed."))
        assert ok(hearth(built, data, double, "summarize", minutes)).strip() == "The budget passed."

        chart = tmp_path / "rain.png"
        chart.write_bytes(bar_chart([70, 30, 5]))
        double.script("llama3.2-vision", chart_reader)
        assert (
            ok(hearth(built, data, double, "chart", chart)) == "City,mm\nOslo,70\nRome,30\nLima,5\n"
        )

        inbox = write_maildir(tmp_path / "Inbox", inbox_messages())
        double.set_responder("llama3.2", responder(report_items))
        digest = ok(hearth(built, data, double, "mail", "digest", "--maildir", inbox))
        assert digest.startswith("Digest of") and SUMMARY in digest

        double.set_responder("llama3.2", upper)
        minutes.write_text("first paragraph.\n\nsecond paragraph.\n", encoding="utf-8")
        rewritten = ok(hearth(built, data, double, "rewrite", "--style", "formal", minutes))
        assert rewritten == "FIRST PARAGRAPH.\n\nSECOND PARAGRAPH.\n"

        with ChatStore.in_data_dir(data) as store:
            chat = store.create_conversation("Packed chat")
            store.add_message(chat.id, "user", "Hi")
            store.add_message(chat.id, "assistant", "Hello")
        export = tmp_path / "chats.json"
        ok(hearth(built, data, double, "export", "--format", "json", export))
        elsewhere = tmp_path / "elsewhere"
        # `hearth ask` above kept its exchange too: both chats travel.
        assert "imported 2 chat(s)" in ok(hearth(built, elsewhere, double, "import", export))
        with ChatStore.in_data_dir(elsewhere) as store:
            imported = {c.title: c for c in store.list_conversations()}
            packed = imported["Packed chat"]
            assert [m.content for m in store.messages(packed.id)] == ["Hi", "Hello"]

    def test_deb_installs_the_app_entry_icons_and_metainfo(
        self, built: Built, tmp_path: Path
    ) -> None:
        info = subprocess.run(
            ["dpkg-deb", "-I", built.deb], check=True, capture_output=True, text=True
        ).stdout
        fields = dict(
            line.strip().split(": ", 1)
            for line in info.splitlines()
            if line.startswith(" ") and ": " in line
        )
        assert fields["Package"] == PROJECT["name"] and fields["Version"] == PROJECT["version"]
        assert fields["Depends"].startswith("libc6 (>= 2.")
        assert "libxcb-cursor0" in fields["Depends"] and int(fields["Installed-Size"]) > 10_000
        listing = subprocess.run(
            ["dpkg-deb", "-c", built.deb], check=True, capture_output=True, text=True
        ).stdout.splitlines()
        assert all(line.split()[1] == "root/root" for line in listing)
        assert all(line[7] == "r" for line in listing)  # everyone may read what it installs
        entries = {line.split(maxsplit=5)[5] for line in listing}
        share = "./usr/share"
        expected = {
            "./opt/hearth/hearth",
            "./opt/hearth/_internal/app/assets/style.qss",
            "./usr/bin/hearth -> /opt/hearth/hearth",
            f"{share}/applications/{APP_ID}.desktop",
            f"{share}/metainfo/{APP_ID}.metainfo.xml",
            f"{share}/icons/hicolor/scalable/apps/{APP_ID}.svg",
            f"{share}/doc/hearth/copyright",
            *(f"{share}/icons/hicolor/{n}x{n}/apps/{APP_ID}.png" for n in ICON_SIZES),
        }
        assert expected <= entries, sorted(expected - entries)

        # Installed by dpkg itself, into a root of its own (dependencies are the real
        # system's business, so not checked there), then removed again without a trace.
        root = tmp_path / "root"
        (root / "var" / "lib" / "dpkg" / "updates").mkdir(parents=True)
        (root / "var" / "lib" / "dpkg" / "info").mkdir()
        (root / "var" / "lib" / "dpkg" / "status").touch()
        dpkg = ["dpkg", f"--root={root}", "--log=/dev/null", "--force-depends"]
        subprocess.run([*dpkg, "--install", built.deb], check=True, capture_output=True)
        assert (root / "usr" / "bin" / "hearth").readlink() == Path("/opt/hearth/hearth")
        for size in ICON_SIZES:
            png = (root / f"usr/share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png").read_bytes()
            assert png[:8] == b"\x89PNG\r\n\x1a\n"
            assert struct.unpack(">II", png[16:24]) == (size, size)
        installed = root / "usr" / "share"
        assert desktop_entry(installed / "applications" / f"{APP_ID}.desktop")["Icon"] == APP_ID
        if shutil.which("appstreamcli"):
            subprocess.run(
                ["appstreamcli", "validate", "--no-net",
                 installed / "metainfo" / f"{APP_ID}.metainfo.xml"],
                check=True,
            )  # fmt: skip
        version = subprocess.run(
            [root / "opt" / "hearth" / "hearth", "--version"],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert version.stdout.strip() == f"hearth {PROJECT['version']}"
        subprocess.run([*dpkg, "--remove", PROJECT["name"]], check=True, capture_output=True)
        assert not (root / "opt" / "hearth").exists() and not (root / "usr").exists()
