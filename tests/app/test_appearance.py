"""Both colour schemes: every colour from the scheme's palette, text that contrasts with
what it sits on, code coloured in either, and the scheme following the desktop or the
setting, live."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from agents.settings import Settings
from app.gui import style_template, stylesheet
from app.main_window import MainWindow
from app.markdown import code_html, render
from app.services.appearance import Appearance, is_dark
from app.theme import DARK, LIGHT, PALETTES, Palette, Scheme, contrast, luminance
from app.widgets.code_block import COLOUR_AT_ONCE, CodeBlockView
from app.widgets.message_view import MessageView
from app.widgets.settings_dialog import SettingsDialog

ROOT = Path(__file__).resolve().parents[2]
CODE = (
    "import csv\n\n# the total of a column\n"
    'def total(path: str) -> float:\n    return sum(float(r["n"]) for r in csv.DictReader(path))\n'
)
ANSWER = f"Here:\n\n```python\n{CODE}```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
BODY_TEXT = 4.5  # WCAG AA for body text
SYMBOLS = 3.0  # WCAG AA for large text and symbols (the status dot)
_RULE = re.compile(r"([^{}]+)\{([^}]*)\}")


def _declarations(sheet: str) -> list[tuple[str, dict[str, str]]]:
    """Each rule of a style sheet: its selector and its declarations by property."""
    rules = []
    for selector, body in _RULE.findall(sheet):
        pairs = (part.split(":", 1) for part in body.split(";") if ":" in part)
        rules.append((selector.strip(), {k.strip(): v.strip() for k, v in pairs}))
    return rules


def _seen_over(value: str, under: str) -> str | None:
    """A background value as the colour seen over ``under`` (None: nothing drawn)."""
    if value in {"transparent", "none"}:
        return None
    found = re.fullmatch(r"rgba\((\d+),\s*(\d+),\s*(\d+),\s*(\d+)\)", value)
    if not found:
        return value
    *rgb, alpha = (int(n) for n in found.groups())
    base = [int(under[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(c * alpha / 255 + b * (1 - alpha / 255)) for c, b in zip(rgb, base, strict=True)]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def test_every_colour_of_the_style_sheet_comes_from_the_palette() -> None:
    template = style_template()
    bodies = " ".join(body for _selector, body in _RULE.findall(template))
    assert not re.findall(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|\b(?:white|black)\b", bodies)
    for palette in PALETTES.values():
        assert "@" not in stylesheet(palette)
    # Widgets never colour themselves: the one sheet, and the palette, do.
    for path in (ROOT / "app").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if path.name not in {"appearance.py", "theme.py"}:
            assert "setStyleSheet(" not in source, path
            assert not re.findall(r"[\"'][^\"'\n]*#[0-9a-fA-F]{6}\b", source), path


def test_the_dark_style_sheet_has_no_light_background() -> None:
    for selector, values in _declarations(stylesheet(DARK)):
        for name in ("background", "background-color"):
            seen = _seen_over(values.get(name, "none"), DARK.window)
            if seen is not None:
                assert luminance(seen) < 0.2, (selector, seen)


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_text_contrasts_with_what_it_sits_on(palette: Palette) -> None:
    p = palette
    grounds = (p.window, p.sidebar, p.surface, p.hover, p.selected, p.user_bubble)
    for ground in (*grounds, p.code_background, p.banner, p.diff_added, p.diff_removed):
        assert contrast(p.text, ground) >= BODY_TEXT, ground
    for colour in (p.muted, p.link, p.warning, p.error):
        for ground in (p.window, p.sidebar, p.surface, p.user_bubble, p.code_background):
            assert contrast(colour, ground) >= BODY_TEXT, (colour, ground)
    for ground in (p.accent, p.accent_hover, p.danger):
        assert contrast(p.on_accent, ground) >= BODY_TEXT, ground
    for dot in (p.success, p.busy, p.idle, p.error):
        assert contrast(dot, p.window) >= SYMBOLS, dot
    # Every text colour of the sheet, on its rule's background or the window's.
    for selector, values in _declarations(stylesheet(palette)):
        if "color" not in values or ":disabled" in selector:
            continue
        ground = _seen_over(values.get("background", "none"), p.window) or p.window
        least = SYMBOLS if "statusDot" in selector else BODY_TEXT
        assert contrast(values["color"], ground) >= least, selector


def _colours_of(view: CodeBlockView) -> set[str]:
    """The foreground colours the code block's characters are drawn in."""
    cursor = QTextCursor(view.edit.document())
    found = set()
    text = view.edit.toPlainText()  # (no characters outside the BMP in these tests)
    for position in range(1, len(text) + 1):
        if text[position - 1].isspace():
            continue  # draws nothing
        cursor.setPosition(position)
        brush = cursor.charFormat().foreground()
        if brush.style() != Qt.BrushStyle.NoBrush:
            found.add(brush.color().name())
    return found


@pytest.mark.parametrize("scheme", list(Scheme), ids=lambda s: s.value)
@pytest.mark.usefixtures("restore_look")
def test_code_blocks_are_highlighted_in_both_schemes(qtbot: QtBot, scheme: Scheme) -> None:
    Appearance(scheme.value).apply()
    palette = PALETTES[scheme]
    view = CodeBlockView(CODE, "python")
    qtbot.addWidget(view)
    assert view.edit.toPlainText() == CODE.removesuffix("\n")
    colours = _colours_of(view)
    assert len(colours) >= 3, colours
    for colour in colours:
        assert contrast(colour, palette.code_background) >= BODY_TEXT, colour
    # Where a code block is HTML (the mail digest, quick ask): coloured spans.
    rendered = code_html(render(ANSWER, palette).parts[1], palette)  # type: ignore[arg-type]
    spans = set(re.findall(r'<span style="color:(#[0-9a-fA-F]{6})', rendered))
    assert len(spans) >= 3
    assert all(contrast(colour, palette.code_background) >= BODY_TEXT for colour in spans)
    assert palette.code_background in rendered
    assert render(ANSWER, palette).parts[2].find(palette.border) > 0  # type: ignore[union-attr]


def test_code_in_an_unknown_language_stays_as_written(qtbot: QtBot) -> None:
    odd = "x = 1\r\ny = 2 \U0001f600\n"
    view = CodeBlockView(odd, "no-such-language")
    qtbot.addWidget(view)
    assert view.edit.toPlainText() == "x = 1\ny = 2 \U0001f600" and view.code == odd
    assert _colours_of(view) == set()
    # Colours land on the right characters after a character outside the BMP (two UTF-16
    # units in Qt's document, one in Python).
    plain_code, emoji_code = 's = "x"; t = 1', 's = "\U0001f600"; t = 1'
    views = [CodeBlockView(code, "python") for code in (plain_code, emoji_code)]
    for view in views:
        qtbot.addWidget(view)
    ends = [len(plain_code), len(emoji_code) + 1]  # the "1", in Qt's positions
    assert _colour_at(views[0], ends[0]) == _colour_at(views[1], ends[1])
    assert _colour_at(views[0], ends[0]) != _colour_at(views[0], ends[0] - 2)  # not "="


def test_a_long_code_block_is_coloured_once_it_stops_growing(qtbot: QtBot) -> None:
    view = CodeBlockView()
    qtbot.addWidget(view)
    code = ""
    while len(code) <= COLOUR_AT_ONCE:  # streamed: each piece shows at once, uncoloured
        code += CODE
        view.set_code(code, "python")
        assert view.edit.toPlainText() == code.removesuffix("\n")
    assert _colours_of(view) == set()
    qtbot.waitUntil(lambda: len(_colours_of(view)) >= 3)


def _colour_at(view: CodeBlockView, end: int) -> str:
    """The colour of the character that ends at ``end`` (a Qt position)."""
    cursor = QTextCursor(view.edit.document())
    cursor.setPosition(end)
    return cursor.charFormat().foreground().color().name()


def _grab_under(window: QWidget, widget: QWidget) -> str:
    """The colour drawn most over ``widget``'s area in the window: its background."""
    image = window.grab().toImage()
    corner = widget.mapTo(window, QPoint(0, 0))
    seen = Counter(
        image.pixelColor(corner.x() + x, corner.y() + y).name()
        for x in range(0, widget.width(), 2)
        for y in range(0, widget.height(), 2)
    )
    return seen.most_common(1)[0][0]


@pytest.mark.usefixtures("restore_look")
def test_a_dark_window_reads_light_on_dark(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1000, 600)
    window.appearance.set_choice("dark")
    window.appearance.apply()
    qtbot.wait(30)
    model_label = next(
        label for label in window.findChildren(QLabel) if label.text() == window.tr("Model:")
    )
    readable = [window.status.label, model_label, window.conversations.list]
    readable.append(window.composer.edit)
    for widget in readable:
        ground = _grab_under(window, widget)
        assert luminance(ground) < 0.2, (type(widget).__name__, ground)
        text = widget.palette().color(widget.foregroundRole()).name()
        assert contrast(text, ground) >= BODY_TEXT, (type(widget).__name__, text, ground)


@pytest.mark.usefixtures("restore_look")
def test_the_scheme_follows_the_desktop_unless_one_is_chosen(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    desktop = [Scheme.LIGHT]
    appearance = Appearance("system", desktop_scheme=lambda: desktop[0])
    appearance.apply()
    assert not is_dark(app.palette()) and LIGHT.window in app.styleSheet()
    desktop[0] = Scheme.DARK  # the desktop turns dark, and says so
    with qtbot.waitSignal(appearance.changed):
        QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert is_dark(app.palette()) and DARK.window in app.styleSheet()
    appearance.set_choice("light")  # the setting wins over the desktop
    assert not is_dark(app.palette())
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not is_dark(app.palette())


@pytest.mark.usefixtures("restore_look")
def test_the_appearance_setting_applies_at_once_to_what_is_shown(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.appearance.apply()
    window.chats.new_chat()
    conversation = window.chats.conversation_id or ""
    window.store.add_message(conversation, "assistant", ANSWER)
    window.conversations.select(conversation)
    qtbot.waitUntil(lambda: bool(window.chat.message_ids()))
    message = window.chat.view(window.chat.message_ids()[0])
    assert isinstance(message, MessageView)
    (block,) = message.code_blocks()
    light_colours = _colours_of(block)

    window.apply_settings(dataclasses.replace(window.settings, appearance="dark"))
    assert window.appearance.scheme is Scheme.DARK and is_dark(QGuiApplication.palette())
    (block,) = message.code_blocks()
    qtbot.waitUntil(lambda: block.colours is DARK)
    assert _colours_of(block) != light_colours
    tables = [w.text() for w in message.findChildren(QLabel) if "<table" in w.text()]
    assert tables and all(DARK.border in table for table in tables)
    assert Settings.from_dict({"appearance": "dark"}).appearance == "dark"  # saved as chosen
    window.apply_settings(dataclasses.replace(window.settings, appearance="light"))
    assert not is_dark(QGuiApplication.palette())


def test_the_appearance_setting_is_one_of_three(qtbot: QtBot) -> None:
    settings, notes = Settings.parse({"appearance": "purple"})
    assert settings.appearance == "system" and notes
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    box = dialog.findChild(QWidget, "setting_appearance")
    assert isinstance(box, QComboBox) and box.count() == 3
    box.setCurrentIndex(box.findData("dark"))
    assert dialog.values().appearance == "dark"
