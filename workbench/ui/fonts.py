"""The bundled CJK font: one file for the Qt UI and for the PDFs.

``resources/fonts/WorkbenchSansSC-Regular.ttf`` is Noto Sans CJK SC (SIL OFL 1.1), cut down
to the GBK repertoire, the CJK Unified Ideographs to U+9FEF and Extension A, plus Latin,
punctuation, symbols and full-width forms, with TrueType
outlines so that ReportLab can embed the very same file (see resources/fonts/README.md and
packaging/fonts/build_font.py).

Everything here needs a QGuiApplication (QApplication) and runs on the GUI thread:

    app = QApplication(sys.argv)
    apply_app_font(app)                # registers the font, makes it the default
    missing_glyphs("王喆 𠀀")           # -> ["𠀀"]: warn before it prints as a box
    set_latin_ellipsis(app, True)      # English: "…" on the baseline (i18n.install does it)
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QRawFont
from PySide6.QtWidgets import QApplication

# FONT_FILE, font_path and gbk_codepoints are re-exported for the callers that know them here.
from workbench.fontfile import (  # noqa: F401
    ELLIPSIS_FAMILY,
    ELLIPSIS_FILE,
    FONT_FAMILY,
    FONT_FILE,
    font_path,
    gbk_codepoints,
    is_invisible,
)

_font_id: int | None = None
_ellipsis_id: int | None = None
_raw_font: QRawFont | None = None


def _require_gui_application() -> None:
    if QGuiApplication.instance() is None:
        raise RuntimeError("the bundled font needs a QApplication: create it first")


def register_fonts() -> str:
    """Add the bundled font to Qt's application fonts (once) and return its family name.

    Idempotent: later calls return the family without loading the file again. Raises
    RuntimeError when there is no QApplication yet or Qt cannot load the file.
    """
    global _font_id
    _require_gui_application()
    if _font_id is not None and FONT_FAMILY in QFontDatabase.applicationFontFamilies(_font_id):
        return FONT_FAMILY
    path = font_path()
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        raise RuntimeError(f"Qt could not load the bundled font {path}")
    families = QFontDatabase.applicationFontFamilies(font_id)
    if FONT_FAMILY not in families:
        QFontDatabase.removeApplicationFont(font_id)
        raise RuntimeError(
            f"the bundled font {path} has the families {families}, expected {FONT_FAMILY!r}"
        )
    _font_id = font_id
    return FONT_FAMILY


def apply_app_font(app: QApplication, point_size: float | None = None) -> None:
    """Make the bundled font the application's default font.

    Keeps the platform's default size unless ``point_size`` is given. Characters the font
    lacks still show: Qt falls back to the system's fonts for them on screen (PDFs made
    with the font get no such fallback: check them with ``missing_glyphs``).
    """
    family = register_fonts()
    font = QFont(app.font())
    font.setFamilies([family])
    if point_size is not None:
        font.setPointSizeF(point_size)
    app.setFont(font)


def set_latin_ellipsis(app: QGuiApplication, on: bool) -> None:
    """Draw U+2026 on the baseline (English, ``on``) or centred, the Chinese way (off).

    The CJK font centres the ellipsis ("New visit···"). ``on`` puts the one-glyph font
    Workbench Latin Ellipsis before it in the application font's families: Qt then takes
    "…" from it, also where it elides a text itself, and every other character from the
    CJK font. Nothing happens when the application font is not the bundled one.
    """
    global _ellipsis_id
    font = QFont(app.font())
    families = [f for f in font.families() if f != ELLIPSIS_FAMILY]
    if FONT_FAMILY not in families:
        return
    if on:
        if _ellipsis_id is None:
            font_id = QFontDatabase.addApplicationFont(str(font_path(ELLIPSIS_FILE)))
            if ELLIPSIS_FAMILY not in QFontDatabase.applicationFontFamilies(font_id):
                raise RuntimeError(f"Qt could not load the bundled font {ELLIPSIS_FILE}")
            _ellipsis_id = font_id
        families.insert(0, ELLIPSIS_FAMILY)
    if families != font.families():
        font.setFamilies(families)
        app.setFont(font)


def _raw() -> QRawFont:
    global _raw_font
    if _raw_font is None:
        _require_gui_application()
        path = font_path()
        raw = QRawFont(str(path), 12.0)
        if not raw.isValid():
            raise RuntimeError(f"Qt could not read the bundled font {path}")
        _raw_font = raw
    return _raw_font


def missing_glyphs(text: str) -> list[str]:
    """The characters of ``text`` that the bundled font has no glyph for.

    Each missing character once, in the order of its first appearance. Characters that are
    never drawn (controls such as newline and tab, zero-width and direction marks,
    variation selectors) are not reported.
    """
    raw = _raw()
    missing: list[str] = []
    seen: set[str] = set()
    for char in text:
        if char in seen:
            continue
        seen.add(char)
        if not is_invisible(char) and not raw.supportsCharacter(ord(char)):
            missing.append(char)
    return missing
