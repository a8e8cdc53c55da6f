"""The bundled CJK font for ReportLab: registered once per process, and its coverage.

``resources/fonts/WorkbenchSansSC-Regular.ttf`` has TrueType outlines, so ReportLab embeds it
as a subset (only the glyphs a document uses). It has no bold face: ``<b>`` maps to the same
regular face (emphasis on the sheet is size and colour), so markup never raises.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from workbench.fontfile import font_path, is_invisible

FONT_NAME = "WorkbenchSansSC"

_lock = threading.Lock()
_font: TTFont | None = None

def register_pdf_font() -> str:
    """Register the font with ReportLab (first call parses the file; later calls are free)."""
    global _font
    with _lock:
        if _font is None:
            font = TTFont(FONT_NAME, str(font_path()))
            pdfmetrics.registerFont(font)
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT_NAME, bold, italic, FONT_NAME)
            _font = font
    return FONT_NAME


def _covered() -> dict[int, int]:
    register_pdf_font()
    assert _font is not None
    return _font.face.charToGlyph  # type: ignore[no-any-return]


def missing_chars(texts: Iterable[str]) -> tuple[str, ...]:
    """The characters of ``texts`` (an iterable of strings) the font has no glyph for, sorted."""
    covered = _covered()
    chars: set[str] = set()
    for text in texts:
        chars.update(text)
    return tuple(sorted(c for c in chars if ord(c) not in covered and not is_invisible(c)))
