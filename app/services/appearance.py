"""How the window looks: the light or dark scheme, and the text size.

The scheme follows the desktop's (Qt's colour-scheme hint) unless the ``appearance``
setting names one; the text size is a zoom the person sets with Ctrl+plus and Ctrl+minus.
Both reach every widget the same way: the application's style sheet (app/assets/style.qss in
the scheme's colours and at the text size), its Qt palette, and its font. (Text sizes
live in the style sheet: Qt applies a new application font to widgets only one style
sheet later.)
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from app.gui import stylesheet
from app.theme import Palette, Scheme, palette_for

SYSTEM = "system"
CHOICES = (SYSTEM, Scheme.LIGHT.value, Scheme.DARK.value)
# Text sizes Ctrl+plus and Ctrl+minus step through, as browsers do (1.0 is 100%).
ZOOM_STEPS = (0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


def is_dark(palette: QPalette) -> bool:
    """Whether a Qt palette draws light text on a dark window."""
    return palette.color(Role.Window).lightness() < palette.color(Role.WindowText).lightness()


def current_colours() -> Palette:
    """The colours of the scheme in force (judged from the application's palette)."""
    scheme = Scheme.DARK if is_dark(QGuiApplication.palette()) else Scheme.LIGHT
    return palette_for(scheme)


def scheme_changed(event: QEvent, drawn_in: Palette | None) -> bool:
    """Whether ``event`` tells a widget that drew in ``drawn_in`` (None: nothing yet) to
    draw again: its palette changed, and so did the scheme."""
    return (
        event.type() == QEvent.Type.PaletteChange
        and drawn_in is not None
        and drawn_in is not current_colours()
    )


def qt_palette(colours: Palette) -> QPalette:
    """A Qt palette in a scheme's colours, for the widgets the style sheet leaves alone
    (dialogs, menus, spin boxes, lists, tooltips)."""
    palette = QPalette()
    button = QColor(colours.hover)
    roles = {
        Role.Window: colours.window,
        Role.WindowText: colours.text,
        Role.Base: colours.surface,
        Role.AlternateBase: colours.sidebar,
        Role.Text: colours.text,
        Role.Button: colours.hover,
        Role.ButtonText: colours.text,
        Role.BrightText: colours.on_accent,
        Role.Highlight: colours.accent,
        Role.HighlightedText: colours.on_accent,
        Role.Link: colours.link,
        Role.LinkVisited: colours.link,
        Role.PlaceholderText: colours.muted,
        Role.ToolTipBase: colours.surface,
        Role.ToolTipText: colours.text,
        Role.Accent: colours.accent,
        Role.Light: button.lighter(150).name(),
        Role.Midlight: button.lighter(125).name(),
        Role.Mid: colours.border,
        Role.Dark: button.darker(150).name(),
        Role.Shadow: button.darker(300).name(),
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (Role.WindowText, Role.Text, Role.ButtonText, Role.PlaceholderText):
        palette.setColor(Group.Disabled, role, QColor(colours.disabled))
    return palette


def _hinted_scheme() -> Scheme | None:
    """The desktop's scheme from Qt's hint, or None when the platform doesn't say."""
    hint = QGuiApplication.styleHints().colorScheme()
    if hint == Qt.ColorScheme.Dark:
        return Scheme.DARK
    if hint == Qt.ColorScheme.Light:
        return Scheme.LIGHT
    return None


class Appearance(QObject):
    """The scheme and text size in force, applied to the whole application.

    Nothing changes on screen until ``apply`` is called once (start-up does, when the
    window is built); after that, every change applies at once.

    Args:
        choice: ``system`` (follow the desktop), ``light`` or ``dark``.
        app: The application (default: the running one).
        desktop_scheme: Says the desktop's scheme (default: Qt's colour-scheme hint, or
            the lightness of the palette Hearth started with when the platform gives
            none); tests pass their own.
        parent: The Qt parent.

    Signals:
        changed(object): the ``Palette`` now in force, after each apply.
        zoomChanged(float): the text size (1.0 is 100%).
    """

    changed = Signal(object)
    zoomChanged = Signal(float)

    def __init__(
        self,
        choice: str = SYSTEM,
        app: QApplication | None = None,
        desktop_scheme: Callable[[], Scheme] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        running = app or QApplication.instance()
        assert isinstance(running, QApplication)
        self.app = running
        self.choice = choice if choice in CHOICES else SYSTEM
        self.zoom = 1.0
        self.applied = False
        self._applying = False
        self._started_dark = is_dark(running.palette())
        self._desktop_scheme = desktop_scheme or self._hinted_or_started
        self._base_font = QFont(running.font())
        self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._desktop_changed)

    @property
    def scheme(self) -> Scheme:
        """The scheme in force: the chosen one, or the desktop's."""
        if self.choice == SYSTEM:
            return self._desktop_scheme()
        return Scheme(self.choice)

    @property
    def colours(self) -> Palette:
        """The colours of the scheme in force."""
        return palette_for(self.scheme)

    def apply(self) -> None:
        """Puts the scheme and text size in force: style sheet, palette and font.

        A chosen scheme is also asked of the platform, so that what Qt doesn't draw (a
        native file dialog, the title bar) follows where the platform allows it.
        """
        if self._applying:
            return
        self._applying = self.applied = True
        try:
            self._request_scheme()
            self._apply()
        finally:
            self._applying = False

    def _apply(self) -> None:
        colours = self.colours
        font = QFont(self._base_font)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * self.zoom)
        else:
            font.setPixelSize(round(font.pixelSize() * self.zoom))
        self.app.setFont(font)
        self.app.setPalette(qt_palette(colours))
        points = self._base_font.pointSizeF()
        if points <= 0:  # a font sized in pixels: points at 96 dpi
            points = self._base_font.pixelSize() * 0.75
        self.app.setStyleSheet(stylesheet(colours, self.zoom, self._mono, points))
        self.changed.emit(colours)

    def set_choice(self, choice: str) -> None:
        """Follows the desktop (``system``) or keeps to ``light`` or ``dark``."""
        choice = choice if choice in CHOICES else SYSTEM
        if choice != self.choice:
            self.choice = choice
            if self.applied:
                self.apply()

    def set_zoom(self, zoom: float) -> None:
        """Sets the text size (1.0 is 100%), within the steps' range."""
        zoom = min(max(zoom, ZOOM_STEPS[0]), ZOOM_STEPS[-1]) if math.isfinite(zoom) else 1.0
        if abs(zoom - self.zoom) < 1e-6:
            return
        self.zoom = zoom
        if self.applied:
            self.apply()
        self.zoomChanged.emit(zoom)

    def zoom_in(self) -> None:
        """Larger text: the next step up."""
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom + 1e-6), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        """Smaller text: the next step down."""
        smaller = [z for z in ZOOM_STEPS if z < self.zoom - 1e-6]
        self.set_zoom(smaller[-1] if smaller else ZOOM_STEPS[0])

    def reset_zoom(self) -> None:
        """Text at 100%."""
        self.set_zoom(1.0)

    def _request_scheme(self) -> None:
        hints = QGuiApplication.styleHints()
        if self.choice == SYSTEM:
            hints.unsetColorScheme()
        else:
            scheme = Scheme(self.choice)
            hints.setColorScheme(
                Qt.ColorScheme.Dark if scheme is Scheme.DARK else Qt.ColorScheme.Light
            )

    def _hinted_or_started(self) -> Scheme:
        hinted = _hinted_scheme()
        if hinted is not None:
            return hinted
        return Scheme.DARK if self._started_dark else Scheme.LIGHT

    def _desktop_changed(self, _scheme: Qt.ColorScheme) -> None:
        """The desktop turned light or dark: follow it unless a scheme is chosen."""
        if self.applied and self.choice == SYSTEM:
            self.apply()
