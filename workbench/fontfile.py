"""The bundled CJK font file (Workbench Sans SC) and the rules about its coverage, shared by
the Qt UI (workbench/ui/fonts.py) and the PDF renderer (workbench/proposals/pdf_fonts.py).
Pure Python: no Qt, no ReportLab."""

from __future__ import annotations

import unicodedata
from importlib.resources import files
from pathlib import Path

FONT_FAMILY = "Workbench Sans SC"
FONT_FILE = "WorkbenchSansSC-Regular.ttf"
#: U+2026 alone, on the baseline, for English text (packaging/fonts/build_ellipsis_font.py).
ELLIPSIS_FAMILY = "Workbench Latin Ellipsis"
ELLIPSIS_FILE = "WorkbenchLatinEllipsis-Regular.ttf"

# Characters that are never drawn with a glyph of their own, so never "missing": controls
# (tab, newline), format characters (zero-width space/joiners, direction marks, soft
# hyphen), line and paragraph separators; and variation selectors.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})
_VARIATION_SELECTORS = (range(0xFE00, 0xFE10), range(0xE0100, 0xE01F0), range(0x180B, 0x1810))


def font_path(name: str = FONT_FILE) -> Path:
    """A bundled font file (the CJK font unless told), inside the installed package
    ``workbench.resources``."""
    resource = files("workbench.resources").joinpath("fonts").joinpath(name)
    path = Path(str(resource))
    if not path.is_file():
        raise RuntimeError(
            f"the bundled font {name} is not a file on disk (looked at {path}); "
            "is the package installed with its data (workbench.resources/fonts)?"
        )
    return path


def is_invisible(char: str) -> bool:
    """Never drawn with a glyph of its own (so never reported as missing)."""
    code = ord(char)
    return unicodedata.category(char) in _INVISIBLE_CATEGORIES or any(
        code in selectors for selectors in _VARIATION_SELECTORS
    )


# The Han the bundled font covers beyond GBK: every CJK Unified Ideograph up to U+9FEF
# (Unicode 11, as GB 18030-2022 implementation level 1 requires) and Extension A up to
# U+4DB5 (Unicode 3.0). U+9FF0-9FFF and U+4DB6-4DBF (Unicode 13/14) are not in the source
# font; Extension B (U+20000-2A6DF) and beyond are not bundled.
HAN_RANGES: tuple[tuple[int, int], ...] = ((0x4E00, 0x9FEF), (0x3400, 0x4DB5))


def han_codepoints() -> list[int]:
    """CJK Unified Ideographs U+4E00-9FEF and Extension A U+3400-4DB5: 27,558 code points
    the bundled font must cover (its build script and tests use it)."""
    return [code for first, last in HAN_RANGES for code in range(first, last + 1)]


def gbk_codepoints() -> list[int]:
    """Every code point Python's GBK codec decodes from a valid two-byte sequence, in GBK
    order: the repertoire the bundled font must cover (its build script and tests use it)."""
    found: list[int] = []
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            if trail == 0x7F:
                continue
            try:
                text = bytes((lead, trail)).decode("gbk")
            except UnicodeDecodeError:
                continue
            if len(text) == 1:
                found.append(ord(text))
    return found
