"""The bundled CJK font for ReportLab: registered once per process, and its coverage.

``resources/fonts/WorkbenchSansSC-Regular.ttf`` has TrueType outlines, so ReportLab embeds it
as a subset (only the glyphs a document uses). It has no bold face: ``<b>`` maps to the same
regular face (emphasis on the sheet is size and colour), so markup never raises.

A character the font lacks (Extension B such as 𠀀, emoji) is reported before printing
(``missing_chars``) and drawn as the font's .notdef box, but it stays in the PDF's text layer:
see :class:`TextKeepingTTFont`.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from typing import Any

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from workbench.fontfile import font_path, is_invisible

FONT_NAME = "WorkbenchSansSC"

# A ToUnicode "bfchar" line whose destination is a code point past U+FFFF written as plain
# hex ("<05> <20000>"), which is not UTF-16BE and which readers ignore.
_WIDE_DESTINATION = re.compile(r"^<([0-9A-F]{2})> <([0-9A-F]{5,6})>$", re.MULTILINE)

_lock = threading.Lock()
_font: TextKeepingTTFont | None = None


def _utf16_hex(match: re.Match[str]) -> str:
    units = chr(int(match.group(2), 16)).encode("utf-16-be").hex().upper()
    return f"<{match.group(1)}> <{units}>"


class TextKeepingTTFont(TTFont):  # type: ignore[misc]  # ReportLab is untyped
    """ReportLab's TrueType font, except that a character the font lacks keeps its code point
    in the PDF's text layer.

    ReportLab (5.1: it has no ActualText or marked-content API) draws every character missing
    from the font with code 0, whose ToUnicode entry is U+0000: pdftotext and PDFium drop it,
    so 龚𠀀 would copy and search as 龚. Here such a character gets a code of its own in the
    subset, still drawn with glyph 0 (.notdef, the box it printed as before), and that code's
    ToUnicode entry names the character, as UTF-16BE (a surrogate pair past U+FFFF; ReportLab
    writes those as bare hex, which is fixed up after it wrote the map). Characters never
    drawn (controls, zero-width marks: ``is_invisible``) are left as ReportLab has them.
    """

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        #: the characters the file really has a glyph for (``face.charToGlyph`` grows below)
        self.covered: frozenset[int] = frozenset(self.face.charToGlyph)

    def splitString(self, text: str | bytes, doc: Any, encoding: str = "utf-8") -> Any:  # noqa: N802
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        to_glyph = self.face.charToGlyph
        for char in set(text):
            code = ord(char)
            if code not in to_glyph and code != 0xA0 and not is_invisible(char):
                to_glyph[code] = 0  # .notdef, but a code (and a ToUnicode entry) of its own
        return super().splitString(text, doc, encoding)

    def addObjects(self, doc: Any) -> None:  # noqa: N802
        super().addObjects(doc)
        for key, obj in doc.idToObject.items():
            if isinstance(key, str) and key.startswith("toUnicodeCMap:"):
                content = getattr(obj, "content", None)
                if isinstance(content, str):
                    obj.content = _WIDE_DESTINATION.sub(_utf16_hex, content)


def register_pdf_font() -> str:
    """Register the font with ReportLab (first call parses the file; later calls are free)."""
    global _font
    with _lock:
        if _font is None:
            font = TextKeepingTTFont(FONT_NAME, str(font_path()))
            pdfmetrics.registerFont(font)
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT_NAME, bold, italic, FONT_NAME)
            _font = font
    return FONT_NAME


def _covered() -> frozenset[int]:
    register_pdf_font()
    assert _font is not None
    return _font.covered


def missing_chars(texts: Iterable[str]) -> tuple[str, ...]:
    """The characters of ``texts`` (an iterable of strings) the font has no glyph for, sorted."""
    covered = _covered()
    chars: set[str] = set()
    for text in texts:
        chars.update(text)
    return tuple(sorted(c for c in chars if ord(c) not in covered and not is_invisible(c)))
